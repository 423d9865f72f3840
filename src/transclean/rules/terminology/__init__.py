"""Terminology rules (TC9xx): glossary forms, forbidden confusions, one name spelt two ways."""
