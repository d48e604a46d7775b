"""Risk detector: suicide, self-harm, harm to others, abuse or danger, and worry for someone else.

Recall first. The patterns in `lexicons/risk.yml` fire on every phrasing we know of (lower case, no
punctuation, typos, slang); the dependency parse then sets aside only what is clearly not a
disclosure, and says why in `set_aside`:
- negated: "I would never hurt myself", "I have no plans to kill myself" (a negation on the matched
  words' own chain of heads; "I don't want to live" is itself a pattern, so it is not negated);
- a figure of speech: "this deadline is killing me" (a thing, not a person, does the harm),
  "I could kill for a coffee", "dying to see it" (lexicon idioms);
- fiction, news, games, song lyrics, a hypothetical someone, people in general, when the words are
  not the speaker's own ("in the film he kills himself", "I killed him in Fortnite");
- a bare mention ("suicide rates are rising") that is not about the speaker.
Someone else at risk ("my sister said she wants to die") becomes `third_party_concern`; someone
hurting the speaker ("he hits me") becomes `abuse_or_danger`.

Decision on the past: a statement placed in a past that is over ("years ago I thought about
suicide", "I used to cut") is kept as a finding marked "past", at most at the `concern` level: the
therapist should hear of it, the conversation need not stop cold. "Last night", "again", "now" keep
it current. Severity follows the C-SSRS ladder (see the lexicon's header).

`RiskResult.to_dict()`:
    flagged      true when there is at least one finding
    level        "none" | "concern" | "high" | "imminent" (the highest finding's level)
    findings     one per category, most urgent first: category, severity (1-5), level, evidence
                 (start/end character offsets into the text, text, marker = the pattern's label,
                 explanation), explanation (one line for the therapist), qualifiers ("past",
                 "reported", "about someone else (...)", "said as what could have happened")
    language_supported   false when the text does not look like English (patterns still ran)
    set_aside    matches that were judged not to be disclosures, each with the reason, so a
                 reviewer can see what was considered ("this deadline is killing me": a figure...)
Clients are never shown severities or levels; the dialogue uses them, therapists read them.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from bot.analysis.evidence import Evidence
from bot.analysis.language import is_probably_english
from bot.analysis.anchored_patterns import AnchoredPatterns
from bot.analysis.patterns import PatternMatch, PatternSet, load_lexicon

LEXICON = "risk"
LEVELS = ("none", "concern", "high", "imminent")
CATEGORIES = ("suicidal_ideation", "self_harm", "harm_to_others", "abuse_or_danger", "third_party_concern")
# Self-directed categories: when the person is someone else they become a third-party concern.
SELF_DIRECTED = {"suicidal_ideation", "self_harm"}
# Links from a word up to its head along which the word still belongs to the same predicate (so a
# negation or an intent word on the head reaches it); clausal links (ccomp, advcl, relcl) stop it.
CHAIN_LINKS = {"xcomp", "aux", "auxpass", "pcomp", "prep", "pobj", "dobj", "acomp", "attr", "acl", "prt", "compound", "amod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
QUOTE_MARKS = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb", "``", "''"}


@dataclass
class RiskFinding:
    category: str
    severity: int
    evidence: list[Evidence]
    explanation: str
    level: str = "concern"
    qualifiers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "category": self.category,
            "severity": self.severity,
            "level": self.level,
            "evidence": [e.to_dict() for e in self.evidence],
            "explanation": self.explanation,
            "qualifiers": list(self.qualifiers),
        }


@dataclass
class RiskResult:
    flagged: bool
    level: str
    findings: list[RiskFinding]
    language_supported: bool = True
    set_aside: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "flagged": self.flagged,
            "level": self.level,
            "findings": [f.to_dict() for f in self.findings],
            "language_supported": self.language_supported,
            "set_aside": [e.to_dict() for e in self.set_aside],
        }

    def categories(self) -> set[str]:
        return {f.category for f in self.findings}

    def finding(self, category: str) -> RiskFinding | None:
        return next((f for f in self.findings if f.category == category), None)


@dataclass
class _Candidate:
    rule: str
    label: str
    span: Span
    category: str
    severity: int
    explanation: str
    qualifiers: list[str] = field(default_factory=list)


class _Lexicon:
    """The word lists of risk.yml as sets, read once."""

    def __init__(self, raw: dict):
        self.rules: dict = raw["rules"]
        self.levels: dict = {cat: {int(k): v for k, v in table.items()} for cat, table in raw["levels"].items()}
        self.past_cap: str = raw.get("past_level_cap", "concern")
        self.short_message: int = int(raw.get("keyword_message_max_tokens", 4))
        words = lambda key: {w.lower() for w in raw.get(key) or []}  # noqa: E731
        self.first = words("first_person")
        self.second = words("second_person")
        self.third = words("third_person_pronouns")
        self.things = words("non_person_pronouns")
        self.person_nouns = words("person_nouns")
        self.negations = words("negation_words")
        self.negation_links = words("negation_links")
        self.speech_verbs = words("speech_verbs")
        self.urge_verbs = words("urge_verbs")
        self.mention_variants = set(raw.get("mention_variants") or [])
        self.not_subjects = words("not_subjects")
        self.negation_typos = words("negation_typos")
        self.common_words = frozenset(words("common_words"))
        self.slang_acts = words("slang_acts")
        self.relationship_ambiguous = set(raw.get("relationship_ambiguous") or [])
        self.speaker_objects = words("speaker_objects")
        self.passive_wish_verbs = words("passive_wish_verbs")
        self.instruction_verbs = words("instruction_verbs")
        self.threat_auxiliaries = words("threat_auxiliaries")
        self.counterfactual_modals = words("counterfactual_modals")
        self.perfect_auxiliaries = words("perfect_auxiliaries")
        vocab = raw.get("vocab") or {}
        self.myself = {w.lower() for w in vocab.get("myself") or []}
        self.reflexive_other = {w.lower() for w in vocab.get("reflexive_other") or []} - {"yourself"}


@functools.lru_cache(maxsize=None)
def _pattern_sets_for(vocab_id: int, vocab: Vocab) -> tuple[AnchoredPatterns, PatternSet]:
    patterns = load_lexicon(LEXICON).get("token_patterns") or {}
    rules = {label: p for label, p in patterns.items() if not label.startswith("cue/")}
    cues = {label: p for label, p in patterns.items() if label.startswith("cue/")}
    return AnchoredPatterns(vocab, rules, _lexicon().common_words), PatternSet(vocab, {"token_patterns": cues})


def _pattern_sets(vocab: Vocab) -> tuple[AnchoredPatterns, PatternSet]:
    """The rule patterns (each run only when its anchor word is in the text) and the cue patterns,
    compiled once per vocabulary."""
    return _pattern_sets_for(id(vocab), vocab)


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon(load_lexicon(LEXICON))


# ---------------------------------------------------------------- public API


def assess_risk(doc: Doc) -> RiskResult:
    """Find risk language in a parsed text. Never raises on odd text; English patterns always run."""
    lex = _lexicon()
    rule_set, cue_set = _pattern_sets(doc.vocab)
    matches = rule_set.find(doc)
    if not matches:
        return RiskResult(flagged=False, level="none", findings=[], language_supported=is_probably_english(doc))
    # Cues only change how a rule's match is read, so they are looked for only when one matched.
    cues = _Cues(doc, cue_set.find(doc))
    quoted = _quoted_tokens(doc)
    kept: list[_Candidate] = []
    set_aside: list[Evidence] = []
    for match in matches:
        rule = match.label.split("/", 1)[0]
        if rule == "cue":
            continue
        candidate, reason = _judge(match, rule, lex, cues, quoted, doc)
        if candidate is None:
            set_aside.append(Evidence.from_span(match.span, match.label, reason))
        else:
            kept.append(candidate)
    findings = _merge(kept, lex)
    level = max((f.level for f in findings), key=LEVELS.index, default="none")
    return RiskResult(
        flagged=bool(findings),
        level=level,
        findings=findings,
        language_supported=is_probably_english(doc),
        set_aside=_dedupe_evidence(set_aside),
    )


# Texts longer than this are parsed in pieces so that nothing is ever cut off (recall first).
CHUNK_CHARS = 20_000


def assess_risk_text(text: object) -> RiskResult:
    """Parse `text` with the shared pipeline and assess it; the whole text, however long."""
    from bot.analysis.cleaning import prepare
    from bot.nlp import load_nlp

    prepared = prepare(text, max_chars=10**12)  # cleaning only; length and offsets are kept
    nlp = load_nlp()
    pieces = list(_chunks(_blank_markup(prepared.text), CHUNK_CHARS))
    results = [(offset, assess_risk(doc)) for offset, doc in zip((o for o, _ in pieces), nlp.pipe(t for _, t in pieces))]
    if len(results) == 1:
        return results[0][1]
    return _combine(results)


# An HTML-like tag glued to words ("<b>i want") would hide them from the tokenizer.
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^<>]{0,200}>")


def _blank_markup(text: str) -> str:
    """Tags replaced by spaces of the same length, so the words inside are read and offsets hold."""
    return _TAG.sub(lambda m: " " * len(m.group()), text)


# ---------------------------------------------------------------- judging one match


def _judge(match: PatternMatch, rule: str, lex: _Lexicon, cues: "_Cues", quoted: set[int], doc: Doc):
    """A candidate finding for this match, or (None, why it was set aside)."""
    span = match.span
    spec = lex.rules[rule]
    candidate = _Candidate(rule, match.label, span, spec["category"], int(spec["severity"]), spec["explanation"])
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]

    if cues.overlaps("cue/idiom", span):
        return None, "A figure of speech, not a disclosure."
    if _negated(span, lex):
        return None, "Negated: says this is not so."
    if match.label in lex.relationship_ambiguous and cues.in_sentence("cue/relationship", sent):
        return None, "About ending a relationship, not a life."

    chain = _head_chain(span.root)
    reporter = _reporter(span, chain, lex)
    is_quoted = any(t.i in quoted for t in span)
    fictional = cues.in_sentence("cue/fiction", sent)
    gaming = cues.in_sentence("cue/game", sent)
    generic = cues.in_sentence("cue/generic", sent)

    if rule in ("harm_verb", "weak_harm_verb", "physical"):
        outcome = _resolve_harm(candidate, chain, lex, cues, sent, reporter, is_quoted)
        if isinstance(outcome, str):
            return None, outcome
        if gaming or fictional:
            return None, "Said about a game, sport, film, book or song."
    else:
        can_be_mention = bool(spec.get("mention")) or (
            match.label in lex.mention_variants and span.root.pos_ in ("NOUN", "PROPN", "ADJ")
            and span.root.lower_ not in lex.slang_acts
        )
        person = _person_of(span, lex, reporter, is_quoted, can_be_mention)
        if (fictional or generic) and (person in ("third", "thing", "mention") or (reporter not in (None, "first"))):
            return None, "About fiction, the news, a hypothetical or people in general, not the speaker."
        if candidate.category == "harm_to_others" and gaming:
            return None, "Said about a game or sport."
        if person == "mention":
            if _word_count(doc) > lex.short_message:
                return None, "A mention of the topic, not about the speaker."
            person = "first"
        if person == "thing" and candidate.category in ("abuse_or_danger",):
            return None, "About a thing, not a person."
        if person == "third" and not spec.get("subject_is_abuser"):
            if candidate.category in SELF_DIRECTED or candidate.category in ("abuse_or_danger", "harm_to_others"):
                candidate.qualifiers.append(f"about someone else ({candidate.category.replace('_', ' ')})")
                candidate.category = "third_party_concern"
        elif reporter == "third" and person == "first" and candidate.category in SELF_DIRECTED and _told_to(chain):
            candidate.category = "abuse_or_danger"
            candidate.explanation = "Someone told them to hurt or kill themselves."
        if candidate.category == "self_harm" and cues.in_sentence("cue/accident", sent) and not _has_urge(chain, lex):
            return None, "An accidental injury, not self-harm."
    if is_quoted and reporter is None and fictional:
        return None, "Quoted words from fiction or a song."

    _adjust_severity(candidate, chain, lex, cues, sent)
    if cues.in_sentence("cue/past", sent) and not cues.in_sentence("cue/present", sent):
        candidate.qualifiers.append("past")
    if reporter == "third" and candidate.category == "third_party_concern":
        candidate.qualifiers.append("reported")
    return candidate, ""


def _resolve_harm(candidate: _Candidate, chain: list[Token], lex: _Lexicon, cues: "_Cues", sent: Span,
                  reporter: str | None, is_quoted: bool) -> str | None:
    """Decide who hurts whom for a harm verb; set the category, or return why it is set aside."""
    span = candidate.span
    verb = span[0]
    target = _person_kind(span[-1], lex)
    if lex.rules[candidate.rule].get("target_first_only"):
        target = "first" if any(t.lower_ in lex.speaker_objects for t in span) else "thing"
        if target != "first":
            return "Not done to the speaker."
    actor_token = _subject(verb, span)
    actor = _person_kind(actor_token, lex) if actor_token is not None else None
    if is_quoted and reporter == "third":
        # 'He said "I will kill you"': the quoted I is the reporter, the quoted you is the speaker.
        actor = "third" if actor in (None, "first") else actor
        target = "first" if target == "second" else ("third" if target == "first" else target)
    weak = candidate.rule == "weak_harm_verb"
    if target == "first":
        if actor == "thing":
            return "A thing, not a person, does it: a figure of speech (\"this is killing me\")."
        if actor in (None, "second") and not is_quoted:
            if verb.lower_ in lex.passive_wish_verbs and actor is None:
                candidate.category, candidate.severity = "suicidal_ideation", 1
                candidate.explanation = "Asks to be killed or ended: a passive wish to be dead (C-SSRS 1)."
                return None
            return "No one is said to do it."
        if actor == "first":
            return "Not about harm between people."
        if weak and not cues.near("cue/fear", candidate.span):
            return "Hurt feelings, not a physical threat."
        if _is_ongoing_figure(verb) and not cues.near("cue/fear", candidate.span):
            return "\"They're killing me\": a figure of speech without a threat or fear."
        candidate.category, candidate.severity = "abuse_or_danger", max(candidate.severity, 3)
        candidate.explanation = "Being hurt, threatened or abused by someone."
        if _is_counterfactual(verb, lex):
            # "she was so angry she could have killed me": kept, but as what could have happened.
            candidate.severity = 2
            candidate.qualifiers.append("said as what could have happened")
            return None
        if _is_threat(verb, lex):
            candidate.severity = max(candidate.severity, 4)
            candidate.explanation = "Threatened with harm by someone."
        return None
    if actor == "thing":
        return "A thing, not a person, does it (an illness, an accident)."
    if weak and not (_has_urge(chain, lex) or _has_intent(chain, cues)):
        return "Hurting someone's feelings, not a wish or plan to harm them."
    if _is_ongoing_figure(verb) and not (_has_urge(chain, lex) or _has_intent(chain, cues)):
        return "\"I'm killing him with ...\": a figure of speech."
    if weak and any(t.tag_ in ("VBD", "VBN") for t in span[:1]):
        return "Something that already happened between them, not a wish to harm."
    if actor is None and not (_has_urge(chain, lex) or _has_intent(chain, cues)):
        return "No one is said to want or plan it."
    if actor == "second" and not is_quoted:
        return "Said about the listener (\"did you kill someone?\"), not a wish or plan of the speaker."
    if actor == "third":
        candidate.category = "third_party_concern"
        candidate.qualifiers.append("someone else may be hurt")
        candidate.explanation = "Someone else may be hurting or threatening a person."
        return None
    candidate.category = "harm_to_others"
    candidate.explanation = "Wants, intends or threatens to harm another person."
    candidate.severity = 2 if _has_urge(chain, lex) else candidate.severity
    if _is_counterfactual(verb, lex):
        # "I could have strangled him for being late": anger said as a figure, kept at the lowest step.
        candidate.severity = 1
        candidate.qualifiers.append("said as what could have happened")
    return None


# ---------------------------------------------------------------- parse helpers


def _head_chain(token: Token) -> list[Token]:
    """The token and its heads while they belong to the same predicate (see CHAIN_LINKS)."""
    chain = [token]
    while token.dep_ in CHAIN_LINKS and token.head.i != token.i and len(chain) < 12:
        token = token.head
        chain.append(token)
    return chain


def _negated(span: Span, lex: _Lexicon) -> bool:
    """A negation outside the matched words on the chain of heads that governs them."""
    inside = {t.i for t in span}
    token, steps = span.root, 0
    while steps < 12:
        for child in token.children:
            if child.i in inside:
                continue
            if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "neg") and child.lower_ in lex.negations):
                return True
            if child.dep_ in ("aux", "auxpass", "advmod", "neg", "nsubj", "compound") and child.lower_ in lex.negation_typos:
                return True
        # The tagger often misreads a one-word typo ("he dosent want"), so the word before counts too.
        if token.i > 0 and token.i - 1 not in inside and token.doc[token.i - 1].lower_ in lex.negation_typos:
            return True
        if token.dep_ not in lex.negation_links or token.head is token:
            return False
        token, steps = token.head, steps + 1
    return False


def _subject(token: Token, span: Span | None = None) -> Token | None:
    """The word that does `token`'s action: its own subject, the object that controls an infinitive
    ("she told me to ..." -> me), or the subject of a head up the chain."""
    inside = {t.i for t in span} if span is not None else set()
    steps = 0
    while steps < 12:
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS and child.i not in inside:
                if child.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                    return _described_noun(token)
                return child
        if token.dep_ == "relcl":
            # The parser sometimes hangs "who" somewhere odd; the clause is still about its noun.
            return _described_noun(token)
        if token.dep_ == "xcomp":
            controller = next((c for c in token.head.children if c.dep_ in ("dobj",) and c.i not in inside), None)
            if controller is not None:
                return controller
        if token.head is token:
            return None
        token, steps = token.head, steps + 1
    return None


def _described_noun(relative_clause: Token) -> Token:
    """ "a girl who self-harms" -> girl; "I'm someone who wants to die" -> I (the copula's subject)."""
    noun = relative_clause.head
    if noun.dep_ == "attr":
        return next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), noun)
    return noun


