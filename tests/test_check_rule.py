"""The rule of the build: whatever the content files hold, the site passes `newsmirror check` (and the shared
sitecheck). Every WordPress sample and the block fixtures imported through the real import, a generated
corpus, hand-written files with every kind of link that cannot work offline as written, and fuzzed bodies."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bench.corpus import write_corpus
from generator.builder import BuildResult, run_build
from generator.check import check_site
from generator.convert.document import Source
from generator.importer import ImportOptions, run_import
from tests.conftest import SHARED, SITECHECK, need_shared, rest_item
from tests.site_content import PACIFIC, config, post, write_content

WP_REST = SHARED / "samples" / "wp-rest"
BLOCKS = SHARED / "samples" / "blocks"
WHEN = datetime(2024, 5, 6, 7, 8, tzinfo=PACIFIC)
ONE_WORKER = ImportOptions(workers=1)


def build(tmp_path: Path, content: Path) -> BuildResult:
    """Builds `content` with feeds and a sitemap, so their XML is checked too."""
    return run_build(config(tmp_path, content, site={"base_url": "https://mirror.example/news/"}))


def offline_problems(site: Path) -> list[str]:
    """What `newsmirror check` finds, then what the shared sitecheck finds (when ../shared is here)."""
    problems = check_site(site)
    if SITECHECK.is_file():
        done = subprocess.run([sys.executable, str(SITECHECK), str(site), "--max-report", "20"],
                              capture_output=True, text=True, timeout=120)
        problems += [] if done.returncode == 0 else done.stdout.splitlines()
    return problems


def samples() -> list[str]:
    return sorted(p.name for p in WP_REST.iterdir()) if WP_REST.is_dir() else ["absent"]


@pytest.mark.parametrize("sample", samples())
def test_every_wordpress_sample_builds_a_site_that_passes_the_check(tmp_path: Path, sample: str) -> None:
    content = tmp_path / "content"
    imported = run_import([need_shared(WP_REST / sample)], content, ONE_WORKER)
    assert imported.posts
    build(tmp_path, content)
    assert offline_problems(tmp_path / "site") == []


def test_block_fixtures_as_post_bodies_build_a_site_that_passes_the_check(tmp_path: Path) -> None:
    """Each Gutenberg fixture (as stored, serialized and as the server renders it) is one post's content."""
    fixtures = sorted(need_shared(BLOCKS).glob("*.html"))
    items = [rest_item(id=n, slug=f"block-{n}", title={"rendered": path.name},
                       link=f"https://blocks.example/2020/01/block-{n}/",
                       guid={"rendered": f"https://blocks.example/?p={n}"},
                       content={"rendered": path.read_text(encoding="utf-8")})
             for n, path in enumerate(fixtures, start=1)]
    (tmp_path / "crawl.json").write_text(json.dumps(items), encoding="utf-8")
    content = tmp_path / "content"
    assert len(run_import([tmp_path / "crawl.json"], content, ONE_WORKER).posts) == len(fixtures)
    build(tmp_path, content)
    assert offline_problems(tmp_path / "site") == []


def test_a_generated_corpus_builds_a_site_that_passes_the_check(tmp_path: Path) -> None:
    write_corpus(tmp_path / "crawl", 120, seed=5)
    content = tmp_path / "content"
    assert len(run_import([tmp_path / "crawl"], content, ONE_WORKER).posts) == 120
    build(tmp_path, content)
    assert offline_problems(tmp_path / "site") == []


