"""Provenance on post pages: where a post comes from, when the mirror first saw it, when it last changed
upstream, what its revisions changed, and whether the source took it down. Read from the `mirror:` block of
its front matter, which may be absent (older content) or malformed (a hand edit)."""

from __future__ import annotations

from pathlib import Path

from generator.builder import run_build
from tests.site_content import config
from tests.site_reading import page
from tests.test_updates import BASE, build, entries, mirrored_content, revision


def about(site: Path, slug: str) -> list[str]:
    """The lines of the post's "About this copy" block, as a reader sees them."""
    block = page(site, f"news-archive/{slug}/index.html").select_one("footer.provenance")
    return [" ".join(item.text.split()) for item in block.select("li")]


def test_a_revised_post_says_when_and_what_changed_upstream(tmp_path: Path) -> None:
    site = build(tmp_path, mirrored_content(tmp_path))
    post = page(site, "news-archive/retitled/index.html")
    latest = post.select_one("article header .revised")
    assert " ".join(latest.text.split()) == "Revised upstream on 10 December 2026: title changed"
    assert latest.time["datetime"] == "2026-12-10"
    assert about(site, "retitled") == [
        "Source: https://example.com/news/retitled/",
        "First mirrored 3 December 2026",
        "Last changed upstream 2 November 2025, 09:00 UTC-07:00",
        "Revised upstream on 5 December 2026: body: 1 paragraph changed, +4 -1 words",
    ]
    footer = post.select_one("footer.provenance")
    assert footer.a["href"] == "https://example.com/news/retitled/"
    assert footer.h3.text == "Earlier revisions upstream"
    assert post.select_one(".notice") is None


def test_a_post_removed_upstream_says_so_and_is_kept(tmp_path: Path) -> None:
    site = build(tmp_path, mirrored_content(tmp_path))
    post = page(site, "news-archive/taken-down/index.html")
    notice = post.select_one("article header .notice")
    assert " ".join(notice.text.split()) == ("Removed from the source site on or before 10 December 2026; "
                                            "kept in this mirror.")
    assert notice["role"] == "note" and notice.time["datetime"] == "2026-12-10"
    assert "Body of taken-down." in post.select_one(".body").text
    assert post.select_one(".revised") is None
    assert about(site, "taken-down")[1:] == ["First mirrored 3 December 2026",
                                             "Last changed upstream 3 November 2025, 09:00 UTC-07:00"]


def test_a_post_without_a_mirror_block_shows_its_source_as_before(tmp_path: Path) -> None:
    site = build(tmp_path, mirrored_content(tmp_path))
    post = page(site, "news-archive/plain-0/index.html")
    assert post.select_one("footer.provenance") is None and post.select_one(".revised, .notice") is None
    assert " ".join(post.select_one("footer.source").text.split()) == (
        "Originally published at https://example.com/news/plain-0/.")


def test_a_source_that_is_not_a_web_address_is_shown_as_text(tmp_path: Path) -> None:
    content = mirrored_content(tmp_path, mirrors={"odd": {"first": "2026-12-03"}}, plain=0)
    path = content / "news-archive/odd.md"
    path.write_text(path.read_text().replace("url: https://example.com/news/odd/", "url: javascript:alert(1)"))
    result = run_build(config(tmp_path, content, site={"base_url": BASE}, build={"jobs": 1}))
    assert [(p.field, p.message) for p in result.problems] == [
        ("source.url", "not a web address (http or https): 'javascript:alert(1)'; shown as text")]
    site = tmp_path / "site"
    block = page(site, "news-archive/odd/index.html").select_one("footer.provenance")
    assert block.a is None and "Source: javascript:alert(1)" in block.text


def test_malformed_mirror_blocks_are_reported_and_the_posts_still_built(tmp_path: Path) -> None:
    content = mirrored_content(tmp_path, mirrors={
        "bad-dates": {"first": "soon", "removed": "2026-13-40", "revisions": [
            revision("2026-12-10", "kept"), {"date": "yesterday", "summary": "dropped"},
            {"date": "2026-12-09", "modified": "later", "changed": ["body"], "summary": "no modified"}]},
        "not-a-mapping": "mirror: just text",
        "bad-revisions": "mirror:\n  first: '2026-12-03'\n  revisions: 12",
    }, plain=0)
    result = run_build(config(tmp_path, content, site={"base_url": BASE}, build={"jobs": 1}))
    reported = sorted((Path(p.file).name, p.field) for p in result.problems)
    assert reported == sorted([("bad-dates.md", "mirror.first"), ("bad-dates.md", "mirror.removed"),
                               ("bad-dates.md", "mirror.revisions[2].date"),
                               ("bad-dates.md", "mirror.revisions[3].modified"),
                               ("bad-revisions.md", "mirror.revisions"), ("not-a-mapping.md", "mirror")])
    assert all("\n" not in str(p) for p in result.problems)
    site = tmp_path / "site"
    for slug in ("bad-dates", "not-a-mapping", "bad-revisions"):
        assert (site / f"news-archive/{slug}/index.html").is_file()
    assert [entry[:2] for entry in entries(site)] == [("2026-12-10", "Revised"), ("2026-12-09", "Revised")]
    unreadable = page(site, "news-archive/not-a-mapping/index.html")
    assert unreadable.select_one("footer.provenance") is None and unreadable.select_one("footer.source")
    assert about(site, "bad-dates")[1:] == ["Last changed upstream 1 November 2025, 09:00 UTC-07:00",
                                            "Revised upstream on 9 December 2026: no modified"]
    again = run_build(config(tmp_path, content, site={"base_url": BASE}, build={"jobs": 1}))
    assert again.unchanged and [str(p) for p in again.problems] == [str(p) for p in result.problems]
