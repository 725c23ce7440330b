"""Extraction: event mentions, their roles, attribution, modality and magnitudes, from a parsed Doc."""
