"""Attune's transcript store: people, links, consent, encrypted transcripts and audit (SQLAlchemy).

Modules, each with one job:
- `repository`  the API for the review CLI, the exports and the chat actions, gathered from one
                module per concern: `staff` (people, sign-in), `pairing`, `reading` (review reads,
                notes, risk, audit log), `rights` (consent, export, erasure), `maintenance`; `inputs`
                checks what people type. Every read checks role and links and is audited. `views`
                are the frozen dataclasses it returns.
- `projection`  turns Rasa's stored events into turns, annotations, SUDS, risk events, consent.
- `rasa_log`    Rasa's own event stream (encrypted), as `attune_rasa.tracker_store` keeps it.
- `consent`     the consent rules and purges (the module docstring says exactly what is kept).
- `access`, `audit`, `people`, `transcripts`: authorisation, audit rows, people/credentials,
                building views from rows.
- `crypto`      Fernet encryption of text columns, the local key file, `rotate_key`.
- `models`, `db`, `migrations/`: tables, engine and sessions, Alembic (`alembic.ini` at the root).
- `testing`     throwaway databases and event builders for tests and benchmarks.

Data flow: Rasa -> AttuneTrackerStore.save -> rasa_events (committed first) -> projection (own
transaction, idempotent, retried on the next save) -> review tables -> repository -> CLI/exports.
"""
