"""Risk detector: suicide, self-harm, harm to others, abuse or danger, and worry for someone else.

Recall first, with three outcomes. The patterns in `lexicons/risk.yml` fire on every phrasing we know
of (lower case, no punctuation, typos, disguised spellings such as "k*ll" or "su1cide", slang), and
on veiled statements that suicide-prevention training teaches ("I can't do this anymore", giving
things away, "they'd be better off without me"). Each finding gets a level:
- `ask`: the words touch suicide, self-harm, harming someone or abuse but cannot be attributed to
  the speaker or graded with confidence (a veiled statement, the topic word with no clear subject,
  "end it" with no object, a plan-like phrase beside anger, means within reach with brooding). The
  dialogue asks a direct, gentle question.
- `concern` / `high` / `imminent`: a clear disclosure, graded on the C-SSRS ladder (see the lexicon).

The parse then sets aside ONLY what the rules are sure of, and says why in `set_aside`: idioms from
the lexicon's curated list ("this deadline is killing me", "if that printer jams one more time I'll
jump"), the speaker's explicit negation about themselves ("I would never hurt myself"), and words
clearly marked as fiction, news, teaching or a game. A few curated readings of one rule's words are
also sure (a goodbye letter at a funeral, giving things away before moving house). Someone else at
risk ("my sister said she wants to die", "how do I help a friend who self-harms") becomes a
`third_party_concern` finding: kept for the therapist, but it never counts towards the speaker's
outcome. Someone hurting the speaker ("he hits me") is `abuse_or_danger`, and so is someone hurting a
child of theirs or a relative in care ("my 9-year-old's dad hits him"), `about` SOMEONE_CLOSE.

The past: a statement placed in a past that is over ("when I was seven my mother locked me in",
"I cut myself years ago, not since") is kept, marked "past", at most at the `concern` level.
"Last night", "again", "still happening" keep it current.

`RiskResult.to_dict()`:
    outcome      "flag" | "ask" | "none": flag when the highest speaker finding's level is concern or
                 higher, ask when it is "ask" (third_party_concern findings never count)
    flagged      outcome == "flag"
    level        "none" | "ask" | "concern" | "high" | "imminent" (the highest speaker finding's)
    past_only    true when the outcome is flag or ask and every speaker finding is "past"
    findings     one per category, most urgent first (speaker findings before third-party ones):
                 category, severity (1-5), level, evidence (start/end character offsets into the
                 text, text, marker = the pattern's label, explanation), explanation (one line for
                 the therapist), qualifiers ("past", "reported", "about someone else (...)", "said
                 as what could have happened", ...), about ("speaker", or "someone_close" for
                 abuse or danger done now to a child of the speaker's or a relative in care)
    language_supported   false when the text does not look like English (patterns still ran)
    set_aside    matches that were judged not to be disclosures, each with the reason, so a
                 reviewer can see what was considered ("this deadline is killing me": a figure...)
Clients are never shown severities or levels; the dialogue uses them, therapists read them.
`most_urgent(findings)` picks the one finding the dialogue and the store act on.
"""
from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from bot.analysis import risk_parse as parse
from bot.analysis.anchored_patterns import AnchoredPatterns, word_places
from bot.analysis.evidence import Evidence
from bot.analysis.language import is_probably_english
from bot.analysis.patterns import PatternMatch, load_lexicon
from bot.analysis.urgency import SOMEONE_CLOSE, urgency
from bot.analysis.urgency import most_urgent as most_urgent  # re-exported: one rule for the whole project

LEXICON = "risk"
LEVELS = ("none", "ask", "concern", "high", "imminent")
CATEGORIES = ("suicidal_ideation", "self_harm", "harm_to_others", "abuse_or_danger", "third_party_concern")
THIRD_PARTY = "third_party_concern"
# Self-directed categories: when the person is someone else they become a third-party concern.
SELF_DIRECTED = {"suicidal_ideation", "self_harm"}
# Whose safety an abuse_or_danger finding is about. A child, a relative or someone the speaker looks
# after being hurt or neglected ("my 12-year-old's father beats him", "the carers leave Mum in a
# soiled bed") is not the speaker's own risk, but it is not a bystander's worry either: those people
# often cannot protect themselves, so the dialogue asks about their safety and gives the lines that
# can act (child protection, adult safeguarding) rather than keeping it quietly for the therapist.
SPEAKER = "speaker"
CLOSE_QUALIFIER = "someone close to them (a child, a relative or someone in their care)"
# Rules whose words name a method: asked about in general ("how would someone hang themselves?"),
# they are still worth a question to the speaker.
METHOD_RULES = {"si_method", "si_method_seeking"}
# "since we last met" in a question to the listener is not about the speaker alone.
PLURAL_FIRST = {"we", "us", "our", "ours", "ourselves"}
# Set-aside reasons for words clearly marked as fiction, news, teaching or a game: with the reasons
# of `_sure_not_a_disclosure`, what the rules are sure of, which the learned layer never overrules.
FICTION = "About fiction, the news or teaching, not the speaker."
FICTION_QUOTED = "Quoted words from fiction or a song."
GAME = "Said about a game or sport."
GAME_OR_FICTION = "Said about a game, sport, film, book or song."
MARKED_FICTION = frozenset({FICTION, FICTION_QUOTED, GAME, GAME_OR_FICTION})
# Variants that name self-harm itself ("sh'd again", "self-harm", "c*tting"): never an accident, even
# beside an accident word ("idk if i need stitches"); nor is pain sought or hidden (self_harm_hidden).
SELF_HARM_BY_NAME = frozenset({"self_harm/sh", "self_harm/self_harm", "self_harm/disguised"})
# Rules whose words are already self-harm told by what it does (on purpose, hidden, a relapse, a
# wound said to be the speaker's own): never an accident, even beside "slipped" or "cooking".
SELF_HARM_NOT_ACCIDENT = frozenset({"self_harm_deliberate", "self_harm_hidden", "self_harm_relapse", "self_harm_own",
                                    "self_harm_on_purpose"})
# An excuse for an injury given and then denied ("told the nurse I fell. I didn't fall"): the accident
# named is the excuse, not a reading.
EXCUSE_DENIED = frozenset({"self_harm_veiled_act/round23_excuse", "self_harm_veiled_act/round24_excuse"})
DEFINITION = "A question about words or terms, with no word for the speaker: not a disclosure."
IDIOM_CUE = "cue/idiom"
IDIOM = "A figure of speech, not a disclosure."
NOT_VEILED_CUE = "cue/not_veiled"
NOT_VEILED = "A wish about how things are, not to end or to be gone."
# Curated readings set aside as sure wherever they stand, whether a rule matched there or not, so the
# learned layer does not read their words either: each cue and its explanation.
SURE_CUES = {IDIOM_CUE: IDIOM, NOT_VEILED_CUE: NOT_VEILED}


@dataclass
class RiskFinding:
    category: str
    severity: int
    evidence: list[Evidence]
    explanation: str
    level: str = "concern"
    qualifiers: list[str] = field(default_factory=list)
    # "rules" (the lexicon and the parse) or "model" (the learned layer, bot/analysis/risk_learned.py,
    # which also gives its probability and the nearest training sentences).
    source: str = "rules"
    probability: float | None = None
    nearest: list[str] = field(default_factory=list)
    # Whose safety it is: the speaker's, or (abuse_or_danger only) SOMEONE_CLOSE's.
    about: str = SPEAKER
    # Someone else's risk only (third_party_concern): its kind, as it would be were it the speaker's
    # ("self_harm" for "my friend cuts herself"), and whether the speaker is worried for them or asks
    # how to help ("what do I say to her?"), which the dialogue answers (`RiskResult.worry`).
    concern: str | None = None
    worried: bool = False

    def to_dict(self) -> dict:
        data = {
            "category": self.category,
            "severity": self.severity,
            "level": self.level,
            "evidence": [e.to_dict() for e in self.evidence],
            "explanation": self.explanation,
            "qualifiers": list(self.qualifiers),
            "source": self.source,
            "about": self.about,
        }
        if self.category == THIRD_PARTY:
            data["concern"] = self.concern
            data["worried"] = self.worried
        if self.source == "model":
            data["probability"] = self.probability
            data["nearest"] = list(self.nearest)
        return data


@dataclass
class RiskResult:
    """The findings of one text; outcome, level, flagged and past_only are read from them."""

    findings: list[RiskFinding]
    language_supported: bool = True
    set_aside: list[Evidence] = field(default_factory=list)
    # The part of `set_aside` the rules are sure of (curated idioms and readings, the speaker's
    # negation, marked fiction, news or games, a question put to the listener), and every curated
    # idiom in the text whether a rule matched there or not ("I'm dead tired"): kept out of the
    # learned layer's reading.
    sure_set_aside: list[Evidence] = field(default_factory=list)

    @property
    def speaker_findings(self) -> list[RiskFinding]:
        return [f for f in self.findings if f.category != THIRD_PARTY]

    @property
    def level(self) -> str:
        return max((f.level for f in self.speaker_findings), key=LEVELS.index, default="none")

    @property
    def outcome(self) -> str:
        return outcome_for(self.level)

    @property
    def flagged(self) -> bool:
        return self.outcome == "flag"

    @property
    def past_only(self) -> bool:
        speaker = self.speaker_findings
        return self.outcome != "none" and all("past" in f.qualifiers for f in speaker)

    @property
    def worry(self) -> RiskFinding | None:
        """Someone else's risk the speaker is worried about or asks how to help with, when nothing of
        their own was found (their own safety comes first)."""
        if self.outcome != "none":
            return None
        return next((f for f in self.findings if f.category == THIRD_PARTY and f.worried), None)

    @property
    def source(self) -> str | None:
        """Who set the outcome: "rules" or "model" (None when the outcome is none)."""
        top = most_urgent(self.speaker_findings) if self.outcome != "none" else None
        return top.source if top is not None else None

    def to_dict(self) -> dict:
        return {
            "outcome": self.outcome,
            "flagged": self.flagged,
            "level": self.level,
            "past_only": self.past_only,
            "worry": self.worry is not None,
            "source": self.source,
            "findings": [f.to_dict() for f in self.findings],
            "language_supported": self.language_supported,
            "set_aside": [e.to_dict() for e in self.set_aside],
        }

    def categories(self) -> set[str]:
        return {f.category for f in self.findings}

    def finding(self, category: str) -> RiskFinding | None:
        return next((f for f in self.findings if f.category == category), None)


def outcome_for(level: str) -> str:
    """flag for concern and above, ask for "ask", none otherwise."""
    if level == "ask":
        return "ask"
    return "flag" if LEVELS.index(level) >= LEVELS.index("concern") else "none"


@dataclass
class _Candidate:
    rule: str
    label: str
    span: Span
    category: str
    severity: int
    explanation: str
    ask: bool = False
    qualifiers: list[str] = field(default_factory=list)
    # A third-party concern's category and note were it the speaker's ("my friend ... it's me").
    owned_as: tuple[str, str] | None = None
    about: str = SPEAKER
    # A third-party concern's kind of risk, when it is not `owned_as`'s ("my brother says he'll stab
    # his boss": harm to others, though "it's me" would make it the speaker's danger).
    concern: str | None = None


class _Lexicon:
    """risk.yml read once: rule specs, levels, and the word lists the parse checks use."""

    def __init__(self, raw: dict):
        self.rules: dict = raw["rules"]
        self.levels: dict = {cat: {int(k): v for k, v in table.items()} for cat, table in raw["levels"].items()}
        self.past_cap: str = raw.get("past_level_cap", "concern")
        self.short_message: int = int(raw.get("keyword_message_max_tokens", 4))
        self.unless_reasons: dict[str, str] = raw.get("unless_reasons") or {}
        self.unless_reach_back = frozenset(raw.get("unless_reach_back") or [])
        words = lambda key: frozenset(w.lower() for w in raw.get(key) or [])  # noqa: E731
        vocab = raw.get("vocab") or {}
        self.common_words = words("common_words")
        self.mention_variants = set(raw.get("mention_variants") or [])
        self.idiom_readers = set(raw.get("idiom_readers") or [])
        self.slang_acts = words("slang_acts")
        self.chat_intent_words = words("chat_intent_words")
        self.relationship_ambiguous = set(raw.get("relationship_ambiguous") or [])
        self.speaker_objects = words("speaker_objects")
        self.passive_wish_verbs = words("passive_wish_verbs")
        self.indefinite_people = words("indefinite_people")
        self.question_auxiliaries = words("question_auxiliaries")
        self.question_words = words("question_words")
        self.question_openers = words("question_openers")
        self.self_question_words = words("self_question_words")
        self.restraint_verbs = words("restraint_verbs")
        self.people_in_care = words("people_in_care")
        # Every word for a part of the body: the lexicon's list (the places self-harm is told of) and more.
        self.all_body_parts = frozenset(w.lower() for w in vocab.get("body_parts") or []) | MORE_BODY_PARTS
        self.reading_denials = words("reading_denials")
        self.others_reading_verbs = words("others_reading_verbs")
        self.denial_bridges = words("denial_bridges")
        self.cover_telling_verbs = words("cover_telling_verbs")
        self.study_words = words("study_words")
        self.question_listener_objects = words("question_listener_objects")
        self.question_putting_verbs = words("question_putting_verbs")
        self.self_answer_openers = words("self_answer_openers")
        self.self_answer_auxiliaries = words("self_answer_auxiliaries")
        self.self_answer_phrases = tuple(str(w).lower().split() for w in raw.get("self_answer_phrases") or [])
        self.reflection_openers = tuple(str(w).lower().split() for w in raw.get("reflection_openers") or [])
        self.words = parse.RiskWords(
            first=words("first_person"),
            second=words("second_person"),
            third=words("third_person_pronouns"),
            things=words("non_person_pronouns"),
            person_nouns=words("person_nouns"),
            negations=words("negation_words"),
            negation_links=words("negation_links"),
            negation_typos=words("negation_typos"),
            speech_verbs=words("speech_verbs"),
            instruction_verbs=words("instruction_verbs"),
            urge_verbs=words("urge_verbs"),
            not_subjects=words("not_subjects"),
            myself=frozenset(w.lower() for w in vocab.get("myself") or []),
            reflexive_other=frozenset(w.lower() for w in vocab.get("reflexive_other") or []) - {"yourself"},
            threat_auxiliaries=words("threat_auxiliaries"),
            counterfactual_modals=words("counterfactual_modals"),
            perfect_auxiliaries=words("perfect_auxiliaries"),
            non_denial_next=words("non_denial_next"),
            non_denial_heads=words("non_denial_heads"),
            ceasing_verbs=words("ceasing_verbs"),
            others_not_knowing=words("others_not_knowing"),
        )


