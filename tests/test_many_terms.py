"""A post filed under thousands of terms (SEO plugins and tag clouds make such posts): its card in the lists
names its first terms, its own page names them all, and neither the site's size nor the grouping grows with
their number squared."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path

from generator.builder import run_build
from generator.model import build_site
from generator.output.loading import meta_of, stored_post_of
from generator.render.views import CARD_TERMS
from generator.store.terms import read_terms
from tests.site_content import config, post, write_content
from tests.site_reading import page

WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


def test_a_card_names_its_first_terms_and_the_post_page_names_them_all(tmp_path: Path) -> None:
    tags = [f"tag-{n:04d}" for n in range(1500)]
    content = write_content(tmp_path / "content", [
        post("tagged", WHEN, taxonomies={"post_tag": tags}),
        post("plain", WHEN.replace(day=2), taxonomies={"post_tag": tags[:2]}),
    ])
    assert run_build(config(tmp_path, content, taxonomies={"post_tag": "Tags"})).problems == []
    site = tmp_path / "site"
    card = next(li for li in page(site, "post_tag/tag-0999/index.html").select("main li")
                if li.find("a", string="Tagged"))
    line = card.select_one("p.tags")
    assert [a.get_text() for a in line.find_all("a")] == tags[:CARD_TERMS]
    assert line.get_text().endswith("…")
    assert len(page(site, "news-archive/tagged/index.html").select('a[href*="post_tag/tag-"]')) >= len(tags)
    # Each of the 1,500 tag pages once named all 1,500 tags: 110 MB.
    assert sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) < 40_000_000


def test_grouping_a_post_of_many_terms_takes_time_in_proportion(tmp_path: Path) -> None:
    """Each term was found by a search of its newest post's terms: 30,000 tags took half a minute."""
    tags = [f"t{n}" for n in range(30_000)]
    document = post("tagged", WHEN, taxonomies={"post_tag": tags})
    content = write_content(tmp_path / "content", [document])
    registry, _ = read_terms(content)
    stored = [stored_post_of("news-archive/tagged.md", "digest", meta_of(document))]
    started = time.process_time()
    site = build_site(stored, registry, None)
    assert time.process_time() - started < 5
    assert [listing.term.slug for listing in site.taxonomies[0].terms][:3] == ["t0", "t1", "t10"]
