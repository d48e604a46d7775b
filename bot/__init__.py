"""Attune's domain logic. Nothing in this package imports Rasa, so it can be tested and reused alone."""
