"""Reading the dependency parse for the risk detector: who does what to whom, negation, reported speech.

Kept apart from `risk.py` so the judging steps there read as a list of decisions. Every function takes
the word lists it needs (`RiskWords`, built from lexicons/risk.yml); none holds a word list itself.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

# Links from a word up to its head along which the word still belongs to the same predicate (so a
# negation or an intent word on the head reaches it); clausal links (ccomp, advcl, relcl) stop it.
CHAIN_LINKS = {"xcomp", "aux", "auxpass", "pcomp", "prep", "pobj", "dobj", "acomp", "attr", "acl", "prt", "compound", "amod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# A subject is not looked for above these links: a clause of its own ("X, he deserves it") has its
# own subject, and a match with none in its clause is the speaker's (recall first).
CLAUSE_LINKS = {"ccomp", "advcl", "parataxis"}
QUOTE_MARKS = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb", "``", "''"}
MAX_STEPS = 12  # a parse path longer than this is a misparse; stop rather than wander


@dataclass(frozen=True)
class RiskWords:
    """The word lists of risk.yml that the parse checks use, as sets of lower-case words."""

    first: frozenset[str]
    second: frozenset[str]
    third: frozenset[str]
    things: frozenset[str]
    person_nouns: frozenset[str]
    negations: frozenset[str]
    negation_links: frozenset[str]
    negation_typos: frozenset[str]
    speech_verbs: frozenset[str]
    instruction_verbs: frozenset[str]
    urge_verbs: frozenset[str]
    not_subjects: frozenset[str]
    myself: frozenset[str]
    reflexive_other: frozenset[str]
    threat_auxiliaries: frozenset[str]
    counterfactual_modals: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    non_denial_next: frozenset[str]
    non_denial_heads: frozenset[str]
    others_not_knowing: frozenset[str]
    ceasing_verbs: frozenset[str]


def head_chain(token: Token) -> list[Token]:
    """The token and its heads while they belong to the same predicate (see CHAIN_LINKS); a
    coordinated verb with no subject of its own shares its head's ("going to snap and hurt someone")."""
    chain = [token]
    while token.head.i != token.i and len(chain) < MAX_STEPS and (
            token.dep_ in CHAIN_LINKS or (token.dep_ == "conj" and not has_own_subject(token))):
        token = token.head
        chain.append(token)
    return chain


CONDITION_MARKS = frozenset({"if", "unless"})


RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom", "whose"})


def negated(span: Span, words: RiskWords) -> bool:
    """A negation outside the matched words on the chain of heads that governs them."""
    inside = {t.i for t in span}
    token, steps = span.root, 0
    while steps < MAX_STEPS:
        for child in token.children:
            if child.i in inside:
                continue
            if _not_a_denial(child, words) or token.lemma_.lower() in words.non_denial_heads:
                continue  # "the only way out is not being alive"; "years ago, not since"; "can't stop"
            if token.lemma_.lower() in words.others_not_knowing and _someone_else_does(token, words):
                continue  # "I self-harm and my mum doesn't know"
            if _ceasing_of(span, token, words):
                continue  # "the suicidal thoughts never went away": denying that they ended affirms them
            if token.dep_ == "xcomp" and any(a.lemma_.lower() in words.non_denial_heads for a in list(token.ancestors)[:2]):
                continue  # "trying not to hurt myself": the urge is there, resisted
            if _in_a_condition(token, child) or _opens_a_condition(token):
                # "he'll send them to my school if I don't": the condition's "not", misattached;
                # "they will kill me if I do not marry the man they choose": a condition's "not"
                # supposes, it does not deny.
                continue
            if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "neg") and child.lower_ in words.negations):
                return True
            if child.dep_ in ("aux", "auxpass", "advmod", "neg", "nsubj", "compound") and child.lower_ in words.negation_typos:
                return True
        # The tagger often misreads a one-word typo ("he dosent want"), so the word before counts too.
        if token.i > 0 and token.i - 1 not in inside and token.doc[token.i - 1].lower_ in words.negation_typos:
            return True
        if token.dep_ not in words.negation_links or token.head is token:
            return False
        if token.dep_ == "conj" and has_own_subject(token):
            # "I'm not allowed to eat ... and they lock me in": a second clause with its own
            # subject is not under the first one's negation.
            return False
        if token.dep_ == "relcl" and any(c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS for c in token.children):
            # The parser's misreading of a clause as a relative one ("in the sixties I used to cut
            # ..., but I've not done it since"): a clause with a subject of its own, not "who" or
            # "that" ("I'm not the only one who wants to ..."), is not under its head's negation.
            return False
        token, steps = token.head, steps + 1
    return False


