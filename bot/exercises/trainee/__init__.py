"""Trainee practice: the trainee is the helper, a simulated client answers as deeply as each prompt
earns, and one line of feedback names what the prompt did.

Modules, one job each: `declaration` (what the rest of Attune knows of it: no engine, no spaCy),
`schema` and `library` (clients.yml and feedback.yml, validated), `moves` (what the prompt rubric's
result means for a prompt: features, quality, the move the feedback names), `client_state` (the
depth a prompt earns, rapport, lasting misattunement, replies never repeated), `state` (the step
state between turns), `feedback` (the line after each prompt and the better example), `record`
(one turn's annotation), `summary` (the closing words and the trainee's and supervisor's view), and
`exercise` (all of it on the exercise contract, bot/exercises/contract.py). Risk-assessment practice
adds `risk_questions` (what a prompt does as a risk assessment, from risk_questions.yml),
`risk_session` (how a client who carries risk discloses and answers) and `risk_summary` (the end of
such a session); `report` is the supervisor's whole-session report for review and exports (light:
no engine, no spaCy).
"""
