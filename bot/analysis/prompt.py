"""Reflective-prompt rubric: what kind of move a trainee's (or therapist's) utterance makes.

Behaviour follows motivational-interviewing coding (MITI 4.2, as labelled in AnnoMI): question
(open / closed), reflection (simple / complex), therapist input (information, advice, structure) or
other; flags follow the MBT stance (aimed at mental states, not-knowing, validation) and what shuts
reflection down (advice, leading questions, interpretations stated as fact, accusatory "why",
several questions at once); EPITOME (Sharma et al. 2020) levels 0/1/2 rate explorations, emotional
reactions and interpretations. Words live in `lexicons/prompt.yml`; this module reads the form of
each sentence from the parse (a wh-word heading the clause, an auxiliary before its subject, a
second-person statement) and compares a reflection's words with the client's previous utterance.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from bot.analysis.evidence import Evidence, Finding
from bot.analysis.language import is_probably_english
from bot.analysis.patterns import PatternMatch, load_lexicon, outermost, pattern_set

LEXICON = "prompt"
BEHAVIOURS = ("question", "reflection", "therapist_input", "other")
CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN"}


# A flag (advice, leading question, validation ...): its name, the words that show it, what it means.
PromptFlag = Finding


@dataclass(frozen=True)
class MechanismLevel:
    """An EPITOME mechanism: 0 none, 1 weak, 2 strong, with the words that set it."""

    name: str
    level: int
    evidence: list[Evidence]
    explanation: str

    def to_dict(self) -> dict:
        return {"name": self.name, "level": self.level,
                "evidence": [e.to_dict() for e in self.evidence], "explanation": self.explanation}

    @classmethod
    def from_dict(cls, data: dict) -> "MechanismLevel":
        return cls(name=str(data["name"]), level=int(data["level"]),
                   evidence=[Evidence.from_dict(e) for e in data.get("evidence") or []],
                   explanation=str(data.get("explanation", "")))


@dataclass
class PromptResult:
    behaviour: str = "other"
    question_type: str | None = None
    reflection_type: str | None = None
    flags: list[PromptFlag] = field(default_factory=list)
    exploration: MechanismLevel = field(default_factory=lambda: MechanismLevel("exploration", 0, [], "No question about the person's experience."))
    emotional_reaction: MechanismLevel = field(default_factory=lambda: MechanismLevel("emotional_reaction", 0, [], "No expression of warmth or concern."))
    interpretation: MechanismLevel = field(default_factory=lambda: MechanismLevel("interpretation", 0, [], "No statement of understanding."))
    evidence: list[Evidence] = field(default_factory=list)
    explanation: str = ""
    language_supported: bool = True

    @property
    def exploration_level(self) -> int:
        return self.exploration.level

    @property
    def emotional_reaction_level(self) -> int:
        return self.emotional_reaction.level

    @property
    def interpretation_level(self) -> int:
        return self.interpretation.level

    def flag_names(self) -> set[str]:
        return {f.name for f in self.flags}

    def to_dict(self) -> dict:
        return {
            "behaviour": self.behaviour,
            "question_type": self.question_type,
            "reflection_type": self.reflection_type,
            "flags": [f.to_dict() for f in self.flags],
            "exploration_level": self.exploration.level,
            "emotional_reaction_level": self.emotional_reaction.level,
            "interpretation_level": self.interpretation.level,
            "mechanisms": [m.to_dict() for m in (self.exploration, self.emotional_reaction, self.interpretation)],
            "evidence": [e.to_dict() for e in self.evidence],
            "explanation": self.explanation,
            "language_supported": self.language_supported,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "PromptResult":
        """The result `to_dict` wrote (the `*_level` keys repeat the mechanisms' levels)."""
        mechanisms = {m["name"]: MechanismLevel.from_dict(m) for m in data.get("mechanisms") or []}
        defaults = cls()
        return cls(behaviour=str(data.get("behaviour", "other")), question_type=data.get("question_type"),
                   reflection_type=data.get("reflection_type"),
                   flags=[Finding.from_dict(f) for f in data.get("flags") or []],
                   exploration=mechanisms.get("exploration", defaults.exploration),
                   emotional_reaction=mechanisms.get("emotional_reaction", defaults.emotional_reaction),
                   interpretation=mechanisms.get("interpretation", defaults.interpretation),
                   evidence=[Evidence.from_dict(e) for e in data.get("evidence") or []],
                   explanation=str(data.get("explanation", "")),
                   language_supported=bool(data.get("language_supported", True)))


@dataclass(frozen=True)
class _Sentence:
    """One sentence's form: question (open / closed), reflection, input or other."""

    span: Span
    kind: str
    subtype: str | None
    cue: Span


def analyze_prompt(doc: Doc, context: str | None = None) -> PromptResult:
    """Classify a trainee's utterance; `context` is the client's previous utterance, if known."""
    lex = load_lexicon(LEXICON)
    if not doc.text.strip():
        return PromptResult(explanation="Nothing was said.")
    if not is_probably_english(doc):
        return PromptResult(explanation="The prompt rubric only reads English.", language_supported=False)
    cues = _cues(pattern_set(LEXICON, doc.vocab).find(doc))
    _drop_look_alikes(cues)
    past_links = _past_links(doc, cues, lex, context)
    if past_links:
        cues.setdefault("interpretation_as_fact", []).extend(past_links)
    sentences = [_classify_sentence(sent, cues, lex) for sent in doc.sents if _words(sent)]
    questions = [s for s in sentences if s.kind == "question"]
    reflections = [s for s in sentences if s.kind == "reflection"]
    inputs = [s for s in sentences if s.kind == "therapist_input"]

    result = PromptResult()
    if questions:
        # One open question makes the turn an open invitation, whatever closed ones surround it.
        main = next((q for q in questions if q.subtype == "open"), questions[-1])
        result.behaviour, result.question_type = "question", main.subtype
    elif reflections and (not inputs or _weight(reflections) >= _weight(inputs)):
        main = reflections[-1]
        result.behaviour = "reflection"
    elif inputs:
        main = inputs[-1]
        result.behaviour = "therapist_input"
    else:
        main = None
    if reflections:
        # A reflection before a question still counts for the trainee's reflection skills.
        result.reflection_type = _reflection_depth([s for s in sentences if s.kind != "other"], cues, lex, context)
        if cues.get("interpretation_as_fact"):
            # An interpretation adds a meaning the person did not say (MITI: complex), however
            # close to their words the rest of it stays.
            result.reflection_type = "complex"
    label = {"question": f"question_{result.question_type}",
             "reflection": f"reflection_{result.reflection_type}"}.get(result.behaviour, result.behaviour)
    explanation = lex["explanations"][label]
    if main is not None:
        result.evidence = [Evidence.from_span(main.cue, label, explanation)]
    result.explanation = explanation
    result.flags = _flags(doc, sentences, cues, lex)
    result.exploration = _exploration(questions, cues, lex)
    result.emotional_reaction = _level("emotional_reaction", cues, lex)
    result.interpretation = _level("interpretation", cues, lex, extra_strong=_own_experience(doc, lex))
    return result


# --- sentence form ------------------------------------------------------------------------------

def _cues(matches: list[PatternMatch]) -> dict[str, list[Span]]:
    cues: dict[str, list[Span]] = {}
    for match in matches:
        cues.setdefault(match.label, []).append(match.span)
        cues.setdefault(match.label.split("/", 1)[0], []).append(match.span)
    return cues


def _words(span: Span) -> list[Token]:
    return [t for t in span if not (t.is_punct or t.is_space)]


def _core_start(sent: Span, lex: dict) -> int:
    """Index of the first token after fillers ("So, um, you know, what ..." -> "what")."""
    openers = set(lex["openers"])
    phrases = [p.split() for p in lex["opener_phrases"]]
    i = sent.start
    while i < sent.end - 1:
        token = sent.doc[i]
        lowered = [t.lower_ for t in sent.doc[i : min(sent.end, i + 4)]]
        phrase = next((p for p in phrases if lowered[: len(p)] == p), None)
        if phrase and i + len(phrase) < sent.end:
            i += len(phrase)
        elif token.lower_ in openers or token.is_punct or token.is_space or token.lower_.strip("-") == "":
            i += 1
        else:
            break
    return i


def _in_sentence(spans: list[Span], sent: Span) -> list[Span]:
    return [s for s in spans if sent.start <= s.start < sent.end]


def _classify_sentence(sent: Span, cues: dict[str, list[Span]], lex: dict) -> _Sentence:
    doc = sent.doc
    core = _core_start(sent, lex)
    first = doc[core]
    after = doc[core + 1] if core + 1 < sent.end else None
    asks = sent.text.rstrip(" \"'”)-—").endswith("?")

    check = _in_sentence(cues.get("check_understanding", []), sent)
    if check and check[0].start <= core + 1:
        # "Is that right?" after a reflection checks the reflection; it asks for nothing new.
        return _Sentence(sent, "reflection", None, check[0])
    if asks and _quoted(sent):
        # A question inside quotation marks voices the person's own question ("Do I deserve it?").
        return _Sentence(sent, "reflection", None, sent)
    invitation = _in_sentence(cues.get("question_open", []), sent)
    if invitation:
        return _Sentence(sent, "question", "open", invitation[0])
    if first.lower_ in lex["wh_words"] and not _starts_reflection(doc, core, cues, sent) \
            and (asks or not _subordinate(first)):
        if after is not None and after.lower_ in lex["wh_closed_followers"]:
            return _Sentence(sent, "question", "closed", doc[core : core + 2])
        return _Sentence(sent, "question", "open", first_span(first))
    if first.lower_ in lex["question_auxiliaries"] and _subject_follows(first) and (
            asks or first.pos_ == "AUX" and first.lower_ != "may"):
        # Without a question mark, "Do something for yourself" is an imperative, not a question.
        verb = first.head if first.dep_ in ("aux", "auxpass") else first
        if first.tag_ == "MD" and verb.lemma_ in lex["open_invitation_verbs"]:
            return _Sentence(sent, "question", "open", doc[core : verb.i + 1])
        return _Sentence(sent, "question", "closed", first_span(first))
    if asks:
        wh = _embedded_wh(sent, core, lex)
        if wh is not None:
            return _Sentence(sent, "question", "open", wh)
        more = _in_sentence(cues.get("open_if_asked", []), sent)
        if more:
            return _Sentence(sent, "question", "open", more[0])
    reflection = _reflection_cue(sent, cues, core)
    words = _words(sent)
    if asks:
        # A statement said with a rising tone ("So you've been stuck?", "..., isn't it?") checks
        # the therapist's understanding: MITI codes it as a reflection.
        if reflection is not None or _tag_question(sent):
            return _Sentence(sent, "reflection", None, reflection or sent)
        if len(words) <= 2 and all(t.lower_ in lex["backchannels"] for t in words):
            return _Sentence(sent, "other", None, sent)
        return _Sentence(sent, "question", "closed", sent)
    if all(t.lower_ in lex["backchannels"] for t in words):
        return _Sentence(sent, "other", None, sent)
    affirmation = _in_sentence(cues.get("affirmation", []), sent)
    if affirmation and affirmation[0].start <= core + 1:
        # Affirming what the person did ("That's great", "Well done") is neither a question, a
        # reflection nor advice: MITI codes it apart, AnnoMI labels it "other".
        return _Sentence(sent, "other", None, affirmation[0])
    if _unfinished(sent) and len(words) < lex["min_words_unfinished"]:
        return _Sentence(sent, "other", None, sent)
    advice = _in_sentence(cues.get("input", []) + cues.get("advice", []), sent)
    if advice and (reflection is None or advice[0].start <= reflection.start):
        return _Sentence(sent, "therapist_input", None, advice[0])
    if reflection is not None:
        return _Sentence(sent, "reflection", None, reflection)
    if advice:
        return _Sentence(sent, "therapist_input", None, advice[0])
    tentative = _in_sentence(cues.get("tentative_reflection", []), sent)
    if tentative and tentative[0].start <= core:
        # "I wonder whether it felt like ...": a guess about the person's experience offered for
        # them to correct, a reflection rather than the therapist talking about themselves.
        return _Sentence(sent, "reflection", None, tentative[0])
    if doc[core].lower_ in lex["first_person"]:
        # The therapist talking about themselves or the session ("I have some information ...").
        return _Sentence(sent, "therapist_input", None, first_span(doc[core]))
    if len(words) >= lex["min_words_impersonal_input"] and not any(
            t.lower_ in lex["exploration"]["second_person"] for t in words):
        # A longer statement that never mentions the person ("Type II diabetes is a resistance to
        # insulin") gives information rather than reflecting them.
        return _Sentence(sent, "therapist_input", None, sent)
    if len(doc[core : sent.end]) >= lex["min_words_for_content"]:
        # A statement about the person's situation without a second-person cue ("So it was quite
        # recent.") is most often a reflection in MI conversations.
        return _Sentence(sent, "reflection", None, sent)
    return _Sentence(sent, "other", None, sent)


def _weight(sentences: list[_Sentence]) -> int:
    """How much of the turn these sentences take, in words."""
    return sum(len(_words(s.span)) for s in sentences)


def _quoted(sent: Span) -> bool:
    before = sent.doc.text[: sent.start_char]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _unfinished(sent: Span) -> bool:
    """A sentence cut off mid-way ("Maybe this is the-"), as transcripts of speech often have."""
    return sent.text.rstrip().endswith(("-", "—", "–")) or sent.text.lstrip().startswith(("-", "—", "–"))


def _embedded_wh(sent: Span, core: int, lex: dict) -> Span | None:
    """A question word later in a question ("Same scale, how confident are you?", "have you thought
    about how you might ...?", "can you tell me ...?"): annotators hear these as open questions."""
    doc = sent.doc
    for token in doc[core + 1 : sent.end]:
        nxt = doc[token.i + 1] if token.i + 1 < sent.end else None
        if token.lower_ in lex["open_anywhere"] or (
                token.lower_ in lex["wh_words"] and nxt is not None and (nxt.pos_ == "AUX" or nxt.tag_ == "MD")):
            return doc[token.i : token.i + 1]
        if token.tag_ == "MD" and token.head.lemma_ in lex["open_invitation_verbs"] and \
                any(c.lower_ == "you" and c.dep_ == "nsubj" for c in token.head.children):
            return doc[token.i : token.head.i + 1]
    return None


def _tag_question(sent: Span) -> bool:
    words = [t.lower_ for t in _words(sent)]
    return len(words) >= 3 and (words[-1] in ("right", "yeah", "ok", "okay") or
                                (words[-2].endswith("n't") or words[-2] in ("isn", "don", "aren")) or
                                words[-2] in ("is", "do", "does", "are", "did", "was") and words[-1] in ("it", "you", "they", "he", "she", "that"))


def first_span(token: Token) -> Span:
    return token.doc[token.i : token.i + 1]


def _subordinate(wh: Token) -> bool:
    """"When I was at school, ..." or "What matters is ...": the wh-word opens a clause inside a
    statement, not a question."""
    nxt = wh.doc[wh.i + 1] if wh.i + 1 < len(wh.doc) else None
    if nxt is not None and (nxt.pos_ == "AUX" or nxt.tag_ == "MD") and _subject_follows(nxt):
        return False  # inverted: "What are you worried will happen ...", a question even unfinished
    clause = wh.head
    return wh.dep_ == "mark" or clause.dep_ in ("advcl", "csubj", "ccomp", "relcl", "acl") or (
        wh.dep_ in ("nsubj", "attr") and any(c.dep_ == "csubj" for c in clause.head.children))


def _subject_follows(aux: Token) -> bool:
    """An auxiliary before its subject ("Do you ...", "Is it ...") starts a yes/no question."""
    nxt = aux.doc[aux.i + 1] if aux.i + 1 < len(aux.doc) else None
    if nxt is None:
        return False
    if nxt.dep_ in ("nsubj", "nsubjpass", "expl") or nxt.pos_ in ("PRON", "PROPN", "DET"):
        return True
    return nxt.lower_ in ("n't", "not") and aux.i + 2 < len(aux.doc) and aux.doc[aux.i + 2].pos_ == "PRON"


def _starts_reflection(doc: Doc, core: int, cues: dict[str, list[Span]], sent: Span) -> bool:
    # "What you're saying is ..." / "What I'm hearing ..." are reflections, not questions.
    return any(s.start == core for s in _in_sentence(cues.get("reflection", []), sent))


def _reflection_cue(sent: Span, cues: dict[str, list[Span]], core: int) -> Span | None:
    """A second-person statement about the person ("So you feel ...", "It sounds like ...")."""
    openers = _in_sentence(cues.get("reflection", []), sent)
    if openers:
        return max(openers, key=lambda s: (s.start <= core + 1, len(s)))
    root = sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ == "you":
            return sent.doc[child.i : root.i + 1] if root.i > child.i else first_span(child)
    return None


def _reflection_depth(reflections: list[_Sentence], cues: dict[str, list[Span]], lex: dict,
                      context: str | None) -> str:
    """Complex when the reflection adds a feeling or meaning not in the client's own words.

    Four signs, each worth one vote, two votes make it complex: a mental-state word the client did
    not use; an inference frame ("it sounds like", "part of you"); a contrast or cause ("but",
    "because": double-sided and causal reflections); several content words of the therapist's own.
    """
    rules = lex["complex_reflection"]
    mental = set(lex["mental_state_lemmas"])
    client = {w.lower() for w in _client_words(context)}
    spans = [s.span for s in reflections]
    content = [t for span in spans for t in span if t.pos_ in CONTENT_POS and not t.is_stop]
    added = [t for t in content if t.lower_ not in client and t.lemma_.lower() not in client]
    votes = [
        any(t.lemma_.lower() in mental for t in added),
        any(_in_sentence(cues.get("complex_cue", []), span) for span in spans),
        any(t.lower_ in rules["contrast_words"] for span in spans for t in span),
        len(added) >= rules["min_added_content_words"],
    ]
    return "complex" if sum(votes) >= rules["votes_needed"] else "simple"


def _client_words(context: str | None) -> list[str]:
    # The client's words and their lemmas through the same pipeline would need a second parse;
    # surface forms plus the lemma comparison above are enough to tell "said" from "added".
    return [w.strip(".,!?;:\"'()-") for w in (context or "").split()]


# --- flags and EPITOME levels -------------------------------------------------------------------

def _flags(doc: Doc, sentences: list[_Sentence], cues: dict[str, list[Span]], lex: dict) -> list[PromptFlag]:
    explanations = lex["explanations"]
    found: dict[str, list[Span]] = {}
    mental = set(lex["mental_state_lemmas"])
    for sentence in sentences:
        if sentence.kind in ("question", "reflection"):
            # Whose mind does not matter: "How did she feel?" invites mentalizing as much as
            # "How did you feel?".
            # "Don't you think ...", "What were you thinking?", "That makes sense": the mental-state
            # word belongs to a leading, accusatory or validating frame, not to a question about a mind. "Like" as a preposition
            # ("just like when") names no state.
            frames = cues.get("leading_question", []) + cues.get("accusatory_why", []) + cues.get("validation", [])
            states = [first_span(t) for t in sentence.span if t.lemma_.lower() in mental
                      and t.pos_ not in ("ADP", "SCONJ", "INTJ") and not _inside(t, frames)]
            states += _in_sentence(cues.get("mental_state_phrase", []), sentence.span)
            if states:
                found.setdefault("aimed_at_mental_states", []).append(min(states, key=lambda s: s.start))
    for name in ("not_knowing_stance", "validation", "leading_question", "interpretation_as_fact", "accusatory_why"):
        if cues.get(name):
            found[name] = cues[name]
    if found.get("not_knowing_stance") and found.get("interpretation_as_fact"):
        # A hedge in a sentence that states an interpretation as fact does not make it tentative
        # ("I guess you're just scared of ending up like your mother").
        stated = {s.sent.start for s in found["interpretation_as_fact"]}
        found["not_knowing_stance"] = [s for s in found["not_knowing_stance"] if s.sent.start not in stated]
        if not found["not_knowing_stance"]:
            del found["not_knowing_stance"]
    advice = cues.get("input/advice", []) + cues.get("advice", [])
    if advice:
        found["advice"] = advice
    questions = [s for s in sentences if s.kind == "question"]
    asked = [q.span for q in questions] + [extra for q in questions for extra in _joined_questions(q.span, lex)]
    if len(asked) >= 2:
        found["several_questions"] = asked
    return [PromptFlag(name, [Evidence.from_span(s, name, explanations[name]) for s in outermost(spans)],
                       explanations[name]) for name, spans in found.items()]


def _inside(token: Token, spans: list[Span]) -> bool:
    return any(s.start <= token.i < s.end for s in spans)


def _joined_questions(sent: Span, lex: dict) -> list[Span]:
    """Further questions joined into one sentence: "What started it, and how did it end?"."""
    if not sent.text.rstrip().endswith("?"):
        return []
    doc, wh, aux = sent.doc, set(lex["wh_words"]), set(lex["question_auxiliaries"])
    found = []
    for token in sent[1:]:
        before = doc[token.i - 1]
        if before.lower_ not in ("and", "or", ",") or token.i + 1 >= sent.end:
            continue
        after = doc[token.i + 1]
        rest = [t.lower_ for t in doc[token.i : sent.end] if not t.is_punct]
        if rest[2:] and all(w in lex["tag_question_verbs"] for w in rest[2:]):
            continue  # "Why might she have gone quiet, do you think?" is one question
        if (token.lower_ in wh and (after.pos_ in ("AUX", "VERB") or after.tag_ == "MD")) or (
                token.lower_ in aux and (after.pos_ in ("PRON", "PROPN") or after.lower_ == "anyone")):
            found.append(doc[token.i : sent.end])
    return found


def _drop_look_alikes(cues: dict[str, list[Span]]) -> None:
    """Set aside cue matches that the parse shows are something else."""
    # "He walks off when you try to talk": "try to" with its own subject reports, it does not advise.
    for name in ("input/advice", "advice", "input"):
        cues[name] = [s for s in cues.get(name, []) if not (
            s[0].pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in s[0].children))]
    # "Why do you think he stayed away?" asks about a mind; "Why don't you ask her?" advises.
    advice = cues.get("input/advice", [])
    for name in ("accusatory_why", "accusatory_why/why_you"):
        cues[name] = [s for s in cues.get(name, []) if not (
            (s.end < len(s.doc) and s.doc[s.end].lemma_.lower() in ("think", "suppose", "imagine", "reckon", "guess"))
            or any(a.start <= s.start < a.end for a in advice))]