@functools.lru_cache(maxsize=None)
def _pattern_sets_for(vocab_id: int, vocab: Vocab) -> tuple[AnchoredPatterns, AnchoredPatterns]:
    patterns = load_lexicon(LEXICON).get("token_patterns") or {}
    rules = {label: p for label, p in patterns.items() if not label.startswith("cue/")}
    cues = {label: p for label, p in patterns.items() if label.startswith("cue/")}
    common = _lexicon().common_words
    return AnchoredPatterns(vocab, rules, common), AnchoredPatterns(vocab, cues, common)


def _pattern_sets(vocab: Vocab) -> tuple[AnchoredPatterns, AnchoredPatterns]:
    """The rule patterns and the cue patterns, compiled once per vocabulary; each pattern runs only
    on texts that hold its anchor word (see anchored_patterns.py)."""
    return _pattern_sets_for(id(vocab), vocab)


@functools.lru_cache(maxsize=None)
def _idiom_set_for(vocab_id: int, vocab: Vocab) -> AnchoredPatterns:
    patterns = load_lexicon(LEXICON).get("token_patterns") or {}
    return AnchoredPatterns(vocab, {cue: patterns[cue] for cue in SURE_CUES}, _lexicon().common_words)


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon(load_lexicon(LEXICON))


# ---------------------------------------------------------------- public API


def assess_risk(doc: Doc) -> RiskResult:
    """Find risk language in a parsed text: the rules, then the learned layer where they found
    nothing (bot/analysis/risk_learned.py). Never raises on odd text; English patterns always run."""
    from bot.analysis.risk_learned import with_learned_layer

    return with_learned_layer(assess_risk_rules(doc), doc)


def assess_risk_rules(doc: Doc) -> RiskResult:
    """The rules alone (the lexicon and the parse)."""
    lex = _lexicon()
    # All three sets are compiled on the first call, whatever it holds: a warm-up then leaves none
    # to compile (over 100 ms) on a person's message.
    rule_set, cue_set = _pattern_sets(doc.vocab)
    idiom_set = _idiom_set_for(id(doc.vocab), doc.vocab)
    places = word_places(doc)
    matches = rule_set.find(doc, places)
    if not matches:
        idioms = [Evidence.from_span(m.span, m.label, SURE_CUES[m.label]) for m in idiom_set.find(doc, places)]
        return RiskResult(findings=[], language_supported=is_probably_english(doc), sure_set_aside=idioms)
    # Cues only change how a rule's match is read, so they are looked for only when one matched.
    text = _Text(doc, cue_set.find(doc, places))
    kept: list[_Candidate] = []
    set_aside: list[Evidence] = []
    sure: list[Evidence] = []
    for match in matches:
        rule = match.label.split("/", 1)[0]
        candidate, reason, is_sure = _judge(match, rule, lex, text)
        if candidate is not None:
            kept.append(candidate)
        elif reason:
            set_aside.append(Evidence.from_span(match.span, match.label, reason))
            if is_sure:
                sure.append(_sure_extent(set_aside[-1], match.span, reason))
    sure += [Evidence.from_span(span, cue, why) for cue, why in SURE_CUES.items() for span in text.cues(cue)]
    if text.in_message("cue/self_reveal"):
        for candidate in kept:
            _own(candidate)
    findings = _merge(kept, lex)
    for finding in findings:
        finding.worried = finding.category == THIRD_PARTY and _worried_for_someone(finding, text)
    return RiskResult(
        findings=findings,
        language_supported=is_probably_english(doc),
        set_aside=_dedupe_evidence(set_aside),
        sure_set_aside=sure,
    )


# Texts longer than this are parsed in pieces so that nothing is ever cut off (recall first).
CHUNK_CHARS = 20_000


