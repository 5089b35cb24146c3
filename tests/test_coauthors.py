"""Byline plugins: newsrooms credit a story to its writers through Co-Authors Plus's or PublishPress Authors'
`author` taxonomy. In an export, Co-Authors Plus names each term by login, not by name (`<category domain="author"
nicename="cap-beeboop">beeboop</category>`), and keeps writers without an account as `guest-author` posts. A
story's byline showed the editor who posted it (a REST post's, its first author only), the term pages were named
`beeboop`, and each guest author was a public page showing their e-mail address."""

from __future__ import annotations

import json
from pathlib import Path

from generator.convert.document import Document
from generator.importer import ImportOptions, run_import
from generator.store.documents import document_files, loads
from tests.conftest import rest_item
from tests.test_sources_rows import USERS, _phpmyadmin, _row
from tests.test_sources_rows import _import as _rows_import
from tests.test_wxr import export, item

ONE = ImportOptions(workers=1)
CREDITS = ('<category domain="category" nicename="local"><![CDATA[Local]]></category>'
           '<category domain="author" nicename="cap-beeboop"><![CDATA[beeboop]]></category>'
           '<category domain="author" nicename="cap-ana"><![CDATA[ana]]></category>')
# The plugin's term as the export's header declares it: named by login, described by what its search reads.
HEADER_TERM = ("<wp:term><wp:term_id>41</wp:term_id><wp:term_taxonomy><![CDATA[author]]></wp:term_taxonomy>"
               "<wp:term_slug><![CDATA[cap-beeboop]]></wp:term_slug><wp:term_name><![CDATA[beeboop]]></wp:term_name>"
               "<wp:term_description><![CDATA[Michael Davis Michael Davis beeboop 9 mdavis@example.org]]>"
               "</wp:term_description></wp:term>\n")
GUEST = item(9, "Michael Davis", "", post_type="guest-author", slug="cap-beeboop",
             meta={"cap-display_name": "Michael Davis", "cap-user_login": "beeboop",
                   "cap-user_email": "mdavis@example.org"})


def _import(tmp_path: Path, items: str) -> dict[str, Document]:
    (tmp_path / "export.xml").write_text(export(items), encoding="utf-8")
    result = run_import([tmp_path / "export.xml"], tmp_path / "content", ONE)
    assert result.problems == []
    return {p.relative_to(tmp_path / "content").as_posix(): loads(p.read_text(encoding="utf-8"))
            for p in document_files(tmp_path / "content")}


