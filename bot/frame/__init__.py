"""The conversation frame every exercise shares: welcome, consent, help, pacing, fallback."""