def _ceasing_of(span: Span, verb: Token, words: RiskWords) -> bool:
    """The matched words are the subject of a verb of ending ("went away", "faded", "left me")."""
    if span.root.head.i != verb.i or span.root.dep_ not in SUBJECT_DEPS:
        return False
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")]
    return lemma in words.ceasing_verbs or any(f"{lemma} {p}" in words.ceasing_verbs for p in particles)


def _someone_else_does(verb: Token, words: RiskWords) -> bool:
    """The verb has a subject and it is not the speaker ("my mum doesn't know", "nobody noticed")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and not any(s.lower_ in words.first or s.lower_ in words.myself for s in subjects)


def _in_a_condition(head: Token, child: Token) -> bool:
    """A word after an "if" or "unless" that opens a clause of `head` between the two: the parser
    sometimes hangs the condition's "n't" on the main verb ("he'll hurt me if I don't")."""
    if child.i <= head.i:
        return False
    return any(t.dep_ == "mark" and t.lower_ in CONDITION_MARKS for t in head.doc[head.i + 1:child.i])


def _opens_a_condition(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children)


def _not_a_denial(child: Token, words: RiskWords) -> bool:
    following = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
    if following is None:
        return False
    return following.lower_ in words.non_denial_next or _contrast(child, following) or _denies_the_cause(child)


# Nouns after "not a" that deny rather than contrast ("..., not a chance").
DENYING_NOUNS = frozenset({"chance", "hope", "way", "bit", "prayer"})


def _contrast(child: Token, following: Token) -> bool:
    """ "the thoughts are back, not the vague ones": after a comma, "not" and a noun phrase set what
    is meant against what is not; the clause before it stands."""
    before = child.doc[child.i - 1] if child.i > 0 else None
    after = child.doc[following.i + 1] if following.i + 1 < len(child.doc) else None
    return (before is not None and before.text in (",", "-", "–", "—") and following.pos_ == "DET"
            and (after is None or after.lower_ not in DENYING_NOUNS))


def _denies_the_cause(child: Token) -> bool:
    """ "the bruises aren't from falling", "the burns are not an accident": what is denied is a cause
    (any "from ..." after a negated "be", innocent or not), which leaves the injury standing. It errs
    towards reading a disclosure ("I'm not suicidal from what I can tell" is not read as denied)."""
    head = child.head
    if head.lemma_.lower() != "be":
        return False
    return any((c.dep_ == "prep" and c.lower_ == "from" and c.i > child.i)
               or (c.dep_ in ("attr", "acomp") and c.lemma_.lower() in ("accident", "accidental") and c.i > child.i)
               for c in head.children)


def has_own_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


# "it's she who strikes me": the pronoun a cleft sentence puts before "who" does the action.
CLEFT_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
# Object pronouns that do the act of a gerund right after them ("with him grabbing me").
GERUND_DOERS = frozenset({"him", "her", "them"})
# Chat adverbs the tagger reads as prepositions.
CHAT_ADVERBS = frozenset({"rn", "atm"})


