"""A WordPress database kept in SQLite (WordPress Playground's, the SQLite Database Integration plugin's
`wp-content/database/.ht.sqlite`): its posts imported as a dump's are, with their authors, terms and the site's
name. The databases are made here with the tables and column types the plugin makes."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from generator.importer import ImportOptions, run_import
from generator.sources import wp_sql
from generator.store.documents import document_files, loads
from generator.store.labels import read_labels

# The plugin's translation of WordPress's own CREATE TABLE: every column typed as SQLite reads MySQL's types.
POSTS = ('CREATE TABLE "wp_posts" ("ID" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "post_author" integer NOT NULL '
         "DEFAULT '0', " + ", ".join(f'"{c}" text NOT NULL DEFAULT \'\' COLLATE NOCASE' for c in (
             "post_date", "post_date_gmt", "post_content", "post_title", "post_excerpt", "post_status",
             "comment_status", "ping_status", "post_password", "post_name", "to_ping", "pinged", "post_modified",
             "post_modified_gmt", "post_content_filtered"))
         + ', "post_parent" integer NOT NULL DEFAULT 0, "guid" text NOT NULL DEFAULT \'\', "menu_order" integer NOT '
           'NULL DEFAULT 0, "post_type" text NOT NULL DEFAULT \'post\', "post_mime_type" text NOT NULL DEFAULT \'\', '
           '"comment_count" integer NOT NULL DEFAULT 0)')
TABLES = (
    POSTS,
    'CREATE TABLE "wp_users" ("ID" integer PRIMARY KEY, "user_login" text, "user_pass" text, "user_nicename" text, '
    '"user_email" text, "user_url" text, "user_registered" text, "user_activation_key" text, "user_status" integer, '
    '"display_name" text)',
    'CREATE TABLE "wp_terms" ("term_id" integer PRIMARY KEY, "name" text, "slug" text, "term_group" integer)',
    'CREATE TABLE "wp_term_taxonomy" ("term_taxonomy_id" integer PRIMARY KEY, "term_id" integer, "taxonomy" text, '
    '"description" text, "parent" integer, "count" integer)',
    'CREATE TABLE "wp_term_relationships" ("object_id" integer, "term_taxonomy_id" integer, "term_order" integer)',
    'CREATE TABLE "wp_options" ("option_id" integer PRIMARY KEY, "option_name" text, "option_value" text, '
    '"autoload" text)',
    'CREATE TABLE "wp_postmeta" ("meta_id" integer PRIMARY KEY, "post_id" integer, "meta_key" text, '
    '"meta_value" text)',
    # the plugin's own record of the MySQL types, no WordPress table
    'CREATE TABLE "_mysql_data_types_cache" ("table" text, "column_or_index" text, "mysql_type" text)',
)


def _post(ident: int, title: str, content: str, kind: str = "post", status: str = "publish", parent: int = 0
          ) -> tuple[object, ...]:
    return (ident, 1, "2025-03-28 11:06:19", "2025-03-28 08:06:19", content, title, "", status, "open", "open", "",
            f"post-{ident}", "", "", "2025-03-28 20:24:30", "2025-03-28 17:24:30", "", parent,
            f"http://localhost/?p={ident}", 0, kind, "", 0)


def _database(path: Path, posts: list[tuple[object, ...]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as connection:
        for table in TABLES:
            connection.execute(table)
        connection.executemany(f"INSERT INTO wp_posts VALUES ({', '.join('?' * 23)})", posts)
        connection.execute("INSERT INTO wp_users VALUES (1, 'admin', '$P$Bsecret', 'admin', 'a@example.com', '', "
                           "'2025-03-28 08:00:00', '', 0, 'Мария')")
        connection.execute("INSERT INTO wp_terms VALUES (3, 'Мебель', 'mebel', 0)")
        connection.execute("INSERT INTO wp_term_taxonomy VALUES (3, 3, 'category', '', 0, 1)")
        connection.execute("INSERT INTO wp_term_relationships VALUES (29, 3, 0)")
        connection.executemany("INSERT INTO wp_options VALUES (?, ?, ?, 'yes')", [
            (1, "blogname", "Мебель дорого"), (2, "siteurl", "http://localhost"), (3, "home", "http://localhost"),
            (4, "WPLANG", "ru_RU"), (5, "active_plugins", "a:1:{i:0;s:9:\"sqlite-db\";}")])
        connection.execute("INSERT INTO _mysql_data_types_cache VALUES ('wp_posts', 'ID', 'bigint(20) unsigned')")
        connection.commit()
    return path


def _documents(content: Path) -> dict[str, object]:
    return {p.relative_to(content).as_posix(): loads(p.read_text(encoding="utf-8")) for p in document_files(content)}


def test_a_playground_sites_folder_imports_the_posts_of_its_sqlite_database(tmp_path: Path) -> None:
    """It was "no saved REST JSON, WordPress export or SQL dump in this folder" (the database's name starts with
    '.', and SQLite was not read): three saved Playground sites, 12 posts and pages, imported none."""
    site = tmp_path / "site"
    _database(site / "wp-content" / "database" / ".ht.sqlite", [
        _post(29, "Технологии мебельного производства", "<!-- wp:paragraph -->\n<p>Процесс начинается.</p>\n"
                                                        "<!-- /wp:paragraph -->"),
        _post(30, "Old", "Процесс", kind="revision", status="inherit", parent=29),
        _post(31, "Draft", "x", status="draft"),
        _post(7, "О нас", "Добро пожаловать\n\nв магазин", kind="page")])
    result = run_import([site], tmp_path / "content", ImportOptions(workers=1))
    assert result.problems == []
    documents = _documents(tmp_path / "content")
    assert sorted(documents) == ["page/post-7.md", "post/post-29.md"]
    post = documents["post/post-29.md"]
    assert (post.title, post.author, post.taxonomies) == ("Технологии мебельного производства", "Мария",
                                                          {"category": ("mebel",)})
    assert post.body == "Процесс начинается.\n"
    assert documents["page/post-7.md"].body == "Добро пожаловать\n\nв магазин\n"
    labels = read_labels(tmp_path / "content")[0]
    assert (labels.title, labels.language) == ("Мебель дорого", "ru-RU")
    assert "secret" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "content").rglob("*.*")
                                   if p.is_file() and ".newsmirror-cache" not in p.parts)


def test_the_database_given_by_itself_is_read_and_other_sqlite_files_are_no_input(tmp_path: Path) -> None:
    """A `.db` that is no SQLite (Windows's Thumbs.db) or an SQLite database without WordPress's posts (an app's
    cache) is passed over in a folder as before; the database named on the command line is read."""
    database = _database(tmp_path / "mysite.sqlite", [_post(29, "Hello", "World")])
    (tmp_path / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0 not sqlite")
    with closing(sqlite3.connect(tmp_path / "cache.db")) as other:
        other.execute("CREATE TABLE entries (key text, value text)")
        other.execute("INSERT INTO entries VALUES ('a', 'b')")
        other.commit()
    assert [wp_sql.is_dump(p) for p in (database, tmp_path / "Thumbs.db", tmp_path / "cache.db")] == [
        True, False, False]
    result = run_import([database], tmp_path / "content", ImportOptions(workers=1))
    assert result.problems == []
    assert list(_documents(tmp_path / "content")) == ["post/post-29.md"]


@pytest.mark.parametrize("damage", [b"SQLite format 3\x00" + b"\xff" * 200, b"\x8b\x1f" + b"\xff" * 200],
                         ids=["past its header", "its header gone"])
def test_a_damaged_database_is_named_and_the_import_goes_on(tmp_path: Path, damage: bytes) -> None:
    """A database cut short or overwritten, past its header or through it: one problem naming the file, as a broken
    dump."""
    folder = tmp_path / "site"
    damaged = folder / "wp-content" / "database" / ".ht.sqlite"
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(damage)
    _database(folder / "other" / "backup.sqlite", [_post(29, "Hello", "World")])
    result = run_import([folder], tmp_path / "content", ImportOptions(workers=1))
    assert [(p.file, p.message.split(":")[0]) for p in result.problems] == [(str(damaged), "cannot be read")]
    assert list(_documents(tmp_path / "content")) == ["post/post-29.md"]