SITE = "https://news.example/"
# Bodies as old imports, hand edits and crawls of odd sites leave them.
HOSTILE = {
    "root-relative": "[home](/) [post](/2016/03/target/) ![Pit](/wp-content/uploads/pit.jpg)\n\n"
                     '<a href="/2016/03/target/">raw</a> '
                     '<img src="/wp-content/up/x.jpg" srcset="/a.jpg 2x" alt="Raw">\n',
    "relative": "[sibling](../target/) [file](report.html) [up](../../) ![Chart](chart.png)\n\n"
                '<p><a href="target/#gone">raw</a> <img src="img/x.png"></p>\n',
    "by-id": "[by id](/?p=41) [page](https://news.example/?page_id=41) [query](?p=41) "
             "[absent](https://news.example/?p=999) [raw](https://news.example/index.php?p=41&amp;x=1)\n",
    "fragments": "## Kept {#kept}\n\n[kept](#kept) [dead](#toc1) [top](#top) [empty](#) "
                 '<a href="#toc2">js toc</a> [there](https://news.example/2016/03/target/#no-such-id) '
                 "[written as the site does](../target/index.html#no-such-id)\n",
    "images": '![](#top) <img src="#x" alt="Anchor"> <img src="?size=2" alt="Query"> <img src="" alt="Empty">\n',
    "schemes": "[js](javascript:alert(1)) [tel](tel:123) [ftp](ftp://x.example/f) [data](data:text/html,x) "
               "[mail](mailto:a@b.example) [odd](c:\\\\x) [bad](http://[bad) [proto](//cdn.example/x) "
               "[back](\\\\evil.example) [climb](../../../../../../etc/passwd) [space](<a b.html>)\n",
    "percent ids": "## Title {#%e4%b8%ad%e6%96%87}\n\n[中文](#%e4%b8%ad%e6%96%87) [twice](#%2541)\n",
}


