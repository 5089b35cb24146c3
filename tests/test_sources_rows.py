"""Rows of the wp_posts table saved as JSON (phpMyAdmin's export, WP-CLI's lists): imported as an export's items.
The fixtures are written here, in the shapes those tools write."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.importer import ImportOptions, run_import
from generator.store.documents import document_files, loads


def _row(ident: int, title: str, content: str, **columns: str) -> dict[str, str]:
    """A row as phpMyAdmin exports it: every column, every value a string."""
    row = {"ID": str(ident), "post_author": "1", "post_date": "2024-03-01 12:00:00",
           "post_date_gmt": "2024-03-01 10:00:00", "post_content": content, "post_title": title, "post_excerpt": "",
           "post_status": "publish", "comment_status": "open", "ping_status": "open", "post_password": "",
           "post_name": f"post-{ident}", "to_ping": "", "pinged": "", "post_modified": "2024-03-02 12:00:00",
           "post_modified_gmt": "2024-03-02 10:00:00", "post_content_filtered": "", "post_parent": "0",
           "guid": f"https://example.com/?p={ident}", "menu_order": "0", "post_type": "post", "post_mime_type": "",
           "comment_count": "0"}
    return {**row, **columns}


def _phpmyadmin(*tables: tuple[str, list[dict[str, str]]]) -> str:
    return json.dumps([{"type": "header", "version": "5.2.1", "comment": "Export to JSON plugin for PHPMyAdmin"},
                       {"type": "database", "name": "wordpress"},
                       *({"type": "table", "name": name, "database": "wordpress", "data": rows}
                         for name, rows in tables)])


USERS = ("wp_users", [{"ID": "1", "user_login": "ana", "user_pass": "$P$B0123", "user_nicename": "ana",
                       "user_email": "ana@example.com", "display_name": "Ana Sousa"}])


def _import(tmp_path: Path, text: str, statuses: frozenset[str] = frozenset({"publish"})) -> tuple[object, dict]:
    saved = tmp_path / "wp_posts.json"
    saved.write_text(text, encoding="utf-8")
    result = run_import([saved], tmp_path / "content", ImportOptions(statuses=statuses, workers=1))
    return result, {p.relative_to(tmp_path / "content").as_posix(): loads(p.read_text(encoding="utf-8"))
                    for p in document_files(tmp_path / "content")}


def test_a_phpmyadmin_export_of_wp_posts_imports_as_an_exports_items(tmp_path: Path) -> None:
    """It was refused: "a post as WordPress stores it (ID, post_content…)"."""
    rows = [_row(1, "Hello", 'First line\r\nsecond line.\r\n\r\nSecond paragraph [gallery ids="9"]'),
            _row(2, "Hello", "An older text", post_type="revision", post_status="inherit", post_name="1-revision-v1",
                 post_parent="1"),
            _row(3, "Auto Draft", "", post_status="auto-draft", post_name="", post_date_gmt="0000-00-00 00:00:00"),
            _row(9, "pic", "", post_type="attachment", post_status="inherit", post_parent="1",
                 post_excerpt="A caption", guid="https://example.com/wp-content/uploads/pic.jpg",
                 post_mime_type="image/jpeg"),
            _row(4, "Secret", "Private words", post_status="private", post_name="secret")]
    result, documents = _import(tmp_path, _phpmyadmin(("wp_posts", rows), USERS))
    assert list(documents) == ["post/post-1.md"]
    post = documents["post/post-1.md"]
    assert (post.title, post.author, post.source.id, post.date.isoformat()) == (
        "Hello", "Ana Sousa", 1, "2024-03-01T12:00:00+02:00")
    # wpautop made its paragraphs and line break, and the gallery shows the attachment row's file.
    assert post.body.startswith("First line\\\nsecond line.\n\nSecond paragraph\n")
    assert "![](https://example.com/wp-content/uploads/pic.jpg)\\\nA caption" in post.body
    assert sorted(line.split(": ", 1)[1] for line in result.skipped) == [
        "item 2: a revision or autosave, not a post", "item 3: status 'auto-draft'", "item 4: status 'private'"]
    assert result.problems == []


def test_post_status_filters_rows_as_it_filters_an_exports_items(tmp_path: Path) -> None:
    rows = [_row(1, "Open", "Words"), _row(4, "Secret", "Private words", post_status="private", post_name="secret")]
    _, documents = _import(tmp_path, _phpmyadmin(("wp_posts", rows)), frozenset({"publish", "private"}))
    assert list(documents) == ["post/post-1.md", "post/secret.md"]


def test_a_wp_cli_list_of_posts_imports_with_its_numbers_as_numbers(tmp_path: Path) -> None:
    """`wp post list --post_type=page --fields=ID,post_title,post_name,post_date,post_status,post_type,post_content
    --format=json`: a plain list, ids as numbers, and only the columns asked for."""
    rows = [{"ID": 11, "post_title": "About", "post_name": "about", "post_date": "2024-05-01 09:00:00",
             "post_status": "publish", "post_type": "page",
             "post_content": "<!-- wp:paragraph -->\n<p>Block text</p>\n<!-- /wp:paragraph -->"}]
    result, documents = _import(tmp_path, json.dumps(rows))
    assert list(documents) == ["page/about.md"]
    assert (documents["page/about.md"].body, documents["page/about.md"].source.id) == ("Block text\n", 11)
    assert result.problems == []


def test_a_row_that_cannot_be_a_post_is_named_by_its_column_and_the_others_imported(tmp_path: Path) -> None:
    rows = [_row(1, "Dated", "Words"), _row(2, "Undated", "Words", post_date="someday", post_name="undated")]
    result, documents = _import(tmp_path, _phpmyadmin(("wp_posts", rows)))
    assert list(documents) == ["post/post-1.md"]
    assert [(p.item, p.field, p.message) for p in result.problems] == [("2", "post_date", "not a date: 'someday'")]


def test_a_phpmyadmin_export_without_wp_posts_says_which_tables_it_holds(tmp_path: Path) -> None:
    saved = tmp_path / "options.json"
    saved.write_text(_phpmyadmin(("wp_options", [{"option_id": "1", "option_name": "siteurl"}]), USERS))
    done = subprocess.run([sys.executable, "-m", "generator", "import", str(saved), "--content", "content"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert (f"{saved}: a phpMyAdmin export without the wp_posts table (tables: wp_options, wp_users): nothing to "
            "import; export wp_posts too") in done.stderr


def test_json_that_only_looks_like_rows_is_read_as_before(tmp_path: Path) -> None:
    """A list of objects whose `type` is no name (found by test_fuzz_import: it raised) is no phpMyAdmin export."""
    result, documents = _import(tmp_path, json.dumps([{"type": ["table"], "data": []}]))
    assert documents == {} and [p.message[:30] for p in result.problems] == ["not a WordPress post, term, us"]


def test_a_partial_copy_of_a_row_never_wins_over_the_full_row(tmp_path: Path) -> None:
    """A dump saved whole (phpMyAdmin) and again as a few columns (ID, post_content, post_date, post_name, post_parent,
    post_status, post_title, post_type), posts and revisions in files of their own. A post scheduled before it was
    published is updated before its date: the copy without `post_modified`, dated by its date, was taken for a later
    edit and imported in the full row's place, without its guid (its relative links then unresolved) or author."""
    partial = ("ID", "post_content", "post_date", "post_mime_type", "post_name", "post_parent", "post_status",
               "post_title", "post_type")
    full = [_row(117, "Redesign", 'See <a href="/about/">about</a>.', post_date="2016-01-13 18:00:29",
                 post_date_gmt="2016-01-13 18:00:29", post_modified="2016-01-13 10:30:22",
                 post_modified_gmt="2016-01-13 10:30:22", guid="http://chris.example/?p=117"),
            _row(118, "Redesign draft", "An older text", post_type="revision", post_status="inherit",
                 post_name="117-revision-v1", post_parent="117", post_date="2016-01-13 10:30:22")]
    folder = tmp_path / "dump"
    folder.mkdir()
    (folder / "wordpress.json").write_text(_phpmyadmin(("wp_posts", full), USERS), encoding="utf-8")
    (folder / "wp-posts.json").write_text(json.dumps([{k: full[0][k] for k in partial}]), encoding="utf-8")
    (folder / "wp-revisions.json").write_text(json.dumps([{k: full[1][k] for k in partial}]), encoding="utf-8")
    result = run_import([folder], tmp_path / "content", ImportOptions(workers=1))
    [path] = document_files(tmp_path / "content")
    post = loads(path.read_text(encoding="utf-8"))
    assert (post.title, post.author, post.source.guid) == ("Redesign", "Ana Sousa", "http://chris.example/?p=117")
    assert "[about](http://chris.example/about/)" in post.body
    assert post.updated.isoformat() == "2016-01-13T10:30:22+00:00"
    assert result.notes == []


