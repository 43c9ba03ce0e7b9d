"""Extraction: actors, dates, events and quantities from cleaned article text."""
