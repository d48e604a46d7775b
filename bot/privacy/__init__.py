"""A person's own data controls in the chat: link with a therapist, export, erase, withdraw consent.

The work is done by `bot.store.repository`; this package holds what the chat says about it.
"""
