"""What a corpus teaches about itself: the profile a learning pass builds for the cleaning pass."""

from transclean.corpus.profile import CorpusProfile, line_hash, load_profile, normalise_line, save_profile

__all__ = ["CorpusProfile", "line_hash", "load_profile", "normalise_line", "save_profile"]