def subject_of(token: Token, span: Span | None = None, words: RiskWords | None = None) -> Token | None:
    """The word that does `token`'s action: its own subject, the object that controls an infinitive
    ("she told me to ..." -> me, but not "having urges to ..." -> urges), or the subject of a head
    up the chain."""
    inside = {t.i for t in span} if span is not None else set()
    named = _named_with_for(token)
    if named is not None and named.i not in inside:
        return named
    before = token.doc[token.i - 1] if token.i else None
    if token.tag_ == "VBG" and before is not None and before.lower_ in GERUND_DOERS and before.i not in inside:
        # "it ended with him grabbing me by the throat": the pronoun just before the gerund does it.
        return before
    steps = 0
    while steps < MAX_STEPS:
        mistagged = _person_before_mistagged_verb(token, words)
        if mistagged is not None:
            return mistagged
        for child in _with_aux_children(token):
            if child.dep_ == "prep" and child.lower_ in CHAT_ADVERBS and child.i < token.i:
                # "rn my mom beats me": the tagger reads "rn" (right now) as a preposition and the
                # subject as its object.
                person = next((c for c in child.children if c.dep_ == "pobj"), None)
                if person is not None and person.i not in inside:
                    return person
            if child.dep_ in SUBJECT_DEPS and child.i not in inside:
                if child.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                    return described_noun(token)
                if child.lower_ == "who" and child.i > 0 and (child.doc[child.i - 1].pos_ in ("NOUN", "PROPN")
                                                               or child.doc[child.i - 1].lower_ in CLEFT_PRONOUNS):
                    # "sees ppl who've overdosed": the parser missed the relative clause; it is the noun's.
                    return child.doc[child.i - 1]
                return child
            if child.dep_ in SUBJECT_DEPS and child.pos_ == "NOUN" and words is not None:
                # "my mate self harms": the tagger makes the person a compound of the matched "self".
                named = next((c for c in child.children if c.dep_ == "compound" and c.i not in inside
                              and person_kind(c, words) != "thing"), None)
                if named is not None:
                    return named
        if token.dep_ == "relcl":
            # The parser sometimes hangs "who" somewhere odd; the clause is still about its noun.
            return described_noun(token)
        if token.dep_ == "xcomp":
            # The object that controls an infinitive comes before it ("told me to"); one after it is
            # the parser's misplaced object of the infinitive ("used to hit her and me").
            controller = next((c for c in token.head.children if c.dep_ in ("dobj",) and c.i not in inside and c.i < token.i), None)
            if controller is not None and (words is None or person_kind(controller, words) != "thing"):
                return controller
        if token.head is token or (token.dep_ in CLAUSE_LINKS and not _participle_clause(token, words)):
            return None
        if token.dep_ == "acl" and token.lower_ == "used" and token.head.pos_ in ("NOUN", "PROPN"):
            # "my mum's boyfriend used to hurt me": the tagger hangs "used" on the noun as if it were
            # "a boyfriend (who was) used"; the habit is the noun's own, or that of the person the
            # noun is said of ("the lads at the home used to").
            return _person_up_the_phrase(token.head, words)
        if token.dep_ in ("pcomp", "pobj", "acl") and token.head.pos_ == "ADP" and token.head.head.pos_ in ("NOUN", "PROPN"):
            # "the thought of strangling her": a nominalised act names no doer; the noun's own
            # role in the sentence ("the thought crossed my mind") is not one.
            return None
        token, steps = token.head, steps + 1
    return None


def _person_before_mistagged_verb(token: Token, words: RiskWords | None) -> Token | None:
    """ "My girlfriend slaps and scratches me": the tagger reads the verb as a plural noun and hangs
    the person on it as a compound; the person is the one who does it."""
    if words is None or token.pos_ != "NOUN" or token.tag_ != "NNS":
        return None
    return next((c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1
                 and (c.lower_ in words.person_nouns or c.lemma_.lower() in words.person_nouns)), None)


