"""The paragraph and word diffs behind `mirror:` revisions and the changes report, on arbitrary text,
and the `mirror:` front matter read back as written."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.document import Document, Mirror, Revision, Source
from generator.store.documents import dumps, loads
from generator.store.provenance import Hunk, apply, compare, paragraph_diff, word_counts, word_diff

WORDS = st.sampled_from(["rare", "earth", "prices", "fell", "rose", "é", "mine", "2026", "", "  ", "\t"])
LINES = st.lists(st.lists(WORDS, max_size=8).map(" ".join).filter(str.strip), max_size=12)
TEXT = st.text(alphabet=st.sampled_from("ab \n\t,é"), max_size=40)
WHEN = datetime(2026, 12, 3, 21, 55, tzinfo=timezone.utc)


@given(LINES, LINES)
def test_applying_a_paragraph_diff_gives_the_new_paragraphs(old: list[str], new: list[str]) -> None:
    hunks = paragraph_diff(old, new)
    assert apply(old, hunks) == new
    assert (hunks == []) == (old == new)


@given(TEXT, TEXT)
def test_a_word_diff_holds_both_texts_and_is_empty_of_changes_for_equal_ones(old: str, new: str) -> None:
    runs = word_diff(old, new)
    assert "".join(t for op, t in runs if op != "+") == old
    assert "".join(t for op, t in runs if op != "-") == new
    assert all(op == "=" for op, _ in runs) == (old == new)


def test_a_long_line_rewritten_is_diffed_at_once_and_an_edit_in_it_still_marks_one_word() -> None:
    """A line of 20,000 words (a table kept as HTML, a post without paragraphs) rewritten took minutes to diff:
    every space was compared with every other. A word changed in it still shows as that word alone."""
    old = " ".join(f"w{n % 300}" for n in range(20_000))
    new = " ".join(f"v{n % 300}" for n in range(20_000))
    started = time.process_time()
    assert word_counts(Hunk("body", 0, (old,), (new,))) == (20_000, 20_000)
    assert time.process_time() - started < 5  # 0.03 s; minutes before
    edited = old.replace(" w7 w8 ", " w7 eight ", 1)
    assert [run for run in word_diff(old, edited) if run[0] != "="] == [("-", "w8"), ("+", "eight")]


def test_a_long_table_edited_here_and_there_is_diffed_at_once() -> None:
    """Lines that repeat (a table's empty rows) made the paragraph diff compare each with every other: 8,000
    lines took 2 s, 30,000 half a minute."""
    rows = ["| | |" if n % 3 else f"| row {n} | x |" for n in range(30_000)]
    edited = [row + " changed" if n % 100 == 0 else row for n, row in enumerate(rows)]
    started = time.process_time()
    hunks = paragraph_diff(rows, edited)
    assert time.process_time() - started < 5  # 0.1 s
    assert apply(rows, hunks) == edited and len(hunks) <= 300


def test_words_are_counted_on_each_side() -> None:
    hunk = Hunk("body", 0, ("Prices fell sharply in May.",), ("Prices rose in May and June.",))
    assert word_counts(hunk) == (4, 3)  # "May." is a word: it becomes "May and June."


def post(**fields: object) -> Document:
    base = dict(title="Title", slug="title", type="post", date=WHEN, updated=WHEN, summary="", taxonomies={},
                source=Source(1, "https://e.com/t/", "https://e.com/?p=1"), body="One.\n\nTwo.\n")
    return Document(**(base | fields))


def test_the_same_post_compares_equal_and_a_moved_offset_is_a_changed_date() -> None:
    assert compare(post(), post(mirror=Mirror("2026-12-01"))) is None
    shifted = post(date=WHEN.astimezone(timezone(timedelta(hours=2))))  # the same instant, written otherwise
    assert compare(post(), shifted).changed == ("date",)


def test_mirror_front_matter_reads_back_as_written() -> None:
    revision = Revision("2026-12-10", "2026-12-09T10:00:00+00:00", ("title", "body"),
                        "title changed; body: 2 paragraphs changed, +12 -3 words")
    document = post(mirror=Mirror("2026-12-03", "2026-12-11", (revision,)))
    text = dumps(document)
    assert text.split("\n---\n")[0].endswith(
        "mirror:\n  first: '2026-12-03'\n  removed: '2026-12-11'\n  revisions:\n  - date: '2026-12-10'\n"
        "    modified: '2026-12-09T10:00:00+00:00'\n    changed:\n    - title\n    - body\n"
        "    summary: 'title changed; body: 2 paragraphs changed, +12 -3 words'")
    assert loads(text) == document and dumps(loads(text)) == text
    assert loads(dumps(post())).mirror is None
