"""Risk detector on labelled sentences, beside a keyword baseline, and its ask rate on ordinary talk.

The detector is the rules (bot/analysis/risk.py) with a learned layer on top (bot/analysis/
risk_learned.py, risk_model.py) that may turn the rules' "none" into "ask". Every portion is reported
for the rules alone and for the two together.

Labelled portions, each with the fields text, risk (the speaker is at risk), category, kind
(explicit | implicit | past | hard_negative), cls (a fine class) and want (flag | either | past | none):
- "tuned-old": tests/data/risk.jsonl, written with the rules and tuned on (no longer held out);
- "dev": tests/data/risk_dev.jsonl, written by someone else, tuned on;
- "dev2": tests/data/risk_dev2.jsonl, written after the blind figures showed the rules fitting the dev
  wording too closely: fresh phrasings of the weakest classes, hard negatives on teaching and anger
  without a plan, and a clinician's questions to a client (not the speaker's disclosure); tuned on;
- "dev3": tests/data/risk_dev3.jsonl, the first blind set, written by someone else. Its figures were
  looked at in aggregate several times, so it is retired as blind and tunable like the others (its
  first-run figures stay recorded in docs/analysis.md);
- "dev4": tests/data/risk_dev4.jsonl, the second blind set, written by someone else without sight of
  the detector, measured once as blind and then retired to a tunable portion (its first-run figures
  stay recorded in docs/analysis.md);
- "dev5": tests/data/risk_dev5.jsonl, the third blind set, written by someone who opened no file of
  this project, measured once as blind and then retired to a tunable portion (its first-run figures
  stay recorded in docs/analysis.md);
- "dev6": tests/data/risk_dev6.jsonl, the fourth blind set, written the same way, measured once as
  blind and retired like dev5;
- "dev7": tests/data/risk_dev7.jsonl, the fifth blind set, written the same way, measured once as
  blind and retired like dev5;
- "dev8": tests/data/risk_dev8.jsonl, the sixth blind set, written the same way, measured twice as
  blind (aggregates only) and retired like dev5;
- "dev9": tests/data/risk_dev9.jsonl, written the same way as development data (never blind), weighted
  to the weakest classes: veiled harm to others, past events, and near-topic hard negatives;
- "dev10": tests/data/risk_dev10.jsonl, the seventh blind set, written by someone who opened no file
  of this project, measured once as blind and retired like dev5;
- "dev11": tests/data/risk_dev11.jsonl, the eighth blind set, written the same way, measured twice as
  blind (aggregates only: before and after a round of rules) and retired like dev5;
- "dev12", "dev13", "dev14": tests/data/risk_dev12.jsonl ... risk_dev14.jsonl, three sets written at
  once from one fresh brief by three people who opened no file of this project, each with its own
  emphasis (answers inside the exercises; the young and the old; working adults, many writing in a
  second language). Each was measured once as fresh before it joined the training file (figures in
  docs/analysis.md); development data since;
- "dev15": tests/data/risk_dev15.jsonl, the ninth blind set, written by someone who opened no file of
  this project, measured twice as blind (aggregates only: before and after a round on the learned
  side) and retired like dev5;
- "dev16", "dev17", "dev18": three more sets written at once from a fresh brief by three people who
  opened no file of this project, with these emphases: sport, gaming, workplaces and friends' banter
  (veiled harm to others; joking threats as hard negatives); memories of childhood and time (past
  events, and childhood harm still going on); couples and families in conflict, understatement and
  hyperbole. Each was measured once as fresh before the rules were read against it or it joined the
  training file (figures in docs/analysis.md); development data since;
- "dev19": tests/data/risk_dev19.jsonl, the tenth blind set, written by someone who opened no file of
  this project (its brief asked for hard negatives sharing the risk rows' vocabulary), measured twice
  as blind (aggregates only: its first run, and after a round of rules and three development sets)
  and retired like dev5;
- "dev20", "dev21", "dev22": three more sets written at once from a fresh brief by three people who
  opened no file of this project, with these emphases: health and care (illness, medication,
  caring, clinicians' work as hard negatives); life online (group chats, posts, games, community
  spellings, memes); harm to others and abuse (exes, neighbours, control, stalking; venting, sport
  and hunting as hard negatives). Each was measured once as fresh before the rules were read against
  it or it joined the training file (figures in docs/analysis.md); development data since;
- "dev23": tests/data/risk_dev23.jsonl, the eleventh blind set, written by someone who opened no file
  of this project, measured twice as blind (aggregates only: its first run, and after a round of
  rules and three development sets) and retired like dev5;
- "dev24", "dev25", "dev26": three more sets written at once from a fresh brief by three people who
  opened no file of this project, with these emphases: time (memories told in the exercises, past
  and present mixed in one message, other people's past risk as hard negatives); other people (harm
  planned against a named person, carers at the end of their tether, abuse in many settings; venting,
  sport, police and social work as hard negatives); the quiet and understated (flat disclosures in
  everyday talk, minimising; exhaustion, de-cluttering and dark humour as hard negatives). Each was
  measured once as fresh before the rules were read against it or it joined the training file
  (figures in docs/analysis.md); development data since;
- "dev27": tests/data/risk_dev27.jsonl, the twelfth blind set, written by someone who opened no file
  of this project, measured twice as blind (aggregates only: its first run, and after a round of
  rules and three development sets) and retired like dev5;
- "dev28", "dev29", "dev30": three more sets written at once from a fresh brief by three people who
  opened no file of this project, with these emphases: harm to others and threats (anger with a
  plan at named people in many settings; banter, sport, hunting, crime fiction and security work as
  hard negatives); answers inside the exercises (disclosures made in passing while answering;
  exercise answers about hard feelings and metaphors as hard negatives); professionals, carers and
  hidden abuse (nurses, pharmacists, vets and farmers disclosing their own risk, elder and online
  abuse; clinicians and carers talking about their work as hard negatives). Each was measured once
  as fresh before the rules were read against it or it joined the training file (figures in
  docs/analysis.md); development data since;
- "dev31": tests/data/risk_dev31.jsonl, the thirteenth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only: its first run, and after a round
  of rules and three development sets; two of its rows were seen in a listing of changed outcomes
  during that round, both already found) and retired like dev5;
- "dev32", "dev33", "dev34": three more sets written at once from a fresh brief by three people who
  opened no file of this project, with these emphases: harm to others in settings not usually
  thought of (siblings, teenagers, neighbours, debts, carers; martial arts, shooting clubs, horror,
  pest control and venting as hard negatives); suicide and self-harm told indirectly (practical
  arrangements, errands and searches, self-harm told by its signs and hiding; burnout, dark humour,
  ordinary wills and medicine questions as hard negatives); time and other people (past and present
  mixed in one message, abuse told by children and older people, control through money, phones,
  pets and visas; other people's risk, strict parenting and divorce as hard negatives). Each was
  measured once as fresh before the rules were read against it or it joined the training file
  (figures in docs/analysis.md); development data since;
- "dev35": tests/data/risk_dev35.jsonl, the fourteenth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only: its first run, and after a round
  of rules and three development sets) and retired like dev5;
- "dev36", "dev37", "dev38": three more sets written at once from a fresh brief by three people who
  opened no file of this project, with these emphases: time (childhood memories told with ages,
  school years and dates, past and present in one message; strict upbringings, history, old injuries
  and past-tense idioms as hard negatives); messages said inside the exercises (answers to reflective
  prompts, lines to a rehearsal partner, remarks to the coach; heated but safe role-play lines as hard
  negatives); veiled language from many backgrounds (faith, honour and shame, migration, debt,
  illness, caring, shift work, gaming; funerals, fasting, cultural idioms and night-shift exhaustion
  as hard negatives). Each was measured once as fresh before the rules were read against it or it
  joined the training file (figures in docs/analysis.md); development data since;
- "dev39": tests/data/risk_dev39.jsonl, the fifteenth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only: its first run, and after a round
  of rules and three development sets) and retired like dev5;
- "dev40": tests/data/risk_dev40.jsonl, the sixteenth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only: its first run, and after a round
  of rules and three development sets) and retired like dev5;
- "dev41", "dev42", "dev43": three more sets written at once from a new brief by three people who
  opened no file of this project, with these emphases: everyday words shared by risk and safety
  (siblings' joking threats, dose questions, illness, work in the police, care or a slaughterhouse,
  sport and true crime as hard negatives, and the same words meant as risk rows); later life, illness,
  caring and loss (stockpiled tablets, carers at breaking point, elder abuse; wills, funerals and
  power of attorney as hard negatives); young people online and at school (community spellings,
  sextortion, grooming, threats to a bully; gaming slang, memes, lyrics and worry about a friend as
  hard negatives). Each was measured once as fresh before the rules were read against it or it
  joined the training file (figures in docs/analysis.md); development data since;
- "dev44": tests/data/risk_dev44.jsonl, the seventeenth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only: its first run, and after two rounds
  of rules and five development sets) and retired like dev5;
- "dev45", "dev46": two sets written at once from the same brief by two people who opened no file of
  this project, with these emphases: families and care (a child or a frail relative hurt, groomed,
  neglected or controlled now, told by a parent, grandparent or carer; ordinary parenting and caring
  worries, an adult relative's troubles and care work as hard negatives); the quietest ways of telling
  (self-harm told by its aftermath, suicide by errands, harm by its steps; the same surface details
  meant innocently as hard negatives). Each was measured once as fresh before the rules were read
  against it (figures in docs/analysis.md); development data since;
- "dev47": tests/data/risk_dev47.jsonl, the eighteenth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only: its first run, and after two rounds
  of rules) and retired like dev5;
- "dev48", "dev49", "dev50": three sets written at once from one brief by three people who opened no
  file of this project, with these emphases: the less familiar forms of danger (coercive control,
  sexual coercion, exploitation and blackmail with pictures, neglect; harm by poison, fire or a car;
  less common methods told indirectly); the boundary between work, health and risk (nurses, carers,
  athletes and safeguarding work as hard negatives, and risk set in the same worlds); risk shown in
  daily life (routines, belongings, short replies, questions put to the bot). Each was measured once
  as fresh before the rules were read against it (figures in docs/analysis.md); development data since;
- "dev51": tests/data/risk_dev51.jsonl, the nineteenth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev52", "dev53", "dev54": three sets written at once from one brief by three people who opened no
  file of this project, with these emphases: answers given inside the exercises (lines said in a
  repair rehearsal, memories of a caregiver, what the other person may have felt); harm to others
  and abuse told indirectly (resentment turning into preparation, coercive control, carers at
  breaking point, feuds and revenge) with hard negatives from the same worlds; veiled suicidal
  ideation and hidden self-harm in ordinary lives (loneliness, illness, debt, exams, understatement).
  Each was measured once as fresh before the rules were read against it; development data since;
- "dev55": tests/data/risk_dev55.jsonl, the twentieth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev56", "dev57", "dev58": three sets written at once from one brief by three people who opened no
  file of this project, with these emphases: harm to others told indirectly in ordinary settings
  (grudges, neighbours, exes, road rage, carers at breaking point; preparations, routines learned,
  fixation) with venting, banter, hunting, butchery and crime fiction as hard negatives; time (current
  risk told beside a past one, past rows dated by ages and decades; recovery stories and others' past
  as hard negatives); people who do not say what they mean (metaphor, faith, understatement, errands
  and purchases; poetic sadness, grief and spiritual talk as hard negatives). Each was measured once
  as fresh before the rules were read against it; development data since;
- "dev59": tests/data/risk_dev59.jsonl, the twenty-first blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev60", "dev61", "dev62": three sets written at once from one brief by three people who opened no
  file of this project, with these emphases: harm to others and abuse told by what happens (control,
  stalking, calm threats, routines; venting, martial arts, crime fiction and protective parents as
  hard negatives); suicide and self-harm told through objects, errands and metaphor (the same errands
  done for ordinary reasons as hard negatives); answers inside the exercises and mixed time (recovery,
  other people's risk and hard feelings in exercise answers as hard negatives). Each was measured once
  as fresh before the rules were read against it; development data since;
- "dev63": tests/data/risk_dev63.jsonl, the twenty-second blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev64", "dev65", "dev66": three sets written at once from one brief by three people who opened no
  file of this project, with these emphases: harm to others in many settings (road rage, neighbours,
  bosses, carers, threats to the one played in a rehearsal; banter, sport, crime stories, pest control
  and hunting as hard negatives); questions and long messages (disclosures asked as questions or
  answered by the writer's own question, or said after harmless talk; trainees' screening questions
  and questions on a friend's behalf as hard negatives); later life, illness and care (medicine
  stopped or saved, affairs put in order, money taken by family, carers' thoughts of harm; palliative
  care, wills, funeral plans, real falls and care work as hard negatives). Each was measured once as
  fresh before the rules were read against it; development data since;
- "dev67": tests/data/risk_dev67.jsonl, the twenty-third blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev68", "dev69", "dev70": three sets written at once from one brief by three people who opened no
  file of this project, with these emphases: money, debt, job loss, gambling and break-ups (veiled
  and understated suicidal thoughts); answers typed into the exercises themselves (disclosures woven
  into what someone felt, a memory of a parent, words said to the rehearsal character); stoic
  speakers, farms, trades, veterans and faith communities (guns for pests, slaughter, tools and
  injuries at work as hard negatives). Each was measured once as fresh before the rules were read
  against it; development data since;
- "dev71": tests/data/risk_dev71.jsonl, the twenty-fourth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev72": a set written by someone who opened no file of this project, from the same brief, with an
  emphasis on abuse and danger (coercive control, tracking, money and documents taken, threats by
  family, carers, landlords, employers and groomers, hidden marks, forced marriage) and, as hard
  negatives, ordinary family talk in the same words (curfews, shared locations, sports bruises).
  Measured once as fresh before the rules were read against it; development data since;
- "dev73": tests/data/risk_dev73.jsonl, the twenty-fifth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev74": a set written by someone who opened no file of this project, from the same brief, with an
  emphasis on harm to others told without threat words (anger at a named person with a how, a when
  or a what with), suicidal thoughts told through preparations and goodbyes, and, as hard negatives,
  the strongest words in everyday use (jokes marked as jokes, "I'd rather die than ...", hyperbole,
  work, games). Measured once as fresh before the rules were read against it; development data since;
- "dev75": tests/data/risk_dev75.jsonl, the twenty-sixth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev76": a set written by someone who opened no file of this project, from the same brief, with an
  emphasis on harm to others shown by preparation (finding where someone lives, carrying or readying
  something, waiting, timing), abuse shown by control, fear of going home and conditional threats,
  suicidal thoughts told through endings and goodbyes, and, as hard negatives, everyday goodbyes,
  last messages, leaving jobs or homes, martial arts, hangovers and exhaustion said with strong
  words. Measured once as fresh before the rules were read against it; development data since;
- "dev77": tests/data/risk_dev77.jsonl, the twenty-seventh blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev78": a set written by someone who opened no file of this project, from the same brief, with an
  emphasis on suicidal thoughts in everyday phrasings and told through tiredness of living, endings,
  arrangements and withdrawal; self-harm told through routines, objects and concealment; past risk
  told in passing inside a longer story, with a sign that it is over; and, as hard negatives, death,
  illness, ageing, funerals, care work and strong feelings. Measured once as fresh before the rules
  were read against it; development data since;
- "dev79": a set written by someone who opened no file of this project, from the same brief, with an
  emphasis on harm and abuse told through everyday logistics and groups (going round with mates,
  waiting somewhere, getting someone alone), past violence and abuse told with ordinary words inside
  life stories, suicidal thoughts told through sleep, leaving and switching off, and, as hard
  negatives, family rows, sport and gaming talk, knives and tools in kitchens and workshops, crime
  podcasts and other people's recovery. Measured once as fresh before the rules were read against
  it; development data since;
- "dev80": the same, with an emphasis on disclosures inside requests to rehearse an apology or to
  reflect on someone else's mind, self-harm told through what is hidden, bought or cleaned up, abuse
  of older people and children told by routines, suicidal thoughts told through arrangements for
  after and through questions, and, as hard negatives, ordinary arrangements and questions and
  apologies after rows said with violent idioms. Measured once as fresh; development data since;
- "dev81": tests/data/risk_dev81.jsonl, the twenty-eighth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev82": a set written by someone who opened no file of this project, from the same brief, with an
  emphasis on suicidal thoughts told without the usual words, explicit disclosures phrased sideways,
  harm to others told as intrusive urges, and, as hard negatives, tiredness, burnout, insomnia, grief,
  exam stress and moving away. Measured once as fresh before the rules were read against it;
  development data since;
- "dev83": the same, with an emphasis on suicidal thoughts told through arrangements and farewells
  (pets rehomed, bills and passwords sorted, letters for whoever comes after), harm to others told
  through grievances with plans, weapons or a watched routine, abuse told by what a partner or
  relative does day to day, and, as hard negatives, ordinary arrangements, venting with no plan and
  injuries from sport or DIY. Measured once as fresh; development data since;
- "dev84": the same, with an emphasis on self-harm and suicidal thoughts in young people's slang and
  older people's understatement, abuse of older people (controlling carers, money taken, kept
  upstairs), intrusive urges to harm a baby, a parent or a stranger, past events inside life
  stories, and, as hard negatives, medical and caring talk, sports injuries, tattoos, dark humour and
  sad childhood memories. Measured once as fresh; development data since;
- "dev85": tests/data/risk_dev85.jsonl, the twenty-ninth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev86" to "dev88": three sets from the same brief with the emphases docs/analysis.md names in its
  thirty-first round; dev86 and dev87 measured once as fresh, dev88 after that round's first
  readings; development data since;
- "dev89": tests/data/risk_dev89.jsonl, the thirtieth blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "dev90": a set written by someone who opened no file of this project, from the same brief, with an
  emphasis on suicidal thoughts told through reunions with the dead, seasons one will not see, notes
  and sayings, abuse by institutions and people in authority (care and children's homes, schools,
  employers holding passports, landlords), revenge with steps and self-harm hidden from a partner or
  a doctor; as hard negatives, faith, travel and moving plans, holiday countdowns, care-home visits,
  strict but safe teachers, visa paperwork and revenge in films and games. Measured once as fresh
  before the rules were read against it; development data since;
- "dev91": the same, with an emphasis on self-harm relapses and slips, injuries explained away, harm
  through food, drink, exercise or risky acts, intrusive thoughts beside real intent, abuse told
  through money, phones, locks, pets and children used as leverage, and suicidal thoughts told
  through tiredness and "everyone would cope"; as hard negatives, recovery going well, procedures,
  periods and nosebleeds, hobbies with blades or guns, budgets agreed together and tiredness. Measured
  once as fresh at the round's start and once after the readings from dev90 and dev92, before any of
  its rows was read; development data since;
- "dev92": the same, with an emphasis on disclosures inside exercise answers, told as someone else's
  and then owned, as questions about laws, doses, heights or times, or correcting an earlier "I'm
  fine"; as hard negatives, angry but safe rehearsed lines, strict but safe childhoods, law, ethics and
  quiz questions and first aid. Measured once as fresh before the rules were read against it;
  development data since;
- "dev93": tests/data/risk_dev93.jsonl, the thirty-first blind set, written by someone who opened no
  file of this project, measured twice as blind (aggregates only) and retired like dev5;
- "blind": tests/data/risk_blind.jsonl, a fresh set written by someone else and NEVER read while
  tuning; skipped with a line saying so when it is absent. Only aggregate figures are printed for it,
  never a row nor a fine class (most hold one row): looking at its rows would spend the only
  independent measure there is. Tuning runs leave it out with
  ATTUNE_RISK_EVAL_PORTIONS=development (every development portion; names such as dev48,dev49
  choose some; "nothing" runs the ordinary conversation alone).

The learned layer is trained on the development portions (bot/analysis/lexicons/risk_model.jsonl,
built by scripts/build_risk_model_data.py), so on them the combined detector is measured by k-fold
cross-validation: each sentence is judged by a model fitted without its fold (folds by a hash of the
text, so a sentence repeated across portions stays in one fold). The blind portion and AnnoMI are not
in the training file and are judged by the shipped model. The threshold is chosen on the same
cross-validated predictions (see `choose_threshold`), and the one in bot/analysis/risk_learned.py is
compared with that choice.

A risk row counts as found when the outcome is "flag" or "ask" (recall first: asking a gentle
question is the right answer to a veiled statement). Explicit rows are also scored on "flag" alone,
past rows on `past_only`, and hard negatives (third-party worry included: someone else at risk is
not the speaker's risk) on flag + ask.

Last, ordinary conversation with no risk labels, where disclosures are rare: the share of AnnoMI
client turns and of the answers in tests/data/mentalizing.jsonl that would be flagged or asked
about. The rules were adjusted after reading such hits, so these rates are not held out for the rules;
the mentalizing answers are in the model's training file (cross-validated here), AnnoMI is not (it
may not be copied into the repository): its transcripts are split by bench/evaldata.py, the threshold
is chosen on the dev split, and the held-out split's rate is the one to quote.

Targets (reported, not asserted): recall 1.0 on explicit and implicit rows counting flag or ask;
at most 5% flags + asks on hard negatives; at most 2% asks on ordinary conversation; risk time per
message under 1 ms on a parsed doc.

`python -m bench.eval_risk` runs it. With `PYTHONPATH` pointing at another checkout's `bot` package,
it measures that version of the detector (a result without `outcome` is read the old way: any
finding about the speaker is a flag; a version without the learned layer is reported as rules only).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.evaldata import read_rows, shared_eval_file, split

DATA_DIR = Path(os.environ.get("ATTUNE_RISK_DATA_DIR") or Path(__file__).resolve().parent.parent / "tests" / "data")
# (name, file, tunable): rows of a tunable portion may be printed; the blind one gets aggregates only.
PORTIONS = (("tuned-old", "risk.jsonl", True), ("dev", "risk_dev.jsonl", True), ("dev2", "risk_dev2.jsonl", True),
            ("dev3", "risk_dev3.jsonl", True), ("dev4", "risk_dev4.jsonl", True),
            ("dev5", "risk_dev5.jsonl", True), ("dev6", "risk_dev6.jsonl", True),
            ("dev7", "risk_dev7.jsonl", True), ("dev8", "risk_dev8.jsonl", True),
            ("dev9", "risk_dev9.jsonl", True), ("dev10", "risk_dev10.jsonl", True),
            ("dev11", "risk_dev11.jsonl", True), ("dev12", "risk_dev12.jsonl", True),
            ("dev13", "risk_dev13.jsonl", True), ("dev14", "risk_dev14.jsonl", True),
            ("dev15", "risk_dev15.jsonl", True),
            ("dev16", "risk_dev16.jsonl", True), ("dev17", "risk_dev17.jsonl", True),
            ("dev18", "risk_dev18.jsonl", True),
            ("dev19", "risk_dev19.jsonl", True),
            ("dev20", "risk_dev20.jsonl", True), ("dev21", "risk_dev21.jsonl", True),
            ("dev22", "risk_dev22.jsonl", True), ("dev23", "risk_dev23.jsonl", True),
            ("dev24", "risk_dev24.jsonl", True), ("dev25", "risk_dev25.jsonl", True),
            ("dev26", "risk_dev26.jsonl", True), ("dev27", "risk_dev27.jsonl", True),
            ("dev28", "risk_dev28.jsonl", True), ("dev29", "risk_dev29.jsonl", True),
            ("dev30", "risk_dev30.jsonl", True), ("dev31", "risk_dev31.jsonl", True),
            ("dev32", "risk_dev32.jsonl", True), ("dev33", "risk_dev33.jsonl", True),
            ("dev34", "risk_dev34.jsonl", True), ("dev35", "risk_dev35.jsonl", True),
            ("dev36", "risk_dev36.jsonl", True), ("dev37", "risk_dev37.jsonl", True),
            ("dev38", "risk_dev38.jsonl", True), ("dev39", "risk_dev39.jsonl", True),
            ("dev40", "risk_dev40.jsonl", True), ("dev41", "risk_dev41.jsonl", True),
            ("dev42", "risk_dev42.jsonl", True), ("dev43", "risk_dev43.jsonl", True),
            ("dev44", "risk_dev44.jsonl", True),
            ("dev45", "risk_dev45.jsonl", True), ("dev46", "risk_dev46.jsonl", True),
            ("dev47", "risk_dev47.jsonl", True),
            ("dev48", "risk_dev48.jsonl", True), ("dev49", "risk_dev49.jsonl", True),
            ("dev50", "risk_dev50.jsonl", True), ("dev51", "risk_dev51.jsonl", True),
            ("dev52", "risk_dev52.jsonl", True), ("dev53", "risk_dev53.jsonl", True),
            ("dev54", "risk_dev54.jsonl", True), ("dev55", "risk_dev55.jsonl", True),
            ("dev56", "risk_dev56.jsonl", True), ("dev57", "risk_dev57.jsonl", True),
            ("dev58", "risk_dev58.jsonl", True), ("dev59", "risk_dev59.jsonl", True),
            ("dev60", "risk_dev60.jsonl", True), ("dev61", "risk_dev61.jsonl", True),
            ("dev62", "risk_dev62.jsonl", True), ("dev63", "risk_dev63.jsonl", True),
            ("dev64", "risk_dev64.jsonl", True), ("dev65", "risk_dev65.jsonl", True),
            ("dev66", "risk_dev66.jsonl", True), ("dev67", "risk_dev67.jsonl", True),
            ("dev68", "risk_dev68.jsonl", True), ("dev69", "risk_dev69.jsonl", True),
            ("dev70", "risk_dev70.jsonl", True), ("dev71", "risk_dev71.jsonl", True),
            ("dev72", "risk_dev72.jsonl", True), ("dev73", "risk_dev73.jsonl", True), ("dev74", "risk_dev74.jsonl", True), ("dev75", "risk_dev75.jsonl", True), ("dev76", "risk_dev76.jsonl", True), ("dev77", "risk_dev77.jsonl", True), ("dev78", "risk_dev78.jsonl", True),
            ("dev79", "risk_dev79.jsonl", True), ("dev80", "risk_dev80.jsonl", True), ("dev81", "risk_dev81.jsonl", True), ("dev82", "risk_dev82.jsonl", True),
            ("dev83", "risk_dev83.jsonl", True), ("dev84", "risk_dev84.jsonl", True), ("dev85", "risk_dev85.jsonl", True),
            ("dev86", "risk_dev86.jsonl", True), ("dev87", "risk_dev87.jsonl", True),
            ("dev88", "risk_dev88.jsonl", True), ("dev89", "risk_dev89.jsonl", True),
            ("dev90", "risk_dev90.jsonl", True), ("dev91", "risk_dev91.jsonl", True),
            ("dev92", "risk_dev92.jsonl", True), ("dev93", "risk_dev93.jsonl", True),
            ("blind", "risk_blind.jsonl", False))
THIRD_PARTY = "third_party_concern"
DETECTED = ("flag", "ask")
FOLDS = 5
HARD_NEGATIVE_TARGET = 0.05  # flags + asks on the hard negatives of the development portions, pooled (reported)
ORDINARY_TARGET = 0.02  # flags + asks on ordinary conversation (each source on its own; held out where it can be)
# The budget the thresholds are chosen within, on the ordinary talk they are tuned on: half the target,
# because AnnoMI's held-out split has run at two to three times its dev split in every round (1.7% ->
# 3.6%, 0.9% -> 2.6%), so a choice that spends the whole target on the dev split overshoots it held out.
ORDINARY_BUDGET = ORDINARY_TARGET / 2
THRESHOLD_GRID = [round(0.30 + 0.01 * k, 2) for k in range(70)]

# What a plain keyword filter would use: any of these word stems anywhere in the text.
BASELINE_KEYWORDS = re.compile(
    r"\b(kill|suicid|die|dead|death|hurt|harm|cut|overdose|hang|shoot|stab|abuse|hit|beat|rape|unsafe|pills)",
    re.IGNORECASE,
)


def baseline(text: str) -> bool:
    return bool(BASELINE_KEYWORDS.search(text))


# ---------------------------------------------------------------- rows


def load_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [normalise(json.loads(line)) for line in handle if line.strip()]


def normalise(row: dict) -> dict:
    """The new schema for a row of either schema (an old row has `flagged` and no `risk`)."""
    if "risk" in row:
        return row
    third_party = row.get("category") == THIRD_PARTY
    risk = bool(row.get("flagged")) and not third_party
    kind = "hard_negative" if third_party else row.get("kind", "hard_negative")
    return {**row, "risk": risk, "kind": kind, "cls": row.get("cls") or row.get("note") or "-",
            "want": row.get("want") or ("flag" if risk else "none")}


def fold_of(text: str) -> int:
    """The cross-validation fold of a sentence: a hash of its words, so repeats share a fold."""
    key = " ".join(text.lower().split())
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % FOLDS


# ---------------------------------------------------------------- the detector, rules and learned layer


def _learned() -> Any | None:
    """The learned layer's modules, or None for a version of `bot` without one."""
    try:
        from bot.analysis import risk_learned, risk_model
    except ImportError:
        return None
    return risk_learned, risk_model


