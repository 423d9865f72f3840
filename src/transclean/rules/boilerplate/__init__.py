"""Boilerplate rules (TC2xx): debris a scraper leaves in article text."""
