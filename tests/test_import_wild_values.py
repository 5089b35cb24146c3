"""Values WordPress never writes but sites' saved posts hold: control characters in text, ids below zero, an order
that is no number. Each post is imported; what was made of the value is said, naming the file, item and field."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.context import CONTROL_CHARACTERS
from generator.convert.control_chars import CONTROL, has_controls, readable
from generator.importer import ImportOptions, run_import
from generator.store.documents import document_files, loads
from tests.conftest import rest_item
from tests.test_wxr import export, item


def _import(tmp_path: Path, name: str, text: str) -> tuple[object, dict[str, object]]:
    saved = tmp_path / name
    saved.write_text(text, encoding="utf-8")
    result = run_import([saved], tmp_path / "content", ImportOptions(workers=1))
    return result, {p.name: loads(p.read_text(encoding="utf-8")) for p in document_files(tmp_path / "content")}


def test_control_characters_of_a_saved_post_go_and_windows_1252_ones_are_read_as_such(tmp_path: Path) -> None:
    """`\\x93hi\\x94` (Windows-1252 read as Latin-1) reached the page as invisible controls, `\\x01` as it was."""
    post = rest_item(title={"rendered": "Ctl \x93quoted\x94"},
                     content={"rendered": "<p>a\x01b\x0bc \x93hi\x94 d\x85 \x80 f\x9dg\x7f</p>"})
    result, documents = _import(tmp_path, "posts.json", json.dumps([post]))
    document = documents["hello.md"]
    assert document.title == "Ctl “quoted”"
    assert document.body == "ab c “hi” d… € fg\n"
    assert result.posts[0].losses.details == [f"{CONTROL_CHARACTERS}: in title, content"]
    assert result.problems == []


def test_a_windows_1252_character_in_an_export_is_read_as_such(tmp_path: Path) -> None:
    """XML 1.0 holds C1 controls, so an export carries them to the post."""
    _, documents = _import(tmp_path, "export.xml", export(item(19, "It\x92s", "<p>Don\x92t \x96 ever.</p>")))
    assert (documents["post-19.md"].title, documents["post-19.md"].body) == ("It’s", "Don’t – ever.\n")


@given(st.text())
def test_readable_text_holds_no_control_and_keeps_every_other_character(text: str) -> None:
    made = readable(text)
    assert CONTROL.search(made) is None
    assert made == "".join(readable(c) if CONTROL.match(c) else c for c in text)  # the others kept, in order


def test_a_hand_written_post_with_controls_builds_a_site_that_passes_its_check(tmp_path: Path) -> None:
    """A post file written by hand can hold them too (escaped in its front matter, as they are in its body): the
    page is built, the check passes, and the feeds stay XML."""
    folder = tmp_path / "content" / "post"
    folder.mkdir(parents=True)
    (folder / "hand.md").write_text('---\ntitle: "Ctl \\x93q\\x94 \\x01"\nslug: hand\ntype: post\n'
                                    "date: 2024-01-02T00:00:00+00:00\n---\n\nBody a\x01b\x0bc\x00d \x93hi\x94\n",
                                    encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "generator", *args], cwd=tmp_path, capture_output=True,
                              text=True, timeout=120)
    built = run("build", "--content", "content", "--out", "site", "--base-url", "https://mirror.example/")
    assert built.returncode == 0, built.stderr
    checked = run("check", "site")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for feed in (tmp_path / "site").rglob("*.xml"):
        ElementTree.parse(feed)
    page = (tmp_path / "site" / "post" / "hand" / "index.html").read_text(encoding="utf-8")
    assert "<p>Body ab cd \u201chi\u201d</p>" in page
    assert not CONTROL.search(page), sorted(set(CONTROL.findall(page)))


def test_ids_below_zero_and_an_order_that_is_no_number_are_named_and_the_post_imported(tmp_path: Path) -> None:
    post = rest_item(author=-3, parent=-1, featured_media=-7, menu_order="abc", _embedded="oops")
    result, documents = _import(tmp_path, "posts.json", json.dumps([post]))
    assert list(documents) == ["hello.md"]
    assert [str(p).split(": ", 1)[1] for p in result.problems] == [
        "item 7: field 'author': -3 is no WordPress id (1 or more, 0 for none); imported without an author",
        "item 7: field 'parent': -1 is no WordPress id (1 or more, 0 for none); imported as a top-level page",
        "item 7: field 'featured_media': -7 is no WordPress id (1 or more, 0 for none); imported without a "
        "featured image",
        "item 7: field 'menu_order': expected a whole number, got str 'abc'; imported with order 0",
        "item 7: field '_embedded': expected an object of authors, terms and media, got str 'oops'; nothing read "
        "from it"]


def test_an_export_item_with_a_parent_below_zero_or_an_order_that_is_no_number_is_named(tmp_path: Path) -> None:
    body = item(19, "Page", "<p>Text.</p>", post_type="page").replace(
        "<wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>",
        "<wp:post_parent>-1</wp:post_parent><wp:menu_order>first</wp:menu_order>")
    result, documents = _import(tmp_path, "export.xml", export(body))
    assert list(documents) == ["post-19.md"]
    assert [(p.item, p.field, p.message.split(";")[0]) for p in result.problems] == [
        ("19", "parent", "-1 is no WordPress id (1 or more, 0 for none)"),
        ("19", "menu_order", "expected a whole number, got str 'first'")]


def test_a_negative_menu_order_of_an_export_is_kept_as_wordpress_keeps_it(tmp_path: Path) -> None:
    body = item(19, "Page", "<p>Text.</p>", post_type="page").replace(
        "<wp:menu_order>0</wp:menu_order>", "<wp:menu_order>-2</wp:menu_order>")
    result, documents = _import(tmp_path, "export.xml", export(body))
    assert (documents["post-19.md"].source.order, result.problems) == (-2, [])


def test_controls_nested_as_deep_as_json_goes_leave_the_post_imported(tmp_path: Path) -> None:
    deep: object = "\x01"
    for _ in range(900):
        deep = [deep]
    result, documents = _import(tmp_path, "posts.json", json.dumps([rest_item(meta={"deep": deep})]))
    assert list(documents) == ["hello.md"] and result.problems == []


def test_a_post_that_cannot_be_converted_counts_among_the_skipped_as_its_problem_says(tmp_path: Path) -> None:
    """The summary line's count must agree with the problems, for a REST post as for an export's item."""
    posts = [rest_item(), rest_item(id=8, slug="broken", date="not a date", date_gmt="nope")]
    result, documents = _import(tmp_path, "posts.json", json.dumps(posts))
    assert list(documents) == ["hello.md"]
    assert [str(p).split(": ", 1)[1] for p in result.problems] == [
        "item 8: field 'date': not an ISO 8601 date: 'not a date'"]
    assert [line.split(": ", 1)[1] for line in result.skipped] == [
        "item 8: not imported, date not an ISO 8601 date: 'not a date'"]


@settings(max_examples=500, deadline=None)
@given(text=st.text(st.sampled_from("a\t\n\x00\x0b\x1f\x7f\x80\x9f\xa0\xc2\u00c2\uff01\ufffd\ufffe\uffff\ud800é“"),
                    max_size=40),
       filler=st.sampled_from(["", "x" * 600, "é" * 600, "\xa0" * 600, "\uff01" * 600]))
def test_a_long_text_holds_controls_where_the_pattern_finds_them(text: str, filler: str) -> None:
    """has_controls reads a long text's UTF-8 bytes instead of searching it with CONTROL: the same answer."""
    for whole in (filler + text, text + filler, filler[:300] + text + filler[:300]):
        assert has_controls(whole) is (CONTROL.search(whole) is not None)
