"""Rasa-server-side adapters: the NLU risk component and the tracker store. They call `bot/`."""
