"""Untranslation rules (TC8xx): passages left in the source language."""
