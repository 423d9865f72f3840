"""``python -m transclean`` and the ``transclean`` script: a plain ``check PATH...`` runs without the typer app
(:func:`transclean.cli_core.quick_check`); any other call goes to it."""

import gc
import os
import sys


def main() -> None:
    """Run the command line given in ``sys.argv`` and exit with its status."""
    from transclean.cli_core import quick_check

    # The import's modules, classes and tables live as long as the process: frozen, the cyclic GC no longer
    # walks them at each collection of the run (3% of a cold check's instructions, with the import's own
    # collections paused in transclean/__init__.py).
    gc.freeze()
    status = quick_check(sys.argv[1:])
    if status is None:
        from transclean.cli import app

        app()
    else:
        _exit_now(status)
    sys.exit(status)


def _exit_now(status: int) -> None:
    """End a finished plain check without the interpreter's teardown: freeing every module and table one by
    one, with two full collections, was 8% of a cold check's instructions. What a normal exit does first is
    done here too (the exit handlers run: the temporary first-name table of an unwritable cache is removed;
    the output is flushed); with another thread still running, or where this Python lacks the handlers' hook
    or a flush fails (a closed pipe), it returns and the normal exit follows, as before."""
    import atexit

    threading = sys.modules.get("threading")
    run_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_handlers is None or (threading is not None and threading.active_count() > 1):
        return
    run_handlers()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(status)


if __name__ == "__main__":
    main()
