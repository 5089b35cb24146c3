"""Real inputs damaged the ways the wild damages them (tests/tools/damage.py: a field of a wrong JSON type, an address
urlsplit refuses, a date no calendar has, a file cut short, bytes of another encoding): the import never stops with a
traceback, names each problem by its file, and imports the rest. Each fault the damage found has its own test here,
then the class of damage is tried on generated inputs."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.builder import run_build
from generator.check import check_site
from generator.config import ConfigError, parse_config
from generator.importer import ImportOptions, run_import
from generator.sources.linked_addresses import learnt
from generator.sources.static_copy import origin
from tests.conftest import SHARED, rest_item
from tests.fake_wordpress import FakeWordPress, generated_site
from tests.site_content import config
from tests.test_import_feeds import _static_copy
from tests.test_sources_sql import CREATE_POSTS, TERMS, USERS, _row
from tests.test_sync import sync
from tests.test_tribe_events import event
from tests.test_wxr import export, item
from tests.tools.damage import damaged_copy, damaged_json

ONE = ImportOptions(workers=1)
REFUSED = ["http://[x/", "https://[dock/x", "//[::1", "http://[::g]/"]  # what urlsplit raises ValueError for


def _imported(tmp_path: Path, data: object, name: str = "in.json") -> list[str]:
    """The problems of importing `data` saved as JSON, each as the one line the user reads."""
    (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    result = run_import([tmp_path / name], tmp_path / "content", ONE)
    assert all(p.file for p in result.problems)
    return [str(p) for p in result.problems]


@pytest.mark.parametrize("links", [1.5, 7, True, "self", {"href": "x"}])
def test_a_shop_term_whose_links_are_no_list_is_read_as_a_term(tmp_path: Path, links: object) -> None:
    """WooCommerce's terms are told by their `_links`: one whose `self` was no list stopped the import (TypeError:
    'float' object is not iterable)."""
    term = {"id": 5, "name": "Tea", "slug": "tea", "parent": 0, "display": "default", "image": None, "menu_order": 0,
            "count": 1, "_links": {"self": links, "collection": links}}
    assert _imported(tmp_path, [term, rest_item()]) == []
    assert "product_cat" in (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("terms", [2.5, 3, True, {"id": 1}])
def test_an_event_whose_categories_are_no_list_is_imported_without_them(tmp_path: Path, terms: object) -> None:
    """The Events Calendar's `categories` and `tags` are lists of terms; a number there stopped the import."""
    data = {"events": [event(7, "blues", categories=terms, tags=terms)], "total": 1, "total_pages": 1,
            "rest_url": "https://club.example/wp-json/tribe/events/v1/events/"}
    assert _imported(tmp_path, data) == []
    assert "own** chair" in (tmp_path / "content" / "tribe_events" / "blues.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("taxonomy", [5, 1.5, True, ["category"]])
def test_an_embedded_term_whose_taxonomy_is_no_name_is_passed_over_as_one_without_a_slug(
        tmp_path: Path, taxonomy: object) -> None:
    """`_embedded.wp:term` with a taxonomy that is a number (str(5) passed the check of its name) stopped the whole
    import with an ItemError outside any post; now the term is passed over, the post and its other terms kept."""
    terms = [[{"id": 3, "taxonomy": taxonomy, "slug": "x", "name": "X"},
              {"id": 4, "taxonomy": "category", "slug": "news", "name": "News"}]]
    assert _imported(tmp_path, [rest_item(categories=[4], _embedded={"wp:term": terms})]) == []
    text = (tmp_path / "content" / "post" / "hello.md").read_text(encoding="utf-8")
    assert "category:\n  - news" in text.replace("category: [news]", "category:\n  - news")


@pytest.mark.parametrize("home", REFUSED)
def test_a_static_copys_feed_naming_a_home_urlsplit_refuses_is_read_as_naming_none(tmp_path: Path, home: str) -> None:
    """The copy's feeds' `<link>` names the site's address; `http://[x/` there stopped the import (ValueError:
    Invalid IPv6 URL)."""
    imported = []
    for named in (home, ""):
        copy = _static_copy(tmp_path / f"copy{len(imported)}")
        feed = copy / "feed" / "index.xml"
        feed.write_text(feed.read_text(encoding="utf-8").replace("<link>./../index.html</link>",
                                                                 f"<link>{named}</link>", 1), encoding="utf-8")
        content = tmp_path / f"content{len(imported)}"
        run_import([copy], content, ONE)
        imported.append(sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md")))
    assert origin(home) == ""
    assert imported[0] == imported[1] and "post/high-tide.md" in imported[0]


@pytest.mark.parametrize("home", REFUSED)
def test_a_dump_whose_home_urlsplit_refuses_learns_no_addresses(home: str) -> None:
    """wp_options' `home` is where a dump's custom types' addresses are learnt under; `http://[x/` there stopped the
    import of the dump."""
    rows = [{"ID": "1", "post_name": "a", "post_type": "post", "post_status": "publish", "post_parent": "0",
             "post_content": f'<a href="{home}news/nickel/">x</a>'},
            {"ID": "2", "post_name": "nickel", "post_type": "news", "post_status": "publish", "post_parent": "0",
             "post_content": ""}]
    assert learnt(rows, {}, {"home": home, "permalink_structure": "/%postname%/"}) == {}


@pytest.mark.parametrize("location", ["http://[x/", "https://[dock/x"])  # httpx refuses the others itself
def test_a_redirect_to_an_address_urlsplit_refuses_is_one_line_and_the_content_is_kept(
        tmp_path: Path, location: str) -> None:
    """A site (or a proxy before it) redirecting to `http://[x/` stopped the sync with a traceback; now the request
    fails in one line naming it and where it led, and the posts fetched before stay."""
    with FakeWordPress(generated_site(3)) as wp:
        sync(wp.url, tmp_path / "content")
        before = sorted((tmp_path / "content").rglob("*.md"))
        wp.fail("news-archive", status=302, headers={"Location": location}, times=-1)
        result = sync(wp.url, tmp_path / "content", full=True)
    lines = [str(p) for p in result.problems]
    assert lines and all(p.file for p in result.problems)
    assert any(f"redirect to {location!r} refused: no web address" in line for line in lines)
    assert sorted((tmp_path / "content").rglob("*.md")) == before


def test_half_an_emoji_nested_deeper_than_python_calls_go_is_replaced_and_named(tmp_path: Path) -> None:
    """A damaged `meta` 600 lists deep holding half of an emoji (`"\\ud800"`): the JSON parser reads it, and the
    search for such halves, walking it by recursion, stopped the import with a RecursionError."""
    meta: object = "x\ud800"
    for _ in range(600):
        meta = [meta]
    lines = _imported(tmp_path, [rest_item(meta=meta)])
    assert [line for line in lines if "broken UTF-16 escapes" in line] == [lines[0]]
    assert len(list((tmp_path / "content").rglob("*.md"))) == 1


# The generated side: an input of each reader (saved REST JSON, an export, a dump, a static copy: the shared samples
# where they are, else inputs of this project's making), each damaged by the tool at a random seed, imported in process.
SHARED_INPUTS = [SHARED / "samples" / "wp-rest" / "ghost-migrate",
                 SHARED / "samples" / "wp-rest" / "news-archive-14822.json",
                 SHARED / "samples" / "wxr" / "wordpress-importer" / "wxr-comprehensive.xml"]


def _inputs(folder: Path) -> list[Path]:
    """One input of each kind, made once in `folder`."""
    made = [folder / "rest.json", folder / "backup.sql", folder / "copy"]
    if not made[0].exists():
        folder.mkdir(parents=True, exist_ok=True)
        terms = [[{"id": 1, "taxonomy": "category", "slug": "a", "name": "A"}]]
        links = {"self": [{"href": "https://example.com/wp-json/wp/v2/posts/7"}]}
        made[0].write_text(json.dumps([rest_item(_links=links, _embedded={"wp:term": terms}, categories=[1])]),
                           encoding="utf-8")
        options = ("INSERT INTO `wp_options` VALUES (1,'home','https://example.com','yes'),"
                   "(2,'permalink_structure','/%postname%/','yes');\n")
        rows = [_row(1, "News", '<p>See <a href=\\"https://example.com/news/post-2/\\">it</a>.</p>'),
                _row(2, "Deal", "<p>Signed.</p>", kind="news")]
        made[1].write_text(CREATE_POSTS + options + TERMS + USERS +
                           f"INSERT INTO `wp_posts` VALUES {','.join(rows)};\n", encoding="utf-8")
        _static_copy(made[2])
    return [*made, *(path for path in SHARED_INPUTS if path.exists())]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32))
