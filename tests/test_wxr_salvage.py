"""An export malformed past its header is read item by item, as WordPress's importer reads it: one typo loses
its own item, named with its line, not the whole file."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.problems import Problem
from generator.sources.wp_json import POST
from generator.sources.wxr import read_export
from generator.sources.wxr_salvage import segments
from tests.test_wxr import export, item

TITLES = ["One", "Two", "Three", "Four"]
BREAKS = [  # what a hand-made export or a plugin got wrong in a title, each a fault XML cannot read past
    "<b>unclosed",  # a tag never closed
    "<![CDATA>typo]]>",  # a CDATA section mistyped
    "a < b",  # a bare less-than
    "</item>",  # an item's end inside its own title
]


def _export(broken: int, fault: str) -> str:
    """An export of TITLES, the title of number `broken` written with `fault` and outside CDATA."""
    text = export("\n".join(item(10 + n, title, f"<p>{title}.</p>") for n, title in enumerate(TITLES)))
    if broken < 0:
        return text
    title = TITLES[broken]
    return text.replace(f"<title><![CDATA[{title}]]></title>", f"<title>{title} {fault}</title>")


def _read(tmp_path: Path, text: str) -> tuple[list[int], list[Problem]]:
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    problems: list[Problem] = []
    return [found.data["id"] for found in read_export(path, problems) if found.kind == POST], problems


@settings(max_examples=40, deadline=None)
@given(st.integers(0, len(TITLES) - 1), st.sampled_from(BREAKS))
def test_a_broken_item_is_skipped_and_named_with_its_line_and_the_others_are_read(
        tmp_path_factory, broken: int, fault: str) -> None:
    text = _export(broken, fault)
    ids, problems = _read(tmp_path_factory.mktemp("x"), text)
    assert ids == [10 + n for n in range(len(TITLES)) if n != broken]
    line = next(number for number, found in enumerate(text.splitlines(), 1) if f"{TITLES[broken]} {fault}" in found)
    skipped = [p for p in problems if p.item]
    # Named by its id, or by its line where the fault cut the item before its id (an early `</item>`).
    assert [(p.item, p.left_out) for p in skipped] in ([(str(10 + broken), True)], [(f"line {line}", True)])
    assert skipped[0].message.startswith(f"malformed XML at line {line}, column ")
    assert [p.message.split("; read item by item")[1] for p in problems if "read item by item" in p.message] == [
        f", as WordPress's importer reads such a file: {len(TITLES) - 1} items read, 1 skipped (each named)"]


def test_an_items_end_inside_a_cdata_section_is_text(tmp_path: Path) -> None:
    """A post about feeds may quote `</item>`: inside CDATA it ends nothing, also when the file is read in parts."""
    text = _export(2, "<b>unclosed").replace("<p>One.</p>", "<p>Feeds end items with </item><item>.</p>")
    ids, problems = _read(tmp_path, text)
    assert ids == [10, 11, 13] and [p.item for p in problems if p.item] == ["12"]


def test_a_broken_header_still_refuses_the_whole_file(tmp_path: Path) -> None:
    text = _export(-1, "").replace("<title>Harbour News</title>", "<title>Harbour <b>News</title>")
    ids, problems = _read(tmp_path, text)
    assert ids == [] and len(problems) == 1 and problems[0].message.startswith("malformed XML at line 5, column ")


def test_the_import_of_a_broken_export_writes_the_rest_prunes_nothing_and_exits_1(tmp_path: Path) -> None:
    path, content = tmp_path / "export.xml", tmp_path / "content"
    path.write_text(_export(-1, ""), encoding="utf-8")
    command = [sys.executable, "-m", "generator", "import", str(path), "--content", str(content), "--prune"]
    assert subprocess.run(command, capture_output=True, text=True).returncode == 0
    path.write_text(_export(1, "<b>unclosed").replace("<p>Three.</p>", "<p>Three, edited.</p>"), encoding="utf-8")
    run = subprocess.run(command, capture_output=True, text=True)
    assert run.returncode == 1
    assert "item 11: malformed XML at line" in run.stderr and "nothing pruned" in run.stderr
    posts = sorted(p.name for p in (content / "post").glob("*.md"))
    assert len(posts) == 4  # the broken item's post stays as the last import wrote it
    assert any("Three, edited." in p.read_text(encoding="utf-8") for p in (content / "post").glob("*.md"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([b"<item>", b"</item>", b"<item x='1'>", b"<![CDATA[", b"]]>", b"text",
                                 b"\n", b"<items>", b"</item >"]), max_size=40),
       st.integers(1, 40))
def test_the_parts_an_export_is_cut_into_are_the_file_whatever_the_reads(pieces: list[bytes], size: int) -> None:
    """Each byte in exactly one part, in order, at the line and column it has in the file, however the
    reads cut the file (a token may straddle two reads)."""
    data = b"<rss><channel>" + b"".join(pieces) + b"</channel></rss>"
    whole = list(segments(io.BytesIO(data).read))
    stream = io.BytesIO(data)
    parts = list(segments(lambda n: stream.read(min(n, size))))
    assert parts == whole and b"".join(p.data for p in parts) == data
    at = 0
    for part in parts:
        before, at = data[:at], at + len(part.data)
        assert (part.line, part.column) == (before.count(b"\n") + 1, len(before) - before.rfind(b"\n") - 1)
