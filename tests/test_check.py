"""`newsmirror check`: finds every kind of offline breakage, and passes a good build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.check import check_site

PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
        '<body id="top">{body}</body></html>')


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for path, body in pages.items():
        target = tmp_path / "site" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body if path.endswith(".xml") else PAGE.format(title="T", body=body), encoding="utf-8")
    return tmp_path / "site"


def test_a_good_site_has_no_problems(tmp_path: Path) -> None:
    good = site(tmp_path, {"index.html": '<a href="a/index.html#x">A</a><a href="#top">top</a>'
                                         '<a href="https://example.com/">out</a><a href="mailto:a@b.c">mail</a>',
                           "a/index.html": '<h2 id="x">X</h2><a href="../index.html">home</a>'
                                           '<img src="../i.png" alt="">',
                           "i.png": "", "feed.xml": "<feed/>"})
    assert check_site(good) == []


def test_every_kind_of_breakage_is_named(tmp_path: Path) -> None:
    bad = site(tmp_path, {
        "index.html": '<a href="a/">folder</a><a href="missing.html">gone</a><a href="/abs.html">abs</a>'
                      '<a href="a/index.html#nope">frag</a><a href="../../out.html">out</a>'
                      '<img src="https://cdn.example.com/x.png"><link rel="stylesheet" href="//cdn.example.com/s.css">'
                      '<p style="background:url(https://e.com/bg.png)">x</p><script src="http://e.com/x.js"></script>',
        "a/index.html": "", "feed.xml": "<feed><entry></feed>"})
    (bad / "a" / "index.html").write_text('<html><head></head><body></body></html>')
    assert check_site(bad) == [
        "a/index.html: no <html lang>",
        "a/index.html: no <title>",
        "index.html: <a> links to a/: a is a folder, not a file",
        "index.html: <a> links to missing.html: missing.html is missing",
        "index.html: <a> links to /abs.html, which starts with '/' and breaks file:// and project subpaths",
        "index.html: <a> links to a/index.html#nope: no id 'nope' in a/index.html",
        "index.html: <a> links to ../../out.html, which leaves the site",
        "index.html: <img> loads https://cdn.example.com/x.png from the network",
        "index.html: <link> loads //cdn.example.com/s.css from the network",
        "index.html: <style> loads https://e.com/bg.png from the network",
        "index.html: <script> loads http://e.com/x.js from the network",
        "feed.xml: not well-formed XML: mismatched tag: line 1, column 15",
    ]


def test_the_command_numbers_problems_and_exits_one(tmp_path: Path) -> None:
    bad = site(tmp_path, {"index.html": '<a href="gone.html">x</a>'})
    done = subprocess.run([sys.executable, "-m", "generator", "check", str(bad)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1
    assert done.stdout.splitlines() == ["1. index.html: <a> links to gone.html: gone.html is missing",
                                        f"checked 1 pages in {bad}: 1 problems"]


def test_the_built_sample_site_passes(sample_site: Path) -> None:
    assert check_site(sample_site) == []


def test_folders_named_like_pages_or_feeds_are_folders_not_pages(tmp_path: Path) -> None:
    """A term or a post type may be called `feed.xml` or `index.html`: its folder is not read as a file."""
    named = site(tmp_path, {"index.html": '<a href="feed.xml/index.html">term</a>', "feed.xml/index.html": "",
                            "news/index.html/index.html": ""})
    assert check_site(named) == []