def test_damaged_inputs_of_every_reader_import_what_they_can_and_name_each_problem_by_its_file(
        tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    run = tmp_path / "run"
    shutil.rmtree(run, ignore_errors=True)
    sources = []
    for source in _inputs(tmp_path / "inputs"):
        damaged_copy(source, run / "in" / source.name, rng)
        sources.append(run / "in" / source.name)
    result = run_import(sources, run / "content", ONE)
    assert all(p.file for p in result.problems)


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 2**32), field=st.sampled_from(["_links", "_embedded", "categories", "tags", "link"]))
def test_any_damage_to_a_posts_links_terms_or_address_is_read_or_named(seed: int, field: str) -> None:
    """The fields the faults above were in, damaged alone and without a file: the reading (not the writing) of a
    post, fast enough for many examples."""
    from generator.convert.wp_post import embedded_terms
    from generator.sources.woocommerce import shop_taxonomy

    rng = random.Random(seed)
    post = rest_item(_links={"self": [{"href": "https://example.com/wp-json/wp/v2/product_cat/5"}]},
                     _embedded={"wp:term": [[{"id": 1, "taxonomy": "category", "slug": "a", "name": "A"}]]},
                     categories=[1], tags=[2], name="Tea")
    damaged = damaged_json({field: post[field]}, rng) if field in post else {}
    post.update(damaged)
    shop_taxonomy(post)
    embedded_terms(post)
    assert origin(str(post.get("link"))) == "https://example.com" or field == "link"