def _semantic() -> Any | None:
    """The semantic layer's module, or None for a version of `bot` without one (or with it turned off)."""
    try:
        from bot.analysis import risk_learned, risk_semantic
    except ImportError:
        return None
    return risk_semantic if risk_learned.semantic_enabled() else None


@dataclass
class Judged:
    """One text: its parse, the rules' result and, where the rules said none, the model's probability
    (out of fold for sentences in the training file)."""

    text: str
    doc: Any
    rules: Any
    probability: float | None = None
    semantic: float | None = None  # the semantic layer's probability, where the gate let it run
    combined: Any = None
    model: Any = field(default=None, repr=False)
    index: Any = field(default=None, repr=False)


def rules_of(docs: list) -> tuple[list, float]:
    """The rules' result per parsed doc and the mean time per message in ms (process time)."""
    from bot.analysis import risk

    assess = getattr(risk, "assess_risk_rules", risk.assess_risk)
    if docs:
        assess(docs[0])  # the matchers compile on the first call: keep that out of the timing
    start = time.process_time()
    results = [assess(doc) for doc in docs]
    return results, 1000 * (time.process_time() - start) / max(1, len(docs))


def parse(texts: list[str]) -> list:
    from bot.nlp import load_nlp

    return list(load_nlp().pipe(texts))


