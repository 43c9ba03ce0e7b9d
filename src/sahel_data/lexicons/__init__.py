"""Lexicon CSVs: data, reviewed like code (see README.md here)."""
