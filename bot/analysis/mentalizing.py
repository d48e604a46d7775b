"""Mentalizing markers, failure modes and an RF-style estimate, explained by the words behind them.

Constructs: reflective functioning (Fonagy, Target, Steele & Steele 1998) and the failures of
mentalizing described in mentalization-based treatment (Bateman & Fonagy); domain.md section 1.
Words and patterns come from `lexicons/mentalizing.yml`; the dependency parse decides what a word list
cannot: whose mind a mental-state word belongs to ("I think he is late" is the speaker's mind, "he
thinks I don't care" is the other person's), whether "because" joins a mental state to an action,
and whether a certain-sounding sentence is certainty about someone else's mind.

The estimate is a rule-based approximation for therapists and trainees, not a validated RF rating.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from bot.analysis import mentalizing_signals as signals
from bot.analysis.evidence import Evidence
from bot.analysis.language import is_probably_english
from bot.analysis.mentalizing_signals import Disengagement
from bot.analysis.minds import SUBJECT_DEPS, MindReader, PersonWords
from bot.analysis.patterns import load_lexicon, pattern_set
from bot.nlp import load_nlp

LEXICON = "mentalizing"
FAMILIES = (
    "self_mind", "other_mind", "mental_state_term", "opacity", "causal_link", "alternative",
    "change_over_time", "certainty",
)
FAILURE_MODES = ("psychic_equivalence", "teleological", "pretend", "hypermentalizing")
STATE_KINDS = ("thought", "wish", "feeling")
COMPLEMENT_DEPS = {"ccomp", "xcomp", "acomp", "oprd", "attr", "conj", "advcl", "relcl", "pcomp", "pobj", "dobj"}
# Evidence spans joining a holder to their mental-state word stay short enough to quote.
MAX_HOLDER_SPAN = 6
# ... and may grow to take in the "if" or the negation that governs them, so a quote never turns
# "if he cared" or "I don't think he meant it" into a fact.
MAX_SCOPED_SPAN = 12


@dataclass(frozen=True)
class Marker:
    family: str
    evidence: Evidence

    def to_dict(self) -> dict:
        return {"family": self.family, "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, data: dict) -> "Marker":
        return cls(family=str(data["family"]), evidence=Evidence.from_dict(data["evidence"]))


@dataclass(frozen=True)
class FailureMode:
    mode: str
    evidence: list[Evidence]
    explanation: str

    def to_dict(self) -> dict:
        return {
            "mode": self.mode,
            "evidence": [e.to_dict() for e in self.evidence],
            "explanation": self.explanation,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "FailureMode":
        return cls(mode=str(data["mode"]), evidence=[Evidence.from_dict(e) for e in data.get("evidence") or []],
                   explanation=str(data.get("explanation", "")))


@dataclass(frozen=True)
class SetAside:
    """Words that look like a marker but were not credited as one, and why."""

    family: str
    evidence: Evidence
    reason: str

    def to_dict(self) -> dict:
        return {"family": self.family, "evidence": self.evidence.to_dict(), "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict) -> "SetAside":
        return cls(family=str(data["family"]), evidence=Evidence.from_dict(data["evidence"]),
                   reason=str(data.get("reason", "")))


@dataclass
class MentalizingResult:
    markers: list[Marker] = field(default_factory=list)
    failure_modes: list[FailureMode] = field(default_factory=list)
    rf_estimate: int = 1
    explanation: str = ""
    language_supported: bool = True
    # "negative" | "absent" | "low" | "ordinary" | "marked", or "not_estimated" for unsupported text.
    rf_band: str = "absent"
    # How many mental-state words name thoughts (beliefs, knowing), wishes and feelings.
    state_kinds: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATE_KINDS, 0))
    # For the feedback: the speaker's own feelings (to meet before any coaching), whether any of them
    # is painful, harsh self-judgements (never to be praised), a reply that steps out of the exercise,
    # disavowals, dismissals the speaker reports in someone else's words, and words not credited.
    feeling_words: list[Evidence] = field(default_factory=list)
    validation_needed: bool = False
    self_criticism: list[Evidence] = field(default_factory=list)
    disengagement: Disengagement | None = None
    disavowals: list[Evidence] = field(default_factory=list)
    reported_dismissals: list[Evidence] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)

    def families(self) -> set[str]:
        return {m.family for m in self.markers}

    def modes(self) -> set[str]:
        return {f.mode for f in self.failure_modes}

    def to_dict(self) -> dict:
        return {
            "markers": [m.to_dict() for m in self.markers],
            "families": sorted(self.families()),
            "failure_modes": [f.to_dict() for f in self.failure_modes],
            "rf_estimate": self.rf_estimate,
            "rf_band": self.rf_band,
            "explanation": self.explanation,
            "language_supported": self.language_supported,
            "state_kinds": dict(self.state_kinds),
            "feeling_words": [e.to_dict() for e in self.feeling_words],
            "validation_needed": self.validation_needed,
            "self_criticism": [e.to_dict() for e in self.self_criticism],
            "disengagement": self.disengagement.to_dict() if self.disengagement else None,
            "disavowals": [e.to_dict() for e in self.disavowals],
            "reported_dismissals": [e.to_dict() for e in self.reported_dismissals],
            "set_aside": [s.to_dict() for s in self.set_aside],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "MentalizingResult":
        """The result `to_dict` wrote (`families` is derived from the markers, so it is not read)."""
        def evidence(key: str) -> list[Evidence]:
            return [Evidence.from_dict(e) for e in data.get(key) or []]

        disengagement = data.get("disengagement")
        return cls(
            markers=[Marker.from_dict(m) for m in data.get("markers") or []],
            failure_modes=[FailureMode.from_dict(f) for f in data.get("failure_modes") or []],
            rf_estimate=int(data.get("rf_estimate", 1)),
            explanation=str(data.get("explanation", "")),
            language_supported=bool(data.get("language_supported", True)),
            rf_band=str(data.get("rf_band", "absent")),
            state_kinds={**dict.fromkeys(STATE_KINDS, 0), **(data.get("state_kinds") or {})},
            feeling_words=evidence("feeling_words"),
            validation_needed=bool(data.get("validation_needed", False)),
            self_criticism=evidence("self_criticism"),
            disengagement=Disengagement.from_dict(disengagement) if disengagement else None,
            disavowals=evidence("disavowals"),
            reported_dismissals=evidence("reported_dismissals"),
            set_aside=[SetAside.from_dict(a) for a in data.get("set_aside") or []],
        )


@dataclass(frozen=True)
class _Vocabulary:
    """The lexicon's word sets, built once per process."""

    person_words: PersonWords
    teleological_verbs: frozenset[str]
    proof_verbs: frozenset[str]
    hostile_reading: frozenset[str]
    hostile_when_negated: frozenset[str]
    action_forms: frozenset[str]
    purpose_nouns: frozenset[str]
    contrast_words: frozenset[str]
    speech_verbs: frozenset[str]
    appearance_verbs: frozenset[str]
    parenthetical_hedges: frozenset[str]
    malice_traits: frozenset[str]
    malice_acts: frozenset[str]
    self_critical_words: frozenset[str]
    untroubled_feelings: frozenset[str]
    flat_replies: frozenset[str]
    mental_labels: dict  # label -> (parts of speech, kind of state)
    concrete_words: frozenset[str]
    concrete_entities: frozenset[str]
    family_text: dict
    mode_text: dict
    set_aside_text: dict
    signal_text: dict
    rf: dict
    thresholds: dict