class Models:
    """The shipped models and one of each per fold, fitted on the training file without that fold."""

    def __init__(self) -> None:
        layer = _learned()
        self.available = layer is not None
        self.semantic = None
        if layer is None:
            return
        self.learned, model = layer
        self.rows = model.read_rows(model.data_file())
        self.shipped = model.load_model()
        self.training_texts = {r.text for r in self.rows}
        self._folds: dict[int, Any] = {}
        self._model_class = model.RiskModel
        self.semantic = _semantic()
        self._index_folds: dict[int, Any] = {}
        if self.semantic is not None:
            self.index = self.semantic.load_index()
            stored = self.semantic.stored_vectors(self.rows)
            self._vectors = stored if stored is not None else self.index.encoder.encode([r.text for r in self.rows])

    def fold_index(self, k: int) -> Any:
        if k not in self._index_folds:
            keep = [fold_of(r.text) != k for r in self.rows]
            self._index_folds[k] = self.index.subset(keep, self.rows, self._vectors)
        return self._index_folds[k]

    def index_for(self, text: str, cross_validate: bool) -> Any:
        return self.fold_index(fold_of(text)) if cross_validate else self.index

    def fold(self, k: int) -> Any:
        if k not in self._folds:
            self._folds[k] = self._model_class([r for r in self.rows if fold_of(r.text) != k])
        return self._folds[k]

    def for_text(self, text: str, cross_validate: bool) -> Any:
        """The fold model for a sentence of the development sets; the shipped model otherwise."""
        return self.fold(fold_of(text)) if cross_validate else self.shipped