def _person_kind(token: Token | None, lex: _Lexicon) -> str | None:
    """first / second / third (a person) / thing, from the word itself."""
    if token is None or token.lower_ in lex.not_subjects:
        return None
    word = token.lower_
    if word in lex.first:
        return "first"
    if word in lex.second:
        return "second"
    if word in lex.third:
        return "third"
    if word in lex.things:
        return "thing"
    # "my sister" -> sister; "the guy next door" -> guy.
    if word in lex.person_nouns or token.lemma_.lower() in lex.person_nouns or token.ent_type_ == "PERSON":
        return "third"
    if token.pos_ == "PROPN":
        return "third"
    return "thing"


def _person_of(span: Span, lex: _Lexicon, reporter: str | None, is_quoted: bool, mention: bool) -> str:
    """Whose experience a self-directed match describes: first, second, third or mention (a topic
    named, not a person's experience; `mention` says whether the match can be one)."""
    person = None
    for token in span:
        word = token.lower_
        if word in lex.myself or (word in lex.first and token.pos_ == "PRON"):
            person = "first"
        elif word in ("yourself", "yourselves"):
            person = "second"
        elif word in lex.reflexive_other or word in ("his", "their") or (word == "her" and token.dep_ == "poss"):
            person = "third"
        if person:
            break
    if person is None:
        subject = _subject(span.root, span)
        kind = _person_kind(subject, lex) if subject is not None else None
        if kind is None:
            possessor = next((c for t in span for c in t.children if c.dep_ == "poss" and c not in span), None)
            kind = _person_kind(possessor, lex) if possessor is not None else None
        if kind is None or (kind == "thing" and subject is not None and (subject.pos_ == "PRON" or subject.lower_ in lex.things)):
            # No subject ("want to die", "kms"), "it makes me ...", "life is not worth living":
            # the speaker's own words,
            # unless the match is only a noun naming the topic.
            kind = "mention" if mention else "first"
        elif kind == "thing":
            # A noun subject: "the hero wants to die" is a person; "suicide rates" is a topic.
            kind = "mention" if mention else "third"
        person = kind
    if is_quoted and reporter == "third":
        person = {"first": "third", "second": "first"}.get(person, person)
    return person


