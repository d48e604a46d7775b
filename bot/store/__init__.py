"""Attune's transcript store: people, links, consent, encrypted transcripts, audit (SQLAlchemy).

`bot.store.repository` is the API; `bot.store.views` are the types it returns.
"""
