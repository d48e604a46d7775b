"""Explainable analysis of a user's words: mentalizing, repair, reflective prompts and risk."""