def test_a_row_without_an_id_is_named_by_its_place_in_the_list(tmp_path: Path) -> None:
    """The export's reader names such an item by the id it makes up for it (`item 1445039993359`), in no file."""
    rows = [_row(1, "Fine", "Words"), _row(2, "Undated", "Words", ID="", post_date="", post_date_gmt="",
                                           guid="https://example.com/undated/")]
    result, _ = _import(tmp_path, json.dumps(rows))
    assert [(p.item, p.field) for p in result.problems] == [("#1", "ID"), ("#1", "date")]  # its update stands in


def test_a_row_saved_without_a_date_is_dated_by_its_update_or_its_pictures_folder_as_a_rest_post_is(
        tmp_path: Path) -> None:
    """`wp_posts` rows saved as JSON with only their id, title, name and content were refused for want of a date
    (56a), where a REST post saved so is dated by what else it says (convert/stand_in_dates.py). One that says
    nothing of its date is still refused, as having none."""
    pictured = '<p>Reopened.</p><img src="https://news.example/wp-content/uploads/2019/05/dock.jpg">'
    rows = [{"ID": "12", "post_title": "Harbour reopens", "post_name": "harbour", "post_type": "post",
             "post_status": "publish", "post_content": pictured},
            {"ID": "13", "post_title": "Updated", "post_name": "updated", "post_type": "post", "post_status": "publish",
             "post_content": "Words", "post_modified": "2020-02-03 04:05:06"},
            {"ID": "14", "post_title": "Nothing", "post_name": "nothing", "post_type": "post", "post_status": "publish",
             "post_content": "Words"},
            {"ID": "15", "post_title": "", "post_name": "dock-photo", "post_type": "post", "post_status": "publish",
             "post_content": pictured.split("</p>")[1]}]  # named from its slug, as a REST post without a title
    result, files = _import(tmp_path, json.dumps(rows))
    assert {name: (document.title, document.date.isoformat()[:10]) for name, document in files.items()} == {
        "post/harbour.md": ("Harbour reopens", "2019-05-01"), "post/updated.md": ("Updated", "2020-02-03"),
        "post/dock-photo.md": ("Dock photo", "2019-05-01")}
    assert sorted((p.item, p.field, p.message.split(";")[0]) for p in result.problems) == [
        ("12", "date", "missing"), ("13", "date", "missing"),
        ("14", "post_date", "missing or 0000-00-00, and no <pubDate> to stand in: the post has no date"),
        ("15", "date", "missing")]


