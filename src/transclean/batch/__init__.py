"""Batch cleaning of corpora: formats, chunked tasks, executors, resume, rejects and stats."""

from transclean.batch.executors import Interrupted
from transclean.batch.runner import DROP_CONFIDENCE, MODES, Options, RunReport, Stats, clean, process_chunk

__all__ = ["DROP_CONFIDENCE", "MODES", "Interrupted", "Options", "RunReport", "Stats", "clean", "process_chunk"]