@pytest.mark.parametrize("base_url", ["http://[x/", "https://[dock/repo/", "https://example.com:99999/repo/"])
def test_a_base_url_urlsplit_refuses_or_with_no_port_is_named_in_newsmirror_toml(base_url: str) -> None:
    """`site.base_url = 'http://[x/'` stopped every command with a traceback (ValueError: Invalid IPv6 URL), and a
    port over 65535 built pages whose every canonical address failed; each is named as no http(s) URL."""
    with pytest.raises(ConfigError, match=r"site\.base_url: expected an absolute http\(s\) URL"):
        parse_config({"site": {"base_url": base_url}})


@pytest.mark.parametrize("url", ["http://[x/", "https://[dock/a.jpg"])
def test_a_featured_image_at_an_address_urlsplit_refuses_is_named_and_the_site_passes_the_check(
        tmp_path: Path, url: str) -> None:
    """A featured image saved as `http://[x/` (upstream, or by hand) was built into an "open original" link that
    `newsmirror check` named and ../shared/tools/sitecheck.py stopped on with a traceback; the build said nothing."""
    post = tmp_path / "content" / "post" / "a.md"
    post.parent.mkdir(parents=True)
    post.write_text(f"---\ntitle: A\nslug: a\ntype: post\ndate: '2024-03-31T01:30:00+01:00'\nsummary: s\n"
                    f"image:\n  url: '{url}'\n  alt: Harbour\ntaxonomies: {{}}\nsource:\n  id: 7\n"
                    "  url: https://example.com/a/\n  guid: ''\n---\n\nBody\n", encoding="utf-8")
    result = run_build(config(tmp_path, tmp_path / "content"))
    assert [(p.file, p.field) for p in result.problems] == [(str(post), "image.url")]
    assert "the post is built without its featured image" in result.problems[0].message
    assert url not in (tmp_path / "site" / "post" / "a" / "index.html").read_text(encoding="utf-8")
    assert check_site(tmp_path / "site") == []


# Each encoding, and the byte order mark written before its text (Python's utf-16 writes its own).
SAVED_AS = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}


def _imported_alike(tmp_path: Path, name: str, text: str, saved_as: str) -> None:
    """`text` saved as `name` in UTF-8, and in UTF-16 after its byte order mark, imports to the same two posts."""
    imported = []
    for kind, data in (("utf8", text.encode("utf-8")), ("utf16", SAVED_AS[saved_as] + text.encode(saved_as))):
        (tmp_path / kind).mkdir()
        (tmp_path / kind / name).write_bytes(data)
        result = run_import([tmp_path / kind], tmp_path / f"content-{kind}", ONE)
        assert result.problems == []
        imported.append({p.relative_to(tmp_path / f"content-{kind}").as_posix(): p.read_bytes()
                         for p in (tmp_path / f"content-{kind}").rglob("*.md")})
    assert imported[0] == imported[1] and len(imported[0]) == 2


@pytest.mark.parametrize("saved_as", list(SAVED_AS))
def test_an_export_saved_as_utf16_with_its_byte_order_mark_imports_as_the_utf8_one(
        tmp_path: Path, saved_as: str) -> None:
    """Windows Notepad saves "Unicode" as UTF-16 after a byte order mark; such an export in a folder was passed over
    ("no saved REST JSON, WordPress export or SQL dump in this folder") and, given alone, refused as "not a WordPress
    export", whatever its declaration said."""
    text = export(item(5, "Maré alta", "<p>Água — “tide”.</p>") + item(6, "日本語", "<p>潮</p>"))
    _imported_alike(tmp_path, "export.xml", text, saved_as)


@pytest.mark.parametrize("saved_as", ["utf-16", "utf-16-be"])
def test_a_dump_saved_as_utf16_imports_as_the_utf8_one(tmp_path: Path, saved_as: str) -> None:
    """Windows PowerShell's `mysqldump … > backup.sql` saves UTF-16 after a byte order mark: such a dump was read as
    "a database dump without rows of the wp_posts table (tables with rows: none)"."""
    rows = [_row(1, "Maré alta", "<p>Água — “tide”.</p>"), _row(2, "日本語", "<p>潮</p>")]
    _imported_alike(tmp_path, "backup.sql", CREATE_POSTS + TERMS + USERS +
                    f"INSERT INTO `wp_posts` VALUES {','.join(rows)};\n", saved_as)
