"""The Updates page and its feed: what the mirror saw the source add, revise and remove, newest first, from the
`mirror:` blocks of the posts' front matter."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest

from generator.builder import run_build
from generator.check import check_site
from generator.convert.document import Source
from generator.store import front_matter
from generator.store.import_cache import CACHE_DIR
from tests.site_content import PACIFIC, SOURCE_SITE, config, post, write_content
from tests.site_reading import page, resolve, tree
from tests.test_incremental import _age, files_on_disk

BASE = "https://user.github.io/mirror/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITECHECK = Path(__file__).resolve().parents[2] / "shared" / "tools" / "sitecheck.py"


def revision(day: str, summary: str, changed: tuple[str, ...] = ("body",)) -> dict[str, Any]:
    return {"date": day, "modified": f"{day}T08:00:00-07:00", "changed": list(changed), "summary": summary}


# slug -> the post's mirror block, as the importer writes it (common to test_provenance.py)
MIRRORS: dict[str, dict[str, Any]] = {
    "added-only": {"first": "2026-12-03"},
    "retitled": {"first": "2026-12-03", "revisions": [
        revision("2026-12-10", "title changed", ("title",)),
        revision("2026-12-05", "body: 1 paragraph changed, +4 -1 words")]},
    "taken-down": {"first": "2026-12-03", "removed": "2026-12-10"},
    "late-arrival": {"first": "2026-12-10"},
}


def add_mirror(content: Path, slug: str, block: dict[str, Any] | str) -> None:
    """Writes `block` as the post's `mirror:` front matter, last, as the importer does; a string as it is."""
    path = content / "news-archive" / f"{slug}.md"
    header, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    header = header.split("\nmirror:")[0]
    text = block if isinstance(block, str) else front_matter.dump({"mirror": block})
    path.write_text(f"{header}\n{text}\n---\n{body}", encoding="utf-8")


def mirrored_content(root: Path, mirrors: dict[str, dict[str, Any] | str] | None = None,
                     plain: int = 2) -> Path:
    """Posts with the given mirror blocks, and `plain` posts without one (older content)."""
    slugs = [*(mirrors if mirrors is not None else MIRRORS), *(f"plain-{n}" for n in range(plain))]
    documents = [post(slug, datetime(2025, 11, 1 + n, 9, tzinfo=PACIFIC),
                      source=Source(100 + n, f"{SOURCE_SITE}{slug}/", f"https://example.com/?p={100 + n}"))
                 for n, slug in enumerate(slugs)]
    content = write_content(root / "content", documents)
    for slug, block in (mirrors if mirrors is not None else MIRRORS).items():
        add_mirror(content, slug, block)
    _age(content)
    return content


def build(root: Path, content: Path, **sections: dict) -> Path:
    settings: dict[str, dict] = {"site": {"base_url": BASE}, "build": {"jobs": 1}}
    for name, values in sections.items():
        settings.setdefault(name, {}).update(values)
    result = run_build(config(root, content, **settings))
    assert result.problems == [], result.problems
    return root / "site"


def entries(site: Path, path: str = "updates/index.html") -> list[tuple[str, str, str, str]]:
    """(date, kind, title, summary) of each entry of an Updates page, as a reader sees them."""
    found = []
    for item in page(site, path).select("ol.updates > li"):
        link = item.h2.a
        assert (site / resolve(path, link["href"])).is_file()
        summary = item.find("p", class_=False)
        found.append((item.time["datetime"], item.select_one(".kind").text, link.text,
                      summary.text if summary else ""))
    return found


EXPECTED = [
    ("2026-12-10", "Removed", "Taken Down", "Removed from the source site; kept in this mirror."),
    ("2026-12-10", "Revised", "Retitled", "title changed"),
    ("2026-12-10", "Added", "Late Arrival", "Summary of late-arrival."),
    ("2026-12-05", "Revised", "Retitled", "body: 1 paragraph changed, +4 -1 words"),
    ("2026-12-03", "Added", "Added Only", "Summary of added-only."),
    ("2026-12-03", "Added", "Retitled", "Summary of retitled."),
    ("2026-12-03", "Added", "Taken Down", "Summary of taken-down."),
]


def test_the_updates_page_lists_every_change_newest_first_with_links(tmp_path: Path) -> None:
    site = build(tmp_path, mirrored_content(tmp_path))
    assert entries(site) == EXPECTED
    home = page(site, "index.html")
    nav = {a.text: a["href"] for a in home.select("header nav a")}
    assert nav["Updates"] == "updates/index.html"
    assert page(site, "updates/index.html").title.text.startswith("Updates · ")