def judge(texts: list[str], models: Models, cross_validate: bool) -> tuple[list[Judged], float]:
    docs = parse(texts)
    results, ms = rules_of(docs)
    judged = [Judged(t, d, r) for t, d, r in zip(texts, docs, results)]
    if models.available:
        for j in judged:
            text = _text_for_models(models.learned, j)
            if text is None:
                continue
            j.model = models.for_text(j.text, cross_validate)
            j.probability = j.model.probability(text)
            if models.semantic is not None and _semantic_reads(models.learned, j, text):
                j.index = models.index_for(j.text, cross_validate)
                j.semantic = j.index.judge(text).probability
    return judged, ms


def _text_for_models(learned: Any, j: Judged) -> str | None:
    """What the learned layer reads of the sentence, as the detector itself decides it (a version of
    `bot` from before `text_for_models`: the rules' sure set-asides blanked, read when the rules
    found nothing)."""
    if hasattr(learned, "text_for_models"):
        return learned.text_for_models(j.rules, j.doc)
    if outcome_of(j.rules) != "none":
        return None
    return learned.blank_out(j.text, getattr(learned, "set_aside_for_models", lambda r: r.sure_set_aside)(j.rules))


def _semantic_reads(learned: Any, j: Judged, text: str) -> bool:
    if hasattr(learned, "semantic_reads"):
        return learned.semantic_reads(j.rules, text, j.probability)
    return j.probability >= learned.GATE and bool(text.strip())  # the first version of the layer


