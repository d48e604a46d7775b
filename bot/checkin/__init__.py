"""Distress check-ins: SUDS ratings and what to offer after them."""