def _reporter(span: Span, chain: list[Token], lex: _Lexicon) -> str | None:
    """Whose words these are when a speech verb reports them ("she said ...", "the song goes ...")."""
    token, steps = span.root, 0
    while token.head.i != token.i and steps < 12:
        link, token = token.dep_, token.head
        steps += 1
        if token.lemma_.lower() in lex.speech_verbs and link in ("ccomp", "parataxis", "dobj", "xcomp", "advcl", "conj"):
            if link == "xcomp" and token.lemma_.lower() not in lex.instruction_verbs:
                continue
            subject = _subject(token)
            return _person_kind(subject, lex) or "third"
    return None


def _is_ongoing_figure(verb: Token) -> bool:
    """ "the kids are killing me": kill in the progressive is nearly always a figure of speech."""
    return verb.lemma_.lower() == "kill" and verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children
    )


def _is_counterfactual(verb: Token, lex: _Lexicon) -> bool:
    """ "could have killed", "would have strangled": a past that did not happen."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(auxes & lex.counterfactual_modals) and bool(auxes & lex.perfect_auxiliaries)


def _is_threat(verb: Token, lex: _Lexicon) -> bool:
    """ "he'd kill me if I left", "she will hurt me": harm announced, not only done."""
    return any(
        (c.dep_ == "aux" and c.lower_ in lex.threat_auxiliaries)
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children))
        for c in verb.children
    )


def _told_to(chain: list[Token]) -> bool:
    return any(t.lemma_.lower() in _lexicon().instruction_verbs for t in chain)


def _has_urge(chain: list[Token], lex: _Lexicon) -> bool:
    return any(t.lemma_.lower() in lex.urge_verbs or t.lower_ in lex.urge_verbs for t in chain[1:] + chain[:1])


def _has_intent(chain: list[Token], cues: "_Cues") -> bool:
    """An intent word on the predicate itself: "going to", "will", "tonight" (not elsewhere)."""
    near = set(chain)
    for token in chain:
        near.update(c for c in token.children if c.dep_ in ("aux", "advmod", "npadvmod", "neg", "prt"))
    return any(cues.token_has("cue/intent", t) for t in near)


def _adjust_severity(candidate: _Candidate, chain: list[Token], lex: _Lexicon, cues: "_Cues", sent: Span) -> None:
    """Move along the ladder: urge (2) for self-harm wishes, method (3), intent (4), plan (5)."""
    base = candidate.category
    if base == "self_harm" and candidate.severity == 3 and _has_urge(chain, lex):
        candidate.severity = 2
    if _has_intent(chain, cues) and not cues.in_sentence("cue/past", sent):
        candidate.severity = max(candidate.severity, 4)
    if candidate.rule.startswith("si_") or candidate.rule == "keyword_thoughts":
        if candidate.severity >= 2 and cues.in_sentence("cue/method", sent, unnegated=True):
            candidate.severity = max(candidate.severity, 3)
        if candidate.severity >= 2 and cues.in_sentence("cue/plan", sent, unnegated=True):
            candidate.severity = max(candidate.severity, 5)


def _word_count(doc: Doc) -> int:
    return sum(1 for t in doc if not t.is_punct and not t.is_space)


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens between quotation marks."""
    inside, quoted = False, set()
    for token in doc:
        text = token.text
        if text in QUOTE_MARKS or (text == "'" and token.is_quote):
            if text in ("\u201c", "\u00ab", "``"):
                inside = True
            elif text in ("\u201d", "\u00bb", "''"):
                inside = False
            else:
                inside = not inside
            continue
        if inside:
            quoted.add(token.i)
    return quoted


