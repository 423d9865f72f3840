"""``python -m transclean`` and the ``transclean`` script: a plain ``check PATH...`` runs without the typer app
(:func:`transclean.cli_core.quick_check`); any other call goes to it."""

import sys


def main() -> None:
    """Run the command line given in ``sys.argv`` and exit with its status."""
    from transclean.cli_core import quick_check

    status = quick_check(sys.argv[1:])
    if status is None:
        from transclean.cli import app

        app()
    sys.exit(status)


if __name__ == "__main__":
    main()