NO_AGREEMENT = (2.0, 2.0)


def agreement_of(learned: Any) -> tuple[float, float]:
    """The shipped thresholds at which both models ask together (never reached in a version of `bot`
    from before them)."""
    return getattr(learned, "AGREEMENT_THRESHOLDS", None) or NO_AGREEMENT


def combine(judged: list[Judged], models: Models, threshold: float, semantic_threshold: float = 2.0,
            agreement: tuple[float, float] = NO_AGREEMENT) -> list:
    """The combined results at the thresholds (the rules' result where there is no model; a semantic
    threshold above 1 leaves the semantic layer out)."""
    if not models.available:
        return [j.rules for j in judged]
    both = {"agreement": agreement} if hasattr(models.learned, "AGREEMENT_THRESHOLDS") else {}
    for j in judged:
        if not j.model:
            j.combined = j.rules
        elif models.semantic is None:
            j.combined = models.learned.with_learned_layer(j.rules, j.doc, j.model, threshold)
        else:
            j.combined = models.learned.with_learned_layer(j.rules, j.doc, j.model, threshold,
                                                           j.index or models.index, semantic_threshold, **both)
    return [j.combined for j in judged]


def outcome_of(result) -> str:
    """flag | ask | none; a result from before `outcome` existed: a speaker finding is a flag."""
    if hasattr(result, "outcome"):
        return result.outcome
    return "flag" if any(f.category != THIRD_PARTY for f in result.findings) else "none"


def past_only_of(result) -> bool:
    if hasattr(result, "past_only"):
        return bool(result.past_only)
    speaker = [f for f in result.findings if f.category != THIRD_PARTY]
    return bool(speaker) and all("past" in f.qualifiers for f in speaker)


def top_of(result) -> str:
    speaker = [f for f in result.findings if f.category != THIRD_PARTY]
    if not speaker:
        return "-"
    source = getattr(speaker[0], "source", "rules")
    return f"{speaker[0].category}:{speaker[0].level}" + (f" (model {speaker[0].probability:.2f})" if source == "model" else "")


# ---------------------------------------------------------------- choosing the threshold


@dataclass
class Portion:
    name: str
    rows: list[dict]
    judged: list[Judged]
    tunable: bool
    ms: float


GATE_GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9)


