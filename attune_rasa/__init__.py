"""Rasa-server-side adapters: the NLU risk component and the tracker store. They call `bot/`."""
from attune_rasa import action_retry, rasa_speedups

rasa_speedups.install()
action_retry.install()
