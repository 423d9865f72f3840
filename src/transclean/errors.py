"""One catalogue of user-facing errors: each says what went wrong, where, and what to do next."""

from __future__ import annotations

from enum import Enum


class E(str, Enum):
    """Error codes and message templates."""

    INVALID_UTF8 = "{path}: invalid UTF-8 at byte offset {offset} (line {line}): {reason}. Re-encode the file as UTF-8."
    NOT_FOUND = "{path}: no such file."
    BINARY = (
        "{path}: looks binary (NUL byte at byte offset {offset}); transclean reads text (UTF-8, or UTF-16/32 "
        "with a byte-order mark)."
    )
    TOO_LARGE = (
        "{path}: {size} bytes is over the {limit}-byte limit for one document; split it (or use "
        "`transclean clean` on JSONL records)."
    )
    UNREADABLE = "{path}: cannot read: {reason}."
    SURROGATE = (
        "text holds a lone surrogate U+{code:04X} at character {offset}, which no encoding can write; decode the "
        "input with errors='replace' (or pass it through ftfy.fix_surrogates) first."
    )
    UNWRITABLE = "{path}: cannot write: {reason}."
    UNKNOWN_SELECTOR = "unknown rule selector {selector!r} in {origin}. Run `transclean rules` for the codes."
    UNKNOWN_PROFILE = "unknown profile {profile!r} in {origin}; known profiles: {known}."
    UNKNOWN_LANGUAGE = (
        "unknown language code {language!r} in {origin}; use an ISO 639-1 code such as 'en' or 'it' "
        "(or an ISO 639-3 one)."
    )
    UNKNOWN_RULE = "unknown rule code {code!r}. Run `transclean rules` for the codes."
    BAD_CONFIG = "{path}: invalid configuration: {reason}."
    BAD_GLOSSARY = "glossary rejected:\n{issues}"
    UNKNOWN_FORMAT = "{path}: unknown corpus format; expected one of {formats} (by file name)."
    NOT_REGULAR = "{path}: not a regular file ({kind}); name files, directories or globs of corpus files."
    PLAN_MISMATCH = (
        "{outdir} holds a run with other settings ({reason}); rerun with the same ones to resume, add "
        "--overwrite to redo the folder, or use a new output directory."
    )
    OUTDIR_IN_USE = (
        "{outdir} is in use by another run ({holder}); wait for it to finish or use another output directory."
    )
    WORKER_DIED = "a worker process died ({reason}); finished chunks are kept: rerun the same command to resume."
    OUTPUT_MISMATCH = (
        "{path}: holds {found} records but its chunk marker says {expected}; delete the marker "
        "{marker} and rerun to redo the chunk."
    )
    BAD_CHOICE = "{option}: {value!r} is not one of {choices}."
    COUNTS_DO_NOT_ADD_UP = "records in ({total}) != out ({out}) + rejected ({rejected}) + dropped ({dropped})."
    NEEDS_EXTRA = "{what} needs the optional package {package!r}: pip install 'transclean[{extra}]'."
    BAD_MODEL = "{path}: refused as a translation model: {reason}."
    NO_MODEL = (
        "no translation model for {what}; installed: {installed} (in {store}). Install one with "
        "`transclean models install FILE.argosmodel`."
    )
    BAD_CORPUS_PROFILE = (
        "{path}: not a usable corpus profile: {reason}. Give the profile.json.gz that `transclean clean` wrote."
    )
    NO_CONVERGENCE = "fixes did not converge after {iterations} passes; rules still changing the text: {codes}."


class TranscleanError(Exception):
    """An error to show the user as is (exit status 2 in the CLI)."""

    def __init__(self, error: E, **fields: object) -> None:
        self.error = error
        self.fields = fields
        super().__init__(error.value.format(**fields))

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt from the catalogue name and fields, so errors raised in worker processes reach the parent.
        return (_rebuild, (self.error.name, self.fields))

    @property
    def code(self) -> str:
        """The catalogue name, e.g. ``INVALID_UTF8``."""
        return self.error.name


def _rebuild(name: str, fields: dict[str, object]) -> TranscleanError:
    return TranscleanError(E[name], **fields)
