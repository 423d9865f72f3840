"""Encoding rules (TC1xx): mojibake and other damage done by decoding text with the wrong code page."""