def _participle_clause(token: Token, words: RiskWords | None) -> bool:
    """ "I bullied my cousin, hitting him whenever ...": a participle with no subject of its own, after
    a comma, hanging on a clause whose subject is the speaker, is the speaker's act. Not an opening
    participle ("wearing hoodies again so my mum doesnt see"), nor one after a seen person ("I can
    hear him smashing plates"), nor one after someone else's clause: in chat the speaker drops their
    own subject ("My parents are away this weekend, planning to end it on Saturday")."""
    if words is None or token.dep_ != "advcl" or token.tag_ != "VBG" or token.i < token.head.i:
        return False
    if token.i == 0 or token.doc[token.i - 1].lower_ not in (",", ";", "-", "—"):
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return False
    subject = next((c for c in token.head.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and person_kind(subject, words) == "first"


def _named_with_for(token: Token) -> Token | None:
    """ "is it normal for my boyfriend to hit me": the parser often makes the doer of an infinitive
    the object of "for" rather than its subject; the word just before "to" is then who does it."""
    to = next((c for c in token.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0:
        return None
    before = token.doc[to.i - 1]
    if before.dep_ == "pobj" and before.head.lower_ == "for" and before.pos_ in ("NOUN", "PROPN", "PRON"):
        return before
    return None


def _person_up_the_phrase(noun: Token, words: RiskWords | None) -> Token:
    """The noun, or where it names a thing, the person it is said of ("the lads at the home")."""
    if words is None:
        return noun
    candidate = noun
    for _ in range(MAX_STEPS):
        if person_kind(candidate, words) != "thing":
            return candidate
        if candidate.head is candidate or candidate.head.pos_ not in ("ADP", "NOUN", "PROPN"):
            break
        candidate = candidate.head
    return noun


def _with_aux_children(token: Token) -> list[Token]:
    """The token's children and its auxiliaries' (the parser sometimes hangs the subject on "is"
    in "my boyfriend is abusin me")."""
    children = list(token.children)
    return children + [g for c in children if c.dep_ == "aux" for g in c.children]


# Groups someone can be one of: "I was part of a group that jumped a kid".
GROUP_NOUNS = frozenset({"group", "gang", "crowd", "lot", "bunch", "crew", "firm", "mob"})


def described_noun(relative_clause: Token) -> Token:
    """ "a girl who self-harms" -> girl; "I'm someone who wants to die" -> I (the copula's subject);
    "I was part of a group that jumped a kid", "I was in a gang that ..." -> I (one of them)."""
    noun = relative_clause.head
    if noun.dep_ == "attr":
        return next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), noun)
    member_of = _membership_clause(noun)
    # "I was in a gang that beat me": what the group did to the speaker is not the speaker's act.
    done_to_speaker = any(c.dep_ in ("dobj", "pobj") and c.lower_ in ("me", "us", "myself") for c in relative_clause.subtree)
    if member_of is not None and not done_to_speaker:
        return next((c for c in member_of.children if c.dep_ in SUBJECT_DEPS), noun)
    return noun


def _membership_clause(noun: Token) -> Token | None:
    """The copula of "was part of a group" or "was in a gang", where the noun is a group; else None."""
    if noun.lemma_.lower() not in GROUP_NOUNS or noun.dep_ != "pobj":
        return None
    preposition = noun.head
    if preposition.lower_ == "of" and preposition.head.lower_ in PART_WORDS:
        clause = preposition.head.head
    elif preposition.lower_ == "in":
        clause = preposition.head
    else:
        return None
    return clause if clause.lemma_.lower() == "be" else None


PART_WORDS = frozenset({"one", "some", "two", "three", "both", "all", "many", "several", "each", "most", "any", "none", "part",
                        "member", "members"})
# "hell kill me", "shell hurt him": he'll and she'll typed without the apostrophe, before a verb.
UNMARKED_WILL = frozenset({"hell", "shell"})


def person_kind(token: Token | None, words: RiskWords) -> str | None:
    """first / second / third (a person) / thing, from the word itself."""
    if token is None or token.lower_ in words.not_subjects:
        return None
    word = token.lower_
    if word in words.first:
        return "first"
    if word in words.second:
        return "second"
    if word in words.third:
        return "third"
    if word in UNMARKED_WILL and token.i + 1 < len(token.doc) and token.nbor(1).pos_ in ("VERB", "AUX"):
        return "third"
    if word in PART_WORDS:
        # "one of the brothers", "some of the older boys": the people it is part of ("part of me": the speaker).
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if group is not None:
            return person_kind(group, words)
    if word in words.things:
        return "thing"
    # "my sister" -> sister; "the guy next door" -> guy.
    if word in words.person_nouns or token.lemma_.lower() in words.person_nouns or token.ent_type_ == "PERSON":
        return "third"
    if token.pos_ == "PROPN":
        return "third"
    return "thing"


def speaker_owns(noun: Token, words: RiskWords) -> bool:
    """ "my plan", "part of me", "something in me": a thing that belongs to the speaker."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ in words.first:
            return True
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in words.first for g in child.children):
            return True
    return False


def person_of(span: Span, words: RiskWords, reporter: str | None, is_quoted: bool, mention: bool,
              speaker_default: bool = False) -> str:
    """Whose experience a self-directed match describes: first, second, third or mention (a topic
    named, not a person's experience; `mention` says whether the match can be one). With
    `speaker_default`, anything but a person named as the subject is the speaker's own."""
    person = _pronoun_in(span, words)
    if person is None and _on_speakers_body(span, words):
        person = "first"
    if person is None:
        subject = subject_of(span.root, span, words)
        kind = person_kind(subject, words) if subject is not None else None
        if kind is None:
            possessor = next((c for t in span for c in t.children if c.dep_ == "poss" and c not in span), None)
            kind = person_kind(possessor, words) if possessor is not None else None
        if kind is None:
            # "My friend self-harms": the parser makes the person a modifier of the noun "harms", or
            # ("she self harms") the subject of the noun "self".
            named = next((c for t in span for c in t.children if c.dep_ in ("compound", "nmod", "nsubj")
                          and c.i < span.start and person_kind(c, words) == "third"), None)
            kind = "third" if named is not None else None
        if kind is None or (kind == "thing" and subject is not None and (subject.pos_ == "PRON" or subject.lower_ in words.things)):
            # No subject ("want to die", "kms"), "it makes me ...", "life is not worth living":
            # the speaker's own words, unless the match is only a noun naming the topic.
            kind = "mention" if mention else "first"
        elif kind == "thing":
            # A noun subject: "my plan is to jump" and "part of me wants to die" are the speaker's;
            # "the hero wants to die" is a person; "suicide rates" is a topic.
            if subject is not None and speaker_owns(subject, words):
                kind = "first"
            elif mention:
                kind = "mention"
            else:
                kind = "first" if speaker_default else "third"
        person = kind
    if is_quoted and reporter == "third":
        person = {"first": "third", "second": "first"}.get(person, person)
    return person


def _on_speakers_body(span: Span, words: RiskWords) -> bool:
    """ "the nurse would notice the fresh marks on the tops of my thighs": marks on the speaker's own
    body, whoever notices them (not "on my son's arm")."""
    for prep in (c for t in span for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "across")):
        owners = [t for t in prep.subtree if t.dep_ == "poss"]
        if owners and all(t.lower_ in words.first for t in owners):
            return True
    return False


def _pronoun_in(span: Span, words: RiskWords) -> str | None:
    """The person a reflexive or possessive inside the matched words names ("kill myself")."""
    for token in span:
        word = token.lower_
        if word in words.myself or (word in words.first and token.pos_ == "PRON"):
            return "first"
        if word in ("yourself", "yourselves"):
            return "second"
        if word in words.reflexive_other or word in ("his", "their") or (word == "her" and token.dep_ == "poss"):
            return "third"
    return None


def reporter_of(span: Span, words: RiskWords) -> str | None:
    """Whose words these are when a speech verb reports them ("she said ...", "the song goes ...")."""
    token, steps = span.root, 0
    while token.head.i != token.i and steps < MAX_STEPS:
        link, said, token = token.dep_, token, token.head
        steps += 1
        if token.lemma_.lower() in words.speech_verbs and link in ("ccomp", "parataxis", "dobj", "xcomp", "advcl", "conj", "prep", "pcomp"):
            # 'he always said "shoot me if I ever get like that"': a quoted imperative is his words,
            # though the parser makes it the complement of "said" as in "he said to wait".
            if link == "xcomp" and token.lemma_.lower() not in words.instruction_verbs and not _quoted_from(said.left_edge):
                continue
            subject = subject_of(token, words=words)
            return person_kind(subject, words) or "third"
    return None


def includes_speaker(token: Token, words: RiskWords) -> bool:
    """ "my mother and me", "my mother and us children": a coordination that names the speaker too
    (read by the words as well, where the parser hangs "me" elsewhere: "hit my mum and me but ...")."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "and" and doc[token.i + 2].lower_ in ("me", "us", "myself"):
        return True
    return any(c.dep_ == "conj" and (c.lower_ in words.first or any(d.lower_ in ("us", "me") for d in c.children))
               for c in token.subtree if c.i != token.i)


def speaker_dropped(verb: Token, words: RiskWords) -> bool:
    """ "punched my little brother today": a past verb that opens its sentence (after chat words or
    an interjection at most) with no subject of its own is the diary's dropped "I", not an order."""
    # A capital at the start of a message makes the tagger read "Punched" as a participle.
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ != "ROOT":
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("expl", "aux", "auxpass") for c in verb.children):
        return False
    opening = verb.doc[verb.sent.start:verb.i]
    return all(t.is_punct or t.lower_ in words.not_subjects or t.pos_ == "INTJ" for t in opening)


def is_ongoing_figure(verb: Token) -> bool:
    """ "the kids are killing me": kill in the progressive is nearly always a figure of speech."""
    return verb.lemma_.lower() == "kill" and verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children
    )


