"""Pronoun rules (TC4xx): pronouns whose gender or person contradicts what they refer to."""
