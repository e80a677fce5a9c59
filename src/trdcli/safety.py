"""The line every human-readable view ends with."""

DISCLAIMER = "Information, not medical advice. Urgent help: 988 (US) or your emergency number."