def is_counterfactual(verb: Token, words: RiskWords) -> bool:
    """ "could have killed", "would have strangled": a past that did not happen."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(auxes & words.counterfactual_modals) and bool(auxes & words.perfect_auxiliaries)


def is_threat(verb: Token, words: RiskWords) -> bool:
    """ "he'd kill me if I left", "she will hurt me": harm announced, not only done."""
    return any(
        (c.dep_ == "aux" and c.lower_ in words.threat_auxiliaries)
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children))
        for c in verb.children
    )


def told_to(chain: list[Token], words: RiskWords) -> bool:
    return any(t.lemma_.lower() in words.instruction_verbs for t in chain)


def has_urge(chain: list[Token], words: RiskWords) -> bool:
    """A wish or urge word on the predicate, or as its object ("having urges to hurt my baby")."""
    objects = [c for t in chain[1:] for c in t.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return any(t.lemma_.lower() in words.urge_verbs or t.lower_ in words.urge_verbs for t in chain[1:] + chain[:1] + objects)


def main_verb(span: Span) -> Token:
    """The verb of a matched phrase ("sexually abuses some of us" -> abuses); the first word otherwise."""
    return next((t for t in span if t.pos_ in ("VERB", "AUX")), span[0])


def word_count(doc: Doc) -> int:
    return sum(1 for t in doc if not t.is_punct and not t.is_space)


def _is_quote_mark(token: Token) -> bool:
    return token.text in QUOTE_MARKS or (token.text == "'" and token.is_quote)


def _quoted_from(token: Token) -> bool:
    """Whether a quotation mark opens at `token` or just before it."""
    before = token.doc[token.i - 1] if token.i > 0 else token
    return _is_quote_mark(token) or _is_quote_mark(before)


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens between quotation marks."""
    inside, quoted = False, set()
    for token in doc:
        text = token.text
        if _is_quote_mark(token):
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