def told_as_past(doc: Doc, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether the words at these character offsets of a parsed text are all told as past, as the
    rules read a match of their own, and the text dates its story with an age or a date ("when I was
    nine", "in 1998", "ten years ago"): for the learned layer's evidence, the words that weighed most.
    The learned layer has no match to anchor a reading on, so a recovery or "used to" alone is not
    enough."""
    tokens = [doc.char_span(start, end, alignment_mode="expand") for start, end in spans]
    if not tokens or any(span is None or not len(span) for span in tokens):
        return False
    text = _Text(doc, _pattern_sets(doc.vocab)[1].find(doc))
    if not text.in_message("cue/dated"):
        return False
    return all(_is_past(span, parse.head_chain(span.root), text) for span in tokens)


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


# ---------------------------------------------------------------- the text around a match


class _Text:
    """The parsed text with its cue matches, indexed by sentence, for the checks on each match."""

    def __init__(self, doc: Doc, cue_matches: list[PatternMatch]):
        self.doc = doc
        self.quoted = parse.quoted_tokens(doc)
        self.sents: list[Span] = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        self._sent_of = {t.i: n for n, s in enumerate(self.sents) for t in s}
        self._cues: dict[str, list[Span]] = {}
        for m in cue_matches:
            self._cues.setdefault(m.label, []).append(m.span)
        clocks = self._cues.get("cue/clock", [])
        for label in PAST_CUES:
            # "at 12" is an age, "at 12 tonight" a time; "since I was 12" says it began then.
            self._cues[label] = [c for c in self._cues.get(label, [])
                                 if not any(_touch(c, k) for k in clocks) and not _since(c)]
        for label in ("cue/game", "cue/ball_game", "cue/fiction"):
            self._cues[label] = [c for c in self._cues.get(label, []) if not _names_who_or_what(c)]
        self._cues["cue/fiction"] = [c for c in self._cues.get("cue/fiction", []) if not _a_lesson_taught(c)]
        self.words = _lexicon().words

    def sentence(self, span: Span) -> Span:
        return self.sents[self._sent_of.get(span.start, 0)]

    def around(self, span: Span, before: int = 1, after: int = 1) -> list[Span]:
        """The match's sentence and up to `before`/`after` sentences either side of it."""
        n = self._sent_of.get(span.start, 0)
        return self.sents[max(0, n - before): n + after + 1]

    def cues(self, label: str) -> list[Span]:
        return self._cues.get(label, [])

    def overlaps(self, label: str, span: Span) -> bool:
        return any(s.start < span.end and span.start < s.end for s in self.cues(label))

    def cues_in(self, label: str, spans: Iterable[Span]) -> list[Span]:
        """The cues that start inside any of the spans (sentences)."""
        return [s for sent in spans for s in self.cues(label) if sent.start <= s.start < sent.end]

    def in_any(self, label: str, spans: Iterable[Span], unnegated: bool = False) -> bool:
        return any(not (unnegated and parse.negated(s, self.words)) for s in self.cues_in(label, spans))

    def in_sentence(self, label: str, span: Span, unnegated: bool = False) -> bool:
        return self.in_any(label, [self.sentence(span)], unnegated)

    def elsewhere_in_sentence(self, label: str, span: Span) -> bool:
        """A cue in the match's sentence that is not the matched words themselves ("use the
        poker" names a weapon, not the card game)."""
        return bool(self.cues_elsewhere_in_sentence(label, span))

    def cues_elsewhere_in_sentence(self, label: str, span: Span) -> list[Span]:
        return [s for s in self.cues_in(label, [self.sentence(span)]) if not (s.start < span.end and span.start < s.end)]

    def in_message(self, label: str) -> bool:
        return bool(self.cues(label))

    def near(self, label: str, span: Span, window: int = 12) -> bool:
        """A cue within `window` tokens of the span, across a sentence break ("he hits me. I'm scared")."""
        return any(s.start < span.end + window and span.start - window < s.end for s in self.cues(label))

    def token_has(self, label: str, token: Token) -> bool:
        return any(s.start <= token.i < s.end for s in self.cues(label))


# ---------------------------------------------------------------- judging one match


def _judge(match: PatternMatch, rule: str, lex: _Lexicon, text: _Text) -> tuple[_Candidate | None, str, bool]:
    """A candidate finding for this match; or None with why it was set aside and whether the rules
    are sure of that; or None with "" when the match does not count at all (a rule's second signal
    is missing)."""
    span = match.span
    spec = lex.rules[rule]
    if not _counts(span, spec, text):
        return None, "", False
    candidate = _Candidate(rule, match.label, span, spec["category"], int(spec["severity"]), spec["explanation"],
                           ask=spec.get("level") == "ask")
    reason: str | None = _sure_not_a_disclosure(candidate, spec, lex, text)
    if reason == QUESTION_TO_LISTENER and (answer := _own_answer(span, lex, text)) is not None:
        return _answered_by_speaker(candidate, spec, answer, text), "", False
    if reason == QUESTION_TO_LISTENER and text.in_message("cue/self_reveal"):
        # "What would you say to a man who has bought a rope? This man is me.": the question is about
        # someone else, read as such, and then owned (`_own`).
        reason = ""
    if reason:
        return None, reason, True
    if spec.get("about_close"):
        return _judge_close_signs(candidate, spec, text)
    chain = parse.head_chain(span.root)
    reporter = parse.reporter_of(span, text.words)
    is_quoted = any(t.i in text.quoted for t in span)
    if spec.get("abuser_not_speaker") and _done_by_speaker(span, text):
        return None, "", False  # "I take my tablets", "I keep my money in a jar": not someone's control
    if candidate.category == "abuse_or_danger" and _likened(span):
        return None, LIKENED, True
    if spec.get("resolve") == "harm":
        reason = _resolve_harm(candidate, spec, chain, lex, text, reporter, is_quoted)
        to_speaker = candidate.category == "abuse_or_danger"
        if reason is None and not text.in_message("cue/earnest") and not _abuse_a_game_cannot_explain(candidate, span) and (
                _game_in_sentence(span, text, to_speaker) or (_fiction_in_sentence_not_a_time(span, text, lex, to_speaker)
                                                              and not _own_life_told(candidate, span, text, is_quoted))):
            reason = GAME_OR_FICTION
        if reason is None and candidate.category == "abuse_or_danger" and _called_a_joke(span, text):
            reason = JOKE_SAID
    else:
        reason = _resolve_person(candidate, spec, chain, lex, text, reporter, is_quoted)
    if reason:
        return None, reason, reason in MARKED_FICTION
    if spec.get("anger_switch") and (text.in_message("cue/anger") or text.in_sentence("cue/third_person", span)):
        _switch_to_harm(candidate, text)
    if candidate.ask and _second_sign(spec, span, text):
        candidate.ask = False
        candidate.explanation = spec.get("flag_explanation") or (
            "Anger at someone with a plan-like detail and a second sign of a plan (a weapon, a time, \"going to\").")
    _adjust_severity(candidate, chain, text)
    if candidate.category in SELF_DIRECTED and not candidate.ask and _marked_as_a_joke(candidate, text):
        # "this homework is gonna be the death of me, kms (jk)": a joke can mask a real wish, so it is
        # asked about once, gently, rather than met with crisis resources or set aside.
        candidate.ask = True
        candidate.qualifiers.append("marked as a joke")
    if _someone_close_hurt(candidate, text):
        _make_someone_close(candidate, spec, text)
    if _is_past(candidate.span, chain, text) or _milestone(candidate.span, text):
        candidate.qualifiers.append("past")
    if reporter == "third" and candidate.category == THIRD_PARTY:
        candidate.qualifiers.append("reported")
    return candidate, "", False


def _keeps_a_silence(span: Span, text: _Text) -> bool:
    """ "He'll kill me if he finds out I told you": a threat that keeps a telling secret is no idiom,
    whatever its first words, unless a laugh or a joke marker says it is one."""
    return (text.in_sentence("cue/telling_found_out", span)
            and not text.in_message("cue/laugh") and not text.in_message("cue/jest"))


def _milestone(span: Span, text: _Text) -> bool:
    """ "Six months since I last self-harmed": the act a recovery milestone counts from is past, unless
    a relapse or an urge is told beside it ("broke my 40 days clean")."""
    return text.overlaps("cue/milestone", span) and not text.in_message("cue/lapse")


def _marked_as_a_joke(candidate: _Candidate, text: _Text) -> bool:
    """A joke marker ("jk", "just kidding", "figuratively") in the sentence or the next, with no
    method, plan, means or earnest word in the message and no intent said."""
    serious = ("cue/earnest", "cue/means_ready", "cue/means_at_hand", "cue/method", "cue/plan")
    return (candidate.severity < 4 and text.in_any("cue/jest", text.around(candidate.span, 0, 1))
            and not any(text.in_message(cue) for cue in serious))


LIKENED = "A feeling likened to a blow (\"a stab of guilt, like being punched\"), not a blow."


GAME_CUES = frozenset({"cue/game", "cue/ball_game", "cue/sparring"})
# Heads a game or a show can modify without the game or the show being where it happened: "my
# football coach", "the drama teacher", "the TV remote".
ROLES_AND_THINGS = frozenset({"coach", "coaches", "teacher", "teachers", "instructor", "instructors", "trainer",
                              "trainers", "tutor", "tutors", "manager", "referee", "remote", "remotes", "controller",
                              # "my late father's cricket bat by the back door": a weapon named by its sport.
                              "bat", "bats"})


def _names_who_or_what(cue: Span) -> bool:
    """A game or a show named only as a modifier of a person's role or a thing ("sexually abused by my
    football coach", "hits me with the TV remote")."""
    last = cue[-1]
    return last.dep_ == "compound" and last.head.i >= cue.end and last.head.lower_ in ROLES_AND_THINGS


def _likened(span: Span) -> bool:
    """ "like being punched in the chest": a passive blow with nobody doing it, as a likeness."""
    root = span.root
    return (root.dep_ == "pcomp" and root.head.lower_ == "like"
            and any(c.dep_ == "auxpass" for c in root.children) and not any(c.dep_ == "agent" for c in root.children))


# A game named only as a time ("gonna jump him after the game on Saturday") is not where the act happens.
TIME_PREPOSITIONS = frozenset({"after", "before", "until", "till", "following", "during"})
RETURN_WORDS = frozenset({"home", "back"})


# Done to the speaker, these are never a move in a game: grooming and sexual abuse often begin in one.
ABUSE_NO_GAME_HAS = frozenset({"groom", "groomed", "grooming", "grooms", "molest", "molested", "molesting",
                               "rape", "raped", "raping", "interfered", "sexually", "sexual"})


JOKE_SAID = "A threat to the speaker that the speaker calls a joke, with no fear or weapon in the message."
# "he said it was a joke": the joke is the other person's word for it, not the speaker's.
JOKE_REPORTERS = frozenset({"said", "says", "say", "claimed", "claims", "insisted", "insists", "told", "tells", "swore", "swears"})


def _called_a_joke(span: Span, text: _Text) -> bool:
    """"my sister says she'll kill me if I tell mum, haha, she is joking": the speaker calls it a joke
    and fears nothing. Laughter alone is not enough (threats are often made with a smile), nor the
    other person's word for it ("he said he was only joking")."""
    if any(text.in_message(c) for c in ("cue/earnest", "cue/weapon", "cue/fear_said")):
        return False
    return any(not any(t.lower_ in JOKE_REPORTERS for t in text.doc[max(cue.sent.start, cue.start - 4):cue.start])
               for cue in text.cues_in("cue/joke_said", text.around(span, 0, 1)))


def _abuse_a_game_cannot_explain(candidate: _Candidate, span: Span) -> bool:
    return candidate.category == "abuse_or_danger" and any(t.lower_ in ABUSE_NO_GAME_HAS for t in span)


def _game_in_sentence(span: Span, text: _Text, to_speaker: bool = False) -> bool:
    """A game or sport named in the span's sentence, outside it, other than as a time or as the thing
    hit with; for harm done to the speaker, coming back from it is a time too ("he hits me when we get
    home from the football"), while "I'll kill him when he gets back from football" stays a figure."""
    return any(not _named_as_a_time(cue, to_speaker) and not _named_as_a_weapon(cue)
               for cue in text.cues_elsewhere_in_sentence("cue/game", span))


def _fiction_in_sentence_not_a_time(span: Span, text: _Text, lex: _Lexicon, to_speaker: bool = False) -> bool:
    """A film, book or play named in the span's sentence other than as a time ("after the film he
    always hits me", and for harm to the speaker "when we get home from the play"). A piece of study
    or work beside a plan or a weapon ("he took credit for my project, and I'm going to hit him with my
    car, I've thought about where he parks") is no story that a blow could belong to; without one,
    "mr hughes is gonna murder us if we dont finish the coursework" stays school talk."""
    prepared = text.in_message("cue/weapon") or text.in_message("cue/harm_plan")
    return any(not _named_as_a_time(cue, to_speaker) and not (prepared and cue.root.lower_ in lex.study_words)
               for cue in text.cues_elsewhere_in_sentence("cue/fiction", span))


# "hit me with a cricket bat": the sport names the weapon, not where the blow happened.
SPORT_WEAPONS = frozenset({"bat", "bats", "club", "clubs", "stick", "sticks", "racket", "racquet", "cue", "iron", "paddle"})


def _named_as_a_weapon(cue: Span) -> bool:
    doc = cue.doc
    after = doc[cue.end:cue.end + 1]
    thing = cue[-1].lower_ in SPORT_WEAPONS or (len(after) == 1 and after[0].lower_ in SPORT_WEAPONS)
    return thing and any(t.lower_ == "with" for t in doc[max(cue.sent.start, cue.start - 3):cue.start])


def _named_as_a_time(cue: Span, back_from_counts: bool = True) -> bool:
    """"after the game", "before training": read by the words, the parser often takes "after" for a
    clause's mark."""
    before = [t for t in cue.doc[max(0, cue.start - 3):cue.start] if t.dep_ != "det" and t.pos_ not in ("DET", "PRON")]
    # "when we get home from the football": coming back from it is a time too.
    back_from = back_from_counts and len(before) > 1 and before[-1].lower_ == "from" and before[-2].lower_ in RETURN_WORDS
    return bool(before) and (before[-1].lower_ in TIME_PREPOSITIONS or back_from)


def _second_sign(spec: dict, span: Span, text: _Text) -> bool:
    """One of the rule's `flag_with` cues elsewhere in the message (not the matched words, unless the
    rule says `flag_with_inside`: its words may carry the second sign themselves)."""
    cues = [cue for label in spec.get("flag_with") or () for cue in text.cues(label)]
    return any(spec.get("flag_with_inside") or not _touch(cue, span) for cue in cues)


def _done_by_speaker(span: Span, text: _Text) -> bool:
    subject = parse.subject_of(parse.main_verb(span), span, text.words)
    return subject is not None and parse.person_kind(subject, text.words) == "first"


def _done_by_someone_else(span: Span, text: _Text) -> bool:
    """ "my dad used to hit my mum and me but we're ok now": another person's act on someone close and
    the speaker, which no "we're ok now" takes back (a friend's joke threat at the speaker alone, "she
    will strangle me because I told about the surprise party", is still a joke)."""
    subject = parse.subject_of(parse.main_verb(span), span, text.words)
    return (subject is not None and parse.person_kind(subject, text.words) == "third"
            and parse.includes_speaker(span[-1], text.words))


def _switch_to_harm(candidate: _Candidate, text: _Text) -> None:
    """A plan-like phrase beside anger at someone is about hurting them; with a second sign of a
    plan (a weapon, "when he's asleep", "planned how") it is a disclosure, not only a question."""
    candidate.category = "harm_to_others"
    candidate.explanation = "A plan-like phrase beside anger at someone: may be a plan to hurt them."
    if text.in_message("cue/harm_plan") or text.in_message("cue/weapon"):
        candidate.ask = False
        candidate.explanation = "Describes how they would hurt someone they are angry with (a plan)."


def _counts(span: Span, spec: dict, text: _Text) -> bool:
    """Whether the match is this rule's phrase with the second signal it needs (see `needs`,
    `drop_if` and `speaker_word` in the lexicon)."""
    if any(text.overlaps(label, span) for label in spec.get("drop_if") or ()):
        return False
    needs = spec.get("needs") or ()
    if needs and not any(text.in_any(label, text.around(span)) for label in needs):
        return False
    if spec.get("speaker_word") and not any(t.lower_ in text.words.first or t.lower_ in text.words.myself for t in span):
        return False
    return True


QUESTION_TO_LISTENER = ("A question put to someone else (\"have you thought about ending your life?\"), not the "
                        "speaker's own disclosure.")


def _sure_not_a_disclosure(candidate: _Candidate, spec: dict, lex: _Lexicon, text: _Text) -> str:
    """Why the rules are sure this is not a disclosure (a curated idiom, the speaker's negation, a
    curated reading of this rule's words), or ""."""
    span = candidate.span
    if text.overlaps(IDIOM_CUE, span) and candidate.label not in lex.idiom_readers and not _keeps_a_silence(span, text):
        return IDIOM
    # A method asked for ("which tablets are most dangerous?") is asked for whoever is asked.
    if not spec.get("question_counts") and _question_to_listener(span, lex, text):
        return QUESTION_TO_LISTENER
    if text.in_sentence("cue/definition", span) and not _speaker_in_sentence(span, text):
        return DEFINITION
    if _reflection_to_listener(span, lex, text):
        return "The listener's words reflected back (\"it sounds like you've been thinking about dying\"), not the speaker's own disclosure."
    if text.overlaps("cue/helping_hand", span):
        return "Someone helping, not hurting (\"grabbed my arm to stop me falling\")."
    earnest = text.in_message("cue/earnest")
    clause = _clause(span, text)
    # "this homework is gonna make me kms, I've got the pills ready": a means at hand beside the
    # formula makes it meant.
    # The same for a threat at someone with a weapon or a plan said beside it ("I'll stab her if she
    # reads my diary one more time, I have a knife in my room", "I've worked out exactly how").
    prepared = (text.in_message("cue/means_ready") or text.in_message("cue/means_at_hand")
                or (candidate.category == "harm_to_others"
                    and (text.in_message("cue/weapon") or text.in_message("cue/harm_plan"))))
    # A threat told as the other's fate ("he won't be walking out of that meeting") is not the
    # formula's "I'll kill him": the condition is what makes it a threat.
    if not earnest and not prepared and candidate.category != "abuse_or_danger" and candidate.rule not in FATE_RULES and (
            text.in_any("cue/hyperbole", clause) or (text.in_any("cue/bad_moment", clause) and text.in_any("cue/laugh", clause))):
        return "Exasperation's formula (\"if ... one more time, I'll ...\"), a figure of speech."
    if (not earnest and candidate.category == "harm_to_others" and text.overlaps("cue/anger_figure", span)
            and not any(text.in_message(c) for c in ("cue/weapon", "cue/harm_plan"))):
        return "Anger at a slip told as a figure (\"I was ready to kill him!\"), with no weapon or plan."
    if not earnest and text.overlaps("cue/anger_urge", span):
        return "Anger at someone's act, a wish to punch a wall, not a wall punched."
    if candidate.category in SELF_DIRECTED and not text.in_any("cue/lie", text.around(span, 0, 2)) and (
            text.in_sentence("cue/denied_answer", span) or (
            text.in_sentence("cue/asked_whether", span) and text.in_any("cue/answer_no", text.around(span, 0, 1)))):
        # "... and I told her no. That was a lie.": a no taken back is no answer.
        return "The speaker's answer to a question about it is no (\"asked whether I'd ... and I haven't\")."
    if (not earnest and candidate.category == "harm_to_others" and text.in_any("cue/jest", text.around(span, 0, 1))
            and not text.in_message("cue/weapon") and not _done_by_someone_else(span, text)):
        return "Marked as a figure of speech (\"figuratively\", \"bless him\")."
    if (not earnest and candidate.category == "harm_to_others" and text.in_any("cue/laugh_shared", text.around(span, 0, 1))
            and _done_by_speaker(span, text) and not text.in_message("cue/weapon")):
        return "The speaker's own threat laughed off together (\"and we both laugh\"), with no weapon in the message."
    if parse.negated(span, text.words):
        return "Negated: says this is not so."
    for label in spec.get("unless") or ():
        if label in GAME_CUES and _abuse_a_game_cannot_explain(candidate, span):
            continue  # "sexually abused at football training": no game explains it
        # A few readings reach back a sentence ("I handed in my notice today! Saying goodbye to everyone").
        before = 1 if label in lex.unless_reach_back else 0
        if any(not _denied_just_before(cue, lex) for cue in text.cues_in(label, text.around(span, before, 1))):
            return lex.unless_reasons.get(label, "A curated reading of these words that is not a disclosure.")
    if candidate.label in lex.relationship_ambiguous and text.in_any("cue/relationship", text.around(span, 0, 1)):
        return "About ending a relationship, not a life."
    if candidate.rule.startswith("si_") and text.in_sentence("cue/by_accident", span):
        return "Said to be an accident (\"by accident\"), not on purpose."
    return ""


def _denied_just_before(cue: Span, lex: _Lexicon) -> bool:
    """A reading denied by the words right before it ("not for a barbecue", "it isn't for the garden",
    "just not by accident", "Not goodbye for a holiday."), given as someone else's ("they think I'm
    just decluttering") or told to someone as a cover, does not set the match aside."""
    before = cue.doc[max(cue.sent.start, cue.start - 3):cue.start]
    # The denial must bear on the reading, not on a knowing or telling between ("my mum can't know
    # about the tattoo" denies the knowing, not the tattoo; "we've never had rats" denies the rats).
    if any(t.lower_ in lex.reading_denials
           and not any(w.lemma_.lower() in lex.denial_bridges for w in cue.doc[t.i + 1:cue.start]) for t in before):
        return True
    # "Not goodbye for a holiday.": the sentence opens with the denial and has no verb before the reading.
    opening = cue.doc[cue.sent.start:cue.start]
    if len(opening) and opening[0].lower_ in lex.reading_denials and not any(t.pos_ in ("VERB", "AUX") for t in opening):
        return True
    if _told_as_a_cover(cue, lex):
        return True
    return any(t.lower_ in lex.others_reading_verbs and t.i > cue.sent.start and _read_by_someone_else(t, lex)
               for t in cue.doc[max(cue.sent.start, cue.start - 5):cue.start])


def _read_by_someone_else(verb: Token, lex: _Lexicon) -> bool:
    """The reading verb's subject, or its first verb's where two share one ("my neighbour remarked on
    the bruises and assumed I'd had a fall"), names someone other than the speaker: not the speaker's
    dropped subject ("Burnt my hand again, thought the oven was off")."""
    subject = parse.subject_of(verb)
    if subject is None:
        return False
    return (subject.lower_ in lex.words.third or subject.lower_ in lex.indefinite_people
            or subject.pos_ in ("NOUN", "PROPN")) and subject.lower_ not in lex.words.first


def _told_as_a_cover(cue: Span, lex: _Lexicon) -> bool:
    """A reading the speaker says they told or pretended to someone else ("I told the man on the till it
    was for the garden", "I've told everyone it's for the swing", "I pretended it was for work"): it
    may be a cover, so it does not set the match aside. Told to the listener ("I told you") it stands."""
    words = lex.words
    for t in cue.doc[max(cue.sent.start, cue.start - 10):cue.start]:
        if t.lemma_.lower() not in lex.cover_telling_verbs or t.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
            continue  # a telling planned ("I will tell my husband I'm sorry") is a rehearsal, not a cover
        if not any(c.dep_ in parse.SUBJECT_DEPS and c.lower_ in words.first for c in t.children):
            continue
        told = [c for c in t.children if c.dep_ in ("dobj", "dative", "iobj")]
        if not any(c.lower_ in words.second or c.lower_ in ("me", "myself", "us") for c in told):
            return True
    return False


def _clause(span: Span, text: _Text) -> list[Span]:
    """The match's sentence, and the one before it when that one has no closing punctuation: the
    parser sometimes splits a condition from its clause ("If I have to sit through one more
    PowerPoint | I'm going to jump")."""
    sents = text.around(span, 1, 0)
    if len(sents) == 2 and sents[0][-1].text not in (".", "!", "?", "…"):
        return sents
    return sents[-1:]


def _speaker_in_sentence(span: Span, text: _Text) -> bool:
    """A word for the speaker (not "we") in the match's sentence."""
    words = text.words
    return any((t.lower_ in words.first and t.lower_ not in PLURAL_FIRST) or t.lower_ in words.myself
               for t in text.sentence(span))


def _sure_extent(evidence: Evidence, span: Span, reason: str) -> Evidence:
    """What the learned layer must not read of a sure set-aside: its words, or, for a question put to
    the listener, the whole question ("Are you having thoughts of killing yourself right now, and how
    often do they come?" is about the listener through to its question mark; blanking only "killing
    yourself" left the models reading a question about thoughts that come often)."""
    question = span.sent
    if reason != QUESTION_TO_LISTENER or not question.text.rstrip().endswith("?"):
        return evidence
    return Evidence.from_span(question, evidence.marker, reason)


# Punctuation after which a new clause (and so perhaps a new question) starts inside a sentence.
CLAUSE_BREAKS = frozenset({",", ";", ":", "-", "—", "("})


def _ask_about_a_method(candidate: _Candidate) -> None:
    candidate.ask = True
    candidate.qualifiers.append("asked about a method in general")


def _method_asked_of_anyone(span: Span, lex: _Lexicon, text: _Text) -> bool:
    """A question whose subject is anyone at all ("how do people ...", "what's the best way for
    someone to ..."), not a named person ("how did your brother ...?")."""
    subject = parse.subject_of(span.root, span, text.words)
    return (_ends_with_question(span, text) and subject is not None and subject.lower_ in lex.indefinite_people
            and not text.in_sentence("cue/fiction", span))


def _ends_with_question(span: Span, text: _Text) -> bool:
    tokens = [t for t in text.sentence(span) if not t.is_space]
    return bool(tokens) and tokens[-1].text == "?"


def _question_to_listener(span: Span, lex: _Lexicon, text: _Text) -> bool:
    """ "Have you thought about how you would end your life?", "Has anyone hurt you at home?": a
    clause opened by an auxiliary (or a wh-word and an auxiliary), a word for "you", a question mark
    at the end and no word for the speaker. A trainee asking a client discloses nothing; a statement
    ("sometimes you just want to die, you know?") or a question about the speaker ("do you think I
    should kill myself?") is not set aside."""
    sent = text.sentence(span)
    tokens = [t for t in sent if not t.is_space]
    if tokens and text.quoted.intersection(t.i for t in tokens):
        return _quoted_question_put_by_speaker(span, tokens, lex, text)
    return _asks_the_listener(tokens, lex, text)


def _quoted_question_put_by_speaker(span: Span, tokens: list[Token], lex: _Lexicon, text: _Text) -> bool:
    """A question to the listener inside quotation marks that the speaker says they ask (a trainee's
    or a nurse's screening question). Quoted questions put to the speaker are not set aside: "he
    said 'do you want to die tonight?'" is a threat."""
    if not all(t.i in text.quoted for t in span):
        return False
    # The quotation the match is in: from its first quoted word to the first word outside it.
    start = next(t.i for t in tokens if all(k in text.quoted for k in range(t.i, span.end)))
    end = next((k for k in range(span.end, tokens[-1].i + 1) if k not in text.quoted), tokens[-1].i + 1)
    quoted = [t for t in text.doc[start:end] if not t.is_space]
    if end < len(text.doc) and text.doc[end].is_punct and text.doc[end].text == "?":
        quoted.append(text.doc[end])
    before = [t for t in tokens if t.i < start]
    if any(t.lower_ in text.words.myself for t in before):  # "I asked myself, 'do you really want to ...?'"
        return False
    put_by_speaker = any(t.lemma_.lower() in lex.question_putting_verbs and any(
        p.lower_ in text.words.first and p.lower_ not in PLURAL_FIRST for p in before[:n]) for n, t in enumerate(before))
    return put_by_speaker and _asks_the_listener(quoted, lex, text)


def _asks_the_listener(tokens: list[Token], lex: _Lexicon, text: _Text) -> bool:
    if not tokens or tokens[-1].text != "?":
        return False
    words = text.words
    lowers = [t.lower_ for t in tokens]
    if _asks_if_it_is_normal(lowers, lex):
        return False
    for n, w in enumerate(lowers):
        if (w in words.first and w not in PLURAL_FIRST) or w in words.myself:
            # "would you tell me if ...": the speaker only as the one the listener would tell.
            if not (w == "me" and n and lowers[n - 1] in lex.question_listener_objects):
                return False
    if not any(w in words.second for w in lowers):
        return False
    clause_start = True
    for n, w in enumerate(lowers):
        if clause_start and w in lex.question_openers:
            continue
        if clause_start:
            if w in lex.question_auxiliaries:
                return True
            # "how often do you ...", "what kind of thoughts have you had?", "what stops you ...?"
            if w in lex.question_words and any(
                    (lowers[k] in lex.question_auxiliaries and k + 1 < len(lowers) and lowers[k + 1] in words.second)
                    or (k <= n + 3 and lowers[k] in words.second)
                    for k in range(n + 1, min(n + 5, len(lowers)))):
                return True
        clause_start = tokens[n].is_punct and w in CLAUSE_BREAKS
    return False


def _own_answer(span: Span, lex: _Lexicon, text: _Text) -> Span | None:
    """The speaker's own answer to the question put to the listener, in the sentence right after it:
    "Have you ever thought about ending your life? I have, every night.", "do u ever wanna kms? bc i
    do", "Ever hurt yourself on purpose? Me too." An answer with a verb of its own ("I have to ask",
    "I do care") or a negation ("I haven't") is not one."""
    question = text.sentence(span)
    after = text.doc[question.end:]
    if not len(after):
        return None
    answer = text.sentence(after[:1])
    tokens = [t for t in answer if not t.is_space]
    lowers = [t.lower_ for t in tokens]
    start = next((n for n, w in enumerate(lowers) if w not in lex.self_answer_openers and not tokens[n].is_punct), len(lowers))
    words = [t.lower_ for t in tokens[start:] if not t.is_punct]
    if any(words[:len(phrase)] == phrase and len(words) <= len(phrase) + 4 for phrase in lex.self_answer_phrases):
        return answer
    if start >= len(tokens):
        return None
    # "Has your partner ever hit you? Mine has.": the speaker's own one, in the asked one's place.
    subject = lowers[start]
    if subject != "mine" and (subject not in text.words.first or subject in PLURAL_FIRST):
        return None
    n = start + 1
    while n < len(tokens) and tokens[n].pos_ == "ADV" and lowers[n] not in text.words.negations:
        n += 1
    if n >= len(tokens) or lowers[n] not in lex.self_answer_auxiliaries:
        return None
    # The answer's clause ends at its first punctuation ("I did, when I was fifteen"); a verb in it is
    # the question's own ("Have you ever thought about it? I have thought about it a lot").
    asked = {t.lemma_.lower() for t in question}
    clause = list(itertools.takewhile(lambda t: not t.is_punct, tokens[n + 1:]))
    if any((t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in asked) or t.lower_ in text.words.negations
           for t in clause):
        return None
    return answer


def _answered_by_speaker(candidate: _Candidate, spec: dict, answer: Span, text: _Text) -> _Candidate:
    """A question put to the listener that the speaker answers for themselves is their own
    disclosure, asked about directly (read as past where the answer is: "I did, years ago"). A harm
    done to the one asked ("has anyone hurt you at home? I have / mine has") is then done to the
    speaker; one the asked would do ("have you ever hit anyone? I have"), done by them."""
    if spec.get("resolve") == "harm":
        done_to_listener = any(t.lower_ in text.words.second and t.dep_ in ("dobj", "pobj", "dative") for t in candidate.span)
        candidate.category = "abuse_or_danger" if done_to_listener else "harm_to_others"
    candidate.ask = True
    candidate.explanation = (f"A question put to the listener, then answered by the speaker for themselves "
                             f"(\"{answer.text.strip()[:60]}\"): worth asking directly.")
    if _is_past(answer, parse.head_chain(answer.root), text):
        candidate.qualifiers.append("past")
    return candidate


def _asks_if_it_is_normal(lowers: list[str], lex: _Lexicon) -> bool:
    """ "Is it normal to feel relief when you see your own blood?": the "you" of such a question is
    anyone, the speaker included; it asks about their own experience, not the listener's."""
    return any(lowers[n:n + 2] == ["is", "it"] and lowers[n + 2] in lex.self_question_words
               and (n == 0 or lowers[n - 1] in CLAUSE_BREAKS or lowers[n - 1] in lex.question_openers)
               for n in range(len(lowers) - 2))


def _reflection_to_listener(span: Span, lex: _Lexicon, text: _Text) -> bool:
    """ "It sounds like you've been thinking about dying", "you said you've been saving pills": a
    sentence opened by a reflection of the listener's words (`reflection_openers`) and a word for
    "you", with no word for the speaker. A trainee reflecting a client's disclosure discloses
    nothing; a statement with a generic "you" and no such opener ("sometimes you just want to die")
    is not set aside."""
    tokens = [t for t in text.sentence(span) if not t.is_space and not t.is_punct]
    if not tokens or text.quoted.intersection(t.i for t in tokens):
        return False
    words = text.words
    lowers = [t.lower_ for t in tokens]
    if any((w in words.first and w not in PLURAL_FIRST) or w in words.myself for w in lowers):
        return False
    start = next((n for n, w in enumerate(lowers) if w not in lex.question_openers), len(lowers))
    for opener in lex.reflection_openers:
        end = start + len(opener)
        if lowers[start:end] == opener and end < len(lowers) and lowers[end] in words.second:
            return True
    return False


def _resolve_person(candidate: _Candidate, spec: dict, chain: list[Token], lex: _Lexicon, text: _Text,
                    reporter: str | None, is_quoted: bool) -> str:
    """Whose experience a self-directed, abuse or veiled match is; set the category and level, or
    return why it is set aside."""
    span = candidate.span
    fictional = _fiction_in_sentence(span, spec, text)
    generic = text.in_sentence("cue/generic", span)
    can_be_mention = bool(spec.get("mention")) or (
        candidate.label in lex.mention_variants and span.root.pos_ in ("NOUN", "PROPN", "ADJ")
        and span.root.lower_ not in lex.slang_acts
    )
    # Persons are listed in the lexicon (pronouns, "my sister", names): a noun that names none ("my
    # plan is to jump", "the only answer I see is to disappear") leaves the words the speaker's.
    speaker_default = spec.get("speaker") == "default" or candidate.category in SELF_DIRECTED
    person = parse.person_of(span, text.words, reporter, is_quoted, can_be_mention, speaker_default)
    if (can_be_mention and person != "mention" and (fictional or generic) and span.root.pos_ in ("NOUN", "PROPN")
            and not _owned_by_speaker(span, text)):
        # "I'm writing my dissertation on suicide prevention", "how do I bring up suicide with
        # him?": the topic in study or in helping someone, whoever the subject is.
        person = "mention"
    if _met_at_work(span, chain, person, text):
        # "I'm a nurse. I dressed a young woman's self-harm wounds today", "my supervisor says I
        # have to ask about suicide directly": the topic met in caring for others.
        _make_third_party(candidate, IN_CARE_AT_WORK)
        return ""
    if spec.get("speaker") == "always" and reporter in (None, "first"):
        person = "first"
    if _told_by_someone_in_care(span, text) or (
            text.in_message("cue/third_worry") and _subject_kind(span, text) == "third"
            and not _speaker_acts_in_sentence(span, text)):
        # "a customer asked how many tablets is dangerous", "my husband has been stockpiling his
        # pills ... should I be worried about him?": someone else's words or risk.
        _make_third_party(candidate, "someone in their care or someone they worry about")
        return ""
    others = person in ("third", "thing", "mention") or reporter not in (None, "first")
    # "the story about my dad, and the summer after I tried to end my life": the speaker's own life
    # told as a story is no fiction.
    if fictional and (others or (_topic_of_fiction(span, text)
                                 and not (_done_by_speaker(span, text) and _told_as_done(span) and not is_quoted))):
        return FICTION
    if is_quoted and reporter is None and fictional:
        return FICTION_QUOTED
    if candidate.category == "harm_to_others" and text.elsewhere_in_sentence("cue/game", span) and not text.in_message("cue/earnest"):
        return GAME
    if generic and others:
        # "How would someone hang themselves?" is asked back; "I work in A&E, I've seen people who've
        # hanged themselves" (methods met at work, told, not asked) is not.
        if candidate.rule in METHOD_RULES and not (text.in_message("cue/helper_work") and not _ends_with_question(span, text)):
            _ask_about_a_method(candidate)
            return ""
        _make_third_party(candidate, "people in general or someone they want to help")
        return ""
    if person == "mention" and generic and not fictional:
        _make_third_party(candidate, "people in general or someone they want to help")
        return ""
    if person == "mention" and fictional:
        return FICTION
    if person == "mention" and text.in_sentence("cue/own_topic", span):
        # "Suicide feels like the only way out", "su1cide is all i think abt": the topic as what
        # the speaker lives with.
        candidate.explanation = "Names the topic as what they live with (\"all I think about\", \"the only way out\")."
        return ""
    if person == "mention":
        if parse.word_count(text.doc) > lex.short_message:
            # The topic word with no clear subject ("suicide feels like the only way out"): ask.
            candidate.ask = True
            candidate.explanation = "Names the topic without saying whose experience it is (worth asking directly)."
        return ""
    if person == "thing" and candidate.category == "abuse_or_danger" and not spec.get("speaker"):
        return "About a thing, not a person."
    if candidate.rule == "abuser" and _someone_elses(span, text):
        # "my best friend is leaving her abusive husband": someone else's abuser ("I need his
        # permission" names the controller, so only the rule that names the abuser reads this).
        _make_third_party(candidate, "someone else's safety")
        return ""
    if person == "third" and not spec.get("subject_is_abuser"):
        if candidate.rule in METHOD_RULES | {"si_plan"} and _speaker_searches(span, text):
            # "I spent last night reading how people hang themselves": the speaker is the one searching.
            candidate.ask = True
            candidate.qualifiers.append("reading about how others did it")
            return ""
        if candidate.rule in METHOD_RULES and _method_asked_of_anyone(span, lex, text):
            _ask_about_a_method(candidate)  # a method asked for is asked for whoever asks
            return ""
        _make_third_party(candidate, candidate.category.replace("_", " "))
    elif reporter == "third" and person == "first" and candidate.category in SELF_DIRECTED and parse.told_to(chain, text.words):
        candidate.category = "abuse_or_danger"
        candidate.explanation = "Someone told them to hurt or kill themselves."
    if candidate.category == "self_harm" and _accidental(candidate, chain, lex, text):
        return "An accidental injury, not self-harm."
    return ""


def _met_at_work(span: Span, chain: list[Token], person: str | None, text: _Text) -> bool:
    """The topic word as the speaker meets it at work: a helper's work named in the message, the word a
    noun that is not the speaker's own ("my self-harm") nor what they live with ("all I think about"),
    and either nobody's, what a helper does with it (asks about it, dresses it, covers it) or hung on
    someone in their care ("patients with suicidal thoughts"); or an act told of the people it
    describes ("a line for people considering suicide")."""
    if not text.in_message("cue/helper_work"):
        return False
    if _owned_by_speaker(span, text) or text.in_sentence("cue/own_topic", span):
        return False
    if span.root.pos_ == "VERB":
        # "a listening line for people considering suicide": the act is the people's it describes.
        return span.root.dep_ == "acl" and (span.root.head.lower_ in _lexicon().indefinite_people
                                            or text.token_has("cue/care_role", span.root.head))
    if span.root.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    verb = next((t for t in chain[1:] if t.pos_ in ("VERB", "AUX")), None)
    # "a run of patients with suicidal thoughts": the words hang on someone in the speaker's care.
    in_care = any(text.token_has("cue/care_role", t) for t in chain[1:4])
    return person == "mention" or in_care or (verb is not None and text.token_has("cue/work_act", verb))


def _someone_elses(span: Span, text: _Text) -> bool:
    """The matched words belong to someone else named as their possessor ("her abusive husband")."""
    inside = {t.i for t in span}
    owners = [c for t in span for c in t.children if c.dep_ == "poss" and c.i not in inside]
    return any(parse.person_kind(o, text.words) == "third" for o in owners)


def _speaker_searches(span: Span, text: _Text) -> bool:
    """A word of searching near the match whose doer is not someone else ("I spent last night reading
    how people hang themselves"; not "my son searched for ways to kill himself")."""
    for cue in text.cues_in("cue/search", text.around(span)):
        doer = parse.subject_of(cue.root, cue, text.words)
        if doer is None or parse.person_kind(doer, text.words) != "third":
            return True
    return False


def _told_by_someone_in_care(span: Span, text: _Text) -> bool:
    """A client, patient or student named as the one who asked or wrote it, before the match, and
    no word for the speaker in the matched words ("a student told me to kill myself" is not theirs)."""
    words = text.words
    if any(t.lower_ in words.first or t.lower_ in words.myself for t in span):
        return False
    sent = text.sentence(span)
    return any(sent.start <= c.start < span.start for c in text.cues("cue/professional_report"))


# Words for the speaker that only say whose something is ("my husband"), not who does it.
POSSESSIVE_FIRST = frozenset({"my", "mine", "our", "ours"})


def _speaker_acts_in_sentence(span: Span, text: _Text) -> bool:
    """A word for the speaker as a person in the match's sentence ("I keep looking at them"), not
    only as an owner ("my husband")."""
    words = text.words
    return any((t.lower_ in words.first or t.lower_ in words.myself) and t.lower_ not in POSSESSIVE_FIRST
               for t in text.sentence(span))


def _subject_kind(span: Span, text: _Text) -> str | None:
    subject = parse.subject_of(parse.main_verb(span), span, text.words)
    return parse.person_kind(subject, text.words) if subject is not None else None


def _fiction_in_sentence(span: Span, spec: dict, text: _Text) -> bool:
    """A fiction cue in the match's sentence; for a rule about a cover story ("help me make up a
    story that sounds like a normal accident"), the word "story" is the cover, not fiction."""
    cues = text.cues_in("cue/fiction", [text.sentence(span)])
    if spec.get("cover_story"):
        cues = [c for c in cues if c.root.lemma_ not in COVER_WORDS]
    return bool(cues)


# "teach that bastard a proper lesson": a lesson given to someone, not one at school.
LESSON_WORDS = frozenset({"lesson", "lessons"})
LESSON_GIVERS = frozenset({"teach", "learn", "give"})


def _a_lesson_taught(cue: Span) -> bool:
    """A "lesson" cue with "teach", "learn" or "give" a few words before it in its sentence."""
    if cue.root.lower_ not in LESSON_WORDS:
        return False
    before = cue.doc[max(cue.sent.start, cue.start - 5):cue.start]
    return any(t.lemma_.lower() in LESSON_GIVERS for t in before)


def _topic_of_fiction(span: Span, text: _Text) -> bool:
    """ "that song about wanting to die": the words hang from the song (or film, or book)."""
    return any(text.token_has("cue/fiction", t) for t in span.root.ancestors)


SETTING_PREPOSITIONS = frozenset({"in", "on", "during"})
# The words a cover story is told with: for a cover-story rule they are the cover, not fiction.
COVER_WORDS = frozenset({"story"})


def _own_life_told(candidate: _Candidate, span: Span, text: _Text, is_quoted: bool) -> bool:
    """Harm read as done to the speaker (abuse_or_danger once resolved) and told as done, in a story of
    their own life ("the story I want to tell my kids is how I got away from my first husband, who used
    to beat me"): no fiction unless the words hang from the story itself ("a film where he beats me")
    or the story is said of the act ("in the play he slaps me")."""
    if candidate.category != "abuse_or_danger" or is_quoted or _topic_of_fiction(span, text):
        return False
    if not _told_as_done(span):
        return False  # a threat ("he'll kill me if ...") is read with its story
    chain = {span.root.i, *(t.i for t in span.root.ancestors)}
    # "in the play", "on the show": the story as the setting of the act, on the act's chain of heads.
    return not any(text.token_has("cue/fiction", t) and t.dep_ == "pobj" and t.head.lower_ in SETTING_PREPOSITIONS
                   and t.head.head.i in chain for t in text.sentence(span))


def _told_as_done(span: Span) -> bool:
    """The act told in the past ("I tried to end my life", "who used to beat me"), as a life story
    tells it, not as a part to play ("I have to fake stab myself") or a threat ("he'll kill me")."""
    verb = parse.main_verb(span)
    # The past may sit on the verb an infinitive hangs from ("the year I wanted to kill myself", "who
    # used to beat me"), never on a verb of saying ("he said he'd kill us").
    chain = [verb]
    while chain[-1].dep_ == "xcomp" and len(chain) < 3:
        chain.append(chain[-1].head)
    return any(t.tag_ == "VBD" or t.lower_ == "used" or (
        t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in t.children)) for t in chain)


def _owned_by_speaker(span: Span, text: _Text) -> bool:
    """ "my suicide attempt", "my self-harm", "the self-harm I did at university": the topic word
    belongs to the speaker, by "my" or by a clause of theirs that describes it."""
    first = text.words.first
    return any((c.dep_ == "poss" and c.lower_ in first)
               or (c.dep_ == "relcl" and c.lemma_.lower() not in WITNESSING_VERBS
                   and any(s.dep_ in parse.SUBJECT_DEPS and s.lower_ in first for s in c.children))
               for t in span for c in t.children)


# "the self-harm I see every shift", "the suicide I witnessed": met, not the speaker's own.
WITNESSING_VERBS = frozenset({"see", "witness", "treat", "hear", "meet", "nurse", "attend", "watch", "read"})


def _own(candidate: _Candidate) -> None:
    """ "My friend cuts herself and asks how to hide it. Okay, it is me": someone else's risk, then
    owned by the speaker, is the speaker's, asked about directly."""
    if candidate.category == THIRD_PARTY and candidate.owned_as:
        (candidate.category, note), candidate.ask = candidate.owned_as, True
        candidate.qualifiers = [q for q in candidate.qualifiers if q != note] + ["told of someone else, then owned"]
        candidate.explanation = "Told as someone else's, then said to be the speaker's own (worth asking directly)."


# Someone else's risk met in the speaker's work, or in a story or the news: not a worry for someone in
# their own life.
NOT_A_WORRY_CUES = ("cue/helper_work", "cue/professional_report", "cue/care_role", "cue/fiction")
IN_CARE_AT_WORK = "someone in their care at work"
AT_WORK_NOTE = f"about someone else ({IN_CARE_AT_WORK})"
# Threats told as what will become of someone: "if ... once more" is their condition, not a figure.
FATE_RULES = frozenset({"harm_threat_fate", "harm_fate_told"})
JEST_CUES = ("cue/jest", "cue/laugh", "cue/laugh_shared", "cue/joke_said", "cue/hyperbole")


def _worried_for_someone(finding: RiskFinding, text: _Text) -> bool:
    """Whether someone else's risk is told with worry for them or a wish to help ("my friend says she
    wants to die, what do I say to her?"), or is grave and now ("my friend texted that she's going to
    end her life tonight"), outside the speaker's work and stories."""
    asks = text.cues("cue/worry_help")
    # Grave, now, someone in the speaker's life, not said in jest ("my friend texted me she's going to
    # end her life tonight"): a worry whether or not the speaker asks what to do.
    grave_now = (finding.level in ("high", "imminent") and "past" not in finding.qualifiers
                 and text.in_message("cue/known_person")
                 and not any(text.in_message(cue) for cue in (*JEST_CUES, "cue/dated", "cue/recovered")))
    if not (asks or grave_now) or AT_WORK_NOTE in finding.qualifiers:
        return False
    return not any(_names_work_or_a_story(cue, asks) for label in NOT_A_WORRY_CUES for cue in text.cues(label))


def _names_work_or_a_story(cue: Span, asks: list[Span]) -> bool:
    """A work or story cue that is not part of the speaker's own question: the helper-work cue also
    reads "I support" in "how do I support her", which is a friend's question, not a support worker's."""
    return not any(_touch(cue, ask) for ask in asks)


def _make_third_party(candidate: _Candidate, about: str = "", *, note: str | None = None,
                      owned_as: str | None = None) -> None:
    """Someone else's risk, kept for the therapist; `owned_as` is its category were it the speaker's."""
    note = note or f"about someone else ({about})"
    candidate.qualifiers.append(note)
    candidate.owned_as = (owned_as or candidate.category, note)
    candidate.category = THIRD_PARTY


def _someone_close_hurt(candidate: _Candidate, text: _Text) -> bool:
    """Someone else's abuse or danger done to a child or a grandparent of the speaker's ("my son", "my
    13-year-old", "my nan"), or to a parent or spouse where care is named ("Mum's carer", "the home"),
    outside the speaker's work, happening rather than imagined ("if anyone ever threatens him"); the
    child or elder is not the one who does it ("my son says he'll murder his sister")."""
    if candidate.category != THIRD_PARTY or candidate.owned_as is None or candidate.owned_as[0] != "abuse_or_danger":
        return False
    verb = _act_verb(candidate.span)
    if verb.dep_ == "relcl" and verb.tag_ == "VBD":
        return False  # "the man who hurt my daughter": names a man by what he once did
    if any(c.dep_ == "mark" and c.lower_ in parse.CONDITION_MARKS for c in verb.children):
        return False  # "if anyone ever threatens him, he should come to us": what might happen
    # In the act's own phrase ("the staff are hurting my gran", "my 12-year-old's father beats
    # him"), or told by a pronoun for someone named before ("my dad ... my brother hits him").
    in_phrase = {t.i for c in verb.children if c.dep_ not in OTHER_CLAUSES for t in c.subtree}
    told_by_pronoun = candidate.span[-1].lower_ in ("him", "her", "them")
    # A pronoun for the one hurt may name someone from the sentence before, unless a pronoun also
    # does it ("my grandson ... he has killed her", of a chess queen): which is which is unknown.
    doer = parse.subject_of(verb, candidate.span, text.words)
    reach_back = told_by_pronoun and (verb.lemma_.lower() in ABUSE_VERBS or not (doer is not None and doer.pos_ == "PRON"))
    others = _not_the_doer(_close_named(candidate.span, text, before=int(reach_back)), candidate.span, text)
    return any(told_by_pronoun or any(t.i in in_phrase for t in cue) for cue in others)


# Children of a verb that open a clause of their own: "my kids fight all the time, my son hit his
# sister" names the kids outside the act.
OTHER_CLAUSES = frozenset({"ccomp", "advcl", "parataxis", "punct"})
# Verbs that name abuse whatever the setting: "he is grooming her" after "my granddaughter is
# thirteen" is about her, though "he" could be anyone (a game's "he has killed her" could not).
ABUSE_VERBS = frozenset({"groom", "abuse", "molest", "rape", "assault", "interfere", "neglect", "touch"})


def _judge_close_signs(candidate: _Candidate, spec: dict, text: _Text) -> tuple[_Candidate | None, str, bool]:
    """A rule whose words are signs of harm to someone close counts only with that person named
    nearby, outside the speaker's work: as the one the act is done to, or (`close_is_subject`, for
    marks) as the one who has them, named or told by a pronoun."""
    close = _close_named(candidate.span, text, before=1)
    if spec.get("close_is_subject"):
        owner = parse.subject_of(_act_verb(candidate.span), candidate.span, text.words)
        if owner is not None and owner.pos_ != "PRON" and not any(c.start <= owner.i < c.end for c in close):
            return None, "", False  # "my daughter-in-law has bruises ... my son": not the son's
        if owner is not None and owner.lower_ in text.words.first:
            # "I have bruises ... my nephew is very strong": their own, beside a relative they live with.
            return _with_past(candidate, text) if close else (None, "", False)
    elif not _not_the_doer(close, candidate.span, text):
        return None, "", False
    if not close:
        return None, "", False
    candidate.about = SOMEONE_CLOSE
    candidate.qualifiers.append(CLOSE_QUALIFIER)
    return _with_past(candidate, text)


def _with_past(candidate: _Candidate, text: _Text) -> tuple[_Candidate | None, str, bool]:
    if _is_past(candidate.span, parse.head_chain(candidate.span.root), text):
        candidate.qualifiers.append("past")
    return candidate, "", False


def _close_named(span: Span, text: _Text, before: int = 0) -> list[Span]:
    """The words naming a child or a grandparent of the speaker's, or a parent where care is named, in
    the match's sentence or `before` sentences either side of it (none when the message is about the
    speaker's work)."""
    if text.in_message("cue/helper_work"):
        return []
    sentences = text.around(span, before=before, after=before)
    close = text.cues_in("cue/close_child", sentences) + text.cues_in("cue/close_grandparent", sentences)
    if text.in_message("cue/care_setting"):
        close += text.cues_in("cue/close_elder", sentences)
    return [cue for cue in close if not _in_law(cue)]


def _in_law(cue: Span) -> bool:
    """ "my daughter-in-law": an adult relative by marriage, not the speaker's child."""
    doc = cue.doc
    return cue.end + 1 < len(doc) and doc[cue.end].text == "-" and doc[cue.end + 1].lower_ == "in"


def _not_the_doer(close: list[Span], span: Span, text: _Text) -> list[Span]:
    """Those of `close` that are not the one who does the act ("my son goes to his bed at night")."""
    verb = _act_verb(span)
    doer = parse.subject_of(verb, span, text.words)
    if doer is None or doer.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in verb.children):
        return close  # "my mother is being neglected", "came back and hadn't been fed": done to them
    return [cue for cue in close if not cue.start <= doer.i < cue.end]


