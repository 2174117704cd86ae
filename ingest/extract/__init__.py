"""Extraction stage: sentences, quantities, times, places and companies, then facts."""
