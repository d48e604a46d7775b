"""Repair rubric: which parts of a good repair attempt a message has, and what blocks it.

Components follow the apology research of Lewicki, Polin & Lount (2016) (regret, explanation,
responsibility, repentance, offer of repair, request for forgiveness), Gottman's soft start-up and
Safran & Muran's repair through exploring the other person's experience; blockers are the
non-apologies and Gottman's four horsemen (domain.md section 4). Words and patterns live in
`lexicons/repair.yml`; this module runs them over the parse and applies the parse checks ("guards")
that a word list alone cannot: "I'm not sorry" is not regret, "it wasn't my fault" is not owning it,
"I'm sorry you feel that way" apologises for the other person's feelings, not for a deed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from bot.analysis.evidence import Evidence, Finding
from bot.analysis.language import is_probably_english
from bot.analysis.patterns import PatternMatch, load_lexicon, outermost, pattern_set

LEXICON = "repair"
FIRST_PERSON = {"i", "we"}
COMPLEMENT_DEPS = {"acomp", "attr", "dobj", "pobj", "oprd", "xcomp", "ccomp", "prep", "advmod", "ROOT"}


# A component or blocker: its name, the words that show it, and what it means.
RepairFinding = Finding


@dataclass
class RepairResult:
    components: list[RepairFinding] = field(default_factory=list)
    blockers: list[RepairFinding] = field(default_factory=list)
    summary: dict = field(default_factory=dict)
    language_supported: bool = True

    def component_names(self) -> set[str]:
        return {c.name for c in self.components}

    def blocker_names(self) -> set[str]:
        return {b.name for b in self.blockers}

    def to_dict(self) -> dict:
        return {
            "components": [c.to_dict() for c in self.components],
            "blockers": [b.to_dict() for b in self.blockers],
            "summary": dict(self.summary),
            "language_supported": self.language_supported,
        }


def analyze_repair(doc: Doc) -> RepairResult:
    """Find repair components and blockers in a parsed repair attempt."""
    lexicon = load_lexicon(LEXICON)
    if not is_probably_english(doc):
        return RepairResult(summary=_summary(set(), lexicon), language_supported=False)
    matches = pattern_set(LEXICON, doc.vocab).find(doc)
    by_name: dict[str, list[PatternMatch]] = {}
    for match in matches + _curious_questions(doc, lexicon["curiosity_questions"]):
        by_name.setdefault(_name(match.label), []).append(match)

    # Blockers first, then components, each in lexicon order: a guard "not_in_<name>" can refer to
    # any blocker and to any component listed before the one it guards.
    found: dict[str, list[Span]] = {}
    blockers: list[RepairFinding] = []
    for name, explanation in lexicon["blockers"].items():
        spans = [m.span for m in by_name.get(name, []) if _passes(m, lexicon, found, by_name)]
        if name == "blame":
            spans += _blame_after_sorry_but(found.get("sorry_but", []))
        if spans:
            found[name] = spans
            blockers.append(_finding(name, spans, explanation))

    components: list[RepairFinding] = []
    for name, explanation in lexicon["components"].items():
        spans = [m.span for m in by_name.get(name, []) if _passes(m, lexicon, found, by_name)]
        if spans:
            found[name] = spans
            components.append(_finding(name, spans, explanation))

    return RepairResult(components, blockers, _summary({c.name for c in components}, lexicon))


def _curious_questions(doc: Doc, rules: dict) -> list[PatternMatch]:
    """Questions to the other person about their experience ("How was that for you?")."""
    found = []
    for sent in doc.sents:
        if not sent.text.rstrip().endswith("?"):
            continue
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        while words and words[0].lower_ in rules["fillers"]:
            words = words[1:]
        if not words or not any(t.lower_ in rules["second_person"] for t in words):
            continue
        opener = words[0].lower_
        if opener in rules["wh_words"] or (
                opener in rules["auxiliaries"] and any(t.lemma_.lower() in rules["experience_words"] for t in words)):
            found.append(PatternMatch("curiosity_about_other/question", sent))
    return found


def _name(label: str) -> str:
    return label.split("/", 1)[0]


def _summary(found: set[str], lexicon: dict) -> dict:
    key = lexicon["key_components"]
    summary = {name: name in found for name in key}
    summary["both_key_components"] = all(summary[name] for name in key)
    return summary


def _finding(name: str, spans: Iterable[Span], explanation: str) -> RepairFinding:
    return RepairFinding(name, [Evidence.from_span(s, name, explanation) for s in outermost(spans)], explanation)


# --- guards: parse checks a pattern match must pass -------------------------------------------

def _passes(match: PatternMatch, lexicon: dict, found: dict[str, list[Span]], by_name) -> bool:
    guards = lexicon.get("guards") or {}
    names = guards.get(match.label, guards.get(_name(match.label), []))
    for guard in names:
        if guard.startswith("not_in_"):
            if _overlaps(match.span, found.get(guard[len("not_in_"):], [])):
                return False
        elif not _GUARDS[guard](match.span, by_name):
            return False
    return True


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span.start_char < o.end_char and o.start_char < span.end_char for o in others)


def _not_negated(span: Span, _by_name) -> bool:
    # Negation inside the phrase belongs to it ("I shouldn't have"); negation on the phrase's own
    # word or the word it hangs from reverses it ("I'm not sorry", "it wasn't my fault").
    inside = {t.i for t in span}
    root = span.root
    # The head's negation only reaches words that complete it ("it wasn't [my fault]"), not a
    # subject or a loose phrase ("my bad, won't happen again").
    heads = (root, root.head) if root.dep_ in COMPLEMENT_DEPS else (root,)
    for token in heads:
        if any(child.dep_ == "neg" and child.i not in inside for child in token.children):
            return False
    return True


def _first_person(span: Span, _by_name) -> bool:
    # "you should be sorry" and "she's sorry" are not the speaker's regret; "Sorry for ..." has no
    # subject and is.
    for token in (span.root, span.root.head):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0].lower_ in FIRST_PERSON
    return True


def _statement(span: Span, _by_name) -> bool:
    return not span.sent.text.rstrip().endswith("?")


def _bare_sorry_kept(span: Span, by_name) -> bool:
    # "Sorry, but ..." says nothing about what the speaker regrets; "I'm sorry I shouted, but ..."
    # still does (the "but" is reported as its own blocker).
    for match in by_name.get("sorry_but", []):
        if match.span.start == span.start:
            between = [t for t in match.span[1:-1] if not t.is_punct]
            return bool(between)
    return True


def _whole_message(span: Span, _by_name) -> bool:
    words = [t for t in span.doc if not (t.is_punct or t.is_space)]
    return all(span.start <= t.i < span.end for t in words)


def _not_future(span: Span, _by_name) -> bool:
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return not any(child.tag_ == "MD" for child in verb.children)


_GUARDS: dict[str, Callable[[Span, dict], bool]] = {
    "not_future": _not_future,
    "not_negated": _not_negated,
    "first_person": _first_person,
    "statement": _statement,
    "bare_sorry_kept": _bare_sorry_kept,
    "whole_message": _whole_message,
}


def _blame_after_sorry_but(sorry_buts: list[Span]) -> list[Span]:
    """"Sorry, but you ..." turns the apology into an accusation: "you" is the subject after "but"."""
    found = []
    for span in sorry_buts:
        but = span[-1]
        for token in span.sent:
            if token.i > but.i and token.lower_ == "you" and token.dep_ in ("nsubj", "nsubjpass"):
                found.append(span.doc[but.i : token.head.i + 1] if token.head.i > token.i else span.doc[but.i : token.i + 1])
                break
    return found
