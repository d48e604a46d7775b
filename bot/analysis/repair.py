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
# Words that negate a clause as "not" does: "it had nothing to do with anything you did".
NEGATORS = {"nothing", "none", "never", "no"}
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

    @classmethod
    def from_dict(cls, data: dict) -> "RepairResult":
        return cls(components=[Finding.from_dict(c) for c in data.get("components") or []],
                   blockers=[Finding.from_dict(b) for b in data.get("blockers") or []],
                   summary=dict(data.get("summary") or {}),
                   language_supported=bool(data.get("language_supported", True)))


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
    for name in lexicon["blockers"]:
        spans = [m.span for m in by_name.get(name, []) if _passes(m, lexicon, found, by_name)]
        if name == "self_abasement":
            # A promise of anything takes the rest of its sentence with it: "I'll do anything to
            # make it up to you" offers nothing concrete, "... from now on" declares nothing.
            spans = [doc[s.start : s.sent.end] if m.label.endswith("/unconditional_promise") else s
                     for m, s in ((m, m.span) for m in by_name.get(name, []) if _passes(m, lexicon, found, by_name))]
            spans += _repeated_apologies(doc, lexicon["self_abasement"])
        if spans:
            found[name] = spans

    # An apology or an admission taken back by what follows a "but" ("I was wrong to yell, but you
    # did provoke me") is blame; the ownership it took back is not counted as a component.
    taken_back = _taken_back(doc, by_name, lexicon, found)
    for name, spans in (("sorry_but", taken_back.sorry_but), ("blame", taken_back.blame)):
        if spans:
            found[name] = found.get(name, []) + spans
    blockers = [_finding(name, found[name], explanation)
                for name, explanation in lexicon["blockers"].items() if found.get(name)]

    components: list[RepairFinding] = []
    for name, explanation in lexicon["components"].items():
        spans = [m.span for m in by_name.get(name, []) if _passes(m, lexicon, found, by_name)]
        if name == "acknowledgement_of_responsibility":
            spans = [s for s in spans if not _overlaps(s, taken_back.undone)]
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


def _not_about_speaker(span: Span, _by_name) -> bool:
    # "I'm such an idiot" is self-criticism (see self_abasement), not contempt for the other person.
    # Only single insult words: sarcastic phrases ("sorry I'm not perfect") are contempt whoever
    # their grammatical subject is.
    if len(span) > 1:
        return True
    for token in (span.root, span.root.head):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0].lower_ not in FIRST_PERSON
    return True


def _takes_back(span: Span, by_name) -> bool:
    # "I'm sorry I snapped, but I want to make it right" goes on to repair, "..., but you matter to
    # me" reassures and "..., but how was it for you?" asks: none of them takes anything back.
    rules = load_lexicon(LEXICON)["concession"]
    after = span.doc[span.end : span.sent.end]
    asks = any(after.start <= m.span.start < after.end for m in by_name.get("curiosity_about_other", []))
    return not (asks or _commits(after, rules) or _reassures(after, rules))


def _reassures(after: Span, rules: dict) -> bool:
    kind = set(rules["kind_lemmas"])
    subjects = [t for t in after if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ == "you"]
    return bool(subjects) and all(
        t.head.lemma_.lower() in kind or any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in kind
                                             for c in t.head.children) for t in subjects)


_GUARDS["not_about_speaker"] = _not_about_speaker
_GUARDS["takes_back"] = _takes_back


# --- taken back: an apology or admission, a concession, then blame or an excuse -----------------

@dataclass
class _TakenBack:
    sorry_but: list[Span] = field(default_factory=list)  # from the apology to the concessive word
    blame: list[Span] = field(default_factory=list)      # what the concession puts on the other
    undone: list[Span] = field(default_factory=list)     # the ownership that blame takes back


def _taken_back(doc: Doc, by_name: dict[str, list[PatternMatch]], lexicon: dict,
                found: dict[str, list[Span]]) -> _TakenBack:
    """Apology or ownership, then "but" / "though" / "then again" / "because" and what follows.

    Followed by blame ("but you did provoke me", "you drove me to it, though"), the apology is
    taken back (sorry_but), the words after the concession are blame, and the ownership before it
    no longer counts. Followed by an excuse ("but I was exhausted") it is taken back but the
    ownership stands; followed by a repair ("but I want to make it right") nothing is taken back.
    """
    rules = lexicon["concession"]
    anchors = [m.span for name in ("acknowledgement_of_responsibility", "expression_of_regret")
               for m in by_name.get(name, []) if _passes(m, lexicon, found, by_name)]
    # A bare "Sorry, but ..." is no regret, yet what follows its "but" can still be blame.
    anchors += [m.span[:1] for m in by_name.get("sorry_but", [])]
    result = _TakenBack()
    if not anchors:
        return result
    sentences = list(doc.sents)
    for index, sent in enumerate(sentences):
        turn = _concession(sent, rules)
        if turn is None:
            continue
        kind, concessive, after = turn
        if kind in ("inner", "causal"):
            region = doc[sent.start : concessive.start]
        elif index > 0:
            region = doc[sentences[index - 1].start : concessive.start if kind == "opening" else sent.start]
        else:
            continue
        owned = [a for a in anchors if region.start <= a.start and a.end <= region.end]
        if not owned or _commits(after, rules):
            continue
        blame = _blames(after, by_name, rules)
        first = min(a.start for a in owned)
        taken = doc[first : concessive.end]
        if blame is not None:
            result.blame.append(blame)
            result.undone.append(region)
            if kind != "causal":
                result.sorry_but.append(taken)
        elif kind == "inner" and _excuses(after, by_name, found):
            result.sorry_but.append(taken)
    return result