class _Cues:
    """Cue matches indexed for the checks: overlap with a span, presence in a sentence."""

    def __init__(self, doc: Doc, matches: list[PatternMatch]):
        self._by_label: dict[str, list[Span]] = {}
        for m in matches:
            self._by_label.setdefault(m.label, []).append(m.span)
        self._lex = _lexicon()

    def overlaps(self, label: str, span: Span) -> bool:
        return any(s.start < span.end and span.start < s.end for s in self._by_label.get(label, ()))

    def in_sentence(self, label: str, sent: Span, unnegated: bool = False) -> bool:
        for s in self._by_label.get(label, ()):
            if sent.start <= s.start < sent.end:
                if unnegated and _negated(s, self._lex):
                    continue
                return True
        return False

    def near(self, label: str, span: Span, window: int = 12) -> bool:
        """A cue within `window` tokens of the span, across a sentence break ("he hits me. I'm scared")."""
        return any(s.start < span.end + window and span.start - window < s.end for s in self._by_label.get(label, ()))

    def token_has(self, label: str, token: Token) -> bool:
        return any(s.start <= token.i < s.end for s in self._by_label.get(label, ()))


# ---------------------------------------------------------------- merging


def _merge(candidates: list[_Candidate], lex: _Lexicon) -> list[RiskFinding]:
    """One finding per category: the highest severity, all the evidence, past only if all is past."""
    by_category: dict[str, list[_Candidate]] = {}
    for c in candidates:
        by_category.setdefault(c.category, []).append(c)
    findings = []
    for category, group in by_category.items():
        current = [c for c in group if "past" not in c.qualifiers]
        ranked = current or group
        top = max(ranked, key=lambda c: c.severity)
        qualifiers = sorted({q for c in ranked for q in c.qualifiers})
        level = lex.levels[category].get(top.severity, "concern")
        if not current:
            level = min(level, lex.past_cap, key=LEVELS.index)
        evidence = _dedupe_evidence(
            Evidence.from_span(c.span, c.label, c.explanation) for c in sorted(group, key=lambda c: -c.severity)
        )
        explanation = top.explanation + (f" ({', '.join(qualifiers)})" if qualifiers else "")
        findings.append(RiskFinding(category, top.severity, evidence, explanation, level, qualifiers))
    findings.sort(key=lambda f: (-LEVELS.index(f.level), -f.severity, CATEGORIES.index(f.category)))
    return findings