def print_gates(portions: list[Portion], ordinary: dict[str, list[Judged]], threshold: float,
                semantic_threshold: float, shipped_gate: float, agreement: tuple[float, float] = NO_AGREEMENT) -> None:
    """What a higher gate would cost and save at the shipped thresholds: recall and alarms, and the
    share of messages that reach the sentence encoder (the rules found nothing and the word-level
    probability lies between the gate and its threshold), which sets the mean time per message.
    Only gates at or above the shipped one can be shown: below it the encoder was not run."""
    dev = [(row, j) for p in portions if p.tunable for row, j in zip(p.rows, p.judged)]
    sets = {"risk rows": [j for row, j in dev if row["risk"] and row["kind"] != "past"],
            "hard negatives": [j for row, j in dev if row["kind"] == "hard_negative"], **ordinary}

    def found(j: Judged, gate: float) -> bool:
        if outcome_of(j.rules) != "none" or j.probability is None:
            return outcome_of(j.rules) != "none"
        return j.probability >= threshold or (j.probability >= gate and j.semantic is not None and (
            j.semantic >= semantic_threshold or (j.probability >= agreement[0] and j.semantic >= agreement[1])))

    def reaches(j: Judged, gate: float) -> bool:
        return (outcome_of(j.rules) == "none" and j.probability is not None
                and gate <= j.probability < threshold)

    print(f"\n## risk: the semantic layer's gate at the shipped thresholds (shipped gate {shipped_gate:.2f})")
    print(f"  {'gate':>5} " + " ".join(f"{n[:24]:>24}" for n in sets) + "   (found or asked / reaching the encoder)")
    for gate in (g for g in GATE_GRID if shipped_gate <= g < threshold):
        cells = [f"{sum(found(j, gate) for j in js) / max(1, len(js)):.3f} / {sum(reaches(j, gate) for j in js) / max(1, len(js)):.3f}"
                 for js in sets.values()]
        print(f"  {gate:>5.2f} " + " ".join(f"{c:>24}" for c in cells))


def choose_threshold(portions: list[Portion], ordinary: dict[str, list[Judged]],
                     semantic: bool = False, shipped: tuple[float, float] | None = None) -> tuple[float, float] | None:
    """The word-level and semantic thresholds with the most recall whose cross-validated asks on each
    ordinary source used for tuning stay within budget (<= 1%, half the 2% target); of those that
    find just as many risk rows, the pair with the fewest asks on hard negatives and ordinary talk
    together (then the highest thresholds).

    Recall first: the hard negatives' 5% is a target reported beside the choice, not a constraint on
    it. They are written to sound like disclosures, and once the hardest of them joined (dev9),
    holding them to 5% cost about five risk rows in a hundred; ordinary talk is what a person
    practising actually says, so its budget binds. Without the semantic layer the second threshold
    is 2.0 (never reached). `shipped` adds that pair's row."""
    import numpy

    dev = [(row, j) for p in portions if p.tunable for row, j in zip(p.rows, p.judged)]
    sets = {"risk": [j for row, j in dev if row["risk"]], "negatives": [j for row, j in dev if row["kind"] == "hard_negative"],
            **{name: js for name, js in ordinary.items()}}
    arrays = {name: (numpy.array([outcome_of(j.rules) != "none" for j in js], dtype=bool),
                     numpy.array([-1.0 if j.probability is None else j.probability for j in js]),
                     numpy.array([-1.0 if j.semantic is None else j.semantic for j in js])) for name, js in sets.items()}

    def found(name: str, t: float, st: float) -> numpy.ndarray:
        rules, p, sem = arrays[name]
        return rules | (p >= t) | (sem >= st)

    print("\n## risk: learned-layer thresholds by cross-validation (development portions pooled)")
    print(f"  {'words':>6} {'meaning':>7} {'recall':>7} {'hard-neg alarms':>16} " + " ".join(f"{n[:22]:>22}" for n in ordinary))
    semantic_grid = [round(0.5 + 0.01 * k, 2) for k in range(50)] if semantic else [2.0]
    best: tuple[int, float, float, float] | None = None  # (found, -asks, t, st)
    table: dict[tuple[float, float], tuple[float, float, list[float], bool]] = {}
    for t in THRESHOLD_GRID:
        for st in semantic_grid:
            hits = int(found("risk", t, st).sum())
            alarms = float(found("negatives", t, st).mean()) if len(arrays["negatives"][0]) else 0.0
            rates = [float(found(name, t, st).mean()) if len(arrays[name][0]) else 0.0 for name in ordinary]
            within = all(r <= ORDINARY_BUDGET for r in rates)
            table[(t, st)] = (hits / max(1, len(arrays["risk"][0])), alarms, rates, within)
            asks = alarms + sum(rates)
            if within and (best is None or (hits, -asks, t, st) > best):
                best = (hits, -asks, t, st)
    chosen = (best[2], best[3]) if best else None
    shown = [(t, st) for t in (0.5, 0.6, 0.7, 0.8, 0.9) for st in ([0.8, 0.9] if semantic else [2.0])]
    extra = [k for k in (shipped, chosen) if k is not None and k in table and k not in shown]
    for key in shown + list(dict.fromkeys(extra)):
        recall, alarms, rates, _ = table[key]
        mark = ("  <- chosen: most recall within the ordinary-talk budget, fewest asks" if key == chosen else
                "  <- shipped" if key == shipped else "")
        mark += f" (hard negatives above the {HARD_NEGATIVE_TARGET:.0%} target)" if mark and alarms > HARD_NEGATIVE_TARGET else ""
        meaning = f"{key[1]:>7.2f}" if semantic else f"{'-':>7}"
        print(f"  {key[0]:>6.2f} {meaning} {recall:>7.3f} {alarms:>16.3f} " + " ".join(f"{r:>22.3f}" for r in rates) + mark)
    if chosen is None:
        print("  no thresholds keep every rate within budget")
    return chosen


AGREEMENT_WORDS_GRID = [round(0.50 + 0.05 * k, 2) for k in range(10)]
AGREEMENT_MEANING_GRID = [round(0.50 + 0.01 * k, 2) for k in range(32)]


def choose_agreement(portions: list[Portion], ordinary: dict[str, list[Judged]], thresholds: tuple[float, float],
                     shipped: tuple[float, float]) -> tuple[float, float] | None:
    """The pair at which both models ask together, each below its own threshold (`thresholds`, the
    chosen ones), by the same rule as `choose_threshold`: the most cross-validated recall with every
    ordinary source used for tuning within budget; of equals, the fewest asks, then the highest pair.
    The semantic layer is consulted only past the gate, so a words threshold below it acts as the gate."""
    import numpy

    dev = [(row, j) for p in portions if p.tunable for row, j in zip(p.rows, p.judged)]
    sets = {"risk": [j for row, j in dev if row["risk"]], "negatives": [j for row, j in dev if row["kind"] == "hard_negative"],
            **ordinary}
    t, st = thresholds

    def found(js: list[Judged], agreement: tuple[float, float]) -> numpy.ndarray:
        rules = numpy.array([outcome_of(j.rules) != "none" for j in js], dtype=bool)
        p = numpy.array([-1.0 if j.probability is None else j.probability for j in js])
        sem = numpy.array([-1.0 if j.semantic is None else j.semantic for j in js])
        return rules | (p >= t) | (sem >= st) | ((p >= agreement[0]) & (sem >= agreement[1]))

    print(f"\n## risk: both models asking together, each below its threshold (words {t:.2f}, meaning {st:.2f})")
    print(f"  {'words':>6} {'meaning':>7} {'recall':>7} {'hard-neg alarms':>16} " + " ".join(f"{n[:22]:>22}" for n in ordinary))
    table: dict[tuple[float, float], tuple[float, float, list[float]]] = {}
    # Within each limit: (risk rows found, minus the asks, the pair) of the best pair.
    best: dict[float, tuple[int, float, tuple[float, float]] | None] = {ORDINARY_BUDGET: None, ORDINARY_TARGET: None}
    for pair in [NO_AGREEMENT] + [(a, b) for a in AGREEMENT_WORDS_GRID for b in AGREEMENT_MEANING_GRID]:
        hits = int(found(sets["risk"], pair).sum())
        alarms = float(found(sets["negatives"], pair).mean()) if sets["negatives"] else 0.0
        rates = [float(found(js, pair).mean()) if js else 0.0 for js in ordinary.values()]
        table[pair] = (hits / max(1, len(sets["risk"])), alarms, rates)
        for limit, so_far in best.items():
            if all(r <= limit for r in rates) and (so_far is None or (hits, -(alarms + sum(rates)), pair) > so_far):
                best[limit] = (hits, -(alarms + sum(rates)), pair)
    chosen, within_target = ((entry[2] if entry else None) for entry in (best[ORDINARY_BUDGET], best[ORDINARY_TARGET]))
    shown = [NO_AGREEMENT] + [(a, b) for a in (0.6, 0.7, 0.8, 0.9) for b in (0.65, 0.7, 0.75)]
    extra = [k for k in dict.fromkeys((shipped, chosen, within_target)) if k is not None and k in table and k not in shown]
    for pair in shown + extra:
        recall, alarms, rates = table[pair]
        mark = "  <- chosen" if pair == chosen else "  <- shipped" if pair == shipped else ""
        mark += "  (and shipped)" if pair == chosen == shipped else ""
        mark += f"  <- most found within the {ORDINARY_TARGET:.0%} target" if pair == within_target != chosen else ""
        label = ("never", "") if pair == NO_AGREEMENT else (f"{pair[0]:.2f}", f"{pair[1]:.2f}")
        print(f"  {label[0]:>6} {label[1]:>7} {recall:>7.3f} {alarms:>16.3f} " + " ".join(f"{r:>22.3f}" for r in rates) + mark)
    return chosen


