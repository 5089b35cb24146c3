"""An export cut short (a download or copy interrupted): its whole items are imported, and the file is said to end
early, not to be "malformed XML at line N, column 1: no element found"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.problems import Problem
from generator.sources.wp_json import POST
from generator.sources.wxr import read_export
from tests.test_wxr import export, item

WHOLE = export(item(19, "One", "<p>First.</p>") + item(20, "Café", "<p>Second, déjà vu.</p>")
               + item(21, "Three", "<p>Third.</p>")).encode("utf-8")
CHANNEL = WHOLE.index(b"<channel>")
VERSION_READ = WHOLE.index(b"</wp:wxr_version>") + len(b"</wp:wxr_version>")  # where its element closes


def _read(tmp_path: Path, data: bytes) -> tuple[list[int], list[str]]:
    path = tmp_path / "export.xml"
    path.write_bytes(data)
    problems: list[Problem] = []
    ids = [found.data["id"] for found in read_export(path, problems) if found.kind == POST]
    return ids, [problem.message for problem in problems]


def test_an_export_cut_inside_an_item_gives_the_items_before_it_and_says_the_file_ends_early(tmp_path: Path) -> None:
    data = WHOLE[:WHOLE.index(b"<p>Third")]
    ids, messages = _read(tmp_path, data)
    lines = data.count(b"\n") + 1
    assert ids == [19, 20]
    assert messages == [f"the file ends early, in its line {lines}, before its closing </rss>: cut "
                        "short, as an interrupted download or copy leaves it; the 2 whole items before the cut were "
                        "read (the last: item 20); any item it cuts through and all after it are lost. Export or "
                        "download it again"]


def test_an_export_cut_inside_its_header_is_refused_as_cut_short(tmp_path: Path) -> None:
    ids, messages = _read(tmp_path, WHOLE[:WHOLE.index(b"<wp:wxr_version>") + 5])
    assert ids == [] and len(messages) == 1
    assert messages[0].startswith("the file ends early, in its line 6, before its header's <wp:wxr_version>")


def test_a_well_ended_export_with_an_unclosed_element_is_still_malformed(tmp_path: Path) -> None:
    """Only a file without its </rss> is cut short: one whose items are not closed was written wrong, and is
    read item by item (test_wxr_salvage.py)."""
    ids, messages = _read(tmp_path, WHOLE.replace(b"</item>", b"", 1))
    assert ids == [20, 21] and messages[0].startswith("malformed XML at line")
    assert "the file ends early" not in " ".join(messages)


@settings(max_examples=200, deadline=None)
@given(st.integers(CHANNEL, len(WHOLE.rstrip()) - 1))
def test_wherever_an_export_is_cut_its_whole_items_are_read_and_the_cut_is_said(
        tmp_path_factory: pytest.TempPathFactory, end: int) -> None:
    """At any byte, inside a tag, a CDATA section or a character of two bytes (`é`)."""
    ids, messages = _read(tmp_path_factory.mktemp("cut"), WHOLE[:end])
    assert ids == [19, 20, 21][:len(ids)]
    assert len(messages) == 1 and messages[0].startswith("the file ends early")
    assert ("before its header's" in messages[0]) == (end < VERSION_READ)


def test_the_import_of_a_cut_export_writes_its_whole_posts_prunes_nothing_and_exits_1(tmp_path: Path) -> None:
    content = tmp_path / "content"
    whole, cut = tmp_path / "whole.xml", tmp_path / "cut.xml"
    whole.write_bytes(WHOLE)
    cut.write_bytes(WHOLE[:WHOLE.index(b"<p>Third")])

    def run(source: Path, *options: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "generator", "import", str(source), "--content", str(content),
                               *options], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run(whole).returncode == 0
    done = run(cut, "--prune")
    assert done.returncode == 1
    assert "cut.xml: the file ends early" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in (content / "post").glob("*.md")) == ["post-19.md", "post-20.md", "post-21.md"]
