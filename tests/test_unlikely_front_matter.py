"""Hand-written front matter a post can be built with but no WordPress post has: each value gets one line naming
the file and field, and the site is still built (exit 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

POST = """---
title: A
slug: a
type: post
date: '{date}'
summary: s
taxonomies: {{}}
source:
  id: {id}
  url: '{url}'
  guid: ''
---

Body
"""


def build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], **fields: object
          ) -> tuple[int, list[str], str]:
    values = {"date": "2024-03-31T01:30:00+01:00", "id": 7, "url": "https://example.com/a/", **fields}
    (tmp_path / "content" / "post").mkdir(parents=True)
    (tmp_path / "content" / "post" / "a.md").write_text(POST.format(**values), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["build"])
    lines = [line for line in capsys.readouterr().err.splitlines() if "problem(s)" not in line]
    return code, lines, (tmp_path / "site" / "post" / "a" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("fields", "line"), [
    ({"id": -5}, "field 'source.id': -5 is no WordPress id (1 to 9223372036854775807, or 0 for a post written here)"),
    ({"id": 10**30}, f"field 'source.id': {10**30} is no WordPress id (1 to 9223372036854775807, or 0 for a post "
                     "written here)"),
    ({"date": "0001-01-01T00:00:00+01:00"}, "field 'date': year 1 is no publication date (a placeholder?); "
                                            "kept as written"),
    ({"date": "9999-12-31T23:30:00-01:00"}, "field 'date': year 9999 is no publication date (a placeholder?); "
                                            "kept as written"),
])
def test_an_unlikely_id_or_date_is_told_and_the_post_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str], fields: dict,
                                                           line: str) -> None:
    code, lines, _ = build(tmp_path, monkeypatch, capsys, **fields)
    assert (code, lines) == (1, [f"newsmirror: {Path('content', 'post', 'a.md')}: {line}"])


def test_a_source_url_that_is_no_web_address_is_told_and_shown_as_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """It was shown, escaped, as "Originally published at javascript:alert(1).", without a word."""
    code, lines, html = build(tmp_path, monkeypatch, capsys, url="javascript:alert(1)")
    assert (code, lines) == (1, [f"newsmirror: {Path('content', 'post', 'a.md')}: field 'source.url': not a web "
                                 "address (http or https): 'javascript:alert(1)'; shown as text"])
    assert 'href="javascript' not in html


def test_a_likely_post_builds_without_a_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, html = build(tmp_path, monkeypatch, capsys)
    assert (code, lines) == (0, []) and "https://example.com/a/" in html


def test_fields_nothing_reads_are_told_each_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A typo (`titel:`), another tool's key (`draft:`) and `source` written as an address were taken without a
    word, the last building the post with no source address."""
    text = POST.format(date="2024-03-31T01:30:00+01:00", id=7, url="https://example.com/a/")
    text = text.replace("summary: s\n", "summary: s\ntitel: B\ndraft: true\n").replace("  guid: ''\n", "  guid: ''\n  link: x\n")
    (tmp_path / "content" / "post").mkdir(parents=True)
    (tmp_path / "content" / "post" / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "content" / "post" / "b.md").write_text(
        text.replace("slug: a", "slug: b").split("source:")[0] + "source: https://example.com/b/\n---\n\nBody\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if "problem(s)" not in line]
    a, b = Path("content", "post", "a.md"), Path("content", "post", "b.md")
    assert lines == [f"newsmirror: {a}: field 'titel': not a field of a post file; not read",
                     f"newsmirror: {a}: field 'draft': not a field of a post file; not read",
                     f"newsmirror: {a}: field 'source.link': not a field of a post's source; not read",
                     f"newsmirror: {b}: field 'titel': not a field of a post file; not read",
                     f"newsmirror: {b}: field 'draft': not a field of a post file; not read",
                     f"newsmirror: {b}: field 'source': expected fields (id, url, guid), got "
                     "'https://example.com/b/'; not read"]
    assert (tmp_path / "site" / "post" / "b" / "index.html").is_file()
