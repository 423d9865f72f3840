"""No regression against ftfy: its own test cases (../shared/data/ftfy) as an evaluation test.

transclean must fix every case that ftfy fixes (up to ftfy's opt-in typography changes, rule TC102) and
leave byte-identical every case that ftfy leaves alone.
"""

from __future__ import annotations

import json
from itertools import pairwise

import ftfy
import pytest
from hypothesis import given
from hypothesis import strategies as st

import transclean
from conftest import shared_path
from test_properties import SETTINGS
from transclean.analysis.repair import _MOJIBAKE_SIGN, SIGN_CODECS
from transclean.analysis.repair import ftfy_config as _config


def _same(ours: str, expected: str) -> bool:
    """Equal, where a U+FFFD that ftfy leaves may be a letter transclean recovered (TC103)."""
    return len(ours) == len(expected) and all(a == b or b == "\ufffd" for a, b in zip(ours, expected, strict=True))


FILES = ["in-the-wild", "synthetic", "negative", "language-names", "known-failures"]


def _cases() -> list[dict[str, str]]:
    folder = shared_path("data", "ftfy")
    return [case for name in FILES for case in json.loads((folder / f"{name}.json").read_text("utf-8"))]


def test_ftfy_cases() -> None:
    formatting = _config("formatting")
    failures, fixed_by_ftfy, left_alone = [], 0, 0
    for case in _cases():
        original, expected = case["original"], case.get("fixed-encoding", case["fixed"])
        by_ftfy = ftfy.fix_text(original)
        ours = transclean.fix(original)
        if by_ftfy == original:
            left_alone += 1
            if ours != original:
                failures.append(f"changed a case ftfy leaves alone: {case['label']}: {ours!r}")
        elif by_ftfy == case["fixed"]:
            fixed_by_ftfy += 1
            if not _same(ours, expected) and not _same(ftfy.fix_text(ours, formatting), case["fixed"]):
                failures.append(f"missed a case ftfy fixes: {case['label']}: {ours!r} != {expected!r}")
    assert fixed_by_ftfy >= 100 and left_alone >= 20, "the ftfy case files look incomplete"
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("profile", ["default", "encoding"])
def test_ftfy_negative_cases_untouched_by_encoding_repair(profile: str) -> None:
    """ftfy's negative cases whose expected output only differs by typography stay byte-identical."""
    folder = shared_path("data", "ftfy")
    cases = json.loads((folder / "negative.json").read_text("utf-8"))
    for case in cases:
        if case.get("fixed-encoding", case["fixed"]) == case["original"]:
            assert transclean.fix(case["original"], profile=profile) == case["original"], case["label"]


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("«Lo hizo», dijo. Habló»", False),  # "ó»" is 0xF3 0xBB in Windows-1252: no assigned plane
        ("ы готовимся к худшему», said one", False),  # "у»", the same bytes in Windows-1251
        ("Pas de mojibake ici", False),
        ("Emoji 😀".encode().decode("mac_roman"), True),  # plane 1, read as Mac OS Roman
        ("\U000e0067".encode().decode("mac_roman"), True),  # plane 14: a tag of a flag emoji
        ("Crème brûlée".encode().decode("cp1252"), True),
    ],
)
def test_mojibake_precheck(text: str, sign: bool) -> None:
    """The cheap pre-check that decides whether ftfy runs (and is imported) on a line."""
    assert bool(_MOJIBAKE_SIGN.search(text)) is sign


#: characters the pre-check's pairs are made of (every byte 0x80-0xFF in the code pages it reads), a few
#: spaces and letters around them, C1 controls, U+FFFD and a lone surrogate
_SIGN_CHARS = sorted(
    {
        c
        for codec in ("cp1252", "cp1251", "mac_roman", "cp437", "cp1253")
        for c in bytes(range(0x80, 0x100)).decode(codec, "ignore")
    }
    | set(" \u00a0\t\nab\x85\x90\ufffd\ud800")
)


@SETTINGS
@given(st.text(st.sampled_from(_SIGN_CHARS), max_size=6))
def test_mojibake_precheck_is_a_pair_of_some_code_page(text: str) -> None:
    """The pre-check opens with one class of leads and reads each pair back: it fires exactly where a lead
    and a continuation byte of one code page stand side by side (or "Ã " or a lone sign)."""
    pairs = []
    for codec in SIGN_CODECS:
        pairs.append(
            (bytes(range(0xC2, 0xF0)).decode(codec, "ignore"), bytes(range(0x80, 0xC0)).decode(codec, "ignore"))
        )
        for lead, seconds in ((0xF0, range(0x90, 0xB4)), (0xF3, range(0xA0, 0xA1))):
            pairs.append((bytes([lead]).decode(codec, "ignore"), bytes(seconds).decode(codec, "ignore")))
    expected = any(a in leads and b in conts for a, b in pairwise(text) for leads, conts in pairs)
    expected = expected or any(a in "ÂÃ" and b.isspace() for a, b in pairwise(text))
    expected = expected or any("\x80" <= c <= "\x9f" or "\ud800" <= c <= "\udfff" or c == "\ufffd" for c in text)
    assert bool(_MOJIBAKE_SIGN.search(text)) is expected
