"""Rasa-server-side adapters: the NLU risk component and the tracker store. They call `bot/`."""
from attune_rasa import rasa_speedups

rasa_speedups.install()
