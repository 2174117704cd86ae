"""Extraction results as polars frames: the rows the warehouse lands, per article."""
