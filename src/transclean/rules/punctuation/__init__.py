"""Punctuation rules (TC3xx): doubled marks, misplaced spaces, runs of blank lines."""