def _past_links(doc: Doc, cues: dict[str, list[Span]], lex: dict, context: str | None) -> list[Span]:
    """Interpretations that tie the person's present to a past figure or cause, stated as fact:
    "You felt abandoned, just like when your father left", "That's because your mother ...".

    Said tentatively (a hedge in the sentence, or as a question) it is an invitation to think, not
    an interpretation as fact; linking what the client linked themselves ("It's like when my dad
    left" -> "It feels just like when your dad left") reflects them.
    """
    rules = lex["past_link"]
    figures = {word: group for group, words in rules["figures"].items() for word in words}
    weak_links = [phrase.split() for phrase in rules["weak_links"]]
    hedges = cues.get("not_knowing_stance", [])
    client_words = [w.lower() for w in _client_words(context)]
    client_figures = {figures[w] for w in client_words if w in figures}
    client_links = any(w in rules["client_link_words"] for w in client_words)
    found = []
    for link in cues.get("past_link", []):
        sent = link.sent
        named = {figures[t.lower_] for t in sent if t.lower_ in figures}
        if not named and not _in_sentence(cues.get("past_link/by_itself", []), sent):
            continue
        certain = any(t.lower_ in rules["certainty_words"] for t in sent)
        if not certain and (sent.text.rstrip().endswith("?") or _in_sentence(hedges, sent)):
            continue
        if client_links and named & client_figures:
            continue  # the client made this link: reflecting it interprets nothing
        if any([t.lower_ for t in link[: len(w)]] == w for w in weak_links):
            # "because your mum cancelled" may be today's news: a cause counts as the past only
            # with a sign of the past, or when the client never named that person.
            past = any(t.lower_ in rules["past_markers"] for t in sent) or any(
                " ".join(t.lower_ for t in sent[i : i + 3]).startswith(tuple(rules["past_phrases"])) for i in range(len(sent)))
            if not past and (context is None or named & client_figures):
                continue
        if link[0].lemma_ == "come" and not _abstract_subject(link[0], lex):
            continue  # "the letter came from your mother"
        found.append(link)
    return found


