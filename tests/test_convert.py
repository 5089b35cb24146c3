"""HTML -> Markdown: one data-file case per cleanup rule, plus the sample post."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.convert import cleanup
from generator.convert.markdown import html_to_markdown, normalize
from tests.conftest import SAMPLE_JSON, need_shared

CASES = Path(__file__).parent / "cases" / "convert"
CASE_NAMES = sorted(p.stem for p in CASES.glob("*.html"))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_conversion_case(name: str) -> None:
    html = (CASES / f"{name}.html").read_text(encoding="utf-8")
    expected = (CASES / f"{name}.md").read_text(encoding="utf-8")
    assert html_to_markdown(html) == expected


def test_every_cleanup_pass_has_its_own_case() -> None:
    assert {p.__name__ for p in cleanup.PASSES} <= set(CASE_NAMES)


def test_normalize_leaves_one_blank_line_and_a_final_newline() -> None:
    assert normalize("\n\nA  \n\n\n\nB\n\n") == "A\n\nB\n"
    assert normalize("\n \n") == ""


def test_sample_post_loses_plugin_toc_and_screen_reader_text_but_keeps_every_section() -> None:
    data = json.loads(need_shared(SAMPLE_JSON).read_text(encoding="utf-8"))
    markdown = html_to_markdown(data["content"]["rendered"])
    assert "Table of Contents" not in markdown
    assert "opens in a new tab" not in markdown
    assert "wpil" not in markdown and "<span" not in markdown
    headings = re.findall(r"^## (.+) \{#([\w-]+)\}$", markdown, flags=re.MULTILINE)
    assert [ident for _, ident in headings] == [
        "quality-control-at-olympic-levels", "partnerships-across-chinas-industrial-backbone",
        "deepening-soe-reform-to-support-expansion", "a-strategic-turn-toward-critical-metals",
        "bottom-line-for-investors"]
    assert not any(len(line) < 200 and line.endswith(" ") for line in markdown.splitlines())
