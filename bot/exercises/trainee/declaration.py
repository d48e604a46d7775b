"""Trainee practice as the rest of Attune sees it (no engine, no spaCy: the store, the exports and
the review command import this)."""
from __future__ import annotations

from pathlib import Path

from bot.exercises.contract import Audience, Declaration, MenuEntry, ScoreSpec

NAME = "trainee"
FEEDBACK_PATH = "feedback"  # a line of feedback after every prompt
QUIET_PATH = "quiet"  # feedback kept for the end
RISK_PATH = "risk"  # risk-assessment practice: a client who discloses thoughts of suicide

_FOR = frozenset({Audience.THERAPIST, Audience.TRAINEE})
_SKILLS = "docs/constructs.md#reflective-prompts"
_CLIENT = "docs/constructs.md#simulated-clients"
_RISK = "docs/constructs.md#risk-assessment-practice"

OPEN_QUESTION = ScoreSpec("trainee_open_question", "Open question", "Open", (0, 1), _FOR, _SKILLS)
CLOSED_QUESTION = ScoreSpec("trainee_closed_question", "Closed question", "Closed", (0, 1), _FOR, _SKILLS)
REFLECTION = ScoreSpec("trainee_reflection", "Reflection (1 simple, 2 complex)", "Refl", (0, 2), _FOR, _SKILLS)
MENTAL_STATE_FOCUS = ScoreSpec("trainee_mental_state_focus", "Aimed at mental states", "Mind", (0, 1), _FOR, _SKILLS)
ADVICE = ScoreSpec("trainee_advice", "Advice given", "Advice", (0, 1), _FOR, _SKILLS)
MISATTUNED = ScoreSpec("trainee_misattuned", "Misattuned prompt", "Misatt", (0, 1), _FOR, _SKILLS)
PROMPT_QUALITY = ScoreSpec("trainee_prompt_quality", "Prompt quality (rubric points)", "Quality", (-6, 6), _FOR, _SKILLS)
CLIENT_DEPTH = ScoreSpec("trainee_client_depth", "Simulated client's depth (0 shut - 3 reflective)", "Depth", (0, 3), _FOR, _CLIENT)
CLIENT_RAPPORT = ScoreSpec("trainee_client_rapport", "Simulated client's rapport", "Rapport", (-2, 3), _FOR, _CLIENT)

# Risk-assessment practice: on a turn, whether the prompt asked directly and calmly about each topic,
# and whether it was a misstep (a leading question, a promise asked for, an alarmed tone).
RISK_SUICIDE = ScoreSpec("trainee_risk_asked_suicide", "Asked directly about suicide", "Suicide?", (0, 1), _FOR, _RISK)
RISK_PLAN = ScoreSpec("trainee_risk_asked_plan", "Asked directly about a plan", "Plan?", (0, 1), _FOR, _RISK)
RISK_MEANS = ScoreSpec("trainee_risk_asked_means", "Asked directly about means", "Means?", (0, 1), _FOR, _RISK)
RISK_SAFETY = ScoreSpec("trainee_risk_safety_plan", "Planned for safety together", "Safety", (0, 1), _FOR, _RISK)
RISK_MISSTEP = ScoreSpec("trainee_risk_misstep", "Leading, promise-seeking or alarmed risk question", "RiskErr",
                         (0, 1), _FOR, _RISK)
RISK_TOPIC_SCORES = {"ideation": RISK_SUICIDE, "plan": RISK_PLAN, "means": RISK_MEANS, "safety": RISK_SAFETY}
RISK_SCORES = (RISK_SUICIDE, RISK_PLAN, RISK_MEANS, RISK_SAFETY, RISK_MISSTEP)

CHARTED = (CLIENT_DEPTH, CLIENT_RAPPORT, PROMPT_QUALITY)  # the lines worth drawing over a session
# The charted scores first: the export's session chart draws the first few declared scores present.
SCORES = CHARTED + (OPEN_QUESTION, CLOSED_QUESTION, REFLECTION, MENTAL_STATE_FOCUS, ADVICE, MISATTUNED) + RISK_SCORES

DECLARATION = Declaration(
    name=NAME,
    title="Trainee practice with a simulated client",
    engine="bot.exercises.trainee.exercise:TraineeExercise",
    starts={"start_trainee": FEEDBACK_PATH, "start_trainee_quiet": QUIET_PATH, "start_trainee_risk": RISK_PATH},
    catalogue=Path(__file__).with_name("messages.yml"),
    menu=(MenuEntry("Practise prompts with a simulated client (trainees)", "/start_trainee"),
          MenuEntry("Practise a risk assessment with a simulated client (trainees)", "/start_trainee_risk")),
    scores=SCORES,
    simulated=True,  # the client is simulated: transcripts and exports say so
    report="bot.exercises.trainee.report:supervisor_report",
    marker_styles={
        "question_open": "bold green",
        "question_closed": "yellow",
        "reflection_simple": "bold cyan",
        "reflection_complex": "bold blue",
        "aimed_at_mental_states": "bold magenta",
        "not_knowing_stance": "bold green",
        "validation": "bold cyan",
        "advice": "bold red",
        "leading_question": "bold red",
        "interpretation_as_fact": "bold red",
        "accusatory_why": "bold red",
        "several_questions": "red",
        "asked_ideation": "bold green",
        "asked_plan": "bold green",
        "asked_means": "bold green",
        "asked_safety": "bold green",
        "leading": "bold red",
        "contract": "bold red",
        "alarm": "bold red",
        "vague": "yellow",
    },
)