def _concession(sent: Span, rules: dict) -> tuple[str, Span, Span] | None:
    """Where a sentence concedes: (kind, the concessive words, the words after them).

    "inner": "..., but you ..."; "opening": "Then again, you started it." (takes back the sentence
    before); "trailing": "You drove me to it, though."; "causal": "I yelled because you ...".
    """
    doc = sent.doc
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words:
        return None
    lowered = [t.lower_ for t in words]
    for phrase in rules["phrases"]:
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            if lowered[i : i + len(parts)] == parts:
                span = doc[words[i].i : words[i + len(parts) - 1].i + 1]
                return ("opening" if i == 0 else "inner"), span, doc[span.end : sent.end]
    first = words[0]
    if first.lower_ in rules["opening_words"] and len(words) > 1:
        return "opening", doc[first.i : first.i + 1], doc[first.i + 1 : sent.end]
    if words[-1].lower_ in rules["trailing_words"] and len(words) > 2:
        return "trailing", doc[words[-1].i : words[-1].i + 1], doc[sent.start : words[-1].i]
    for token in words[1:]:
        if token.lower_ in rules["inner_words"] and token.dep_ in ("cc", "mark", "advmod", "prep"):
            return "inner", doc[token.i : token.i + 1], doc[token.i + 1 : sent.end]
        if token.lower_ in rules["causal_words"] and token.dep_ in ("mark", "prep", "advmod"):
            return "causal", doc[token.i : token.i + 1], doc[token.i + 1 : sent.end]
    return None


def _commits(after: Span, rules: dict) -> bool:
    text = " ".join(t.lower_ for t in after if not t.is_punct)
    return any(text.startswith(opener) for opener in rules["repair_openers"])


def _blames(after: Span, by_name: dict[str, list[PatternMatch]], rules: dict) -> Span | None:
    """The other person as the one at fault in the words after a concession, or None."""
    for match in by_name.get("blame", []):
        if after.start <= match.span.start and match.span.end <= after.end and _not_negated(match.span, by_name):
            return match.span
    if after.text.rstrip().endswith("?"):
        return None
    kind = set(rules["kind_lemmas"])
    for token in after:
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        yours = token.lower_ == "you" or any(c.lower_ == "your" and c.dep_ == "poss" for c in token.children)
        verb = token.head
        if not yours or verb.lemma_.lower() in kind:
            continue
        if any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in kind for c in verb.children):
            continue
        # "but it wasn't because of anything you did": a negation over the clause makes it
        # ownership; so does one on the verb when it says the other is not at fault ("but you
        # didn't deserve that", "you don't have to forgive me"), but not "you wouldn't stop".
        # "either" / "too" makes any of them a counter-charge ("your tone wasn't great either").
        # The main clause of a condition does not count ("if you'd stop nagging I wouldn't ...").
        chain = [verb]
        while chain[-1].dep_ not in ("ROOT", "advcl") and chain[-1].head is not chain[-1]:
            chain.append(chain[-1].head)
        negated = [t for t in chain if after.start <= t.i < after.end and any(
            c.dep_ == "neg" or c.lower_ in NEGATORS for c in t.children)]
        countered = any(t.lower_ in rules["counter_words"] for t in after)
        if negated and not countered and (negated != [verb] or verb.lemma_.lower() in rules["not_at_fault_lemmas"]):
            continue
        return after.doc[max(after.start, min(token.i, verb.i)) : after.end]
    return None


def _excuses(after: Span, by_name: dict[str, list[PatternMatch]], found: dict[str, list[Span]]) -> bool:
    spans = found.get("defensiveness", []) + [m.span for m in by_name.get("explanation", [])]
    return any(after.start <= s.start < after.end for s in spans)


def _repeated_apologies(doc: Doc, rules: dict) -> list[Span]:
    """Apologies said over and over ("I'm sorry, I'm sorry, ..."): two bare apologies close
    together, or three bare ones anywhere. An apology that goes on to say what for ("I'm sorry. I'm sorry I
    hurt you.") is not bare."""
    words = set(rules["apology_words"])
    bare = [t for t in doc if t.lower_ in words and (t.i + 1 >= len(doc) or doc[t.i + 1].is_punct)]
    if len(bare) >= 3:
        return [doc[bare[0].i : bare[-1].i + 1]]
    for first, second in zip(bare, bare[1:]):
        if second.i - first.i <= rules["max_gap"]:
            return [doc[first.i : second.i + 1]]
    return []
