"""The edit log replays, undoes and maps offsets both ways."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from transclean import Edit, EditLog, Pipeline


def test_apply_replay_undo_and_map() -> None:
    source = "one  two,, three"
    text, log = EditLog().apply(source, [(Edit(3, 5, " "), "A"), (Edit(8, 10, ","), "B")])
    assert text == "one two, three"
    assert log.replay(source) == text
    assert log.undo(text) == source
    assert text[log.to_output(11) :] == "three" and source[log.to_source(text.index("three")) :] == "three"
    assert [e.code for e in log.edits] == ["B", "A"]


@st.composite
def _edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(st.text(max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6, unique=True)))
    edits = [Edit(a, b, draw(st.text(max_size=4))) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    return text, edits


@given(_edits())
def test_log_round_trips(case: tuple[str, list[Edit]]) -> None:
    source, edits = case
    text, log = EditLog().apply(source, [(e, "X") for e in edits])
    assert log.replay(source) == text
    assert log.undo(text) == source
    for i in range(len(source) + 1):
        assert 0 <= log.to_output(i) <= len(text)


def test_pipeline_log_maps_output_back_to_source() -> None:
    source = "Intro.\n\n[ad_1]\n\nThe army moved. . Later, talks began.\n"
    result = Pipeline().process(source)
    assert result.text == "Intro.\n\nThe army moved. Later, talks began.\n"
    assert result.log.replay(source) == result.text and result.log.undo(result.text) == source
    out = result.text.index("Later")
    assert source[result.log.to_source(out) :].startswith("Later")


@given(
    st.text(alphabet="ab \n", max_size=12),
    st.lists(
        st.tuples(st.integers(0, 15), st.sampled_from((0, 0, 1, 2, 4)), st.sampled_from(("", "x", "ab", " "))),
        max_size=6,
    ),
)
def test_apply_gives_what_applying_edit_by_edit_gives(text: str, spans: list[tuple[int, int, str]]) -> None:
    """Applying in one join (linear) gives the text and log of rebuilding the text per edit, right to left,
    also for touching, overlapping and out-of-range edits."""
    edits = [(Edit(a, a + n, new), "X") for a, n, new in spans]
    expected, applied = text, []
    for edit, _ in sorted(edits, key=lambda pair: (pair[0].start, pair[0].end), reverse=True):
        old = expected[edit.start : edit.end]
        if old != edit.replacement:
            expected = expected[: edit.start] + edit.replacement + expected[edit.end :]
            applied.append((edit.start, old, edit.replacement))
    out, log = EditLog().apply(text, edits)
    assert out == expected
    assert [(e.start, e.old, e.new) for e in log.edits] == applied


@given(
    st.text(alphabet="ab \n", max_size=30),
    st.lists(
        st.lists(
            st.tuples(st.integers(0, 30), st.sampled_from((0, 0, 1, 2, 4)), st.sampled_from(("", "x", "ab", " "))),
            max_size=6,
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_to_source_undoes_the_edits_one_by_one(text: str, passes: list[list[tuple[int, int, str]]]) -> None:
    """Mapping back by runs and bisection gives what undoing every edit in turn gives, at every offset of the
    output, for starts of spans and other offsets, over several passes (touching, overlapping, out-of-range
    edits and removals included), and after a pickle round trip."""
    log = EditLog()
    for spans in passes:
        text, log = log.apply(text, [(Edit(min(a, len(text)), min(a + n, len(text)), new), "X") for a, n, new in spans])
    copy = pickle.loads(pickle.dumps(log))
    for offset in range(len(text) + 2):
        for span_start in (False, True):
            expected = offset
            for e in reversed(log.edits):
                expected = e.map_back(expected, after_removal=span_start)
            assert log.to_source(offset, span_start=span_start) == expected
            assert copy.to_source(offset, span_start=span_start) == expected
