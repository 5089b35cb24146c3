"""Exports written by hand (a theme's preview content): items that lack the fields WordPress always writes."""

from __future__ import annotations

from pathlib import Path

from generator.builder import run_build
from generator.import_report import import_summary
from generator.importer import ImportOptions, run_import
from generator.store.documents import document_files, loads
from tests.conftest import config_for
from tests.test_wxr import export, item


def _without(body: str, *tags: str) -> str:
    """The item with the given elements (and their values) left out, as a hand-made export leaves them."""
    for tag in tags:
        start = body.index(f"<{tag}>")
        body = body[:start] + body[body.index(f"</{tag}>", start) + len(tag) + 3:]
    return body


def _imported(tmp_path: Path, body: str) -> list:
    path = tmp_path / "export.xml"
    path.write_text(export(body))
    result = run_import([path], tmp_path / "content")
    files = document_files(tmp_path / "content")
    return [result, [(p.name, loads(p.read_text(encoding="utf-8"))) for p in files]]


def test_an_item_without_a_slug_is_named_from_its_title_as_wordpress_names_it(tmp_path: Path) -> None:
    result, documents = _imported(tmp_path, _without(item(19, "Worth A Thousand Words", "<p>Boat.</p>"),
                                                     "wp:post_name"))
    assert [name for name, _ in documents] == ["worth-a-thousand-words.md"]
    assert [(p.field, p.message) for p in result.problems] == [
        ("wp:post_name", "missing; made from the title: 'worth-a-thousand-words'")]


def test_a_draft_without_a_slug_stays_unnamed_as_in_wordpress(tmp_path: Path) -> None:
    body = _without(item(19, "Notes", "<p>Later.</p>", status="draft"), "wp:post_name")
    path = tmp_path / "export.xml"
    path.write_text(export(body))
    result = run_import([path], tmp_path / "content", ImportOptions(statuses=frozenset({"publish", "draft"})))
    assert [p.name for p in document_files(tmp_path / "content")] == ["19.md"]
    assert result.problems == []


def test_an_item_without_an_id_takes_the_one_its_guid_names(tmp_path: Path) -> None:
    """`?p=19` is the address WordPress gave post 19: a link to it elsewhere reaches this post."""
    result, documents = _imported(tmp_path, _without(item(19, "Boat", "<p>Boat.</p>", slug="boat"), "wp:post_id"))
    assert [(name, document.source.id) for name, document in documents] == [("boat.md", 19)]
    assert [(p.item, p.field, p.message) for p in result.problems] == [
        ("#0", "wp:post_id", "missing; imported with id 19, the one its guid names")]


def test_an_item_with_a_made_up_id_is_named_by_its_place_in_every_message(tmp_path: Path) -> None:
    """The id made for an item that names none (from its address) is nothing a user can find in the file."""
    body = _without(item(5, "Café talk", "<p>x</p>"), "wp:post_id", "wp:post_name").replace("?p=5", "cafe/")
    undated = _without(item(6, "Undated", "<p>y</p>"), "wp:post_id", "wp:post_date", "wp:post_date_gmt")
    path = tmp_path / "export.xml"
    path.write_text(export(body + undated.replace("?p=6", "undated/")).replace("<pubDate>", "<published>"))
    result = run_import([path], tmp_path / "content")
    assert [(p.item, p.field) for p in result.problems] == [
        ("#0", "wp:post_id"), ("#0", "wp:post_name"), ("#1", "wp:post_id"), ("#1", "wp:post_date")]


def test_an_export_naming_its_version_in_wp_version_is_read_and_said(tmp_path: Path) -> None:
    """A blog converted to WXR by a script that wrote `<wp:version>1.2</wp:version>` for the header's version."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(1, "Pottering", "<p>A day off.</p>")).replace("wxr_version>", "version>"))
    result = run_import([path], tmp_path / "content")
    assert [p.name for p in document_files(tmp_path / "content")] == ["post-1.md"]
    assert [p.message for p in result.problems] == [
        "the header names its version in <wp:version>, not <wp:wxr_version> as WordPress writes it; "
        "read as WXR 1.2"]


def test_an_export_without_any_version_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(1, "Pottering", "<p>A day off.</p>")).replace("<wp:wxr_version>1.2</wp:wxr_version>", ""))
    result = run_import([path], tmp_path / "content")
    assert document_files(tmp_path / "content") == []
    assert [p.message[:32] for p in result.problems] == ["no <wp:wxr_version> in the <chan"]


def test_an_item_with_no_date_anywhere_is_counted_among_the_skipped(tmp_path: Path) -> None:
    """No <wp:post_date>, no <pubDate>, no export date: the post is left out, and the summary's count of skipped
    says so, as the report's problems do."""
    body = item(1, "Kept", "<p>Kept.</p>") + _without(item(2, "Undated", "<p>Lost.</p>"),
                                                       "wp:post_date", "wp:post_date_gmt")
    result, documents = _imported(tmp_path, body)
    assert [name for name, _ in documents] == ["post-1.md"]
    assert "skipped 1;" in import_summary(result)[0]
    assert [line.split(": ", 2)[1:] for line in result.skipped] == [
        ["item 2", "not imported, wp:post_date missing or 0000-00-00, and no <pubDate> to stand in: the post has "
                   "no date"]]
    assert [p.item for p in result.problems] == ["2"]