# ---------------------------------------------------------------- report


def rate(hits: int, n: int) -> str:
    return f"{hits / n:.3f} ({hits}/{n})" if n else "   -  (0/0)"


def grouped(pairs: list[tuple[dict, str]], key: str) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for row, outcome in pairs:
        groups[str(row.get(key) or "-")].append(outcome)
    return dict(sorted(groups.items()))


def print_recall_table(title: str, groups: dict[str, list[str]]) -> None:
    print(f"  {title}")
    for name, outcomes in groups.items():
        found = sum(o in DETECTED for o in outcomes)
        print(f"    {name:<34} {rate(found, len(outcomes))}")


def met_as_worry(result) -> bool:
    """Whether the dialogue meets the message as a worry for someone else at risk (no speaker finding;
    False for a version of `bot` without the reading)."""
    return getattr(result, "worry", None) is not None


def figures(rows: list[dict], results: list) -> dict[str, Any]:
    outcomes = [outcome_of(r) for r in results]
    risk = [o for row, o in zip(rows, outcomes) if row["risk"]]
    negatives = [o for row, o in zip(rows, outcomes) if row["kind"] == "hard_negative"]
    return {"recall": (sum(o in DETECTED for o in risk), len(risk)),
            "alarms": (sum(o in DETECTED for o in negatives), len(negatives))}


def report(name: str, rows: list[dict], results: list, show_rows: bool) -> dict[str, float]:
    """Print the figures for one portion; rows themselves only when `show_rows` (never for blind)."""
    outcomes = [outcome_of(r) for r in results]
    risk = [(row, o) for row, o in zip(rows, outcomes) if row["risk"]]
    negatives = [(row, o) for row, o in zip(rows, outcomes) if row["kind"] == "hard_negative"]
    found = sum(o in DETECTED for _, o in risk)
    print(f"\n## risk {name} (n={len(rows)}: {len(risk)} risk rows, {len(negatives)} hard negatives)")
    print(f"  recall (flag or ask)                 {rate(found, len(risk))}")
    base_risk = sum(baseline(row["text"]) for row, _ in risk)
    base_neg = sum(baseline(row["text"]) for row, _ in negatives)
    print(f"  keyword baseline recall              {rate(base_risk, len(risk))}")
    print_recall_table("recall by category", grouped(risk, "category"))
    print_recall_table("recall by kind", grouped(risk, "kind"))
    if show_rows:
        print_recall_table("recall by cls", grouped(risk, "cls"))
    else:  # most fine classes hold one row: their figures would say which rows were missed
        print("  recall by cls: withheld for the blind portion")
    dist = Counter(o for _, o in risk)
    by_model = sum(getattr(r, "source", None) == "model" for row, r in zip(rows, results) if row["risk"])
    print(f"  outcomes on risk rows: flag {dist['flag']}, ask {dist['ask']} (of them by the model {by_model}), none {dist['none']}")
    explicit = [o for row, o in risk if row["kind"] == "explicit"]
    print(f"  explicit rows flagged (flag, not ask) {rate(sum(o == 'flag' for o in explicit), len(explicit))}")
    want_flag = [o for row, o in risk if row.get("want") == "flag"]
    print(f"  rows wanting a flag that got one      {rate(sum(o == 'flag' for o in want_flag), len(want_flag))}")
    past = [(row, res) for row, res in zip(rows, results) if row["kind"] == "past" or row.get("want") == "past"]
    past_hits = sum(outcome_of(res) in DETECTED and past_only_of(res) for _, res in past)
    print(f"  past rows detected as past_only      {rate(past_hits, len(past))}")
    alarms = sum(o in DETECTED for _, o in negatives)
    print(f"  false alarms (flag+ask) on hard negatives {rate(alarms, len(negatives))}; "
          f"flags only {rate(sum(o == 'flag' for _, o in negatives), len(negatives))}; "
          f"keyword baseline {rate(base_neg, len(negatives))}")
    worried = [row for row, res in zip(rows, results) if met_as_worry(res)]
    print(f"  met as a worry for someone else: hard negatives "
          f"{rate(sum(r['kind'] == 'hard_negative' for r in worried), len(negatives))}, "
          f"missed risk rows {rate(sum(r['risk'] for r in worried), len(risk) - found)}")
    if show_rows:
        print("  false alarms by cls")
        for cls, group in grouped(negatives, "cls").items():
            print(f"    {cls:<34} {rate(sum(o in DETECTED for o in group), len(group))}")
        print_errors(rows, results)
    return {"recall": found / len(risk) if risk else 1.0, "false_alarms": alarms / len(negatives) if negatives else 0.0}


def print_errors(rows: list[dict], results: list) -> None:
    misses, alarms, weak = [], [], []
    for row, res in zip(rows, results):
        outcome = outcome_of(res)
        line = f"    [{row['kind']}/{row.get('cls', '-')}] got {outcome}:{top_of(res)}  {row['text'][:150]!r}"
        if row["risk"] and outcome not in DETECTED:
            misses.append(line)
        elif row["kind"] == "hard_negative" and outcome in DETECTED:
            alarms.append(line)
        elif row.get("want") == "flag" and outcome == "ask":
            weak.append(line)
        elif row.get("want") == "past" and not past_only_of(res):
            weak.append(line + "  (not past_only)")
    for title, lines in (("misses", misses), ("false alarms", alarms), ("asked where a flag or past was wanted", weak)):
        print(f"  {title} ({len(lines)}):")
        print("\n".join(lines) or "    none")


def print_summary(portions: list[Portion], rules: dict[str, list], combined: dict[str, list], cross_validated: bool) -> None:
    how = "cross-validated on the development portions" if cross_validated else "no learned layer in this version"
    print(f"\n## risk summary: rules alone | rules + learned layer ({how}; blind: the shipped model)")
    print(f"  {'portion':<10} {'recall rules':>18} {'recall combined':>18} {'alarms rules':>18} {'alarms combined':>18}")
    for p in portions:
        a, b = figures(p.rows, rules[p.name]), figures(p.rows, combined[p.name])
        print(f"  {p.name:<10} {rate(*a['recall']):>18} {rate(*b['recall']):>18} {rate(*a['alarms']):>18} {rate(*b['alarms']):>18}")


