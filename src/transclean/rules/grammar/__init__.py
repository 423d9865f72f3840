"""Grammar rules (TC7xx): structures a pro-drop source language leaves in the translation."""