TERMS = [{"term_id": "5", "name": "Programação", "slug": "programacao", "term_group": "0"},
         {"term_id": "7", "name": "PHP", "slug": "php", "term_group": "0"}]
TAXONOMY = [{"term_taxonomy_id": "15", "term_id": "5", "taxonomy": "category", "description": "", "parent": "0",
             "count": "1"},
            {"term_taxonomy_id": "17", "term_id": "7", "taxonomy": "post_tag", "description": "", "parent": "0",
             "count": "1"}]
RELATIONSHIPS = [{"object_id": "1", "term_taxonomy_id": "15", "term_order": "0"},
                 {"object_id": "1", "term_taxonomy_id": "17", "term_order": "0"}]


def test_the_term_tables_of_a_phpmyadmin_export_give_the_posts_their_terms(tmp_path: Path) -> None:
    """Every post was imported without its categories and tags, which WordPress keeps in three more tables."""
    text = _phpmyadmin(("wp_posts", [_row(1, "Olá", "Texto"), _row(2, "Sem termos", "Texto")]), ("wp_terms", TERMS),
                       ("wp_term_taxonomy", TAXONOMY), ("wp_term_relationships", RELATIONSHIPS))
    result, documents = _import(tmp_path, text)
    assert result.problems == []
    assert documents["post/post-1.md"].taxonomies == {"category": ("programacao",), "post_tag": ("php",)}
    assert documents["post/post-2.md"].taxonomies == {}
    assert "Programação" in (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")


def test_term_tables_saved_a_file_each_beside_wp_posts_are_read_with_it(tmp_path: Path) -> None:
    """A file per table, wp_terms joined with wp_term_taxonomy by the query that saved it: the relationships and
    the taxonomy rows were each "not a WordPress post, term, user or media object", and the import exited 1."""
    joined = [{**term, **kind} for term, kind in zip(TERMS, TAXONOMY)]
    folder = tmp_path / "data"
    folder.mkdir()
    for name, rows in (("wp_posts", [_row(1, "Olá", "Texto")]), ("wp_terms", joined), ("wp_term_taxonomy", TAXONOMY),
                       ("wp_term_relationships", RELATIONSHIPS)):
        (folder / f"{name}.json").write_text(json.dumps(rows), encoding="utf-8")
    result = run_import([folder], tmp_path / "content", ImportOptions(workers=1))
    assert (result.problems, result.skipped) == ([], [])
    [path] = document_files(tmp_path / "content")
    assert loads(path.read_text(encoding="utf-8")).taxonomies == {"category": ("programacao",), "post_tag": ("php",)}
    (folder / "wp_posts.json").unlink()
    alone = run_import([folder], tmp_path / "other", ImportOptions(workers=1))
    assert [(Path(p.file).name, p.message) for p in alone.problems] == [
        (f"{name}.json", "rows of a table of terms, which name the terms of the wp_posts rows saved beside them, "
                         "and there are none") for name in ("wp_term_relationships", "wp_term_taxonomy")]


def test_the_postmeta_table_of_a_phpmyadmin_export_gives_featured_images_and_fields(tmp_path: Path) -> None:
    """Featured images and custom fields live in wp_postmeta: exported beside wp_posts, they were not read."""
    rows = [_row(1, "Olá", "Texto", post_type="job"),
            _row(9, "pic", "", post_type="attachment", post_status="inherit", post_parent="1",
                 guid="https://example.com/wp-content/uploads/pic.jpg", post_mime_type="image/jpeg")]
    meta = [{"meta_id": "1", "post_id": "1", "meta_key": "_thumbnail_id", "meta_value": "9"},
            {"meta_id": "2", "post_id": "1", "meta_key": "salary", "meta_value": "40.000 EUR"}]
    result, documents = _import(tmp_path, _phpmyadmin(("wp_posts", rows), ("wp_postmeta", meta)))
    assert result.problems == []
    job = documents["job/post-1.md"]
    assert job.image.url == "https://example.com/wp-content/uploads/pic.jpg"
    assert "40.000 EUR" in job.body