def test_the_updates_page_is_paginated_like_the_other_lists_and_bounded(tmp_path: Path) -> None:
    site = build(tmp_path, mirrored_content(tmp_path), build={"posts_per_page": 3})
    pages = ["updates/index.html", "updates/page/2/index.html", "updates/page/3/index.html"]
    assert [entry for path in pages for entry in entries(site, path)] == EXPECTED
    assert not (site / "updates/page/4").exists()
    second = page(site, pages[1])
    pager = {a.text: resolve(pages[1], a["href"]) for a in second.select("nav.pager a")}
    assert pager == {"Newer": pages[0], "Older": pages[2]}
    assert "Page 2 of 3" in second.select_one("nav.pager").text

    bounded = build(tmp_path / "bounded", mirrored_content(tmp_path / "bounded"), changes={"updates": 4})
    assert entries(bounded) == EXPECTED[:4]


def test_the_updates_feed_is_atom_with_an_entry_per_change(tmp_path: Path) -> None:
    site = build(tmp_path, mirrored_content(tmp_path))
    link = page(site, "updates/index.html").find("link", rel="alternate")
    assert (link["type"], resolve("updates/index.html", link["href"])) == ("application/atom+xml", "updates/feed.xml")
    feed = ET.parse(site / "updates/feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}updated") == "2026-12-10T00:00:00+00:00"
    items = feed.findall(f"{ATOM}entry")
    shown = [(e.findtext(f"{ATOM}updated")[:10], e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}summary"))
             for e in items]
    assert shown == [(day, f"{kind}: {title}", summary) for day, kind, title, summary in EXPECTED]
    for element in ("id", "title", "updated", "author"):
        assert len(feed.findall(f"{ATOM}{element}")) == 1, element
    assert all(len(e.findall(f"{ATOM}{element}")) == 1 for e in items for element in ("id", "title", "updated"))
    parsed = feedparser.parse((site / "updates/feed.xml").read_bytes())
    assert not parsed.bozo and parsed.version == "atom10"
    assert parsed.feed.link == f"{BASE}updates/" and parsed.feed.title == "News mirror: Updates"
    ids = [e.findtext(f"{ATOM}id") for e in items]
    assert len(set(ids)) == len(ids) and all(i.startswith(f"{BASE}updates/feed.xml#") for i in ids)
    assert items[0].find(f"{ATOM}link").get("href") == f"{BASE}news-archive/taken-down/"
    sitemap = (site / "sitemap.xml").read_text()
    assert f"<loc>{BASE}updates/</loc><lastmod>2026-12-10T00:00:00+00:00</lastmod>" in sitemap


