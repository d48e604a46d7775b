"""Each class of risk language the detector must catch, in our own words (not from the labelled
files), and both sides of every boundary where the rules set something aside.

`found` means the outcome is flag or ask (recall first: a gentle question is the right answer to a
veiled statement); `flagged` means a clear disclosure; `none` means nothing about the speaker.
"""
from __future__ import annotations

import pytest

from bot.analysis.risk import assess_risk_text

DETECTED = ("flag", "ask")


def outcome(text: str) -> str:
    return assess_risk_text(text).outcome


def found(text: str) -> bool:
    return outcome(text) in DETECTED


# ---------------------------------------------------------------- classes that were missed


@pytest.mark.parametrize("text", [
    "suicide keeps popping into my head as the answer",
    "Suicide is on my mind more than I'd like to admit.",
    "Suicide has been whispering to me all week.",
    "being dead would be so much easier than this",
    "dying honestly sounds nice rn",
    "Death doesn't scare me anymore, it sounds like rest.",
    "the idea of not existing is really comforting lately",
    "Not waking up tomorrow would be a relief.",
])
def test_the_topic_as_subject_is_asked_about(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "I've been looking up how many sleeping pills it takes",
    "i googled painless ways to go last night",
    "What is the lethal dose of paracetamol for an adult?",
    "How long does it take to bleed out?",
    "I keep searching which building in town is tallest and whether the roof is open",
    "Been reading about overdose amounts for my antidepressants",
    "I watched videos on how to tie a noose",
])
def test_method_seeking_without_a_verb_of_intent(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "I've got a stash of pills in my sock drawer that nobody knows about",
    "There is a gun in the house and I know where my dad hides the key",
    "I have been keeping my tablets instead of taking them. There's quite a lot now, I counted them.",
    "My mum's sleeping tablets are in the bathroom and I keep thinking about them",
    "There's a rope in the shed and I can't stop thinking about it",
    "I kept all my old prescriptions, there's enough to do it",
    "we live on the 14th floor and I keep looking down from the balcony",
    "I know exactly where grandad keeps his shotgun.",
])
def test_access_to_means_said_as_a_fact(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "I hate him so much, I've planned exactly how I'd hurt him",
    "I'm furious with my boss and I've worked out when he's alone in the office",
    "She ruined my life. I know where she lives and I've thought about what I'd do.",
    "I want revenge on him, I've got a knife and I know his route home",
    "I could hurt him, I've planned it all out",
    "He deserves it. I know where he'll be on Friday night and I'll be waiting.",
    "I'm so angry at my ex, I've thought about how I'd do it when she's alone",
])
def test_anger_at_someone_with_a_plan(text):
    result = assess_risk_text(text)
    assert result.outcome in DETECTED and result.speaker_findings[0].category == "harm_to_others", result.to_dict()


@pytest.mark.parametrize("text", [
    "My stepdad gets into my bed at night and tells me it's our secret",
    "When mum's at work her boyfriend makes me do things I don't want to",
    "He hits me if dinner is late",
    "I'm scared to go home because of what he does when he's drunk",
    "My husband controls all the money and I have to ask for bus fare",
    "She won't let me leave the house without her",
    "he locks the doors and takes my phone so I can't call anyone",
    "My uncle makes me sit on his lap and touches me",
    "I get hit with the belt when I'm bad",
    "Nobody knows what happens in my house at night",
    "He says no one will believe me if I tell",
    "If I tell anyone he says he'll hurt my mum",
    "I'm not allowed to see my friends or have my own money",
])
def test_ongoing_abuse_without_abuse_words(text):
    result = assess_risk_text(text)
    assert result.outcome in DETECTED and result.speaker_findings[0].category == "abuse_or_danger", result.to_dict()