@functools.lru_cache(maxsize=None)
def _vocabulary() -> _Vocabulary:
    lex = load_lexicon(LEXICON)
    sets, pronouns, concrete = lex["lemma_sets"], lex["pronouns"], lex["concrete_event"]
    return _Vocabulary(
        person_words=PersonWords(
            first_person=frozenset(pronouns["first_person"]),
            not_a_mind=frozenset(pronouns["not_a_mind"]),
            relative=frozenset(pronouns["relative"]),
            people=frozenset(pronouns["people"]),
            experiencer_object_verbs=frozenset(sets["experiencer_object_verbs"]),
            factive_verbs=frozenset(sets["factive_verbs"]),
        ),
        teleological_verbs=frozenset(sets["teleological_verbs"]),
        proof_verbs=frozenset(sets["proof_verbs"]),
        hostile_reading=frozenset(sets["hostile_reading"]),
        hostile_when_negated=frozenset(sets["hostile_when_negated"]),
        action_forms=frozenset(sets["action_forms"]),
        purpose_nouns=frozenset(sets["purpose_nouns"]),
        contrast_words=frozenset(sets["contrast_words"]),
        speech_verbs=frozenset(sets["speech_verbs"]),
        appearance_verbs=frozenset(sets["appearance_verbs"]),
        parenthetical_hedges=frozenset(sets["parenthetical_hedges"]),
        malice_traits=frozenset(lex["malice_traits"]),
        malice_acts=frozenset(lex["malice_acts"]),
        self_critical_words=frozenset(lex["self_critical_words"]),
        untroubled_feelings=frozenset(lex["untroubled_feelings"]),
        flat_replies=frozenset(lex["flat_replies"]),
        mental_labels={k: (frozenset(v["pos"]), v["kind"]) for k, v in lex["mental_labels"].items()},
        concrete_words=frozenset(concrete["words"]),
        concrete_entities=frozenset(concrete["entity_labels"]),
        family_text=lex["families"],
        mode_text=lex["failure_modes"],
        set_aside_text=lex["set_aside"],
        signal_text=lex["signals"],
        rf=lex["rf"],
        thresholds=lex["thresholds"],
    )


def analyze_mentalizing(doc: Doc) -> MentalizingResult:
    """Find mentalizing markers and failure modes in a parsed text and estimate RF (1-9, or -1)."""
    vocab = _vocabulary()
    # "No.", "k": too short to look like any language, but a flat reply the feedback must notice.
    if not is_probably_english(doc) and not signals.is_flat_reply(doc, vocab.flat_replies):
        return MentalizingResult(
            rf_estimate=1,
            rf_band="not_estimated",
            explanation="The mentalizing analysis is English-only; this text does not look like English, "
            "so nothing was estimated.",
            language_supported=False,
        )
    return _Reading(doc, vocab).result()


def rf_band(estimate: int) -> str:
    """The named band of an RF-style estimate (lexicon `rf.bands`)."""
    for row in _vocabulary().rf["bands"]:
        if estimate <= row["max"]:
            return row["band"]
    return "marked"