def test_categories_written_as_items_are_skipped_in_one_line_and_the_site_builds(tmp_path: Path) -> None:
    """A hand-made export that declares its categories as items of type `category` (WordPress's importer refuses
    them): as posts, their pages took the paths of the category pages, which the build then left out."""
    categories = ('<category domain="category" nicename="news"><![CDATA[News]]></category>'
                  '<category domain="category" nicename="sport"><![CDATA[Sport]]></category>')
    body = item(1, "Harbour opens", "<p>Boats.</p>", categories=categories) + "".join(
        item(100 + i, name.title(), f"<p>All {name} from the harbour.</p>", post_type="category", slug=name)
        for i, name in enumerate(("news", "sport", "culture", "weather")))
    result, documents = _imported(tmp_path, body)
    assert [name for name, _ in documents] == ["post-1.md"]
    assert "skipped 4;" in import_summary(result)[0]
    assert [str(p).split(": ", 1)[1] for p in result.problems] == [
        "item 100 and 3 more: field 'wp:post_type': 'category' is a taxonomy, not a type of post: a term written as "
        "an item, which WordPress's importer refuses; skipped (an export declares its terms in <wp:category>, "
        "<wp:tag> or <wp:term>)"]
    built = run_build(config_for(tmp_path, tmp_path / "content"))
    assert built.problems == []
    assert "Harbour opens" in (tmp_path / "site" / "category" / "news" / "index.html").read_text(encoding="utf-8")


def test_an_item_linked_by_its_path_alone_is_on_the_channels_site(tmp_path: Path) -> None:
    """Squarespace's export links each item by its path (`<link>/company/</link>`, no guid): the page is on the
    site the channel's <link> names, and its relative links and pictures with it, as WordPress's importer reads it."""
    body = item(2, "Company", '<p>We <a href="/contact/">answer</a>.</p><p><img src="/s/team.jpg" alt="Team"></p>',
                post_type="page", slug="company").replace(
        "<link>https://example.com/?p=2</link>", "<link>/company/</link>").replace(
        '<guid isPermaLink="false">https://example.com/?p=2</guid>', "")
    result, documents = _imported(tmp_path, body)
    [(name, document)] = documents
    assert document.source.url == "https://example.com/company/"
    assert "[answer](https://example.com/contact/)" in document.body
    assert "![Team](https://example.com/s/team.jpg)" in document.body
    assert result.notes == [] and result.problems == []


def test_a_squarespace_post_is_named_by_its_paths_last_segment_and_dated_by_its_pubdate(tmp_path: Path) -> None:
    """Squarespace's export writes a post's path as its slug (`2014/2/25/on-learning-erlang`) and dates it only by
    RSS: the post is `on-learning-erlang`, on the day its <pubDate> names, without a line for either (every post
    of such an export had two); an export's date standing in for a post's is a guess, and still said."""
    body = _without(item(6, "On learning Erlang", "<p>Actors.</p>", slug="2014/2/25/on-learning-erlang"),
                    "wp:post_date", "wp:post_date_gmt").replace(
        "<dc:creator>", "<pubDate>Tue, 25 Feb 2014 15:02:11 +0000</pubDate><dc:creator>").replace(
        "<link>https://example.com/?p=6</link>", "<link>/blog/2014/2/25/on-learning-erlang</link>")
    undated = _without(item(7, "Hello", "<p>Hi.</p>", slug="../../hello"), "wp:post_date", "wp:post_date_gmt")
    path = tmp_path / "export.xml"
    path.write_text(export(body + undated).replace(
        "<wp:wxr_version>", "<pubDate>Mon, 23 May 2016 09:00:00 +0000</pubDate><wp:wxr_version>"))
    result = run_import([path], tmp_path / "content")
    documents = {p.name: loads(p.read_text(encoding="utf-8")) for p in document_files(tmp_path / "content")}
    erlang = documents["on-learning-erlang.md"]
    assert erlang.date.isoformat() == "2014-02-25T15:02:11+00:00"
    assert erlang.source.url == "https://example.com/blog/2014/2/25/on-learning-erlang"
    assert sorted(documents) == ["hello.md", "on-learning-erlang.md"]  # a path that climbs is no path: made safe
    assert [(p.item, p.field, p.message) for p in result.problems] == [
        ("7", "wp:post_date", "missing; dated by the export's date, Mon, 23 May 2016 09:00:00 +0000"),
        ("7", "slug", "'../../hello' is not a safe file name; saved as 'hello'")]


def test_an_item_without_a_slug_is_named_without_its_titles_accents_as_wordpress_names_it(tmp_path: Path) -> None:
    """sanitize_title takes the accents off Latin letters (remove_accents): the post WordPress's importer made
    of `Constantino: ascensão… Império` is at `/constantino-ascensao-…-imperio/`; other scripts stay."""
    body = (_without(item(19, "Constantino: ascensão do Império", "<p>Roma.</p>"), "wp:post_name")
            + _without(item(20, "Ελληνικά Νέα", "<p>Νέα.</p>"), "wp:post_name"))
    result, documents = _imported(tmp_path, body)
    assert sorted(name for name, _ in documents) == ["constantino-ascensao-do-imperio.md", "ελληνικά-νέα.md"]


def test_an_exporter_counting_its_items_from_zero_gives_its_first_item_an_id_quietly(tmp_path: Path) -> None:
    """Squarespace numbers its items 0, 1, 2…: the first takes an id made from its address, with no line; an id 0
    further on is no such numbering, and is said."""
    body = (item(0, "About", "<p>Us.</p>", post_type="page", slug="about") + item(1, "News", "<p>New.</p>", slug="news")
            + item(0, "Later", "<p>Lost id.</p>", slug="later"))
    result, documents = _imported(tmp_path, body)
    assert sorted(name for name, _ in documents) == ["about.md", "later.md", "news.md"]
    assert [(p.item, p.field) for p in result.problems] == [("#2", "wp:post_id")]
