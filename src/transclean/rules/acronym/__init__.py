"""Acronym rules (TC5xx): an organisation's acronym where the context points to another."""
