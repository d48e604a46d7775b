"""Thin rasa-sdk adapters: each action reads the tracker, calls `bot/`, and returns events."""