class _Reading:
    """One pass over one parsed text: the matches, whose minds they concern, and what follows."""

    def __init__(self, doc: Doc, vocab: _Vocabulary):
        self.doc = doc
        self.v = vocab
        self.matches: dict[str, list[Span]] = {}
        # One pass over the tokens, so that each rule below looks up its few words instead of
        # walking the whole text again.
        self.by_word: dict[str, list[Token]] = {}
        for token in doc:
            self.by_word.setdefault(token.lemma_, []).append(token)
            if token.lower_ != token.lemma_:
                self.by_word.setdefault(token.lower_, []).append(token)
        for match in pattern_set(LEXICON, doc.vocab).find(doc, load_nlp()):
            self.matches.setdefault(match.label, []).append(match.span)
        self.markers: list[Marker] = []
        self._seen: set[tuple[str, int, int]] = set()
        self.failures: list[FailureMode] = []
        self.set_aside: list[SetAside] = []
        first_person = vocab.person_words.first_person
        # A dismissal inside what someone is reported to have said ("she told me to go away") is part
        # of the speaker's story; only the speaker's own is hostility to the exercise.
        self.reported_hostile, self.hostile = _partition(
            self.spans("hostile"), lambda s: signals.is_reported(s, vocab.speech_verbs, first_person))
        self.disavowals = [
            s for s in self.spans("disavowal")
            if not _has_complement(s) and _stands_alone(s) and not signals.is_reported(s, vocab.speech_verbs, first_person)
        ]
        self.excluded = self._token_ids(self.disavowals + self.spans("hostile"))
        self.mental = self._mental_tokens()
        self.minds = MindReader(vocab.person_words, {t.i for t in self.mental})
        self.holders = {t.i: self._perspective(t) for t in self.mental}
        self.grounded = self._grounded_states()
        self.epistemic = self._epistemic_spans()
        self.certainty = self.spans("certainty") + self.epistemic
        self.hostile_only = self._hostile_only_sentences()
        self.opacity, self.alternatives = self._credited_hedges()
        self.hedges = self.opacity + self._parenthetical_hedges()
        # A hedge around hostile readings only is not credited, but it is still not a flat claim
        # ("maybe he hates me, or maybe he's just evil"); a hedge taken back is.
        self.hedged_in_form = self.hedges + [
            s for s in self.spans("opacity") if s.sent.start in self.hostile_only]
        self.closures = [s for s in self.spans("closure") if not self._reflection_follows(s)]
        self.seen_from_outside: list[Span] = []

    # -- helpers ---------------------------------------------------------------------------------
    def spans(self, label: str) -> list[Span]:
        return self.matches.get(label, [])

    def with_words(self, words: Iterable[str]) -> list[Token]:
        """The tokens whose lemma or lower-case form is one of `words`, in text order."""
        found = {t.i: t for w in words for t in self.by_word.get(w, ())}
        return [found[i] for i in sorted(found)]

    @staticmethod
    def _token_ids(spans: Iterable[Span]) -> set[int]:
        return {t.i for span in spans for t in span}

    def _add(self, family: str, span: Span | Token, why: str | None = None) -> None:
        evidence = Evidence.from_span(span, family, why or self.v.family_text[family])
        key = (family, evidence.start, evidence.end)
        if key not in self._seen:
            self._seen.add(key)
            self.markers.append(Marker(family, evidence))

    def _span(self, a: Token, b: Token) -> Span:
        start, end = min(a.i, b.i), max(a.i, b.i) + 1
        return self.doc[start:end]

    # -- mental-state words and their holders ----------------------------------------------------
    def _mental_tokens(self) -> list[Token]:
        tokens: dict[int, Token] = {}
        self.kinds: dict[int, str] = {}
        for label, (parts_of_speech, kind) in self.v.mental_labels.items():
            for span in self.spans(label):
                token = span.root
                if (
                    not self._mental_pos_ok(token, parts_of_speech, label)
                    or token.i in self.excluded
                    or self._is_filler(token)
                    or self._is_action(token)
                    or _is_quoted_word(token)
                ):
                    continue
                tokens[token.i] = token
                self.kinds.setdefault(token.i, kind)
        return [tokens[i] for i in sorted(tokens)]

    def _mental_pos_ok(self, token: Token, parts_of_speech: frozenset[str], label: str) -> bool:
        # A verbless fragment ("Heartbroken, honestly.") is often mis-tagged; its feeling word still counts.
        return token.pos_ in parts_of_speech or (label == "emotion" and signals.is_fragment(token))

    def _perspective(self, token: Token) -> tuple[str | None, Token | None]:
        kind, holder = self.minds.perspective(token)
        if kind is not None:
            return kind, holder
        subject = signals.subject_of(token) if token.pos_ == "VERB" else None
        if (
            token.lemma_ in self.v.person_words.experiencer_object_verbs
            and subject is not None
            and subject.lower_ in self.v.person_words.not_a_mind
            and not any(c.dep_ == "dobj" for c in token.children)
        ):
            # "it still hurts", "that stung": nobody else is named, so the one hurting is the speaker.
            return "self", subject
        if holder is None and signals.is_fragment(token) and not any(
            t.pos_ in {"PRON", "PROPN"} and t.lower_ not in self.v.person_words.first_person and t.i != token.i
            for t in token.sent
        ):
            # A bare "sad" or "angry, mostly" answers "what did you feel?": the feeling is the speaker's.
            return "self", token
        return kind, holder

    def _grounded_states(self) -> set[int]:
        """Others' states the other person told of: "I know she was tired, she told me so"."""
        speech = [t for t in self.with_words(self.v.speech_verbs) if t.pos_ == "VERB"]
        grounded: set[int] = set()
        if not speech:
            return grounded
        sentence_of = {t.i: n for n, sent in enumerate(self.doc.sents) for t in sent}
        for token in self.mental:
            kind, holder = self.holders[token.i]
            if kind != "other" or holder is None:
                continue
            for verb in speech:
                if not 0 <= sentence_of[verb.i] - sentence_of[token.i] <= 1 or verb.i == token.i:
                    continue
                subject = signals.subject_of(verb)
                # "he won't admit it", "she never said so": what was not said grounds nothing.
                if subject is None or not self._same_person(subject, holder) or signals.is_negated(verb) or any(
                        c.lower_ == "never" for c in verb.children):
                    continue
                content = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}]
                says_so = any(c.lower_ == "so" for c in verb.children)
                if says_so or not content or any(t.lemma_ == token.lemma_ for c in content for t in c.subtree):
                    grounded.add(token.i)
        return grounded

    def _same_person(self, a: Token, b: Token) -> bool:
        first = self.v.person_words.first_person
        if a.lower_ in first or b.lower_ in first:
            return False
        if a.lower_ == b.lower_:
            return True
        third = {"he", "she", "they"}
        return (a.lower_ in third and self.minds.is_person(b)) or (b.lower_ in third and self.minds.is_person(a))

    def _both_speaker(self, a: Token, b: Token) -> bool:
        first = self.v.person_words.first_person
        return a.lower_ in first and b.lower_ in first

    def _epistemic_spans(self) -> list[Span]:
        """Certainty words, less the speaker's "I'm sure" about states the other person told of."""
        kept = []
        for span in self.spans("certainty_epistemic"):
            if span[0].i in self.excluded:
                continue
            others = [t for t in span.sent if self.holders.get(t.i, (None,))[0] == "other"]
            stance = span[0].lower_ in self.v.person_words.first_person
            if stance and others and all(t.i in self.grounded for t in others):
                self._set_aside("certainty", span, "grounded")
                continue
            kept.append(span)
        return kept

    def _credited_hedges(self) -> tuple[list[Span], list[Span]]:
        """Opacity and alternatives, less those taken back at once or offering only hostile readings."""
        withdrawn: set[tuple[int, int]] = set()
        for stop in self.spans("withdrawal"):
            sentence = stop.sent
            earlier = self.doc[sentence.start - 1].sent.start if sentence.start > 0 and stop.start - sentence.start <= 1 else sentence.start
            for span in self.spans("opacity") + self.spans("alternative"):
                if earlier <= span.start < stop.start:
                    withdrawn.add((span.start, span.end))
        hostile_only = self.hostile_only
        kept: dict[str, list[Span]] = {"opacity": [], "alternative": []}
        for family in kept:
            for span in self.spans(family):
                if (span.start, span.end) in withdrawn:
                    self._set_aside(family, span, "withdrawn")
                elif span.sent.start in hostile_only:
                    self._set_aside(family, span, "hostile_only")
                else:
                    kept[family].append(span)
        return kept["opacity"], kept["alternative"]

    def _hostile_only_sentences(self) -> set[int]:
        found = set()
        by_sentence: dict[int, list[Span]] = {}
        for span in self.spans("alternative"):
            by_sentence.setdefault(span.sent.start, []).append(span)
        for start, spans in by_sentence.items():
            sentence = self.doc[start].sent
            cuts = [sentence.start] + sorted(s.start for s in spans) + [sentence.end]
            segments = [self.doc[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]
            if len(segments) >= 2 and all(self._hostile_reading_in(seg) for seg in segments):
                found.add(start)
        return found

    def _hostile_reading_in(self, segment: Span) -> bool:
        aimed = any(t.lower_ in self.v.person_words.first_person for t in segment)
        motives = any(segment.start <= s.start < segment.end for s in self.spans("hidden_motive"))
        for t in segment:
            if t.lower_ in self.v.malice_traits or t.lemma_ in self.v.malice_traits:
                return True
            if aimed and (t.lemma_ in self.v.malice_acts or t.lemma_ in self.v.hostile_reading):
                return True
            if aimed and t.lemma_ in self.v.hostile_when_negated and self._negated(t):
                return True
        return motives

    def _parenthetical_hedges(self) -> list[Span]:
        """ "She was scared, I think, and ...": a first-person thought verb set off as an aside."""
        found = []
        for token in self.with_words(self.v.parenthetical_hedges):
            if token.lemma_ not in self.v.parenthetical_hedges or token.pos_ != "VERB":
                continue
            subject = signals.subject_of(token)
            if subject is None or subject.lower_ not in self.v.person_words.first_person:
                continue
            has_content = any(c.dep_ in {"ccomp", "xcomp", "dobj", "advcl", "prep", "acomp"} for c in token.children)
            nxt = token.nbor(1) if token.i + 1 < len(self.doc) else None
            set_off = subject.i > 0 and self.doc[subject.i - 1].text == ","
            aside = token.dep_ == "parataxis" or (
                not has_content and (set_off or nxt is None or nxt.is_punct)
            )
            if aside and subject.i < token.i:
                found.append(self.doc[subject.i: token.i + 1])
        return found

    def _reflection_follows(self, closure: Span) -> bool:
        # "That's it, I think she was scared": the closure opens a reading instead of shutting one.
        sentence = closure.sent
        if any(sentence.start <= h.start < sentence.end for h in self.hedges):
            return True
        return any(
            t.i >= closure.end and self.holders.get(t.i, (None,))[0] == "self" and self.kinds.get(t.i) == "thought"
            for t in sentence
        )

    def _set_aside(self, family: str, span: Span | Token, reason: str) -> None:
        evidence = Evidence.from_span(span, family, self.v.set_aside_text[reason])
        if all((s.family, s.evidence.start, s.evidence.end) != (family, evidence.start, evidence.end) for s in self.set_aside):
            self.set_aside.append(SetAside(family, evidence, self.v.set_aside_text[reason]))

    def _is_filler(self, token: Token) -> bool:
        # "you know", "I mean", "I know." carry no reading of a mind.
        if token.lemma_ not in {"know", "mean", "guess", "see"} or token.pos_ != "VERB":
            return False
        has_content = any(c.dep_ in {"ccomp", "dobj", "xcomp", "advcl", "prep"} for c in token.children)
        return not has_content

    def _is_action(self, token: Token) -> bool:
        # "he rejected my offer", "she ignored me": a feeling word used as a verb of doing.
        return (
            token.pos_ == "VERB"
            and token.lower_ in self.v.action_forms
            and any(c.dep_ == "dobj" for c in token.children)
        )

    # -- families ------------------------------------------------------------------------------------
    def find_markers(self) -> None:
        for token in self.mental:
            self._add("mental_state_term", token)
            kind, holder = self.holders[token.i]
            if kind is None or holder is None:
                continue
            family = "self_mind" if kind == "self" else "other_mind"
            span = self._span(holder, token) if abs(holder.i - token.i) <= MAX_HOLDER_SPAN else token
            self._add(family, self._scoped(span, token))
        for span in self.hedges:
            self._add("opacity", span)
        for span in self.alternatives:
            self._add("alternative", span)
        for span in self.spans("change_over_time"):
            self._add("change_over_time", span)
        self._find_own_change()
        for span in self.certainty:
            if span[0].i not in self.excluded:
                self._add("certainty", span)
        for span in self.hedges:
            # "I'm not sure", "I wonder", "I guess": the speaker reflecting on their own knowing.
            if span[0].lower_ in self.v.person_words.first_person:
                self._add("self_mind", span)
        for span in self.spans("hidden_motive"):
            # "he did it on purpose", "she's trying to...": an intention, read into someone else.
            if self._clause_holder_kind(span) == "other":
                self._add("mental_state_term", span, "Names an intention or motive.")
                self._add("other_mind", span)
        self._find_seen_from_outside()
        self._find_shared_feelings()
        for span in self._closures_on_minds():
            self._add("certainty", span, self.v.signal_text["closure"])
        self._find_known_minds()
        self._find_causal_links()
        self._find_held_back_wishes()
        self._find_counterfactual_links()

    def _scoped(self, span: Span | Token, state: Token) -> Span | Token:
        """The span, widened to the "if" or the negation that governs the state, so that a quote keeps
        "If he cared" and "I don't think he meant it" rather than turning them into facts."""
        start = span.i if isinstance(span, Token) else span.start
        end = start + 1 if isinstance(span, Token) else span.end
        # "I felt nothing", "I felt stupid and small": what the feeling was belongs in the quote.
        for child in state.children:
            if child.lower_ in {"nothing", "anything", "none"} and child.i >= end:
                end = child.i + 1
            elif state.lemma_ == "feel" and child.dep_ in {"acomp", "oprd"} and child.i >= end:
                end = max(end, child.right_edge.i + 1)
        node = state
        for _ in range(6):
            for child in node.children:
                if child.dep_ == "mark" and child.lower_ in {"if", "unless"}:
                    start = min(start, child.i)
                elif child.dep_ == "neg" and node is not state and not start <= child.i < end:
                    subject = signals.subject_of(node)
                    start = min(start, child.i, subject.i if subject is not None else child.i)
                    end = max(end, child.i + 1)
            # Negation and "if" reach into complements, not across coordinated or subordinate clauses.
            if node.dep_ in {"ROOT", "conj", "advcl", "relcl", "parataxis"} or node.head is node:
                break
            node = node.head
        if end - start > MAX_SCOPED_SPAN:
            return span
        return self.doc[start:end]

    def _find_seen_from_outside(self) -> None:
        """ "I probably seemed cold to her", "to him it looked like I was ignoring him": how the
        speaker came across from the other person's side. Mentalizing, though no state is named."""
        first = self.v.person_words.first_person
        why = self.v.signal_text["self_as_seen"]
        for token in self.with_words(self.v.appearance_verbs):
            if token.lemma_ not in self.v.appearance_verbs or token.pos_ != "VERB":
                continue
            children = list(token.children)
            if token.lemma_ == "come" and not any(c.lower_ == "across" for c in children):
                continue
            complements = [c for c in children if c.dep_ in {"acomp", "oprd", "attr", "xcomp", "ccomp", "advcl"}
                           or (c.dep_ == "prep" and c.lower_ in {"like", "as", "across"}) or c.lower_ == "across"]
            if not complements:
                continue
            subject = signals.subject_of(token)
            viewers = [g for c in children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                       if g.dep_ == "pobj" and self.minds.is_person(g)]
            if any(v.lower_ in first for v in viewers):
                continue  # "she seemed cold to me": the speaker's view of her
            me_inside = any((inner := signals.subject_of(c)) is not None and inner.lower_ in first
                            for c in complements if c.pos_ in {"VERB", "AUX"})
            if subject is not None and subject.lower_ in first:
                pass
            elif not (subject is None or subject.lower_ in self.v.person_words.not_a_mind) or not (viewers or me_inside):
                continue
            words = [t for t in token.subtree if not t.is_punct]
            span = self.doc[words[0].i: words[-1].i + 1]
            self.seen_from_outside.append(span)
            self._add("other_mind", span, why)
        for span in self.spans("self_as_seen"):
            self.seen_from_outside.append(span)
            self._add("other_mind", span, why)

    def _find_shared_feelings(self) -> None:
        # "He was disappointed, I guess, and so was I": the speaker shares the feeling just named.
        self.shared_feelings: list[Token] = []
        for token in self.with_words(["so"]):
            if token.i + 2 >= len(self.doc) or self.doc[token.i + 1].pos_ != "AUX":
                continue
            me = self.doc[token.i + 2]
            if me.lower_.rstrip(".") not in self.v.person_words.first_person:  # "I." is one token at the end
                continue
            before = [t for t in self.mental if t.i < token.i and self.holders[t.i][0] == "other" and self.kinds[t.i] == "feeling"]
            if before:
                self.shared_feelings.append(before[-1])
                self._add("self_mind", self.doc[token.i: me.i + 1], "The speaker shares the feeling just named.")

    def _closures_on_minds(self) -> list[Span]:
        """ "There's nothing else to it, he wants me gone": a closure over a reading of a mind."""
        readings = [t for t in self._other_states() if t.i not in self.grounded]
        return [c for c in self.closures if any(abs(t.sent.start - c.sent.start) <= 1 or t.sent == c.sent for t in readings)
                and not any(c.sent.start <= h.start < c.sent.end for h in self.hedges)]

    def _find_counterfactual_links(self) -> None:
        # "If she had asked me, I wouldn't have been so angry": what she did, linked to a feeling.
        mental_ids = {t.i for t in self.mental}
        for token in self.with_words(["if"]):
            if token.dep_ != "mark":
                continue
            condition, main = token.head, token.head.head
            if condition is main or not any(c.lower_ in {"had", "'d"} for c in condition.children):
                continue
            if not signals.is_counterfactual(main) and not any(signals.is_counterfactual(c) for c in main.children):
                continue
            main_ids = {t.i for t in main.subtree} - {t.i for t in condition.subtree}
            if main_ids & mental_ids:
                sentence = token.sent
                self._add("causal_link", self.doc[token.i: _trim_end(sentence)], self.v.signal_text["conditional_link"])

    def _find_known_minds(self) -> None:
        # "I know (that) he ..." / "I'm sure she ...": certainty about another person's mind.
        for token in self.with_words(["know", "sure", "certain", "positive"]):
            if token.lemma_ not in {"know", "sure", "certain", "positive"} or self._negated(token):
                continue
            if token.lemma_ == "know":
                subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
            else:
                subject = next((c for c in token.head.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None or subject.lower_ not in self.v.person_words.first_person:
                continue
            for clause in (c for c in token.children if c.dep_ == "ccomp"):
                clause_subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
                if clause_subject is not None and self.minds.kind(clause_subject, clause) == "other":
                    span = self.doc[min(subject.i, token.i): clause.i + 1]
                    if any(t.i in self.grounded for t in clause.subtree):
                        self._set_aside("certainty", span, "grounded")
                        continue
                    self._add("certainty", span, "States what another person thinks or feels as known fact.")

    def _clause_holder_kind(self, span: Span) -> str | None:
        verb = span.root
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        # "He only apologised to make me look bad": a purpose clause's aim is its main verb's subject's.
        for _ in range(3):
            if signals.subject_of(verb) is None and verb.dep_ in {"advcl", "xcomp"} and verb.head is not verb:
                verb = verb.head
        return self.minds.kind(self.minds.holder(verb), verb)

    def _negated(self, token: Token) -> bool:
        heads = [token, token.head] if token.pos_ == "ADJ" else [token]
        return any(c.dep_ == "neg" for h in heads for c in h.children)

    def _find_causal_links(self) -> None:
        mental_ids = {t.i for t in self.mental}
        motives = [s for s in self.spans("hidden_motive") if self._clause_holder_kind(s) == "other"]
        for span in _outermost(self.spans("causal")) + self._purpose_clauses():
            first = span[0]
            if first.lower_ == "so" and not self._is_causal_so(first):
                continue
            sentence = first.sent
            if first.dep_ == "mark" or first.lower_ == "to":
                clause = list(first.head.subtree)
                clause_ids = {t.i for t in clause}
                rest_ids = {t.i for t in sentence} - clause_ids
                evidence = self.doc[min(first.i, clause[0].i): _clause_end(first, clause[-1].i + 1)]
            else:
                clause_ids = {t.i for t in sentence if t.i >= span.end}
                rest_ids = {t.i for t in sentence if t.i < span.start}
                evidence = self.doc[span.start: max(span.end, _trim_end(sentence))]
            if (clause_ids | rest_ids | {t.i for t in span}) & mental_ids:
                # A purpose read into someone ("to make me look bad", "on purpose so that...") is a
                # hidden motive, challenged as such, not a link to a state they may have had.
                aim = first.lower_ in {"to", "so", "in"} or first.dep_ == "aux"
                if any(m.start < evidence.end and evidence.start < m.end for m in motives) or (
                    aim and any(m.sent == sentence for m in motives)
                ):
                    self._set_aside("causal_link", evidence, "hidden_motive")
                    continue
                self._add("causal_link", evidence)

    def _purpose_clauses(self) -> list[Span]:
        # "He fanned her to make the man think she was dead": an aim that explains an action; and
        # "the traffic line was a way to skip past that": an act named as the means to an aim.
        spans = []
        for span in self.spans("purpose"):
            verb = span[0].head
            if verb.dep_ == "advcl" or (verb.dep_ == "ROOT" and span[0].i == span.sent.start):
                spans.append(span)
            elif verb.dep_ in {"relcl", "acl"} and verb.head.lemma_ in self.v.purpose_nouns:
                spans.append(span)
        return spans

    def _find_own_change(self) -> None:
        """ "I used to replay stuff like this all evening. Now I can mostly let it go": the speaker's
        own mind seen to change, in words for what it does rather than for a state. Such words count
        only in (or right after) a sentence that marks change over time, and only for the speaker."""
        changes = [span.sent for span in self.spans("change_over_time")]
        near = {sent.start for sent in changes} | {sent.end for sent in changes}  # the next sentence too
        why = self.v.signal_text["inner_activity"]
        for span in self.spans("inner_activity"):
            if span.sent.start not in near:
                continue
            subject = _acting_subject(span[0])
            if subject is None or subject.lower_ not in self.v.person_words.first_person:
                continue  # "my brother used to replay old matches": not the speaker's mind
            self._add("mental_state_term", span, why)
            held = self.doc[subject.i: span.end] if 0 < span.start - subject.i <= MAX_HOLDER_SPAN else span
            self._add("self_mind", held, why)

    def _acts_set_against(self, wish: Token) -> list[Token]:
        """The verbs joined to `wish` by "but" (or "yet", "instead"), also where the parser starts a
        new sentence at the "but" ("I wanted to shout at him but I just stayed quiet")."""
        contrast = self.v.contrast_words
        acts = []
        if any(c.dep_ == "cc" and c.lower_ in contrast for c in wish.children):
            acts = [c for c in wish.children if c.dep_ == "conj"]
        if wish.dep_ == "ROOT" and wish.sent.end < len(self.doc):
            following = self.doc[wish.sent.end].sent.root
            if any(c.dep_ == "cc" and c.lower_ in contrast and c.i == following.sent.start for c in following.children):
                acts.append(following)
        return acts

    def _find_held_back_wishes(self) -> None:
        """ "I wanted to say something sharp but I just smiled": a wish and what the same person did
        with it instead, a state linked to an act (docs/constructs.md#reflective-functioning)."""
        thinking = {span.root.i for label in ("thought_verb", "thought_phrase") for span in self.spans(label)}
        for token in self.mental:
            if self.kinds[token.i] != "wish" or self._negated(token):
                continue
            if not any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children):
                continue  # "I wanted a coffee": no act wished for
            subject = signals.subject_of(token)
            if subject is None:
                continue
            for act in self._acts_set_against(token):
                if act.pos_ != "VERB" or act.i in self.kinds or act.i in thinking:
                    continue  # "he wanted to help but didn't know how": a second state, not an act
                other = signals.subject_of(act) or subject
                if not (self._both_speaker(subject, other) or self._same_person(subject, other)):
                    continue  # "I wanted to say something but the bus came"
                self._add("causal_link", self.doc[subject.i: _clause_end(act, act.right_edge.i + 1)])
                break

    @staticmethod
    def _is_causal_so(token: Token) -> bool:
        # "so I left" joins clauses; "so angry" is an intensifier.
        if token.dep_ in {"mark", "cc"}:
            return True
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return (
            token.head.pos_ in {"VERB", "AUX"}
            and token.i < token.head.i
            and nxt is not None
            and nxt.pos_ in {"PRON", "PROPN", "DET", "NOUN"}
        )

    # -- failure modes -----------------------------------------------------------------------------
    def find_failure_modes(self) -> None:
        hedged_sentences = {s.sent.start for s in self.hedged_in_form}
        any_hedge = bool(self.hedged_in_form)
        self._psychic_equivalence(hedged_sentences, any_hedge)
        teleological = self._teleological(hedged_sentences)
        self._pretend()
        hyper = self._hypermentalizing(hedged_sentences)
        # One name per problem: an action read as proof is teleological, a chain of motives is
        # hypermentalizing; psychic equivalence keeps what neither explains.
        certain, felt = self._pe_candidates
        tele_sentences = {s.sent.start for s in teleological}
        found = [s for s in certain + ([] if hyper else felt) if s is not None and s.sent.start not in tele_sentences]
        self._fail("psychic_equivalence", found)
        self.failures.sort(key=lambda f: FAILURE_MODES.index(f.mode))

    def _fail(self, mode: str, spans: Sequence[Span | Token]) -> None:
        if not spans:
            return
        evidence = [Evidence.from_span(s, mode, self.v.mode_text[mode]) for s in spans]
        unique = list({(e.start, e.end): e for e in evidence}.values())
        self.failures.append(FailureMode(mode, unique, self.v.mode_text[mode]))

    def _other_states(self) -> list[Token]:
        return [t for t in self.mental if self.holders[t.i][0] == "other"]

    def _psychic_equivalence(self, hedged_sentences: set[int], any_hedge: bool) -> None:
        """Certainty about another's mind: "I know she hates me", "he obviously wants me gone"."""
        certain: list[Span | Token] = []  # explicit certainty words: these always count
        felt: list[Span | Token] = []  # flat accusations with no hedge anywhere: dropped when a
        # longer chain of readings is flagged as hypermentalizing instead
        for marker in self.markers:
            if marker.family == "certainty" and marker.evidence.explanation.startswith("States what another"):
                certain.append(self.doc.char_span(marker.evidence.start, marker.evidence.end, alignment_mode="expand"))
        epistemic = self.epistemic + self._closures_on_minds()
        for token in self._other_states():
            if token.sent.start in hedged_sentences or token.i in self.grounded:
                continue
            clause_ids = {t.i for t in token.head.subtree} if token.dep_ != "ROOT" else {t.i for t in token.subtree}
            for span in epistemic:
                if span[0].i in clause_ids or span[0].head == token or span.sent == token.sent:
                    certain.append(self._span(span[0], token) if abs(span[0].i - token.i) <= MAX_HOLDER_SPAN else span)
            hostile = token.lemma_ in self.v.hostile_reading or (
                self._negated(token) and token.lemma_ in self.v.hostile_when_negated
            )
            holder = self.holders[token.i][1]
            # The speaker's own certainty: "he thinks I don't care" is his reading, not theirs.
            held_by_other = holder is not None and holder.lower_ not in self.v.person_words.first_person
            if (not any_hedge and hostile and held_by_other and self._aimed_at_speaker(token)
                    and not self._reported_past_view(token)):
                felt.append(self._span(holder, token) if holder is not None else token)
        if not any_hedge:
            felt += [s for s in self.spans("hidden_motive")
                     if self._clause_holder_kind(s) == "other" and not self._under_negation(s.root)]
        self._pe_candidates = (certain, felt)

    @staticmethod
    def _under_negation(token: Token) -> bool:
        # "I don't think he meant to hurt me": the reading is denied, not asserted.
        node = token
        for _ in range(6):
            if node.head is node or node.dep_ in {"conj", "advcl", "relcl", "parataxis"}:
                return False
            node = node.head
            if any(c.dep_ == "neg" for c in node.children):
                return True
        return False

    def _reported_past_view(self, token: Token) -> bool:
        # "As a child I thought he didn't love me": a view the speaker reports having held.
        node = token
        for _ in range(6):
            if node.head is node:
                return False
            node = node.head
            if node.tag_ == "VBD" and self.holders.get(node.i, (None,))[0] == "self":
                return True
        return False

    def _aimed_at_speaker(self, token: Token) -> bool:
        # "she hates me", "he doesn't care about me", "they don't want me there"
        return any(t.lower_ in self.v.person_words.first_person and t.i != token.i for t in token.subtree)

    def _teleological(self, hedged_sentences: set[int]) -> list[Span | Token]:
        found: list[Span | Token] = list(self.spans("teleological"))
        for token in self.doc:
            # "If he cared, he'd have texted back": the feeling only counts if an action shows it.
            if token.lower_ == "if" and token.dep_ == "mark":
                verb = token.head
                if verb.lemma_ in self.v.teleological_verbs and verb.head.i != verb.i:
                    main = verb.head
                    if any(c.lower_ in {"would", "'d", "should", "wouldn't"} for c in main.children):
                        found.append(self.doc[token.i: main.i + 1] if main.i > token.i else self.doc[token.i: verb.i + 1])
            # "Not texting back shows he doesn't care": an action read as proof of a mind.
            if token.lemma_ in self.v.proof_verbs and token.pos_ == "VERB" and token.sent.start not in hedged_sentences:
                for clause in (c for c in token.children if c.dep_ == "ccomp"):
                    if any(self.holders.get(t.i, (None,))[0] == "other" for t in clause.subtree):
                        found.append(self.doc[token.i: clause.i + 1])
        found += self._action_as_proof(hedged_sentences)
        found += self._closed_action_account()
        self._fail("teleological", found)
        return found

    def _closed_action_account(self) -> list[Span]:
        """ "He was late because of the traffic, that's it": actions and circumstances explain
        everything and the account is closed, with no mind anywhere in it."""
        if not self.closures or self.mental or self.seen_from_outside:
            return []
        if not self.spans("causal") and not any(t.pos_ == "VERB" and t.tag_ == "VBD" for t in self.doc):
            return []  # nothing is explained
        return [self.doc[c.sent.start: _trim_end(c.sent)] if c.sent.start != c.start else c for c in self.closures]

    def _action_as_proof(self, hedged_sentences: set[int]) -> list[Span]:
        # "He left, so he never loved me": an action on one side of "so", a denied feeling on the other.
        found = []
        for span in self.spans("causal"):
            first = span[0]
            if first.lower_ != "so" or not self._is_causal_so(first) or first.sent.start in hedged_sentences:
                continue
            before = [t for t in first.sent if t.i < first.i]
            after = [t for t in first.sent if t.i > first.i]
            mental_before = any(t.i in self.holders for t in before)
            denied = [t for t in after if self.holders.get(t.i, (None,))[0] == "other" and self._negated(t)]
            if denied and not mental_before and any(t.pos_ == "VERB" for t in before):
                found.append(self.doc[first.sent.start: denied[-1].i + 1])
        return found

    def _pretend(self) -> None:
        jargon = self.spans("jargon")
        emotions = [s for s in self.spans("emotion") if s[0].i not in self.excluded]
        if (
            len(jargon) >= self.v.thresholds["pretend_min_jargon"]
            and len(self.mental) >= self.v.thresholds["pretend_min_mental_terms"]
            and not emotions
            and not self._concrete_event()
        ):
            self._fail("pretend", jargon)

    def _concrete_event(self) -> bool:
        if any(ent.label_ in self.v.concrete_entities for ent in self.doc.ents):
            return True
        mental_ids = {t.i for t in self.mental}
        for token in self.doc:
            if token.lower_ in self.v.concrete_words:
                return True
            # A past-tense action someone did: "he slammed the door", "she left".
            if token.tag_ == "VBD" and token.pos_ == "VERB" and token.i not in mental_ids and token.lemma_ not in {"be", "have", "do", "seem"}:
                if any(c.dep_ in SUBJECT_DEPS and self.minds.is_person(c) for c in token.children):
                    return True
        return False

    def _hypermentalizing(self, hedged_sentences: set[int]) -> bool:
        confident = [t for t in self._other_states() if t.sent.start not in hedged_sentences]
        if len(confident) < self.v.thresholds["hyper_min_inferences"]:
            return False
        nested = [t for t in confident if self.minds.inside_other_reading(t) or self._under_other_state(t)]
        motives = self.spans("hidden_motive")
        if nested or motives:
            self._fail("hypermentalizing", [*motives, *confident])
            return True
        return False

    def _under_other_state(self, token: Token) -> bool:
        other_ids = {t.i for t in self._other_states()}
        node = token
        for _ in range(6):
            if node.head is node:
                return False
            node = node.head
            if node.i in other_ids:
                return True
        return False

    # -- estimate ------------------------------------------------------------------------------------
    def result(self) -> MentalizingResult:
        self.find_markers()
        self.find_failure_modes()
        self.markers = _drop_nested(self.markers)
        self.feeling_disavowed = self._feeling_disavowals()
        estimate, reasons = self._estimate()
        band = rf_band(estimate)
        feelings = self._own_feelings()
        return MentalizingResult(
            markers=self.markers,
            failure_modes=self.failures,
            rf_estimate=estimate,
            rf_band=band,
            explanation=f"RF-style estimate {estimate} ({band}): " + "; ".join(reasons) + ".",
            language_supported=True,
            state_kinds=self._state_kinds(),
            feeling_words=[self._evidence(t, "own_feeling") for t in feelings],
            validation_needed=any(self._troubled(t) for t in feelings + self.shared_feelings),
            self_criticism=signals.self_criticism(
                self.with_words(self.v.self_critical_words), self.v.self_critical_words, self.v.person_words.first_person,
                self.v.signal_text["self_criticism"]),
            disengagement=self._disengagement(),
            disavowals=[self._evidence(s, "disavowal") for s in _unique(self.disavowals + self.feeling_disavowed)],
            reported_dismissals=[
                Evidence.from_span(s, "reported_dismissal", self.v.set_aside_text["reported"]) for s in self.reported_hostile
            ],
            set_aside=sorted(self.set_aside, key=lambda a: (a.evidence.start, a.family)),
        )

    # -- signals for the feedback ------------------------------------------------------------------
    def _evidence(self, span: Span | Token, signal: str) -> Evidence:
        return Evidence.from_span(span, signal, self.v.signal_text[signal])

    def _own_feelings(self) -> list[Token]:
        """The feelings the speaker names as their own, in text order ("I felt furious and
        humiliated", "it still hurts", "sad"); denied ones ("I wasn't upset") are left out."""
        found: dict[int, Token] = {}
        emotion_ids = {span.root.i for span in self.spans("emotion")}
        for token in self.mental:
            if self.kinds[token.i] != "feeling" or self.holders[token.i][0] != "self" or token.lemma_ == "feel":
                continue
            if signals.is_verb_sense(token, self.v.person_words.first_person, token.i in emotion_ids):
                continue  # "I value it more" is no "you felt value" (docs/constructs.md#the-mbt-stance)
            if not self._denied(token):
                found[token.i] = token
        feel_ids = {t.i for t in self.with_words(["feel"])}
        for token in self.doc:
            # "I felt small", "I felt stupid for asking": whatever completes the speaker's own "feel".
            if token.head.i not in feel_ids and token.head.head.i not in feel_ids:
                continue
            head = token.head
            if token.pos_ in {"ADJ", "ADV"} and token.dep_ == "conj" and head.i in found:
                head = head.head  # "I felt stupid and small"
            # "I felt so alone" (parsed as an adverb) when "feel" has no other complement.
            bare_adverb = token.dep_ == "advmod" and not any(
                c.dep_ in {"acomp", "oprd", "dobj", "ccomp", "prep"} for c in head.children) and token.i > head.i
            if token.pos_ in {"ADJ", "ADV"} and (token.dep_ in {"acomp", "oprd", "conj"} or bare_adverb) \
                    and head.lemma_ == "feel" \
                    and token.lower_ not in {"so", "really", "very", "just", "too", "also", "still", "then", "now"}:
                subject = signals.subject_of(head)
                if subject is not None and subject.lower_ in self.v.person_words.first_person and not self._denied(token):
                    found[token.i] = token
        return [found[i] for i in sorted(found)]

    def _denied(self, token: Token) -> bool:
        verb = token if token.pos_ in {"VERB", "AUX"} else token.head
        return self._negated(token) and not signals.is_counterfactual(verb)

    def _troubled(self, token: Token) -> bool:
        untroubled = self.v.untroubled_feelings
        return token.lower_ not in untroubled and token.lemma_ not in untroubled

    def _feeling_disavowals(self) -> list[Span]:
        """ "I felt nothing. It doesn't matter": a feeling denied and waved away (or steered from)."""
        denied = self.spans("feeling_denied")
        waved = self.disavowals + self.spans("avoidance")
        return denied + waved if denied and waved else []

    def _disengagement(self) -> Disengagement | None:
        text = self.v.signal_text
        if self.hostile:
            return Disengagement("hostile", [self._evidence(s, "disengagement_hostile") for s in self.hostile],
                                 text["disengagement_hostile"])
        if signals.is_flat_reply(self.doc, self.v.flat_replies):
            words = [t for t in self.doc if not t.is_punct and not t.is_space]
            span = self.doc[words[0].i: words[-1].i + 1]
            return Disengagement("flat", [self._evidence(span, "disengagement_flat")], text["disengagement_flat"])
        avoidance = self.spans("avoidance")
        only_denied = all(self._denied(t) or t.lemma_ == "feel" for t in self.mental)
        if avoidance and only_denied:
            return Disengagement("avoidant", [self._evidence(s, "disengagement_avoidant") for s in avoidance],
                                 text["disengagement_avoidant"])
        return None

    def _state_kinds(self) -> dict[str, int]:
        kinds = dict.fromkeys(STATE_KINDS, 0)
        for token in self.mental:
            kinds[self.kinds[token.i]] += 1
        return kinds

    def _quote(self, family: str) -> str:
        texts = []
        for m in self.markers:
            if m.family == family and m.evidence.text not in texts:
                texts.append(m.evidence.text)
        shown = ", ".join(f"'{t}'" for t in texts[:2])
        return f"{family.replace('_', ' ')} ({shown})"

    def _estimate(self) -> tuple[int, list[str]]:
        rf = self.v.rf
        families = {m.family for m in self.markers}
        effort = [f for f in rf["effort_families"] if f in families]
        perspectives = [f for f in ("self_mind", "other_mind") if f in families]
        if self.hostile and not effort:
            quoted = ", ".join(f"'{s.text}'" for s in self.hostile[:2])
            return rf["hostile"], [f"hostile to reflecting ({quoted})"]
        if self.feeling_disavowed and not effort:
            quoted = ", ".join(f"'{s.text}'" for s in self.feeling_disavowed[:2])
            return rf["absent"], [f"disavows feelings ({quoted})"]
        if "mental_state_term" not in families and not self.seen_from_outside:
            if self.disavowals:
                quoted = ", ".join(f"'{s.text}'" for s in self.disavowals[:2])
                return rf["absent"], [f"disavows thinking about minds ({quoted})"]
            return rf["absent"], ["no words for thoughts, feelings or wishes"]
        reasons = [self._quote(f) for f in perspectives] or [self._quote("mental_state_term")]
        if not effort:
            estimate = rf["mental_states_only"]
            reasons.append("no hedging, causal link, alternative or change over time")
        else:
            estimate = rf["with_effort_base"] + rf["per_effort_family"] * len(effort)
            reasons += [self._quote(f) for f in effort]
            if len(perspectives) == 2:
                estimate += rf["both_perspectives_bonus"]
            if not perspectives:
                estimate -= 1
            epistemic = self.epistemic
            if epistemic and "opacity" not in families:
                estimate = max(rf["mental_states_only"], estimate - rf["certainty_penalty"])
                reasons.append("lowered by certainty (" + ", ".join(f"'{s.text}'" for s in epistemic[:2]) + ")")
        if self.failures:
            capped = min(estimate, rf["failure_mode_cap"])
            names = ", ".join(f.mode.replace("_", " ") for f in self.failures)
            if capped < estimate:
                reasons.append(f"capped at {capped} by {names}")
            else:
                reasons.append(f"failure mode: {names}")
            estimate = capped
        return min(estimate, rf["maximum"]), reasons


def _partition(spans: list[Span], test) -> tuple[list[Span], list[Span]]:
    """(spans passing `test`, the others), each in text order."""
    passed = [s for s in spans if test(s)]
    return passed, [s for s in spans if not test(s)]


def _unique(spans: list[Span]) -> list[Span]:
    return sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: s.start)


def _stands_alone(span: Span) -> bool:
    """ "Whatever." is a reply; "whatever he wants" is the object of a verb."""
    return span.root.dep_ not in {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "amod", "relcl"}


def _trim_end(sentence: Span) -> int:
    end = sentence.end
    while end > sentence.start and sentence.doc[end - 1].is_punct:
        end -= 1
    return end


def _drop_nested(markers: list[Marker]) -> list[Marker]:
    """Keep one marker per family where spans nest ("now I" inside "now I see"), in text order."""
    ordered = sorted(markers, key=lambda m: (m.evidence.start, -m.evidence.end, FAMILIES.index(m.family)))
    kept: list[Marker] = []
    for marker in ordered:
        e = marker.evidence
        if any(k.family == marker.family and k.evidence.start <= e.start and e.end <= k.evidence.end for k in kept):
            continue
        kept.append(marker)
    return kept


def _has_complement(span: Span) -> bool:
    """ "I don't know what she felt" is not a disavowal; a bare "I don't know" is."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].is_punct:
        return False
    return any(
        c.dep_ in {"ccomp", "xcomp", "dobj", "advcl", "prep"} and c.i >= span.end for t in span for c in t.children
    )


def _is_quoted_word(token: Token) -> bool:
    # "say sorry", "tell him I'm fine" as a formula: a word said, not a state named.
    return token.head.lemma_ in {"say", "tell"} and token.dep_ in {"dobj", "oprd", "acomp", "advmod"}


def _outermost(spans: list[Span]) -> list[Span]:
    """Drop spans inside another ("because" inside "that's why" never happens, "so" inside "so that" does)."""
    return [s for s in spans if not any(o is not s and o.start <= s.start and s.end <= o.end and len(o) > len(s) for o in spans)]


def _acting_subject(verb: Token) -> Token | None:
    """Who does `verb`, climbing "used to [replay]", "can [let] it go" and "and [let] it go"."""
    node = verb
    for _ in range(4):
        subject = signals.subject_of(node)
        if subject is not None or node.dep_ not in {"xcomp", "conj"} or node.head is node:
            return subject
        node = node.head
    return None


def _clause_end(first: Token, end: int) -> int:
    """Quote a clause up to its first comma, semicolon or full stop: enough to show the link."""
    doc = first.doc
    for i in range(first.i + 1, end):
        if doc[i].is_punct and doc[i].text in {",", ";", ".", "!", "?", ":"}:
            return i
    return end