@pytest.mark.parametrize("text", [
    "I won't be around to see it anyway",
    "I just want everything to stop",
    "I've given my PlayStation to my brother, I won't need it",
    "I wrote letters for my family, just so they have something",
    "Everyone would be relieved if I just disappeared",
    "There's no way out for me",
    "nothing matters anymore",
    "I can't do this any more",
    "I don't see any future for me",
    "I'm tired of being a burden",
    "I'm saying my goodbyes",
    "Soon I won't be anybody's problem",
    "I've made peace with it. It will all be over soon.",
    "I've sorted out who gets my things",
    "I've written everyone a letter",
    "Thank you for everything, you've been a good friend. Goodbye.",
    "If anything happens to me, the letters are in the drawer",
    "i'm just dead weight to my family",
    "I can't see a way out of this mess except ending it",
    "It's like I'm in a hole and I don't want to try anymore",
    "I'm not going to be a problem for much longer",
    "i've made up my mind, it's happening this weekend",
])
def test_veiled_statements_every_training_teaches(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "I just want it all to stop",
    "I can't do this anymore",
    "I'm tired of being a burden",
    "There's no way out for me",
])
def test_veiled_statements_are_asked_not_flagged(text):
    assert outcome(text) == "ask"


# ---------------------------------------------------------------- spellings and word forms


@pytest.mark.parametrize("text", [
    "i want to k1ll myself", "i want to k*ll myself", "Want to k!ll myself", "wanna unalive",
    "thinking about su!cide", "thinking about su1cide again", "i think about the sewer slide a lot",
    "I want to d1e", "im suicidle", "i feel sucidal", "i wanna end my lyfe", "kms", "i want to kill my self",
    "I'm s u i c i d a l",
])
def test_disguised_and_misspelt_suicide_words(text):
    assert outcome(text) == "flag"


@pytest.mark.parametrize("text", [
    "did sh again last night", "sh urges tonight are bad", "relapsed on s/h", "i still self h@rm",
    "i keep wanting to s3lf harm", "I've been sh'ing again",
])
def test_sh_means_self_harm_beside_a_self_harm_word(text):
    result = assess_risk_text(text)
    assert result.outcome in DETECTED and result.speaker_findings[0].category == "self_harm", result.to_dict()


@pytest.mark.parametrize("text", [
    "sh, don't tell anyone", "the sh sound in 'ship'", "Shh, the baby is asleep",
])
def test_sh_alone_is_not_self_harm(text):
    assert outcome(text) == "none"


@pytest.mark.parametrize("text", [
    "I overdosed last week", "I'm cutting myself again", "I have been burning my arms",
    "i slit my wrists last night", "I scalded my arm on purpose", "I hanged myself but the rope snapped",
    "I keep imagining myself hanging", "I've been starving myself on purpose", "She is beating me every day",
    "I was thrashed by my stepfather", "I'm thinking of killing myself", "Kills me that I still want to die",
])
def test_lemmas_and_inflections(text):
    assert found(text)


def test_a_long_rambling_message_with_the_disclosure_in_the_middle():
    text = (
        "So today was a bit all over the place. I took the bus into town because the car is in the garage "
        "again, and I met Priya for a coffee at the place by the river, which was nice, she's just started "
        "a new job and she's loving it. Then I went to the library and returned the books I'd had out for "
        "ages. Honestly though, I've been googling how many of my tablets it would take and I've been "
        "keeping them in a tin under the bed. Anyway, for the exercise I thought about why my brother "
        "went quiet at dinner on Sunday, and I think he's worried about his exams, he didn't say much, "
        "and my mum kept asking him questions which probably made it worse. We had lasagne."
    )
    result = assess_risk_text(text)
    assert result.outcome == "flag"
    evidence = [e for f in result.speaker_findings for e in f.evidence]
    assert evidence and all(text[e.start:e.end] == e.text for e in evidence)
    assert any("googling" in e.text or "how many" in e.text for e in evidence)


# ---------------------------------------------------------------- set-aside boundaries, both sides