def _act_verb(span: Span) -> Token:
    """The verb of the matched act: "being neglected" is the neglect, not its auxiliary."""
    verb = parse.main_verb(span)
    return verb.head if verb.dep_ in ("aux", "auxpass") else verb


def _make_someone_close(candidate: _Candidate, spec: dict, text: _Text) -> None:
    """Harm that goes on ("he hits her", "she is being neglected") or is feared is a safeguarding
    worry; one act or a threat alone ("my son was punched at school", "Mum will kill Dad when she
    sees the car") is asked about, since family anger is so often a figure of speech."""
    note = candidate.owned_as[1] if candidate.owned_as else ""
    candidate.category, candidate.about, candidate.owned_as = "abuse_or_danger", SOMEONE_CLOSE, None
    candidate.qualifiers = [q for q in candidate.qualifiers if q != note] + [CLOSE_QUALIFIER]
    candidate.explanation = "Someone close to them (a child, a relative or someone they look after) may be being hurt or neglected."
    verb = _act_verb(candidate.span)
    one_act = verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    threat = spec["category"] != "abuse_or_danger" and verb.tag_ not in ("VBZ", "VBP", "VBG")
    if (one_act or threat) and not text.near("cue/fear", candidate.span):
        candidate.ask = True
        candidate.explanation = "Someone close to them (a child, a relative) may have been hurt or threatened (worth asking)."


