"""The therapist's review command line (`attune ...`): sign-in, lists, transcripts, notes, risk
events, exports and administration, all through `bot.store.repository` (which checks access and
audits every read)."""