@pytest.mark.parametrize("aside, kept", [
    ("This traffic is killing me", "My stepdad is killing me, he beat me again last night"),
    ("I'm dying to go on holiday", "I'm so tired, I want to be dead"),
    ("I could kill for a burger", "I could kill him and I've thought about how"),
    ("She shot me a look across the room", "He shot me in the leg"),
    ("I'd kill for a nap", "I want to kill myself"),
    ("Honestly I'd rather die than sit through another quiz night", "I'd rather die than go back to him"),
    ("I've been killing myself with overtime all month", "I'm killing myself with these pills tonight"),
    ("After this week I could sleep and not wake up till Monday", "I want to sleep and not wake up until it's all over"),
    ("my dad's gonna murder me, i skipped his birthday dinner", "my dad is gonna kill me, he said so and he has a gun"),
    ("I could strangle my flatmate when she eats my leftovers", "I'll kill him for taking my kids"),
])
def test_idioms_from_the_curated_list(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("aside, kept", [
    ("If I have to do one more spreadsheet I'll jump off a bridge", "I'll jump off a bridge tonight"),
    ("If that printer jams one more time I'm throwing myself out the window", "If he hits me one more time I'll kill myself, I mean it"),
])
def test_exasperations_formula(aside, kept):
    assert outcome(aside) == "none"
    assert outcome(kept) == "flag"


@pytest.mark.parametrize("aside, kept", [
    ("I'm going to strangle him, bless him", "I'm going to strangle him tonight"),
    ("I was ready to throttle him. Figuratively.", "I was ready to throttle him. I'm not joking, I mean it."),
    ("His drumming makes me want to strangle him. Instead I wrote him a polite note.",
     "His drumming makes me want to strangle him. Instead I bought a knife."),
    ("The flat upstairs is so loud I could kill them. I will complain to the landlord tomorrow.",
     "The flat upstairs is so loud I could kill them, and I will tonight. I'll call the police on myself after."),
])
def test_marked_figures_of_speech(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("aside, kept", [
    ("I'd never hurt myself", "I'd never tell anyone but I want to hurt myself"),
    ("I'm not going to kill myself", "I'm not okay, I'm going to kill myself"),
    ("I'm not suicidal, I'm just exhausted", "I'm not sure why but I'm suicidal again"),
    ("I don't want to die, I want help", "I don't want to live anymore"),
    ("I've never self-harmed", "I've never told anyone that I self-harm"),
])
def test_the_speakers_own_negation(aside, kept):
    result = assess_risk_text(aside)
    assert result.outcome == "none" and any("Negated" in e.explanation for e in result.set_aside)
    assert found(kept)


@pytest.mark.parametrize("aside, kept", [
    ("In the film she kills herself at the end", "The film made me want to kill myself"),
    ("The news said a boy killed himself at my cousin's school", "Since I saw the news I keep thinking about killing myself"),
    ("We had a talk about suicide prevention at work", "After the suicide prevention talk I realised I've been suicidal for months"),
    ("I'm writing an essay on self-harm in teenagers", "I self-harm and I'm writing about it to cope"),
    ("We're reading Romeo and Juliet, where Juliet stabs herself", "I keep wanting to stab myself"),
    ("I'm learning to screen clients for suicide risk on my placement",
     "For my placement I have to assess suicidal clients. Honestly I'm suicidal too"),
])
def test_fiction_news_and_teaching(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("aside, kept", [
    ("I killed him in Fortnite", "I want to kill him for real, this isn't a game"),
    ("We're going to destroy them at football, we'll kill them", "I'm going to kill them all at school tomorrow"),
])
def test_games(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("aside, kept", [
    ("I'm going to end it with my girlfriend tonight", "I'm going to end it tonight"),
    ("Tonight's the night, I'm ending it. Five years and still no proposal.", "Tonight's the night, I'm ending it. I've said my goodbyes."),
])
def test_ending_a_relationship(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("aside, kept", [
    ("I'm giving away my furniture because we're moving to Spain", "I'm giving away all my stuff, I won't need it"),
    ("My cat died and I wrote her a goodbye letter for the funeral", "I wrote a goodbye letter to my family"),
])
def test_moving_house_and_grief(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("aside, kept", [
    ("can't do this anymore, this homework is impossible", "can't do this anymore, I'm so tired of everything"),
    ("There's no way out of this traffic jam", "There's no way out of this for me"),
    ("I want everything to stop being so complicated", "I want everything to stop"),
    ("I've thought about how I'd do it differently next time", "I've thought about how I'd do it"),
])
def test_the_task_not_the_life(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("aside, kept", [
    ("I cut myself shaving this morning", "I cut myself on purpose after shaving"),
    ("The pharmacist said I nearly overdosed on paracetamol by accident", "I overdosed on paracetamol on purpose"),
    ("I hit my head on the cupboard door", "I hit my head against the wall until it bled"),
    ("She grabbed my arm to stop me falling", "She grabbed my arm and twisted it behind my back"),
    ("I bought a rope for the tyre swing", "I bought a rope and I haven't told anyone why"),
    ("I take my tablets every morning with breakfast", "I've been saving my tablets instead of taking them"),
])
def test_accidents_help_and_everyday_purposes(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("worry, own", [
    ("How do I support a friend who is self-harming?", "How do I stop self-harming?"),
    ("My friend wants to die and I don't know how to help her", "My friend doesn't know I want to die"),
])
def test_someone_elses_risk_against_the_speakers(worry, own):
    assert outcome(worry) == "none"
    assert found(own)


def test_a_partners_suicide_threat_to_stop_the_speaker_leaving_is_his_risk_and_may_prompt_a_question():
    # His words are his risk (a third-party finding, never the speaker's flag); such a threat is also
    # a recognised warning sign of coercive control, so a gentle question about the speaker's own
    # safety (the semantic layer's ask) is a fair answer, while a threat to the speaker is flagged.
    result = assess_risk_text("My boyfriend says he'll kill himself if I leave him")
    assert result.outcome in ("none", "ask")
    assert "third_party_concern" in {f.category for f in result.findings}
    assert found("My boyfriend says he'll kill me if I leave him")


def test_a_gun_kept_at_home_is_never_flagged_by_itself():
    # Lethal-means counselling asks about firearms at home however they are stored, so a question
    # (ask) is allowed here; a flag, with the crisis script, is not. Access with a thought of using it
    # is always found.
    assert outcome("My dad keeps his gun in a locked safe for hunting") in ("none", "ask")
    assert found("My dad keeps his gun in a locked safe and I know where the key is, I've thought about using it")


def test_looking_up_train_times_may_be_asked_about_but_is_never_flagged():
    # "Looking up" and "trains" are how method seeking is often put, and the semantic layer, tuned
    # recall first, reads this sentence as close to it: a gentle question is within the ordinary-talk
    # budget; a flag, with the crisis script, is not.
    assert outcome("I looked up the train times for Saturday") in ("none", "ask")
    assert found("I looked up the train times, and which ones don't stop at our station")


def test_where_pills_are_kept_may_be_asked_about_but_is_never_flagged():
    # Means at hand, said as a plain fact ("pills saved up", "a rope in the garage"), is a class the
    # detector must ask about; where a person keeps their own tablets is close in meaning, and the
    # semantic layer, at its cross-validated threshold, may ask (docs/analysis.md). Never a flag.
    assert outcome("I keep my pills in the kitchen cupboard") in ("none", "ask")
    assert found("I've got pills saved up in my drawer, just in case")
    assert outcome("I keep forgetting my tablets so the pharmacist puts them in a weekly box") == "none"


@pytest.mark.parametrize("text", [
    "I hurt her feelings when I forgot our anniversary",
    "I'm so angry at my brother, he ate my leftovers",
    "My phone battery is dead",
    "my nan passed away last week and I miss her",
    "I googled how much paracetamol I can take for a headache",
    "the hotel room was on the 14th floor with a great view",
    "I'm going to do it tomorrow after work, the painting I mean",
    "I would use the knife to cut the bread",
    "There's no point in cooking for one",
    "My mum won't let me go to the party",
    "My teacher makes me do extra work",
    "He checks my homework every night",
    "I'm stuck in this job and see no future in it",
    "I said goodbye to everyone at the party and went home",
    "I left a note for my flatmate about the bins on the fridge",
    "I stood on the platform for ages waiting for the train",
])
def test_ordinary_talk_near_the_words_is_left_alone(text):
    assert outcome(text) == "none", assess_risk_text(text).to_dict()


@pytest.mark.parametrize("text", [
    "I'm going to hurt him so bad he won't walk again",
    "I've been having urges to hurt my baby",
    "I want to smash his face in",
    "I'm scared I might shake the baby when he won't stop screaming",
    "im gonna get my cousin's gun and sort him out",
    "One day I'm going to snap and hurt someone",
    "I keep having thoughts of pushing my husband down the stairs",
    "I'm going to beat the crap out of him tomorrow",
    "The thought of drowning her in the bath has crossed my mind",
])
def test_intent_or_urge_to_harm_someone(text):
    result = assess_risk_text(text)
    assert result.outcome in DETECTED and result.speaker_findings[0].category == "harm_to_others", result.to_dict()


@pytest.mark.parametrize("text", [
    "I'm a victim of domestic abuse", "there's a lot of violence at home", "What my uncle did to me was abuse",
    "my mum's boyfriend is abusin me", "I'm being abussed at home",
])
def test_abuse_named_and_misspelt(text):
    result = assess_risk_text(text)
    assert result.outcome == "flag" and result.speaker_findings[0].category == "abuse_or_danger", result.to_dict()


@pytest.mark.parametrize("text", [
    "I've stocked up on paracetamol", "I know which pills to take and how many",
    "I've tied a rope to the beam in the garage", "I've written the note and I know which bridge",
    "I've been saying goodbye to people without them knowing", "I'm at peace with my decision",
])
def test_preparation_and_plans(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "My children are grown, they don't need me anymore.",
    "I think I have lived long enough",
    "Life is not for me anymore",
    "I pray every night that God will take me",
    "Nobody will even notice when I'm not here",
    "I've been cleaning out my room and giving my stuff to my friends",
    "I am preparing everything for my family so they will not have problems",
    "I've got a bottle of vodka and all my pills and I'm going to take them tonight",
    "I went up to the top of the car park and looked down for a long time",
    "I've been thinking about which way would hurt the least",
    "Me and the rope in my garage have been having a staring contest lol",
    "I could take all of my mum's tablets, she wouldn't even notice",
])
def test_more_veiled_and_preparation_phrasings(text):
    assert found(text)


@pytest.mark.parametrize("text", [
    "My husband pushed me and I fell down the stairs",
    "My dad makes me sleep in his bed",
    "They threaten to send me back if I say anything",
    "My carer shouts at me and leaves me without food",
    "I ran away from home because my dad hurts me",
    "My boyfriend hurts me",
])
def test_more_abuse_phrasings(text):
    result = assess_risk_text(text)
    assert result.outcome in DETECTED and result.speaker_findings[0].category == "abuse_or_danger", result.to_dict()


@pytest.mark.parametrize("aside, kept", [
    ("I take all my tablets every morning with breakfast", "I keep thinking about taking all my tablets at once"),
    ("Leave me alone.", "My carer leaves me without my medication"),
    ("She hurt me so much when she lied", "She hurts me and I'm scared of her"),
])
def test_routine_and_everyday_words(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)


@pytest.mark.parametrize("text", [
    "Sometimes I think about just not being alive anymore",
    "I scratch at my skin until it bleeds",
    "I can't stop thinking about cutting",
    "I can't stop thinking about killing myself",
    "I'm going to kill my stepmum",
    "Someone at school is sexually harassing me",
    "I hope I die in my sleep",
    "I want to disappear and never come back",
    "i wnat to die",
    "ive been suicidel for months",
    "I swallowed all my antidepressants",
])
def test_explicit_disclosures_in_many_voices_are_flagged(text):
    assert outcome(text) == "flag", assess_risk_text(text).to_dict()


@pytest.mark.parametrize("aside, kept", [
    ("I'm cutting my own hair tonight", "I'm cutting my arms tonight"),
    ("I don't want to stop living", "I can't stop wanting to die"),
])
def test_negation_that_is_not_a_denial(aside, kept):
    assert outcome(aside) == "none"
    assert outcome(kept) == "flag"


@pytest.mark.parametrize("aside, kept", [
    ("That song about wanting to die is such a bop", "That song makes me want to die"),
    ("In Call of Duty I shot everyone on the other team", "I want to shoot everyone at my school"),
    ("I'd rather die than wear that dress", "I'd rather die than live like this"),
    ("I bought rope to tie down the tent", "I bought rope and I keep thinking about it"),
    ("I looked over the edge of the cliff on our hike, it was beautiful", "I keep going to the cliff and looking over the edge"),
    ("I'm a nurse and I give out insulin every day", "I've been saving my insulin and nobody knows"),
])
def test_more_boundaries_in_our_own_words(aside, kept):
    assert outcome(aside) == "none"
    assert found(kept)
