"""Posts of a database dump take the address Yoast SEO indexed for them where wp_options' permalink structure gives
none: a custom type's (`news-archive`), or any post's under `/%category%/%postname%/`."""

from __future__ import annotations

from pathlib import Path

from generator.sources.seo_addresses import addresses
from tests.test_sources_sql import CREATE_POSTS, _import, _row

YOAST_COLUMNS = ("id", "permalink", "permalink_hash", "object_id", "object_type", "object_sub_type", "author_id",
                 "post_parent", "title", "description", "post_status", "is_public")
CREATE_YOAST = ("CREATE TABLE `wp_yoast_indexable` (\n" + "".join(f"  `{c}` longtext,\n" for c in YOAST_COLUMNS)
                + "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n")
OPTIONS = ("INSERT INTO `wp_options` VALUES (1,'home','https://example.com','yes'),"
           "(2,'permalink_structure','/%category%/%postname%/','yes');\n")


def _indexed(ident: int, link: str, kind: str = "post", status: str = "publish") -> str:
    return f"({ident},'{link}','h',{ident},'post','{kind}',1,0,'SEO title','SEO text','{status}',1)"


def _dump(*indexed: str, create: bool = True) -> str:
    rows = [_row(1, "News", "x"), _row(2, "Deal", "x", kind="news-archive"), _row(3, "Draft", "x", "draft"),
            _row(4, "Photo", "", kind="attachment")]
    return (CREATE_POSTS + OPTIONS + f"INSERT INTO `wp_posts` VALUES {','.join(rows)};\n"
            + (CREATE_YOAST if create else "") + f"INSERT INTO `wp_yoast_indexable` VALUES {','.join(indexed)};\n")


def test_yoasts_index_gives_a_custom_types_post_and_a_category_structures_post_their_addresses(
        tmp_path: Path) -> None:
    text = _dump(_indexed(1, "http://www.example.com/mining/post-1/"),
                 _indexed(2, "https://example.com/news-archive/post-2/", "news-archive"),
                 _indexed(3, "https://example.com/?p=3", status="draft"),
                 _indexed(4, "https://example.com/photo/", "attachment"))
    result, documents = _import(tmp_path, text)
    assert result.problems == []
    assert {name: d.source.url for name, d in documents.items()} == {
        "post/post-1.md": "https://example.com/mining/post-1/",
        "news-archive/post-2.md": "https://example.com/news-archive/post-2/"}


def test_an_index_made_under_another_host_or_without_its_columns_named_gives_nothing_and_no_problem(
        tmp_path: Path) -> None:
    staging = _dump(_indexed(2, "https://staging.example.org/news-archive/post-2/", "news-archive"))
    (tmp_path / "staging").mkdir()
    _, documents = _import(tmp_path / "staging", staging)
    assert documents["news-archive/post-2.md"].source.url == ""
    bare = _dump(_indexed(2, "https://example.com/news-archive/post-2/", "news-archive"), create=False)
    result, documents = _import(tmp_path, bare)
    assert result.problems == []
    assert documents["news-archive/post-2.md"].source.url == ""


def test_a_site_under_a_folder_keeps_it_a_query_stays_and_plain_permalinks_take_no_path() -> None:
    table = {"wp_yoast_indexable": [{"object_id": "7", "object_type": "post", "permalink": "http://ex.org/blog/x/"},
                                    {"object_id": "8", "object_type": "post", "permalink": "http://ex.org/?p=8"},
                                    {"object_id": "9", "object_type": "post", "permalink": "http://ex.org/blogroll/"}]}
    assert addresses(table, {"home": "https://ex.org/blog/", "permalink_structure": "/%postname%/"}) == {
        7: "https://ex.org/blog/x/"}
    assert addresses(table, {"home": "https://ex.org/blog/"}) == {}  # plain permalinks now: no path routes
    assert addresses(table, {"home": "https://ex.org"})[8] == "https://ex.org/?p=8"
    assert addresses(table, {"home": "https://ex.org", "permalink_structure": "/%postname%/"})[9] == (
        "https://ex.org/blogroll/")
    assert addresses(table, {}) == {}