def _accidental(candidate: _Candidate, chain: list[Token], lex: _Lexicon, text: _Text) -> bool:
    """ "I cut myself shaving": an injury in an accident, unless it is said to be on purpose."""
    if candidate.rule in SELF_HARM_NOT_ACCIDENT or candidate.label in SELF_HARM_BY_NAME or candidate.label in EXCUSE_DENIED:
        return False
    if text.in_sentence("cue/on_purpose", candidate.span) or text.in_sentence("cue/sh_habit", candidate.span):
        return False
    # "not by accident", "not an accident lol": the accident denied right before it is no reading.
    accidents = [c for c in text.cues_in("cue/accident", [text.sentence(candidate.span)]) if not _denied_just_before(c, lex)]
    return bool(accidents) and not parse.has_urge(chain, text.words)


def _resolve_harm(candidate: _Candidate, spec: dict, chain: list[Token], lex: _Lexicon, text: _Text,
                  reporter: str | None, is_quoted: bool) -> str | None:
    """Decide who hurts whom for a harm verb; set the category, or return why it is set aside."""
    span = candidate.span
    words = text.words
    verb = parse.main_verb(span)
    target_token = span[int(spec.get("target_index", -1))]
    target = parse.person_kind(target_token, words)
    if _possessed_thing(target_token, lex):
        return "Something of theirs, not the person (\"I killed her orchid\")."
    with_speaker = target == "third" and parse.includes_speaker(target_token, words)
    if with_speaker:
        target = "first"  # "beat my mother and me"
    if target == "second" and _asks_if_it_is_normal([t.lower_ for t in text.sentence(span)], lex):
        target = "first"  # "is it normal for your bf to choke you?": anyone's "you", the speaker's first
    if spec.get("target_first_only"):
        target = "first" if any(t.lower_ in lex.speaker_objects for t in span) else "thing"
        if target != "first":
            return "Not done to the speaker."
    actor_token = parse.subject_of(verb, span, words)
    actor = parse.person_kind(actor_token, words) if actor_token is not None else None
    if actor is None and target != "first" and not is_quoted and parse.speaker_dropped(verb, words):
        actor = "first"
    if with_speaker and actor in ("first", None):
        target = "third"  # "I want to kill my kids and me": harm to others as well as to themselves
    if is_quoted and reporter in ("third", "thing"):
        # 'He said "I will kill you"': the quoted I is the reporter, the quoted you is the speaker; the
        # same for a card, a note or a message ("a card that said 'we'll kill you if you don't visit'").
        actor = "third" if actor in (None, "first") else actor
        target = "first" if target == "second" else ("third" if target == "first" else target)
    if target == "first":
        return _harm_to_speaker(candidate, verb, actor, lex, text, is_quoted)
    return _harm_by_speaker(candidate, verb, actor, chain, lex, text, is_quoted)