def test_hostile_links_in_hand_written_content_build_a_site_that_passes_the_check(tmp_path: Path) -> None:
    target = post("target", WHEN, source=Source(41, f"{SITE}2016/03/target/", f"{SITE}?p=41"))
    documents = [target] + [post(name.replace(" ", "-"), WHEN, body=body,
                                 source=Source(n, f"{SITE}2016/03/{name.replace(' ', '-')}/", ""))
                            for n, (name, body) in enumerate(HOSTILE.items(), start=50)]
    content = write_content(tmp_path / "content", documents)
    result = build(tmp_path, content)
    assert offline_problems(tmp_path / "site") == [] and result.problems == []
    by_id = (tmp_path / "site" / "news-archive" / "by-id" / "index.html").read_text(encoding="utf-8")
    for text in ("by id", "page", "query", "raw"):
        assert f'<a href="../target/index.html">{text}</a>' in by_id
    assert '<a href="https://news.example/?p=999">absent</a>' in by_id
    fragments = (tmp_path / "site" / "news-archive" / "fragments" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../target/index.html">written as the site does</a>' in fragments


def test_a_link_by_id_follows_the_post_that_takes_that_id_in_a_later_build(tmp_path: Path) -> None:
    linking = post("linking", WHEN, body="[by id](/?p=41)\n", source=Source(50, f"{SITE}2016/03/linking/", ""))
    content = write_content(tmp_path / "content", [linking])
    page = tmp_path / "site" / "news-archive" / "linking" / "index.html"
    build(tmp_path, content)
    assert '<a href="https://news.example/?p=41">by id</a>' in page.read_text(encoding="utf-8")
    write_content(content, [post("target", WHEN, source=Source(41, f"{SITE}2016/03/target/", ""))])
    build(tmp_path, content)
    assert '<a href="../target/index.html">by id</a>' in page.read_text(encoding="utf-8")
    assert offline_problems(tmp_path / "site") == []


def test_a_link_by_id_follows_a_post_whose_id_changed_in_a_later_build(tmp_path: Path) -> None:
    """Only the id changes (a re-import from a restored site): the mirrored pages are found by ids too."""
    linking = post("linking", WHEN, body="[by id](/?p=41)\n", source=Source(50, f"{SITE}2016/03/linking/", ""))
    content = write_content(tmp_path / "content", [linking, post("target", WHEN, source=Source(42, f"{SITE}t/", ""))])
    build(tmp_path, content)
    write_content(content, [post("target", WHEN, source=Source(41, f"{SITE}t/", ""))])
    build(tmp_path, content)
    page = tmp_path / "site" / "news-archive" / "linking" / "index.html"
    assert '<a href="../target/index.html">by id</a>' in page.read_text(encoding="utf-8")


def test_relative_links_in_a_post_without_a_source_url_show_as_text_and_are_reported(tmp_path: Path) -> None:
    lost = post("lost", WHEN, body=HOSTILE["root-relative"] + HOSTILE["relative"],
                source=Source(0, "/2016/03/lost/", "/?p=40"))
    content = write_content(tmp_path / "content", [lost])
    result = build(tmp_path, content)
    assert offline_problems(tmp_path / "site") == []
    assert [str(p) for p in result.problems] == [shown_as_text(content / "news-archive" / "lost.md", 12)]


def shown_as_text(file: Path, count: int) -> str:
    """What the build says of a post whose links relative to its site cannot be resolved."""
    return (f"{file}: field 'body': {count} link(s) or image(s) relative to the original site are shown as text: "
            "source.url is not a web address to resolve them against (import the posts again with `--site URL`, "
            "the site's address)")


def test_a_source_url_that_is_not_a_url_is_shown_as_text(tmp_path: Path) -> None:
    broken = post("broken", WHEN, source=Source(1, "https://[news.example/2016/", ""))
    build(tmp_path, write_content(tmp_path / "content", [broken]))
    assert offline_problems(tmp_path / "site") == []


@pytest.mark.parametrize("space", ["\xa0", " \u2003 ", "\u3000"])
def test_a_link_or_image_that_is_a_unicode_space_is_no_missing_file(tmp_path: Path, space: str) -> None:
    """Browsers trim only ASCII spaces and controls from a URL: a no-break space is a path, not nothing."""
    body = f'<a href="{space}">raw</a> <img src="{space}" alt="r">\n'
    documents = [post("p-1", WHEN, body=body, source=Source(1, f"{SITE}2016/03/p-1/", "")),
                 post("p-2", WHEN, body=body, source=Source(2, "", ""))]
    build(tmp_path, write_content(tmp_path / "content", documents))
    assert check_site(tmp_path / "site") == []


LINKS = ["/", "/x/", "/wp-content/a.jpg", "../a/", "../../../../x", "a.html", "?p=1", "?page_id=2", "/?p=3",
         "#h", "#h2", "#%e4", "#", "#top", "#fn1", "//h.example/x", "https://news.example/2016/03/p-1/",
         "https://news.example/2016/03/p-1/#h", "https://news.example/?p=1", "mailto:a@b.example", "tel:1",
         "javascript:alert(1)", "data:image/png;base64,iVBORw0KGgo=", "http://[x", "\\\\x", "a b", "%zz", "."]
link = st.one_of(st.sampled_from(LINKS), st.text(max_size=8), st.builds(lambda a, b: a + b, st.sampled_from(LINKS),
                                                                      st.text(max_size=4)))
pieces = st.one_of(
    st.builds("[t]({})".format, link), st.builds("![alt]({})".format, link),
    st.builds('<a href="{}">raw</a>'.format, link), st.builds('<img src="{}" alt="r">'.format, link),
    st.builds("[t](<{}>)".format, link), st.sampled_from(["## H {#h}", "## H2", "Text[^1]\n\n[^1]: N.", "\n\n"]),
    st.builds("<h3 id=\"{}\">x</h3>".format, link), st.text(max_size=6))
sources = st.sampled_from(["https://news.example/2016/03/p-{n}/", "http://news.example/p-{n}", "/2016/p-{n}/", "",
                           "javascript:alert(1)", "https://[x/", "news.example/p-{n}"])


# Each example is a build, so a failure is reported as found, not shrunk for minutes.
@settings(max_examples=50, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(st.lists(pieces, max_size=8).map(" ".join), sources), min_size=2, max_size=3))
def test_any_links_in_any_bodies_build_a_site_that_passes_the_check(posts: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        documents = [post(f"p-{n}", WHEN, body=body + "\n",
                          source=Source(n, url.format(n=n), f"https://news.example/?p={n}"))
                     for n, (body, url) in enumerate(posts, start=1)]
        build(tmp, write_content(tmp / "content", documents))
        assert check_site(tmp / "site") == []
