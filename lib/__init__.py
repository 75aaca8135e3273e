"""Shared helpers for the notebooks: parsing, quotes, stance, sentiment and plotting."""