def _dedupe_evidence(items: Iterable[Evidence]) -> list[Evidence]:
    """Drop evidence that lies inside evidence already kept (the first, most severe, wins)."""
    kept: list[Evidence] = []
    for e in items:
        if any(k.start <= e.start and e.end <= k.end for k in kept):
            continue
        kept = [k for k in kept if not (e.start <= k.start and k.end <= e.end)] + [e]
    return sorted(kept, key=lambda e: (e.start, e.end))


def _chunks(text: str, size: int) -> Iterable[tuple[int, str]]:
    """(offset, piece) with pieces cut after a sentence end or a space where possible."""
    if len(text) <= size:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind(". ", start, end), text.rfind("\n", start, end))
            if cut <= start + size // 2:
                cut = text.rfind(" ", start, end)
            if cut > start + size // 2:
                end = cut + 1
        yield start, text[start:end]
        start = end


def _combine(results: list[tuple[int, RiskResult]]) -> RiskResult:
    """Merge the results of the pieces of one long text (offsets shifted back into the text)."""
    shift = lambda e, o: Evidence(e.start + o, e.end + o, e.text, e.marker, e.explanation)  # noqa: E731
    merged: dict[str, RiskFinding] = {}
    for offset, result in results:
        for f in result.findings:
            f = RiskFinding(f.category, f.severity, [shift(e, offset) for e in f.evidence], f.explanation, f.level, f.qualifiers)
            prior = merged.get(f.category)
            if prior is None:
                merged[f.category] = f
                continue
            top = max(prior, f, key=lambda x: (LEVELS.index(x.level), x.severity))
            top.evidence = sorted(prior.evidence + f.evidence, key=lambda e: e.start)
            merged[f.category] = top
    findings = sorted(merged.values(), key=lambda f: (-LEVELS.index(f.level), -f.severity))
    return RiskResult(
        flagged=bool(findings),
        level=max((f.level for f in findings), key=LEVELS.index, default="none"),
        findings=findings,
        language_supported=all(r.language_supported for _, r in results),
        set_aside=[shift(e, o) for o, r in results for e in r.set_aside],
    )