# Parts of the body beyond the lexicon's list (which names the places self-harm is told of).
MORE_BODY_PARTS = frozenset({"rib", "ribs", "nose", "jaw", "tooth", "teeth", "eye", "eyes", "back", "skull", "throat",
                             "mouth", "lip", "lips", "ear", "ears", "shoulder", "shoulders", "knee", "knees", "foot",
                             "feet", "toe", "toes", "cheek", "cheekbone", "collarbone", "spine", "hair", "side",
                             "finger", "thumb", "elbow", "shin", "shins", "bum", "backside", "kidney", "kidneys"})
OWNERS = frozenset({"her", "his", "their"})
# Chat words the tagger reads as a thing owned ("hurt her fr", "kill him tmrw").
CHAT_TAILS = frozenset({"fr", "frfr", "rn", "tbh", "ngl", "lol", "lmao", "tho", "tmrw", "tmr", "asap", "irl", "istg"})


def _possessed_thing(token: Token, lex: _Lexicon) -> bool:
    """"her" as the owner of a thing ("killed her orchid"), not of a body part ("hit her face", "broke
    his ribs") nor of a person ("kill her brother")."""
    owned = token.head
    return (token.lower_ in OWNERS and token.dep_ == "poss" and owned.pos_ == "NOUN" and owned.lower_ not in CHAT_TAILS
            and owned.lower_ not in lex.all_body_parts and owned.lemma_.lower() not in lex.all_body_parts
            and parse.person_kind(owned, lex.words) in (None, "thing"))


def _harm_to_speaker(candidate: _Candidate, verb: Token, actor: str | None, lex: _Lexicon, text: _Text,
                     is_quoted: bool) -> str | None:
    """Someone (or something) hurts the speaker."""
    weak = candidate.rule == "weak_harm_verb"
    if actor == "thing":
        return "A thing, not a person, does it: a figure of speech (\"this is killing me\")."
    if actor in (None, "second") and not is_quoted:
        if verb.lower_ in lex.passive_wish_verbs and actor is None:
            # "just kill me now": often exasperation, sometimes a wish to be dead; asked about.
            candidate.category, candidate.severity, candidate.ask = "suicidal_ideation", 1, True
            candidate.explanation = "Asks to be killed or ended: perhaps a passive wish to be dead (worth asking)."
            return None
        if actor == "second" and verb.tag_ == "VBD" and not weak and verb.lemma_.lower() not in lex.passive_wish_verbs:
            # "you pushed me down the stairs on Tuesday": the listener (the bot) did nothing, so
            # "you" is someone the speaker addresses, a rehearsal line to the person who did it.
            candidate.category, candidate.ask = "abuse_or_danger", True
            candidate.explanation = "Tells someone addressed as \"you\" that they did it (worth asking)."
            return None
        return "No one is said to do it."
    if actor == "first":
        return "Not about harm between people."
    if weak and not text.near("cue/fear", candidate.span):
        # "hurt" is spelt the same in the past: the tagger's present for it is no present here.
        if (verb.tag_ in ("VBD", "VB", "VBP") and text.in_sentence("cue/dated", candidate.span)
                and not text.in_sentence("cue/hurt_feelings", candidate.span)
                and not any(c.dep_ == "prep" and c.lower_ == "by" for c in verb.children)):
            # "As a child, my uncle hurt me badly": someone hurting a child, told with the age, is
            # more than hurt feelings; asked about (and read as past where the story is over).
            candidate.category, candidate.ask = "abuse_or_danger", True
            candidate.explanation = "Says someone hurt them as a child (worth asking whether that was physical)."
            return None
        if _used_to(verb) and not text.in_sentence("cue/hurt_feelings", candidate.span):
            # "my mum's boyfriend used to hurt me": a habit of hurting, not one wound to the feelings;
            # asked about, and read as past where the story is over.
            candidate.category, candidate.ask = "abuse_or_danger", True
            candidate.explanation = "Says someone used to hurt them (worth asking whether that was physical)."
            return None
        if verb.tag_ in ("VBZ", "VBP", "VBG") or parse.is_threat(verb, text.words):
            # "he'd hurt me" and "she will hurt me" announce it, as the ongoing present tells it.
            # "my dad hurts me": something that goes on, maybe violence; asked about. "She hurt me
            # so much when she lied" (over and done) is hurt feelings.
            candidate.category, candidate.ask = "abuse_or_danger", True
            candidate.explanation = "Says someone keeps hurting them (worth asking whether that is physical)."
            return None
        return "Hurt feelings, not a physical threat."
    if parse.is_ongoing_figure(verb) and not text.near("cue/fear", candidate.span):
        return "\"They're killing me\": a figure of speech without a threat or fear."
    doer = parse.subject_of(verb, candidate.span, text.words)
    if doer is not None and _sparring_partner(doer, verb, text):
        return "Hit in a sparring bout or a combat sport, not abused."
    if doer is not None and doer.lemma_.lower() in lex.people_in_care and not text.near("cue/fear", candidate.span, 6):
        return "Hit at work by someone in the speaker's care (a patient, a resident), not abuse at home."
    candidate.category, candidate.severity = "abuse_or_danger", max(candidate.severity, 3)
    candidate.explanation = "Being hurt, threatened or abused by someone."
    if parse.is_counterfactual(verb, text.words):
        # "she was so angry she could have killed me": kept, but as what could have happened.
        candidate.severity = 2
        candidate.qualifiers.append("said as what could have happened")
    elif parse.is_threat(verb, text.words):
        candidate.severity = max(candidate.severity, 4)
        candidate.explanation = "Threatened with harm by someone."
    return None


