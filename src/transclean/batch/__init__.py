"""Batch cleaning of corpora: formats, chunked tasks, executors, resume, rejects and stats."""

from transclean.batch.runner import MODES, Options, RunReport, Stats, clean, process_chunk

__all__ = ["MODES", "Options", "RunReport", "Stats", "clean", "process_chunk"]
