"""Reusable pieces of layout."""