def _sparring_partner(doer: Token, verb: Token, text: _Text) -> bool:
    """The one who hit is named as a sparring partner or opponent ("my sparring partner punched me"),
    or the verb's own phrase places it in a bout ("punched me in sparring"). A combat sport named
    elsewhere does not ("my boyfriend does kickboxing and he punched me")."""
    marked = {t.i for cue in text.cues("cue/sparring") for t in cue}
    if any(t.i in marked for t in doer.subtree):
        return True
    phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "at")]
    return any(t.i in marked for p in phrases for t in p.subtree)


def _harm_by_speaker(candidate: _Candidate, verb: Token, actor: str | None, chain: list[Token], lex: _Lexicon,
                     text: _Text, is_quoted: bool) -> str | None:
    """The speaker (or someone else) hurts another person."""
    # "hurt someone" is not hurt feelings: an indefinite person makes "hurt" plain violence.
    weak = candidate.rule == "weak_harm_verb" and candidate.span[-1].lower_ not in lex.indefinite_people
    wish = parse.has_urge(chain, text.words) or _has_intent(chain, text) or (actor is None and _chat_intent(candidate.span, lex, text))
    if actor == "thing":
        return "A thing, not a person, does it (an illness, an accident)."
    if actor == "second" and not is_quoted:
        return "Said about the listener (\"did you kill someone?\"), not a wish or plan of the speaker."
    if (actor in ("first", None) and verb.lemma_.lower() in lex.restraint_verbs
            and text.in_sentence("cue/restraint", candidate.span) and not _has_intent(chain, text)
            and not any(not _touch(c, candidate.span) for c in text.cues("cue/intent"))
            and not any(text.in_message(c) for c in ("cue/harm_plan", "cue/weapon", "cue/earnest"))):
        # "I wanted to punch him, but I just slammed the door and went out": anger held back.
        return "Anger felt and held back (\"but I just walked out\"), with no intent or plan."
    if actor == "third":
        if text.in_sentence("cue/silencing", candidate.span):
            # "if I tell anyone he'll hurt my mum": a threat that keeps the speaker quiet.
            candidate.category, candidate.severity = "abuse_or_danger", max(candidate.severity, 4)
            candidate.explanation = "Threatened: someone will be hurt if they tell or leave."
            return None
        _make_third_party(candidate, note="someone else may be hurt", owned_as="abuse_or_danger")
        candidate.explanation = "Someone else may be hurting or threatening a person."
        if wish:
            # Someone the speaker knows means to hurt a person: the worry is what they may do.
            candidate.concern = "harm_to_others"
        return None
    if not wish and (weak or parse.is_ongoing_figure(verb) or actor is None):
        if text.in_message("cue/harm_plan"):
            # "I could hurt him, I've planned it": a plan-like phrase or anger beside the words.
            candidate.ask = True
            candidate.category = "harm_to_others"
            candidate.explanation = "Names hurting someone beside anger or a plan (worth asking directly)."
            return None
        if weak and any(t.tag_ in ("VBD", "VBN") for t in candidate.span[:1]):
            return "Something that already happened between them, not a wish to harm."
        if weak:
            return "Hurting someone's feelings, not a wish or plan to harm them."
        if parse.is_ongoing_figure(verb):
            return "\"I'm killing him with ...\": a figure of speech."
        return "No one is said to want or plan it."
    candidate.category = "harm_to_others"
    candidate.explanation = "Wants, intends or threatens to harm another person."
    candidate.severity = 2 if parse.has_urge(chain, text.words) else candidate.severity
    if parse.is_counterfactual(verb, text.words):
        # "I could have strangled him for being late": anger said as a figure, kept at the lowest step.
        candidate.severity = 1
        candidate.qualifiers.append("said as what could have happened")
    return None


def _chat_intent(span: Span, lex: _Lexicon, text: _Text) -> bool:
    """ "gonna k1ll my stepdad": a chat word of intent just before the verb, in the same sentence."""
    start = max(text.sentence(span).start, span.start - 3)
    return any(t.lower_ in lex.chat_intent_words for t in text.doc[start:span.start])


def _has_intent(chain: list[Token], text: _Text, present: bool = False, besides: Span | None = None) -> bool:
    """An intent word on the predicate itself: "going to", "will", "tonight" (not elsewhere). With
    `present`, a verb of intent in the past tense ("I threatened my brother once") does not count,
    nor "threaten" when it is the matched act itself (`besides`: "when I am 18, I threaten my teacher")."""
    purposes = {h for h in (_purpose_of(t, text) for t in chain) if h is not None}
    near = set(chain) | purposes
    for token in list(near):
        near.update(c for c in token.children if c.dep_ in ("aux", "advmod", "npadvmod", "neg", "prt"))
    if besides is not None:
        near = {t for t in near if not (besides.start <= t.i < besides.end and t.lemma_.lower() == "threaten")}
    # Waiting somewhere in order to do it ("I waited outside a bar to stab him") is lying in wait.
    lying_in_wait = [h for h in purposes if h.lemma_.lower() == "wait"]
    return any((text.token_has("cue/intent", t) or t in lying_in_wait) and not (present and _told_in_past_tense(t)) for t in near)


ERRAND_VERBS = frozenset({"go", "come", "head", "drive", "walk", "wait"})


def _purpose_of(token: Token, text: _Text) -> Token | None:
    """The going, the waiting or the decision an act is the purpose of: "I'm going round to his this
    evening to break his legs", "I waited outside a bar to stab him", "I've made up my mind to hurt
    her" (the parser hangs the act on it as a clause)."""
    head = token.head
    if token.dep_ == "advcl" and any(c.tag_ == "TO" for c in token.children) and (
            head.lemma_.lower() in ERRAND_VERBS or text.token_has("cue/intent", head)):
        return head
    return None


def _used_to(token: Token) -> bool:
    """The verb of a habit now over: "used to hurt"."""
    return token.tag_ == "VB" and token.head.lower_ == "used" and any(c.lower_ == "to" for c in token.children)


def _told_in_past_tense(token: Token) -> bool:
    """A verb of intent in the past tense ("I threatened him once"), or a plan had or made then ("I
    had a plan to end it", "I was planning to die", "I spent months planning it")."""
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if _used_to(token):
        return True  # "I used to threaten her"
    if token.tag_ in ("VBD", "VBN"):
        # "I've decided" and "I have planned it" are said now.
        return not any(a.tag_ in ("VBP", "VBZ") and a.lemma_.lower() == "have" for a in auxiliaries)
    if token.tag_ not in ("NN", "NNS", "VBG"):
        return False
    if auxiliaries:
        return all(a.tag_ == "VBD" for a in auxiliaries)
    return token.head is not token and token.head.tag_ in ("VBD", "VBN")


def _adjust_severity(candidate: _Candidate, chain: list[Token], text: _Text) -> None:
    """Move along the ladder: urge (2) for self-harm wishes, method (3), intent (4), plan (5)."""
    span, words = candidate.span, text.words
    if candidate.category == "self_harm" and candidate.severity == 3 and parse.has_urge(chain, words):
        candidate.severity = 2
    if _has_intent(chain, text) and not any(text.in_sentence(cue, span) for cue in PAST_CUES):
        candidate.severity = max(candidate.severity, 4)
    if candidate.rule.startswith("si_") or candidate.rule == "keyword_thoughts":
        if candidate.severity >= 2 and text.in_sentence("cue/method", span, unnegated=True):
            candidate.severity = max(candidate.severity, 3)
        if candidate.severity >= 2 and text.in_sentence("cue/plan", span, unnegated=True):
            candidate.severity = max(candidate.severity, 5)


def _is_past(span: Span, chain: list[Token], text: _Text) -> bool:
    """Placed in a past that is over: a past cue in its sentence or the next one ("I was raped at
    university. It was a long time ago") or in a later sentence that dates the story ("That was ten
    years ago"), and no present cue there ("again", "still happening"), a present word inside a
    recovery phrase ("I'm fine now") or said of life since ("I still flinch") not counting. A verb in
    the present tense keeps it current, unless its past is spelt the same, or it is a bare verb with
    an age or a date in its sentence or in a sentence after it that dates it ("Ten years ago I try
    to kill myself", "I try to kill myself. This is eight years ago", as English learners tell the
    past). A verb in the past tense is also dated by the sentence before it ("In my twenties I was a
    violent man. I put a fellow in hospital"). A past said anywhere in the message to have come back
    ("the same intention has returned these past weeks") leaves nothing in it past."""
    if _has_intent(chain, text, present=True, besides=span) or text.in_message("cue/recurs_now"):
        return False
    past_cues = _past_cues(text)
    dating = _dating_sentences(span, text)
    if _told_in_present(span):
        own = text.sentence(span)
        past_in_sentence = any(own.start <= c.start < own.end for c in past_cues)
        dated_later = bool(text.cues_in("cue/dated", dating))
        if not (_tense_unmarked(span) and (past_in_sentence or dated_later)
                or _bare_verb(span) and (text.in_sentence("cue/dated", span) or dated_later)):
            return False
    sentences = text.around(span, 0, 1) + dating + _dating_before(span, text) + _life_since_told(span, text)
    inside = lambda cue: any(s.start <= cue.start < s.end for s in sentences)  # noqa: E731
    recovered = [c for c in text.cues("cue/recovered") if inside(c)]
    ages = [c for c in past_cues if inside(c)]
    if not ages and not recovered:
        return False
    # The speaker's age now beside an age or a date then ("when I was 15 ... now I am 35").
    over = recovered + ages + text.cues("cue/age_now")
    return not any(_present_near(c, span, text) and not any(_touch(c, o) for o in over)
                   and not any(_right_after(c, r) for r in recovered + _agos(ages))
                   and not _now_of_life_since(c, span, text) and not _still_of_aftermath(c)
                   for c in text.cues("cue/present"))


# Cues that place a statement in the past: an age or a date (which holds even beside a present-tense
# verb), and the weaker markers of a time that is over ("used to", "back then", "no longer").
PAST_CUES = ("cue/dated", "cue/past")
# "I'm in year 9": a school year the speaker is in now, not one they were in.
BE_NOW = frozenset({"m", "'m", "am", "im", "is", "'s", "are", "'re", "currently", "now"})


def _past_cues(text: _Text) -> list[Span]:
    return [c for label in PAST_CUES for c in text.cues(label) if not _stage_now(c) and not _compared_with(c)]


# "I want to die, like when I was 20", "worse than when I was 15": a time compared with, not the
# time of the event.
COMPARISON_WORDS = frozenset({"like", "as", "than"})


def _compared_with(cue: Span) -> bool:
    return cue.start > 0 and cue.doc[cue.start - 1].lower_ in COMPARISON_WORDS


def _stage_now(cue: Span) -> bool:
    """A stage the speaker is in now: "I'm in year 9", "I'm in my first year in this country"."""
    start = cue.start - 1 if cue[0].lower_ in ("my", "the", "our") else cue.start
    doc = cue.doc
    return start > 0 and doc[start].lower_ == "in" and doc[start - 1].lower_ in BE_NOW


def _since(cue: Span) -> bool:
    """"since I was 12", "ever since age 12": it began then and goes on."""
    return any(t.lower_ == "since" for t in cue.doc[max(0, cue.start - 2):cue.start])


