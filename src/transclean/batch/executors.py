"""Where chunk tasks run: in-process, a local process pool, or a Dask cluster; and how a run stops.

A run stops as a whole. Pool workers die with their parent, whatever kills it: on Linux the kernel sends
them SIGKILL when the parent dies (``PR_SET_PDEATHSIG``); elsewhere, and as a second line, a thread in
each worker waits on the pipe multiprocessing keeps to the parent and exits when it closes. SIGINT and
SIGTERM in the parent raise :class:`Interrupted`; queued tasks are cancelled and workers terminated
(then killed after ``GRACE_SECONDS``) before the exception leaves :func:`run_tasks`. A worker that dies
breaks the pool: the run stops with a clear error, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

from transclean.errors import E, TranscleanError

#: Seconds a terminated worker gets to exit before it is killed.
GRACE_SECONDS = 2.0
#: prctl(2) option: the signal a process gets when its parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1


class Interrupted(BaseException):
    """SIGINT or SIGTERM reached the run (a BaseException, like KeyboardInterrupt: no handler swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.done = 0
        self.total = 0

    @property
    def exit_status(self) -> int:
        """128 + the signal number, as a shell reports a process killed by it (130 for Ctrl-C)."""
        return 128 + self.signum


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`Interrupted` in the main thread for the duration; later signals
    of a run already stopping are ignored, so cleanup runs to its end."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised = False

    def handler(signum: int, frame: object) -> None:
        nonlocal raised
        if not raised:
            raised = True
            raise Interrupted(signum)

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def _worker_init(parent: int) -> None:
    """Pool worker set-up: the parent alone answers Ctrl-C; the worker dies with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C reaches the whole process group
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited through fork
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    import multiprocessing

    parent_process = multiprocessing.parent_process()
    if parent_process is not None:
        threading.Thread(target=_exit_when_closed, args=(parent_process.sentinel,), daemon=True).start()


def _exit_when_closed(sentinel: int) -> None:
    from multiprocessing.connection import wait

    wait([sentinel])  # returns when the parent's end of the pipe closes: the parent is gone
    os._exit(1)


def run_tasks(
    task: Callable[..., dict[str, Any]],
    chunks: list[Any],
    on_done: Callable[[dict[str, Any]], None],
    *,
    workers: int,
    engine: str,
    scheduler: str | None,
    **kwargs: Any,
) -> None:
    """Run ``task(chunk, **kwargs)`` for every chunk; ``on_done`` gets each result as it completes."""
    if not chunks:
        return
    if engine == "dask":
        _run_dask(task, chunks, on_done, workers, scheduler, kwargs)
    elif workers <= 1:
        for chunk in chunks:
            on_done(task(chunk, **kwargs))
    else:
        _run_pool(task, chunks, on_done, workers, kwargs)


def _run_pool(
    task: Callable[..., dict[str, Any]],
    chunks: list[Any],
    on_done: Callable[[dict[str, Any]], None],
    workers: int,
    kwargs: dict[str, Any],
) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    pool = ProcessPoolExecutor(workers, context, initializer=_worker_init, initargs=(os.getpid(),))
    processes: list[Any] = []
    try:
        futures = [pool.submit(task, chunk, **kwargs) for chunk in chunks]
        processes = list(pool._processes.values())  # kept: a broken pool forgets them
        for future in as_completed(futures):
            on_done(future.result())
    except BrokenProcessPool:
        reason = _death(processes)
        _stop(pool)
        raise TranscleanError(E.WORKER_DIED, reason=reason) from None
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _death(processes: list[Any]) -> str:
    """How a worker died, in words (the pool terminates the others with SIGTERM: those come last)."""
    for process in processes:
        process.join(GRACE_SECONDS)
    for process in sorted(processes, key=lambda p: p.exitcode == -signal.SIGTERM):
        if process.exitcode is not None and process.exitcode < 0:
            name = signal.Signals(-process.exitcode).name
            hint = " (out of memory?)" if process.exitcode == -signal.SIGKILL else ""
            return f"pid {process.pid} killed by {name}{hint}"
    return "a worker exited abruptly"


def _stop(pool: Any) -> None:
    """Cancel what is queued and end the workers now: terminate, then kill what still runs."""
    processes = list((pool._processes or {}).values())
    manager = pool._executor_manager_thread
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.terminate()
    for process in processes:
        process.join(GRACE_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()
    if manager is not None:  # it notices the dead workers and ends; joined so that exit finds nothing running
        manager.join(GRACE_SECONDS)


def _run_dask(
    task: Callable[..., dict[str, Any]],
    chunks: list[Any],
    on_done: Callable[[dict[str, Any]], None],
    workers: int,
    scheduler: str | None,
    kwargs: dict[str, Any],
) -> None:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise TranscleanError(E.NEEDS_EXTRA, what="--engine dask", package="distributed", extra="dask") from None
    with Client(scheduler) if scheduler else Client(n_workers=workers, threads_per_worker=1) as client:
        futures = client.map(task, chunks, pure=False, **kwargs)
        try:
            for future in as_completed(futures):
                on_done(future.result())
        except BaseException:
            client.cancel(futures)  # on a shared cluster, leave nothing of this run queued
            raise
