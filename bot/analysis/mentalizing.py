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
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from bot.analysis.evidence import Evidence
from bot.analysis.language import is_probably_english
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


@dataclass(frozen=True)
class Marker:
    family: str
    evidence: Evidence

    def to_dict(self) -> dict:
        return {"family": self.family, "evidence": self.evidence.to_dict()}


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
        }


@dataclass(frozen=True)
class _Vocabulary:
    """The lexicon's word sets, built once per process."""

    person_words: PersonWords
    teleological_verbs: frozenset[str]
    proof_verbs: frozenset[str]
    hostile_reading: frozenset[str]
    hostile_when_negated: frozenset[str]
    action_forms: frozenset[str]
    mental_labels: dict  # label -> (parts of speech, kind of state)
    concrete_words: frozenset[str]
    concrete_entities: frozenset[str]
    family_text: dict
    mode_text: dict
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
        mental_labels={k: (frozenset(v["pos"]), v["kind"]) for k, v in lex["mental_labels"].items()},
        concrete_words=frozenset(concrete["words"]),
        concrete_entities=frozenset(concrete["entity_labels"]),
        family_text=lex["families"],
        mode_text=lex["failure_modes"],
        rf=lex["rf"],
        thresholds=lex["thresholds"],
    )


def analyze_mentalizing(doc: Doc) -> MentalizingResult:
    """Find mentalizing markers and failure modes in a parsed text and estimate RF (1-9, or -1)."""
    if not is_probably_english(doc):
        return MentalizingResult(
            rf_estimate=1,
            rf_band="not_estimated",
            explanation="The mentalizing analysis is English-only; this text does not look like English, "
            "so nothing was estimated.",
            language_supported=False,
        )
    return _Reading(doc, _vocabulary()).result()


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
        for match in pattern_set(LEXICON, doc.vocab).find(doc, load_nlp()):
            self.matches.setdefault(match.label, []).append(match.span)
        self.markers: list[Marker] = []
        self._seen: set[tuple[str, int, int]] = set()
        self.failures: list[FailureMode] = []
        self.disavowals = [s for s in self.spans("disavowal") if not _has_complement(s)]
        self.excluded = self._token_ids(self.disavowals + self.spans("hostile"))
        self.certainty = self.spans("certainty") + self.spans("certainty_epistemic")
        self.mental = self._mental_tokens()
        self.minds = MindReader(vocab.person_words, {t.i for t in self.mental})
        self.holders = {t.i: self.minds.perspective(t) for t in self.mental}

    # -- helpers ---------------------------------------------------------------------------------
    def spans(self, label: str) -> list[Span]:
        return self.matches.get(label, [])

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
                    token.pos_ not in parts_of_speech
                    or token.i in self.excluded
                    or self._is_filler(token)
                    or self._is_action(token)
                    or _is_quoted_word(token)
                ):
                    continue
                tokens[token.i] = token
                self.kinds.setdefault(token.i, kind)
        return [tokens[i] for i in sorted(tokens)]

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
            if kind is None:
                continue
            family = "self_mind" if kind == "self" else "other_mind"
            span = self._span(holder, token) if abs(holder.i - token.i) <= MAX_HOLDER_SPAN else token
            self._add(family, span)
        for family in ("opacity", "alternative", "change_over_time"):
            for span in self.spans(family):
                self._add(family, span)
        for span in self.certainty:
            if span[0].i not in self.excluded:
                self._add("certainty", span)
        for span in self.spans("opacity"):
            # "I'm not sure", "I wonder", "I guess": the speaker reflecting on their own knowing.
            if span[0].lower_ in self.v.person_words.first_person:
                self._add("self_mind", span)
        for span in self.spans("hidden_motive"):
            # "he did it on purpose", "she's trying to...": an intention, read into someone else.
            if self._clause_holder_kind(span) == "other":
                self._add("mental_state_term", span, "Names an intention or motive.")
                self._add("other_mind", span)
        self._find_known_minds()
        self._find_causal_links()

    def _find_known_minds(self) -> None:
        # "I know (that) he ..." / "I'm sure she ...": certainty about another person's mind.
        for token in self.doc:
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
                    self._add("certainty", span, "States what another person thinks or feels as known fact.")

    def _clause_holder_kind(self, span: Span) -> str | None:
        verb = span.root
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        return self.minds.kind(self.minds.holder(verb), verb)

    def _negated(self, token: Token) -> bool:
        heads = [token, token.head] if token.pos_ == "ADJ" else [token]
        return any(c.dep_ == "neg" for h in heads for c in h.children)

    def _find_causal_links(self) -> None:
        mental_ids = {t.i for t in self.mental}
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
                self._add("causal_link", evidence)

    def _purpose_clauses(self) -> list[Span]:
        # "He fanned her to make the man think she was dead": an aim that explains an action.
        spans = []
        for span in self.spans("purpose"):
            verb = span[0].head
            if verb.dep_ == "advcl" or (verb.dep_ == "ROOT" and span[0].i == span.sent.start):
                spans.append(span)
        return spans

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
        hedged_sentences = {s.sent.start for s in self.spans("opacity")}
        any_hedge = bool(self.spans("opacity"))
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

    def _fail(self, mode: str, spans: list[Span | Token]) -> None:
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
        epistemic = [s for s in self.spans("certainty_epistemic") if s[0].i not in self.excluded]
        for token in self._other_states():
            if token.sent.start in hedged_sentences:
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
            felt += [s for s in self.spans("hidden_motive") if self._clause_holder_kind(s) == "other"]
        self._pe_candidates = (certain, felt)

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

    def _teleological(self, hedged_sentences: set[int]) -> list[Span]:
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
        self._fail("teleological", found)
        return found

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
            self._fail("hypermentalizing", list(motives) + confident)
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
        estimate, reasons = self._estimate()
        band = rf_band(estimate)
        return MentalizingResult(
            markers=self.markers,
            failure_modes=self.failures,
            rf_estimate=estimate,
            rf_band=band,
            explanation=f"RF-style estimate {estimate} ({band}): " + "; ".join(reasons) + ".",
            language_supported=True,
            state_kinds=self._state_kinds(),
        )

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
        hostile = self.spans("hostile")
        if hostile and not effort:
            quoted = ", ".join(f"'{s.text}'" for s in hostile[:2])
            return rf["hostile"], [f"hostile to reflecting ({quoted})"]
        if "mental_state_term" not in families:
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
            epistemic = [s for s in self.spans("certainty_epistemic") if s[0].i not in self.excluded]
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


def _clause_end(first: Token, end: int) -> int:
    """Quote a clause up to its first comma, semicolon or full stop: enough to show the link."""
    doc = first.doc
    for i in range(first.i + 1, end):
        if doc[i].is_punct and doc[i].text in {",", ";", ".", "!", "?", ":"}:
            return i
    return end
