"""Renderers: they turn core results into text and know nothing of the command line."""
