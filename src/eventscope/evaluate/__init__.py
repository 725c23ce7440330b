"""Scorers for the gold formats in ../shared/data and the seed article's expected events."""