def ordinary_texts() -> dict[str, tuple[list[str], bool]]:
    """Ordinary conversation: (texts, in the training file so cross-validated)."""
    sources: dict[str, tuple[list[str], bool]] = {}
    mentalizing = _mentalizing_answers()
    if mentalizing:
        sources["mentalizing answers"] = (mentalizing, True)
    annomi = _annomi_clients()
    if annomi:
        dev, held_out = annomi
        sources["AnnoMI clients, dev split"] = (dev, False)
        sources["AnnoMI clients, HELD-OUT"] = (held_out, False)
    return sources


def print_ordinary(name: str, judged: list[Judged], combined: list, show: int = 8) -> None:
    rules = [outcome_of(j.rules) for j in judged]
    both = [outcome_of(r) for r in combined]
    n = len(judged)
    print(f"\n  {name}: rules ask {rate(rules.count('ask'), n)}, flag {rate(rules.count('flag'), n)}; "
          f"combined ask {rate(both.count('ask'), n)}, flag {rate(both.count('flag'), n)}; "
          f"met as a worry for someone else {rate(sum(met_as_worry(r) for r in combined), n)}; "
          f"keyword baseline {rate(sum(baseline(j.text) for j in judged), n)}")
    for j, result in [(j, r) for j, r in zip(judged, combined) if outcome_of(r) in DETECTED][:show]:
        found = "; ".join(f"{f.category}/{f.level}/{getattr(f, 'source', 'rules')}:{'|'.join(e.text for e in f.evidence)}"
                          for f in result.findings)
        print(f"    {found[:60]:<60} {j.text[:90]!r}")


def _annomi_clients() -> tuple[list[str], list[str]] | None:
    path = shared_eval_file("annomi/dev.csv")
    if not path:
        return None
    dev, held_out = split(read_rows(path), "annomi", "transcript_id")
    clean = lambda rows: sorted({r["prev_client_text"] for r in rows if (r["prev_client_text"] or "").strip()})  # noqa: E731
    return clean(dev), clean(held_out)


def _mentalizing_answers() -> list[str]:
    path = DATA_DIR / "mentalizing.jsonl"
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as handle:
        return sorted({json.loads(line)["text"] for line in handle if line.strip()} - {""})


def timing(portions: list[Portion], models: Models, ordinary: dict[str, list[Judged]]) -> None:
    """Risk time per message on a parsed doc (process time, parse excluded): the rules alone, and the
    rules with the shipped learned layer (the model scores every message the rules leave at none)."""
    print("\n## risk time per message on a parsed doc (process time, parse excluded)")
    if not models.available:
        for p in portions:
            print(f"  {p.name:<26} rules {p.ms:.3f} ms")
        return
    from bot.analysis.risk import assess_risk

    sets = [(p.name, [j.doc for j in p.judged]) for p in portions]
    sets += [(name, [j.doc for j in judged]) for name, judged in ordinary.items()]
    for name, docs in sets:
        if not docs:
            continue
        assess_risk(docs[0])
        start = time.process_time()
        for doc in docs:
            assess_risk(doc)
        ms = 1000 * (time.process_time() - start) / len(docs)
        _, rules_ms = rules_of(docs)
        print(f"  {name:<26} rules {rules_ms:.3f} ms (slowest message {slowest_ms(docs):.1f} ms), "
              f"rules + learned layer {ms:.3f} ms")


def slowest_ms(docs: list) -> float:
    """The rules' time on their slowest message: a mean hides one pattern gone quadratic on one text."""
    from bot.analysis import risk

    def took(doc: Any) -> float:
        start = time.process_time()
        risk.assess_risk_rules(doc)
        return 1000 * (time.process_time() - start)

    return max(took(doc) for doc in docs)


def run() -> None:
    # ATTUNE_RISK_EVAL_PORTIONS=dev5,dev6 runs only those portions; "development" runs every one but blind.
    wanted = {p for p in os.environ.get("ATTUNE_RISK_EVAL_PORTIONS", "").split(",") if p}
    if "development" in wanted:
        wanted |= {name for name, _, tunable in PORTIONS if tunable}
    models = Models()
    portions: list[Portion] = []
    for name, file_name, tunable in PORTIONS:
        if wanted and name not in wanted:
            continue
        path = DATA_DIR / file_name
        if not path.is_file():
            print(f"\nskipped {name}: {path} is missing")
            continue
        rows = load_rows(path)
        judged, ms = judge([r["text"] for r in rows], models, cross_validate=tunable)
        portions.append(Portion(name, rows, judged, tunable, ms))
    ordinary = {name: (judge(texts, models, cross_validate=in_training)[0]) for name, (texts, in_training)
                in ordinary_texts().items()}
    threshold, semantic_threshold, agreement = 0.0, 2.0, NO_AGREEMENT
    if models.available:
        tuning = {name: js for name, js in ordinary.items() if "HELD-OUT" not in name}
        semantic = models.semantic is not None
        threshold = models.learned.THRESHOLD if semantic else getattr(models.learned, "WORDS_ONLY_THRESHOLD", models.learned.THRESHOLD)
        semantic_threshold = getattr(models.learned, "SEMANTIC_THRESHOLD", 2.0) if semantic else 2.0
        chosen = (choose_threshold(portions, tuning, semantic, (threshold, semantic_threshold))
                  if any(p.tunable for p in portions) else None)
        print(f"  shipped thresholds (bot/analysis/risk_learned.py): words {threshold:.2f}, meaning {semantic_threshold:.2f}"
              + (" (semantic layer off)" if not semantic else "")
              + ("" if chosen in (None, (threshold, semantic_threshold)) else f"; cross-validation chooses {chosen}: update them"))
        if semantic:
            agreement = agreement_of(models.learned)
            if any(p.tunable for p in portions):
                together = choose_agreement(portions, tuning, (threshold, semantic_threshold), agreement)
                shown_pair = "off" if agreement == NO_AGREEMENT else str(agreement)
                advice = "None (off)" if together == NO_AGREEMENT else str(together)
                print(f"  shipped agreement (bot/analysis/risk_learned.py AGREEMENT_THRESHOLDS): {shown_pair}"
                      + ("" if together in (None, agreement) else f"; cross-validation chooses {advice}: update it"))
            print_gates(portions, ordinary, threshold, semantic_threshold, models.learned.GATE, agreement)
    rules = {p.name: [j.rules for j in p.judged] for p in portions}
    combined = {p.name: combine(p.judged, models, threshold, semantic_threshold, agreement) for p in portions}
    for p in portions:
        label = "rules + learned layer, cross-validated" if p.tunable else "rules + learned layer (shipped model)"
        report(f"{p.name} ({label})", p.rows, combined[p.name], show_rows=p.tunable)
    print("\n## risk: ordinary conversation (no risk labels; every ask or flag is a false alarm or a rare disclosure)")
    for name, judged in ordinary.items():
        print_ordinary(name + (" (cross-validated)" if name.startswith("mentalizing") else ""), judged,
                       combine(judged, models, threshold, semantic_threshold, agreement))
    print_summary(portions, rules, combined, models.available)
    timing(portions, models, ordinary)


if __name__ == "__main__":
    run()