def test_a_story_credited_to_co_authors_bylines_them_and_names_their_term_pages(tmp_path: Path) -> None:
    # The guest author's item comes after the story, as WordPress's export orders items by id.
    posts = _import(tmp_path, HEADER_TERM + item(5, "Council votes", "<p>The vote.</p>", categories=CREDITS) + GUEST
                    + item(6, "Brief", "<p>No credits.</p>"))
    assert list(posts) == ["post/post-5.md", "post/post-6.md"]  # the guest author is no page
    assert posts["post/post-5.md"].author == "Ana Sousa, Michael Davis"
    assert posts["post/post-6.md"].author == "Ana Sousa"  # the one who posted it, without the plugin's credits
    terms = (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")
    assert "name: Michael Davis" in terms and "name: Ana Sousa" in terms and "name: beeboop" not in terms
    assert not any("mdavis@example.org" in p.read_text(encoding="utf-8") for p in (tmp_path / "content").rglob("*")
                   if p.is_file())


def test_a_credit_to_an_author_the_export_does_not_name_keeps_its_login(tmp_path: Path) -> None:
    credits = '<category domain="author" nicename="cap-rui"><![CDATA[rui]]></category>'
    posts = _import(tmp_path, HEADER_TERM + item(5, "Council votes", "<p>The vote.</p>", categories=credits))
    assert posts["post/post-5.md"].author == "rui"


def test_a_database_dump_credits_the_same_writers(tmp_path: Path) -> None:
    """The rows of wp_posts with the term tables and wp_users beside them: the same credits, a user's login named
    by the wp_users row, a guest author's slug by the guest's post and its fields in wp_postmeta."""
    terms = [{"term_id": "5", "name": "beeboop", "slug": "cap-beeboop", "term_group": "0"},
             {"term_id": "6", "name": "ana", "slug": "cap-ana", "term_group": "0"}]
    taxonomy = [{"term_taxonomy_id": str(n), "term_id": str(n), "taxonomy": "author", "description": "", "parent": "0",
                 "count": "1"} for n in (5, 6)]
    relationships = [{"object_id": "1", "term_taxonomy_id": str(n), "term_order": "0"} for n in (5, 6)]
    meta = [{"meta_id": "1", "post_id": "9", "meta_key": "cap-display_name", "meta_value": "Michael Davis"},
            {"meta_id": "2", "post_id": "9", "meta_key": "cap-user_email", "meta_value": "mdavis@example.org"}]
    text = _phpmyadmin(("wp_posts", [_row(1, "Council votes", "The vote."),
                                     _row(9, "Michael Davis", "", post_type="guest-author", post_name="cap-beeboop")]),
                       USERS, ("wp_terms", terms), ("wp_term_taxonomy", taxonomy),
                       ("wp_term_relationships", relationships), ("wp_postmeta", meta))
    result, documents = _rows_import(tmp_path, text)
    assert result.problems == [] and list(documents) == ["post/post-1.md"]
    assert documents["post/post-1.md"].author == "Ana Sousa, Michael Davis"


def test_a_rest_post_credited_to_co_authors_bylines_them_all(tmp_path: Path) -> None:
    """`_embedded` names the user who posted it; the byline plugin's `author` terms name its writers. Only the first
    was kept."""
    terms = [[{"id": 1, "name": "Politics", "slug": "politics", "taxonomy": "category"}], [],
             [{"id": 100, "name": "Alice Smith", "slug": "alice-smith", "taxonomy": "author"},
              {"id": 101, "name": "Bob Jones", "slug": "bob-jones", "taxonomy": "author"}]]
    item = rest_item(author=1, _embedded={"author": [{"id": 1, "name": "Desk Editor", "slug": "desk"}],
                                          "wp:term": terms})
    (tmp_path / "posts.json").write_text(json.dumps([item, rest_item(id=8, slug="other", _embedded={
        "author": [{"id": 1, "name": "Desk Editor", "slug": "desk"}]})]), encoding="utf-8")
    result = run_import([tmp_path / "posts.json"], tmp_path / "content", ONE)
    assert result.problems == []
    authors = {p.name: loads(p.read_text(encoding="utf-8")).author for p in document_files(tmp_path / "content")}
    assert authors == {"hello.md": "Alice Smith, Bob Jones", "other.md": "Desk Editor"}


def test_a_rest_post_bylines_the_writers_publishpress_authors_lists_in_its_own_field(tmp_path: Path) -> None:
    """PublishPress Authors serves each post's writers in an `authors` field; a crawl without `_embed` named the
    user who posted the story (or nobody), not its writers."""
    listed = [{"term_id": 7, "user_id": 0, "is_guest": 1, "slug": "ana-sousa", "display_name": "Ana Sousa"},
              {"term_id": 9, "user_id": 3, "is_guest": 0, "slug": "kofi", "display_name": "Kofi Mensah &amp; Desk"}]
    items = [rest_item(author=3, authors=listed),
             rest_item(id=8, slug="other", author=3, authors=[]),
             rest_item(id=9, slug="third", author=3, authors=["not", "entries"],
                       _embedded={"author": [{"id": 3, "name": "Desk Editor", "slug": "desk"}]})]
    (tmp_path / "posts.json").write_text(json.dumps(items), encoding="utf-8")
    result = run_import([tmp_path / "posts.json"], tmp_path / "content", ONE)
    authors = {p.name: loads(p.read_text(encoding="utf-8")).author for p in document_files(tmp_path / "content")}
    assert authors == {"hello.md": "Ana Sousa, Kofi Mensah & Desk",
                       "other.md": "Desk Editor", "third.md": "Desk Editor"}  # the user, named once, names both
    assert [str(problem) for problem in result.problems] == []