def test_the_site_with_updates_passes_the_checks(tmp_path: Path) -> None:
    site = build(tmp_path, mirrored_content(tmp_path), build={"posts_per_page": 2})
    assert check_site(site) == []
    if not SITECHECK.is_file():
        pytest.skip(f"{SITECHECK} is absent: the offline check of ../shared/tools was not run")
    done = subprocess.run([sys.executable, str(SITECHECK), str(site)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]


def removed_cards(site: Path, path: str) -> dict[str, str]:
    """Title -> what the card of each post on a list page says of its removal upstream ("" for none)."""
    return {item.h2.a.text: " ".join(mark.text for mark in item.select(".meta .removed"))
            for item in page(site, path).select("ol.posts > li")}


def test_list_pages_mark_posts_removed_upstream_also_after_a_rebuild(tmp_path: Path) -> None:
    project = tmp_path / "project"
    content = mirrored_content(project)
    site = build(project, content)
    gone = "Removed from the source site"
    for path in ("index.html", "archive/2025/index.html", "archive/2025/11/index.html"):
        cards = removed_cards(site, path)
        assert cards["Taken Down"] == gone and cards["Retitled"] == "" and cards["Plain 0"] == "", path
    add_mirror(content, "added-only", {"first": "2026-12-03", "removed": "2026-12-12"})
    build(project, content)
    assert removed_cards(site, "index.html")["Added Only"] == gone
    clean = tmp_path / "clean"
    shutil.copytree(content, clean / "content", ignore=shutil.ignore_patterns(CACHE_DIR))
    assert tree(site) == tree(build(clean, clean / "content"))


def test_a_site_without_mirror_blocks_has_no_updates_page(tmp_path: Path) -> None:
    site = build(tmp_path, mirrored_content(tmp_path, mirrors={}, plain=3))
    assert not (site / "updates").exists()
    assert "Updates" not in [a.text for a in page(site, "index.html").select("header nav a")]
    assert check_site(site) == []


def test_mirror_blocks_without_events_say_no_changes_were_recorded(tmp_path: Path) -> None:
    site = build(tmp_path, mirrored_content(tmp_path, mirrors={"quiet": {"first": ""}}))
    assert entries(site) == []
    assert "No changes recorded yet." in page(site, "updates/index.html").main.text
    feed = ET.parse(site / "updates/feed.xml").getroot()
    assert feed.findall(f"{ATOM}entry") == []
    assert check_site(site) == []


def test_a_changed_mirror_block_rebuilds_its_post_and_the_updates_pages_as_a_clean_build(tmp_path: Path) -> None:
    project = tmp_path / "project"
    content = mirrored_content(project)
    site = build(project, content, build={"posts_per_page": 3})
    before, on_disk = tree(site), files_on_disk(site)
    add_mirror(content, "added-only", {"first": "2026-12-03", "revisions": [revision("2026-12-11", "summary changed")]})
    build(project, content, build={"posts_per_page": 3})
    after = tree(site)
    clean = tmp_path / "clean"
    shutil.copytree(content, clean / "content", ignore=shutil.ignore_patterns(CACHE_DIR))
    assert after == tree(build(clean, clean / "content", build={"posts_per_page": 3}))
    changed = {path for path in after if before.get(path) != after[path]}
    assert {"news-archive/added-only/index.html", "updates/index.html", "updates/page/2/index.html",
            "updates/feed.xml", "sitemap.xml"} <= changed
    assert "news-archive/retitled/index.html" not in changed
    rewritten = {p for p, stat in files_on_disk(site).items() if p in on_disk and on_disk[p] != stat}
    assert rewritten - {".nojekyll"} == changed & set(on_disk)
    assert entries(site)[0] == ("2026-12-11", "Revised", "Added Only", "summary changed")


@pytest.mark.parametrize("slug, shown", [("late-arrival", True), ("plain-0", False)])
def test_a_retitled_post_shows_its_new_title_in_the_updates_as_a_clean_build(tmp_path: Path, slug: str,
                                                                             shown: bool) -> None:
    """Retitling a post is rebuilt in place (output/edits.py): the Updates page and feed, which name a post with
    a history by its title, are made again; a post without one is on neither, which stay as they were."""
    project = tmp_path / "project"
    content = mirrored_content(project)
    site = build(project, content)
    before = tree(site)
    path = content / "news-archive" / f"{slug}.md"
    title = path.read_text(encoding="utf-8").split("title: ", 1)[1].split("\n", 1)[0]
    path.write_text(path.read_text(encoding="utf-8").replace(f"title: {title}", "title: A New Title", 1),
                    encoding="utf-8")
    build(project, content)
    after = tree(site)
    clean = tmp_path / "clean"
    shutil.copytree(content, clean / "content", ignore=shutil.ignore_patterns(CACHE_DIR))
    assert after == tree(build(clean, clean / "content"))
    changed = {p for p in after if before[p] != after[p]}
    assert ({"updates/index.html", "updates/feed.xml"} <= changed) == shown
    assert ("A New Title" in [title for _, _, title, _ in entries(site)]) == shown


def test_two_revisions_on_one_day_keep_distinct_ids_as_newer_ones_come(tmp_path: Path) -> None:
    twice = {"first": "2026-12-03", "revisions": [revision("2026-12-10", "second"), revision("2026-12-10", "first")]}
    site = build(tmp_path / "a", mirrored_content(tmp_path / "a", mirrors={"busy": twice}, plain=0))
    assert [entry[3] for entry in entries(site)] == ["second", "first", "Summary of busy."]
    ids = [e.findtext(f"{ATOM}id") for e in ET.parse(site / "updates/feed.xml").getroot().iter(f"{ATOM}entry")]
    feed = f"{BASE}updates/feed.xml#"
    assert ids == [f"{feed}revised-2026-12-10/news-archive/busy/2", f"{feed}revised-2026-12-10/news-archive/busy",
                   f"{feed}added-2026-12-03/news-archive/busy"]
    twice["revisions"].insert(0, revision("2026-12-10", "third"))
    site = build(tmp_path / "b", mirrored_content(tmp_path / "b", mirrors={"busy": twice}, plain=0))
    again = [e.findtext(f"{ATOM}id") for e in ET.parse(site / "updates/feed.xml").getroot().iter(f"{ATOM}entry")]
    assert again == [f"{feed}revised-2026-12-10/news-archive/busy/3", *ids]


def test_an_entry_whose_title_mixes_both_ways_runs_the_way_most_of_its_words_do(tmp_path: Path) -> None:
    """An Arabic title that begins with a Latin name ran left to right on the Updates page (`dir="auto"`)."""
    content = mirrored_content(tmp_path, {"red-one": {"first": "2026-12-03"}}, plain=0)
    path = content / "news-archive" / "red-one.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Red One", "title: Red One يعود للغناء رفقة مشاهير"),
                    encoding="utf-8")
    site = build(tmp_path, content)
    assert [h2["dir"] for h2 in page(site, "updates/index.html").select("ol.updates > li > h2")] == ["rtl"]