def _abstract_subject(verb: Token, lex: dict) -> bool:
    """"That guilt comes from ...", "It all comes from ...": a feeling or a pronoun, not a thing."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or subjects[0].pos_ == "PRON" or subjects[0].lemma_.lower() in lex["mental_state_lemmas"] \
        or subjects[0].lower_ in ("that", "this", "it", "all")


def _exploration(questions: list[_Sentence], cues: dict[str, list[Span]], lex: dict) -> MechanismLevel:
    """EPITOME explorations: a question about the person's experience; 2 when it names something
    specific, 1 when it is generic ("What happened?"). Questions about the speaker, offers to talk
    and advice phrased as a question ("Have you tried ...?") do not explore."""
    rules = lex["exploration"]
    generic = set(rules["generic_lemmas"])
    best, best_span = 0, None
    for question in questions:
        span = question.span
        words = _words(span)
        addressed = any(t.lower_ in rules["second_person"] for t in words)
        if not (addressed or len(words) <= rules["max_words_unaddressed"]):
            continue
        if _in_sentence(cues.get("offer_to_talk", []) + cues.get("input/advice", []), span):
            continue
        invitation = _in_sentence(cues.get("question_open", []), span)
        if not invitation and any(t.lower_ == "i" and t.dep_ in ("nsubj", "nsubjpass") for t in words):
            continue  # about the speaker ("Am I the only one who ...?", "What should I say?")
        specific = [t for t in words if t.pos_ in CONTENT_POS and not t.is_stop
                    and t.lemma_.lower() not in generic and t.lower_ not in generic]
        level = 2 if specific else 1
        if level > best:
            best, best_span = level, span
    if best == 0:
        return MechanismLevel("exploration", 0, [], "No question about the person's experience.")
    explanation = lex["explanations"]["exploration"] if best == 2 else \
        "A general question about the person's experience; naming something specific goes further."
    return MechanismLevel("exploration", best, [Evidence.from_span(best_span, "exploration", explanation)], explanation)


def _level(name: str, cues: dict[str, list[Span]], lex: dict, extra_strong: Sequence[Span] = ()) -> MechanismLevel:
    explanation = lex["explanations"][name]
    strong, weak = cues.get(f"{name}/strong", []) + list(extra_strong), cues.get(f"{name}/weak", [])
    spans, level = (strong, 2) if strong else (weak, 1) if weak else ([], 0)
    return MechanismLevel(name, level, [Evidence.from_span(s, name, explanation) for s in outermost(spans)],
                          explanation if level else f"No {name.replace('_', ' ')}.")


def _own_experience(doc: Doc, lex: dict) -> list[Span]:
    """Sentences where the speaker shares a feeling or experience of their own ("I felt the same
    after my divorce"): EPITOME counts shared experience as a strong interpretation."""
    mental = set(lex["mental_state_lemmas"]) - set(lex["not_experience_lemmas"])
    found = []
    for sent in doc.sents:
        first_person = any(t.lower_ in ("i", "me", "my") and t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj")
                           for t in sent)
        if first_person and any(t.lemma_.lower() in mental for t in sent) and not sent.text.rstrip().endswith("?"):
            found.append(sent)
    return found