def _bare_verb(span: Span) -> bool:
    """The match's finite verb is a bare present form with no auxiliary ("I try to kill myself", "he
    come in my room", "they keep my passport"), the form English learners often tell the past in;
    "he hits", "I am cutting" and "I have cut" are not bare, nor a wish joined on after a clause
    that is dated ("When I was 12 I cut myself and I just want to make it stop": it is had now)."""
    for verb in (t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")):
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
        if verb.tag_ == "VB" and not auxiliaries and any(c.tag_ == "TO" for c in verb.children):
            continue  # an infinitive: its finite verb is further up
        if verb.dep_ == "conj" and verb.lemma_.lower() in WISH_VERBS:
            return False
        return verb.tag_ in ("VBP", "VB") and verb.lemma_.lower() != "be" and not auxiliaries
    return False


WISH_VERBS = frozenset({"want", "wish", "need"})


# Verbs whose past is spelt as their present: the tagger guesses the tense of "I hurt people", so an
# age or a time in the same sentence ("When I was fifteen I hurt people") decides it.
SAME_PAST_FORMS = frozenset({"hurt", "hit", "cut", "put", "beat", "let", "set", "shut", "burn", "quit", "upset"})
# A sentence that dates what was just told: "That was ten years ago", "It's been eighteen years".
DATING_OPENERS = frozenset({"that", "this", "it", "which"})
DATING_REACH = 3
YEAR_WORDS = frozenset({"years", "yrs", "decades", "year", "decade"})


def _tense_unmarked(span: Span) -> bool:
    """The match's verb is one whose past and present are spelt alike ("I hurt people"), or the finite
    verb it hangs on is ("I hurt myself in my first marriage, burning my hands on the range")."""
    if span.root.lower_ in SAME_PAST_FORMS or any(t.lower_ in SAME_PAST_FORMS for t in span if t.pos_ == "VERB"):
        return True
    finite = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBZ", "VBP")), None)
    return span.root.tag_ == "VBG" and finite is not None and finite.lower_ in SAME_PAST_FORMS


def _dating_sentences(span: Span, text: _Text) -> list[Span]:
    """Of the DATING_REACH + 1 sentences after the match's, those that open by dating what came before
    or saying it is over ("That was ten years ago", "This was eleven years ago", "That time is
    finished")."""
    later = text.around(span, 0, 1 + DATING_REACH)[1:]
    return [s for s in later if len(s) > 1 and s[0].lower_ in DATING_OPENERS
            and (s[1].lemma_.lower() in ("be", "have") or text.in_any("cue/recovered", [s]))]


def _life_since_told(span: Span, text: _Text) -> list[Span]:
    """Of the DATING_REACH + 1 sentences after the match's, those that say how life has been since,
    where the match is told in the past tense ("I tried to hang myself that winter. My uncle found me.
    I'm forty-five now and life has been good"): the story is over even when the recovery is not in
    the next sentence."""
    if not _told_in_past(span) or text.in_sentence("cue/present", span):
        return []
    later = text.around(span, 0, 1 + DATING_REACH)[1:]
    # Only a recovery that names a span of years or an age ("I'm forty-five now", "well for fifty
    # years"): "I'm fine now" two sentences on may be the same week.
    return [s for s in later if any(_names_years(c) for c in text.cues_in("cue/recovered", [s]))]


def _names_years(cue: Span) -> bool:
    """The recovery or the words right after it name years or an age ("been well for fifty years")."""
    return any(t.like_num or t.lower_ in YEAR_WORDS for t in cue.doc[cue.start:min(len(cue.doc), cue.end + 3)])


def _dating_before(span: Span, text: _Text) -> list[Span]:
    """The sentence before the match's where it holds an age or a date and the match is told in the
    past tense ("In my twenties I was a violent man. I put a fellow in hospital outside a pub")."""
    before = text.around(span, 1, 0)[:-1]
    if not before or not _told_in_past(span) or text.in_sentence("cue/present", span):
        return []
    return [s for s in before if text.in_any("cue/dated", [s]) or any(_an_age(c) for c in text.cues_in("cue/past", [s]))]


def _an_age(cue: Span) -> bool:
    """"at nineteen", "aged 12": an age (not "at first", which spaCy also reads as a number)."""
    return len(cue) == 2 and cue[0].lower_ in ("at", "aged", "age") and not cue[1].lower_.endswith(("st", "nd", "rd", "th"))


def _told_in_past(span: Span) -> bool:
    """The match's own verb is in the past tense ("I put a fellow in hospital", "he locked me out"); an
    infinitive takes the tense of the verb it completes ("I tried to hang myself")."""
    verb = next((t for t in [span.root, *span.root.ancestors]
                 if t.pos_ in ("VERB", "AUX") and not (t.tag_ == "VB" and t.dep_ == "xcomp")), None)
    return verb is not None and verb.tag_ in ("VBD", "VBN")


# Present-tense verbs that still tell of the past ("I have scars", "I remember", "it still haunts me").
AFTERMATH_VERBS = {"have", "be", "remember", "recall", "carry", "bear", "haunt", "affect", "shape",
                   "bother", "feel", "wonder", "mention", "tell", "talk", "understand", "process"}
# Verbs of life since the event: "now I live with my daughter", "the scars have faded now", "I've
# got my own flat now", "today my granddaughter saw the scars".
LIFE_SINCE_VERBS = AFTERMATH_VERBS | {"fade", "heal", "live", "work", "study", "get", "marry", "volunteer",
                                      "sit", "serve", "mentor", "chair", "coach",
                                      "help", "grow", "stay", "love", "enjoy", "run", "own", "teach", "trust",
                                      "cope", "manage", "raise", "see", "ask", "notice", "laugh", "talk",
                                      "speak", "share", "write", "learn"}
# What "still" is said of when the event is over and its aftermath goes on: "I still flinch", "school
# still treats me weird", "still I have the nightmares". Not "be": "he's still here" may be danger.
STILL_AFTERMATH_VERBS = (AFTERMATH_VERBS - {"be"}) | {"flinch", "notice", "ask", "hate", "trust", "treat", "see",
                                                     "jump", "freeze", "avoid", "dream", "love", "miss", "check",
                                                     "worry", "watch", "think", "blame", "cry", "forgive", "know"}


# "im at uni now" splits into "i" + "m", which the lemmatiser leaves as "m".
CONTRACTED_BE = {"m": "be", "'m": "be", "im": "be", "re": "be", "'re": "be"}


def _now_of_life_since(cue: Span, span: Span, text: _Text) -> bool:
    """"Now", "today" or "recently" said of life since, in a sentence after the event's ("Now I have
    only the scars", "Now I am divorced", "my daughter asked about them recently"), dates the speaker,
    not the event. In the event's own sentence ("suicidal for a while now"), said of a duration ("for
    weeks now") unless of a recovery ("well for a long time now"), beside an intent ("I know what I'm
    going to do and I feel calm now") or with a verb of the act itself ("now he hits me", "now I'm
    cutting deeper"), it stays present."""
    sentence = cue.sent
    if len(cue) != 1 or cue[0].lower_ not in ("now", "today", "recently") or sentence.start <= span.start < sentence.end:
        return False
    if (any(t.lower_ in ("for", "since") for t in cue.doc[max(sentence.start, cue.start - 4):cue.start])
            and not text.in_any("cue/recovered", [sentence])):
        return False  # "I've been cutting for weeks now"; not "I've been well for a long time now"
    if text.in_any("cue/intent", [sentence]):
        return False
    verb = cue[0].head
    if verb.pos_ not in ("VERB", "AUX") and verb.lower_ not in CONTRACTED_BE:
        # "well for a long time now": "now" hangs on "time"; the verb it dates is further up.
        verb = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), verb)
    lemma = CONTRACTED_BE.get(verb.lower_, verb.lemma_.lower())
    return (verb.pos_ in ("VERB", "AUX") or verb.lower_ in CONTRACTED_BE) and lemma in LIFE_SINCE_VERBS


URGE_WORDS = frozenset({"urge", "urges", "thoughts", "impulse", "impulses", "cravings"})


def _still_of_aftermath(cue: Span) -> bool:
    """"still" said of what remains ("I still flinch at raised voices"), not of the act going on."""
    if cue[0].lower_ != "still" or any(t.lower_ in URGE_WORDS for t in cue):
        return False  # "I still have urges to cut": the urge is now
    verb = cue[0].head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in STILL_AFTERMATH_VERBS


def _told_in_present(span: Span) -> bool:
    """The match's own verb is in the present tense ("he hits me", "I keep thinking about ending it"),
    so an age or a recovery said beside it ("I'm married now") dates the speaker, not the event."""
    for verb in (t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")):
        if verb.lemma_.lower() in AFTERMATH_VERBS or verb.tag_ in ("VBD", "VBN", "MD"):
            return False
        if verb.tag_ in ("VBZ", "VBP"):
            return True
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ in ("VBD", "MD") for a in auxiliaries):
            return False
        if any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
            return True
    return False


# A present word this far from the match in its own sentence still speaks of it ("I used to cut, and
# I started again"); further away in a long sentence it is about something else ("Spring cleaning
# today ... the cards people sent after my attempt when I was twenty-two").
PRESENT_WINDOW = 10


def _present_near(cue: Span, span: Span, text: _Text) -> bool:
    own = text.sentence(span)
    if own.start <= cue.start < own.end:
        return cue.start < span.end + PRESENT_WINDOW and span.start - PRESENT_WINDOW < cue.end
    following = text.around(span, 0, 1)[1:]
    return any(s.start <= cue.start < s.end for s in following)


def _touch(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _agos(cues: list[Span]) -> list[Span]:
    """Dating cues that end in "ago": the "now" of "a long time ago now" belongs to them."""
    return [c for c in cues if c[-1].lower_ == "ago"]


def _right_after(cue: Span, recovery: Span) -> bool:
    """"that's over now", "now that time is finished": "now" right after a recovery (or one word
    after it), or right before one, belongs to it."""
    return cue.text.lower() == "now" and (0 <= cue.start - recovery.end <= 1 or 0 <= recovery.start - cue.end <= 1)


# ---------------------------------------------------------------- merging


def _merge(candidates: list[_Candidate], lex: _Lexicon) -> list[RiskFinding]:
    """One finding per category: the most urgent reading of all its evidence."""
    by_category: dict[str, list[_Candidate]] = {}
    for c in candidates:
        by_category.setdefault(c.category, []).append(c)
    findings = [_finding(category, group, lex) for category, group in by_category.items()]
    findings.sort(key=lambda f: (f.category == THIRD_PARTY, tuple(-x for x in urgency(f))))
    return findings


def _finding(category: str, group: list[_Candidate], lex: _Lexicon) -> RiskFinding:
    """A current statement outranks a past one unless the past one is graver even once capped; a
    confident reading outranks an "ask" one; "past" only when every statement is past."""
    current = [c for c in group if "past" not in c.qualifiers]
    past = [c for c in group if "past" in c.qualifiers]
    level, top, pool = _level_of(category, current or past, lex)
    if not current:
        level = level if level == "ask" else min(level, lex.past_cap, key=LEVELS.index)
    elif past:
        past_level, past_top, _ = _level_of(category, past, lex)
        past_level = past_level if past_level == "ask" else min(past_level, lex.past_cap, key=LEVELS.index)
        if LEVELS.index(past_level) > LEVELS.index(level):
            # A past attempt beside a veiled statement today: the graver reading, no longer "past".
            level, top, pool = past_level, past_top, [past_top]
    qualifiers = sorted({q for c in pool for q in c.qualifiers} - ({"past"} if current else set()))
    evidence = _dedupe_evidence(
        Evidence.from_span(c.span, c.label, c.explanation) for c in sorted(group, key=lambda c: (c.ask, -c.severity))
    )
    explanation = top.explanation + (f" ({', '.join(qualifiers)})" if qualifiers else "")
    # The speaker's own danger comes first: "he hits me and the kids" is asked about as the speaker's.
    about = SOMEONE_CLOSE if all(c.about == SOMEONE_CLOSE for c in group) else SPEAKER
    concern = (top.concern or top.owned_as[0]) if category == THIRD_PARTY and top.owned_as else None
    return RiskFinding(category, top.severity, evidence, explanation, level, qualifiers, about=about,
                       concern=concern)


def _level_of(category: str, group: list[_Candidate], lex: _Lexicon) -> tuple[str, _Candidate, list[_Candidate]]:
    """The level of a group, its top candidate, and the candidates read at that level."""
    confident = [c for c in group if not c.ask]
    top = max(confident or group, key=lambda c: c.severity)
    return (lex.levels[category].get(top.severity, "concern") if confident else "ask"), top, confident or group


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
            f = replace(f, evidence=[shift(e, offset) for e in f.evidence], qualifiers=list(f.qualifiers))
            prior = merged.get(f.category)
            if prior is None:
                merged[f.category] = f
                continue
            top = max(prior, f, key=urgency)
            top.evidence = sorted(prior.evidence + f.evidence, key=lambda e: e.start)
            if "past" not in prior.qualifiers or "past" not in f.qualifiers:
                top.qualifiers = [q for q in top.qualifiers if q != "past"]
            merged[f.category] = top
    findings = sorted(merged.values(), key=lambda f: (f.category == THIRD_PARTY, tuple(-x for x in urgency(f))))
    return RiskResult(
        findings=findings,
        language_supported=all(r.language_supported for _, r in results),
        set_aside=[shift(e, o) for o, r in results for e in r.set_aside],
        sure_set_aside=[shift(e, o) for o, r in results for e in r.sure_set_aside],
    )
