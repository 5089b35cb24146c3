"""A WordPress database saved as SQL (mysqldump, `wp db export`, phpMyAdmin's and Duplicator's SQL) or its tables as
CSV: its wp_posts rows imported as an export's items, with their authors, terms, fields and addresses. The dumps are
written here, in the shapes those tools write."""

from __future__ import annotations

import gzip
import json
import mmap
import tempfile
import time
import tracemalloc
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer import ImportOptions, run_import
from generator.problems import Problem
from generator.sources import tablepress, wp_csv, wp_sql
from generator.store.documents import document_files, loads
from generator.store.labels import read_labels

COLUMNS = ("ID", "post_author", "post_date", "post_date_gmt", "post_content", "post_title", "post_excerpt",
           "post_status", "comment_status", "ping_status", "post_password", "post_name", "to_ping", "pinged",
           "post_modified", "post_modified_gmt", "post_content_filtered", "post_parent", "guid", "menu_order",
           "post_type", "post_mime_type", "comment_count")


def _row(ident: int, title: str, content: str, status: str = "publish", kind: str = "post") -> str:
    """A row as mysqldump writes it: numbers bare, text quoted with MySQL's backslash escapes."""
    return (f"({ident},1,'2024-03-01 12:00:00','2024-03-01 10:00:00','{content}','{title}','','{status}','open','open',"
            f"'','post-{ident}','','','2024-03-02 12:00:00','2024-03-02 10:00:00','',0,"
            f"'https://example.com/?p={ident}',0,'{kind}','',0)")


CREATE_POSTS = ("CREATE TABLE `wp_posts` (\n" + "".join(f"  `{c}` text NOT NULL DEFAULT '',\n" for c in COLUMNS)
                + "  PRIMARY KEY (`ID`),\n  KEY `type_status_date` (`post_type`,`post_status`,`post_date`,`ID`)\n"
                ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n")
TERMS = ("INSERT INTO `wp_terms` VALUES (1,'Uncategorized','uncategorized',0),(5,'Notícias','noticias',0);\n"
         "INSERT INTO `wp_term_taxonomy` VALUES (1,1,'category','',0,0),(5,5,'category','',0,1);\n"
         "INSERT INTO `wp_term_relationships` VALUES (1,5,0);\n")
USERS = ("INSERT INTO `wp_users` VALUES (1,'ana','$P$Bsecret','ana','ana@example.com','','2020-01-01 00:00:00','',0,"
         "'Ana Sousa');\n")


def _import(tmp_path: Path, text: str, name: str = "backup.sql") -> tuple[object, dict]:
    dump = tmp_path / name
    dump.write_bytes(gzip.compress(text.encode()) if name.endswith(".gz") else text.encode())
    result = run_import([dump], tmp_path / "content", ImportOptions(workers=1))
    return result, {p.relative_to(tmp_path / "content").as_posix(): loads(p.read_text(encoding="utf-8"))
                    for p in document_files(tmp_path / "content")}


def test_a_mysqldump_of_the_database_imports_its_posts_with_authors_and_terms(tmp_path: Path) -> None:
    """It was refused: "not valid JSON: line 1 column 1". mysqldump writes no column names in its INSERTs: they come
    from CREATE TABLE. The other tables (options, postmeta) are passed over, and SQL quoted in a post is text."""
    content = ("First line\\r\\nsecond line with \\'quotes\\' and a; semicolon (and parens).\\r\\n\\r\\n"
               "INSERT INTO `wp_posts` VALUES (9);")
    text = ("-- MySQL dump 10.13\n/*!40101 SET NAMES utf8mb4 */;\nDROP TABLE IF EXISTS `wp_posts`;\n" + CREATE_POSTS
            + "LOCK TABLES `wp_posts` WRITE;\n"
            + f"INSERT INTO `wp_posts` VALUES {_row(1, 'Olá', content)},{_row(2, 'Draft', 'x', status='draft')},"
            + f"{_row(3, 'Old', 'x', status='inherit', kind='revision')};\n"
            + "INSERT INTO `wp_options` VALUES (1,'siteurl','https://example.com','yes'),(2,'x','a;b\\'c','no');\n"
            + TERMS + USERS + "UNLOCK TABLES;\n")
    result, documents = _import(tmp_path, text)
    assert result.problems == []
    assert list(documents) == ["post/post-1.md"]
    post = documents["post/post-1.md"]
    assert (post.title, post.author, post.taxonomies) == ("Olá", "Ana Sousa", {"category": ("noticias",)})
    assert post.body == ("First line\\\nsecond line with ‘quotes’ and a; semicolon (and parens).\n\n"
                         "INSERT INTO \\`wp_posts\\` VALUES (9);\n")
    assert "Notícias" in (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")
    assert "secret" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "content").rglob("*.*")
                                   if p.is_file() and ".newsmirror-cache" not in p.parts)


def test_phpmyadmins_sql_export_names_its_columns_and_doubles_quotes(tmp_path: Path) -> None:
    """phpMyAdmin lists the columns in each INSERT, and other tools double a quote inside a string."""
    listed = ", ".join(f"`{c}`" for c in COLUMNS)
    text = (f"-- phpMyAdmin SQL Dump\nINSERT INTO `wp9_posts` ({listed}) VALUES\n"
            + _row(4, "It''s here", "Words\\nand <b>more</b>", kind="page") + ";\n")
    result, documents = _import(tmp_path, text, "backup_2024-05-01-0930_Site_1a2b3c-db.gz")  # UpdraftPlus's
    assert result.problems == []
    assert documents["page/post-4.md"].title == "It’s here"
    assert documents["page/post-4.md"].body == "Words\\\nand **more**\n"


def test_a_multisite_dump_imports_the_main_sites_posts_and_terms(tmp_path: Path) -> None:
    """mysqldump sorts the tables by name, so a second site's `wp_2_posts` comes before the main site's."""
    text = (f"INSERT INTO `wp_2_posts` VALUES {_row(7, 'Second site', 'x')};\n"
            + TERMS.replace("`wp_", "`wp_2_").replace("(1,5,0)", "(7,5,0)")
            + f"INSERT INTO `wp_posts` VALUES {_row(1, 'Main site', 'x')};\n" + TERMS)
    result, documents = _import(tmp_path, text, "network.sql.gz")
    assert [p.message for p in result.problems] == [
        "the posts of the multisite network's other sites (wp_2_posts) are not imported, only the main site's: "
        "import each site's tables, dumped on their own, into a content folder of its own"]
    assert [(d.title, d.taxonomies) for d in documents.values()] == [("Main site", {"category": ("noticias",)})]


def test_a_database_of_two_installs_credits_the_posts_to_their_own_installs_users(tmp_path: Path) -> None:
    """A database holding two installs of WordPress (`wp_` and `blog_`, each with its users) was said to hold a
    multisite network's other sites, and its posts were credited to the other install's user of the same id where
    that install's table of users came later in the dump ("Rui Lima" for "Ana Sousa")."""
    main = f"INSERT INTO `wp_posts` VALUES {_row(1, 'Main site', 'x')};\n" + TERMS + USERS
    other = (f"INSERT INTO `blog_posts` VALUES {_row(7, 'Other install', 'x')};\n"
             + USERS.replace("`wp_", "`blog_").replace("Ana Sousa", "Rui Lima").replace("'ana'", "'rui'"))
    for text in (main + other, other + main):
        result, documents = _import(tmp_path, text)
        assert [p.message for p in result.problems] == [
            "the database holds other installs of WordPress besides `wp_posts`, whose posts (blog_posts) are not "
            "imported: import each install's tables, dumped on their own, into a content folder of its own"]
        assert [(d.title, d.author) for d in documents.values()] == [("Main site", "Ana Sousa")]


def test_a_dump_of_a_networks_sites_without_the_main_one_names_the_others_as_its_sites(tmp_path: Path) -> None:
    text = (f"INSERT INTO `wp_3_posts` VALUES {_row(7, 'Third site', 'x')};\n"
            + f"INSERT INTO `wp_2_posts` VALUES {_row(1, 'Second site', 'x')};\n" + USERS)
    result, documents = _import(tmp_path, text)
    assert [p.message for p in result.problems] == [
        "the posts of the multisite network's other sites (wp_3_posts) are not imported, only the main site's: "
        "import each site's tables, dumped on their own, into a content folder of its own"]
    assert [(d.title, d.author) for d in documents.values()] == [("Second site", "Ana Sousa")]


def test_a_plugins_table_named_like_posts_is_no_other_site(tmp_path: Path) -> None:
    """All in One SEO keeps `wp_aioseo_posts` (and `wp_aioseo_writing_assistant_posts`) beside WordPress's tables: a
    dump of a single site with it was said to hold a multisite network's other sites, and the import exited 1."""
    text = ("CREATE TABLE `wp_aioseo_posts` (\n  `id` bigint NOT NULL,\n  `post_id` bigint NOT NULL,\n"
            "  `title` text DEFAULT NULL\n) ENGINE=InnoDB;\n"
            "INSERT INTO `wp_aioseo_posts` (`id`, `post_id`, `title`) VALUES (1, 1, 'Main site #separator_sa');\n"
            + f"INSERT INTO `wp_posts` VALUES {_row(1, 'Main site', 'x')};\n" + TERMS)
    result, documents = _import(tmp_path, text)
    assert result.problems == []
    assert [d.title for d in documents.values()] == ["Main site"]


def test_a_dump_without_posts_or_cut_short_or_without_column_names_is_named(tmp_path: Path) -> None:
    cases = {
        "options.sql": ("INSERT INTO `wp_options` VALUES (1,'siteurl','https://example.com','yes');\n",
                        "a database dump without rows of the wp_posts table (tables with rows: wp_options): nothing to "
                        "import; dump wp_posts too"),
        "cut.sql": (f"INSERT INTO `wp_posts` VALUES {_row(1, 'Whole', 'x')},\n(2,1,'2024-03-01 12:00:00','unclosed",
                    "line 2: the rows inserted into `wp_posts` end before their values close (a dump cut short?); "
                    "1 read before"),
        "empty.sql": ("", "an empty file, not read: no SQL dump in it"),
        "columns.sql": ("INSERT INTO `wp_posts` VALUES (1,'Too few columns to be WordPress''s own','x');\n",
                        "rows of `wp_posts` without the names of their columns (no CREATE TABLE or column list "
                        "before them): not read; dump the table's structure too"),
    }
    for name, (text, message) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        problems: list[Problem] = []
        items = list(wp_sql.read_dump(tmp_path / name, problems))
        assert message in [p.message for p in problems], name
        assert all(p.file == str(tmp_path / name) for p in problems)
        titles = [i.data["title"]["rendered"] for i in items if i.kind == "post"]
        assert titles == (["Whole"] if name == "cut.sql" else [])


def test_a_folder_with_a_dump_is_read_and_one_without_says_sql_is_looked_for(tmp_path: Path) -> None:
    folder = tmp_path / "backup"
    folder.mkdir()
    (folder / "db.sql").write_text(f"INSERT INTO `wp_posts` VALUES {_row(1, 'Found', 'x')};\n", encoding="utf-8")
    result = run_import([folder], tmp_path / "content", ImportOptions(workers=1))
    assert (result.problems, len(list(document_files(tmp_path / "content")))) == ([], 1)
    (folder / "db.sql").unlink()
    (folder / "notes.txt").write_text("nothing", encoding="utf-8")
    empty = run_import([folder], tmp_path / "other", ImportOptions(workers=1))
    assert "*.sql" in empty.problems[0].message


def test_hostile_dumps_are_read_in_linear_time(tmp_path: Path) -> None:
    """Strings never closed, runs of quotes, backslashes and statements never ended: each read in a moment."""
    hostile = ["INSERT INTO `wp_posts` VALUES ('" + "\\'" * 100_000,
               "INSERT INTO `wp_options` VALUES ('" + "a;''" * 100_000,
               'INSERT INTO `wp_posts` VALUES ("' + '\\"";' * 100_000,
               "INSERT INTO `wp_posts` VALUES " + "(" * 100_000,
               "INSERT INTO `wp_posts` VALUES " + "('x'," * 100_000,
               "CREATE TABLE `wp_posts` (\n" + "  `a` int,\n" * 100_000,
               "INSERT INTO wp_posts VALUES\n" * 100_000]
    for text in hostile:
        path = tmp_path / "hostile.sql"
        path.write_text(text, encoding="utf-8")
        started = time.process_time()
        list(wp_sql.read_dump(path, []))
        assert time.process_time() - started < 2, text[:40]


def test_the_dumps_postmeta_gives_a_post_its_featured_image(tmp_path: Path) -> None:
    """The featured image was lost: `_thumbnail_id` is in wp_postmeta, as an export's <wp:postmeta>."""
    picture = _row(9, "pic", "", status="inherit", kind="attachment").replace(
        "'https://example.com/?p=9'", "'https://example.com/wp-content/uploads/pic.jpg'")
    text = (f"INSERT INTO `wp_postmeta` VALUES (1,1,'_thumbnail_id','9'),(2,1,'_edit_lock','1:1'),"
            f"(3,1,'_thumbnail_id','9');\nINSERT INTO `wp_posts` VALUES {_row(1, 'With picture', 'x')},{picture};\n")
    result, documents = _import(tmp_path, text)
    assert result.problems == []
    assert documents["post/post-1.md"].image.url == "https://example.com/wp-content/uploads/pic.jpg"
    # A site moved to another address keeps its attachments' guids: WordPress shows the file where it is now.
    moved = ("INSERT INTO `wp_options` VALUES (1,'siteurl','https://new.example.org','yes');\n"
             "INSERT INTO `wp_postmeta` VALUES (9,9,'_wp_attached_file','2024/03/pic.jpg');\n")
    (tmp_path / "moved").mkdir()
    _, documents = _import(tmp_path / "moved", moved + text)
    assert documents["post/post-1.md"].image.url == "https://new.example.org/wp-content/uploads/2024/03/pic.jpg"
    # A copy on its maker's machine: the guid may name the public site's file, which a reader can open.
    (tmp_path / "local").mkdir()
    _, documents = _import(tmp_path / "local", moved.replace("https://new.example.org", "http://site.local") + text)
    assert documents["post/post-1.md"].image.url == "https://example.com/wp-content/uploads/pic.jpg"


def test_a_backup_saved_a_file_per_table_is_read_as_one_dump(tmp_path: Path) -> None:
    """phpMyAdmin's export of each table to its own file: the term tables, postmeta and options were each "an SQL
    dump without rows of the wp_posts table", and the posts came without their terms. wp_options' `home` is the
    site that a guid naming only a path (a post imported from another blog engine) is on."""
    folder = tmp_path / "backup"
    folder.mkdir()
    moved = _row(1, "Olá", '<a href=\\"../other/\\">link</a>').replace("'https://example.com/?p=1'",
                                                                   "'/blog/post/x.aspx'")
    files = {"wp_posts.sql": f"INSERT INTO `wp_posts` VALUES {moved};\n",
             "wp_options.sql": "INSERT INTO `wp_options` VALUES (1,'siteurl','https://example.com','yes'),"
                               "(2,'home','https://example.com/site','yes'),(3,'cron','a:1:{}','yes');\n",
             "wp_usermeta.sql": "INSERT INTO `wp_usermeta` VALUES (1,1,'nickname','ana');\n",
             **{f"{line.split('`')[1]}.sql": line + "\n" for line in TERMS.splitlines()}}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = run_import([folder], tmp_path / "content", ImportOptions(workers=1))
    assert result.problems == []
    [path] = document_files(tmp_path / "content")
    post = loads(path.read_text(encoding="utf-8"))
    assert post.taxonomies == {"category": ("noticias",)}
    assert (post.source.url, post.source.guid) == ("https://example.com/site/?p=1",
                                                   "https://example.com/blog/post/x.aspx")
    assert post.body == "[link](https://example.com/other/)\n"


def test_a_strings_escapes_are_read_from_the_left_as_mysql_reads_them() -> None:
    for written, value in ((rb"it\'s", "it's"), (rb"it\'\'s", "it''s"), (rb"it''s", "it's"), (rb"a\\b", "a\\b"),
                           (rb"a\\\'b", "a\\'b"), (rb"a\\\\n", "a\\\\n"), (rb"l1\r\nl2", "l1\r\nl2"),
                           (rb"nul\0tab\t", "nul\0tab\t"), (rb"50\%", "50\\%"), (rb"\"q\"", '"q"'),
                           ("café".encode(), "café")):
        assert wp_sql._unescaped(written, b"'") == value, written
    assert wp_sql._unescaped(rb'say ""hi"" it\'s', b'"') == "say \"hi\" it's"


def test_wp_options_names_the_site_its_tagline_and_language(tmp_path: Path) -> None:
    """The site was "News mirror", in a language guessed from its posts; a qTranslate site's name is in the
    language its posts are kept in."""
    text = ("INSERT INTO `wp_options` VALUES (1,'blogname','[:vi]Kiến trúc[:en]Architecture[:]','yes'),"
            "(2,'blogdescription','Nhà và vườn','yes'),(3,'WPLANG','vi','yes'),(4,'cron','a:0:{}','yes');\n"
            f"INSERT INTO `wp_posts` VALUES {_row(1, '[:vi]Nhà[:en]House[:]', 'x')};\n")
    result, documents = _import(tmp_path, text)
    assert result.problems == []
    labels, _ = read_labels(tmp_path / "content")
    assert (labels.title, labels.description, labels.language) == ("Kiến trúc", "Nhà và vườn", "vi")
    assert documents["post/post-1.md"].title == "Nhà"


def test_duplicators_dump_in_double_quotes_is_read(tmp_path: Path) -> None:
    """Duplicator writes a row per statement, every value in double quotes: `VALUES("1", "1", …)`."""
    row = _row(1, "Olá", 'A \\"quoted\\" word; and (parens)\\nNext line').replace("'", '"')
    text = (f"/* INSERT TABLE DATA: wp_posts */\nINSERT INTO `wp_posts` VALUES{row};\n"
            'INSERT INTO `wp_postmeta` VALUES("1", "1", "_edit_lock", "1:1");\n')
    result, documents = _import(tmp_path, text)
    assert result.problems == []
    assert documents["post/post-1.md"].body == 'A “quoted” word; and (parens)\\\nNext line\n'


def test_tables_saved_as_csv_are_read_as_a_dump(tmp_path: Path) -> None:
    """phpMyAdmin's CSV export of wp_posts, with the columns' names in its first row or without them, and of the
    term tables beside it: "not valid JSON: line 1 column 1"."""
    folder = tmp_path / "csv"
    folder.mkdir()
    header = ",".join(f'"{c}"' for c in COLUMNS)
    post = (f'"1","1","2024-03-01 12:00:00","2024-03-01 10:00:00","Line one, with ""quotes"";\nline two",'
            f'"Olá",,"publish","open","open",,"post-1",,,"2024-03-02 12:00:00","2024-03-02 10:00:00",,"0",'
            f'"https://example.com/?p=1","0","post",,"0"')
    (folder / "wp_posts.csv").write_text(f"{header}\r\n{post}\r\n", encoding="utf-8")
    (folder / "wp_terms.csv").write_text('"5";"Notícias";"noticias";"0"\n', encoding="utf-8")
    (folder / "wp_term_taxonomy.csv").write_text('5,5,category,,0,1\n', encoding="utf-8")
    (folder / "wp_term_relationships.csv").write_text('1,5,0\n', encoding="utf-8")
    (folder / "prices.csv").write_text("not,a,table\n", encoding="utf-8")
    result = run_import([folder], tmp_path / "content", ImportOptions(workers=1))
    assert result.problems == []
    [path] = document_files(tmp_path / "content")
    post_read = loads(path.read_text(encoding="utf-8"))
    assert (post_read.title, post_read.taxonomies) == ("Olá", {"category": ("noticias",)})
    assert post_read.body == 'Line one, with “quotes”;\\\nline two\n'


def test_a_csv_value_written_wrong_is_named_by_its_line() -> None:
    problems: list[Problem] = []
    assert wp_csv.rows('"a","b"\n"c","never closed\n', "t.csv", problems) == [["a", "b"]]
    assert [p.message for p in problems] == ["line 2: a value is written wrong (a quote never closed, or one inside "
                                             "a value not quoted); the rows from there on are not read"]
    assert wp_csv.rows("", "t.csv", []) == [] and wp_csv.rows("1;NULL;x\n\n", "t.csv", []) == [["1", None, "x"]]
    started = time.process_time()
    wp_csv.rows('"' + '""x' * 100_000, "t.csv", [])
    wp_csv.rows(";" * 100_000 + '\n"', "t.csv", [])
    assert time.process_time() - started < 2


def test_posts_and_pages_get_their_address_from_the_permalink_structure(tmp_path: Path) -> None:
    """Rows name no post's address: its page said nowhere where it was (no "Source:"), and links relative to it
    resolved against its guid."""
    options = ("INSERT INTO `wp_options` VALUES (1,'home','https://example.com','yes'),"
               "(2,'permalink_structure','/%year%/%monthnum%/%postname%/','yes'),(3,'show_on_front','page','yes'),"
               "(4,'page_on_front','5','yes');\n")
    pages = [_row(5, "Home", "x", kind="page"), _row(6, "About", "x", kind="page"),
             _row(7, "Team", "x", kind="page").replace(",'',0,'https://example.com/?p=7'",
                                                       ",'',6,'https://example.com/?p=7'")]  # under About
    text = options + f"INSERT INTO `wp_posts` VALUES {_row(1, 'News', 'x')},{','.join(pages)};\n"
    result, documents = _import(tmp_path, text)
    assert result.problems == []
    assert {name: d.source.url for name, d in documents.items()} == {
        "post/post-1.md": "https://example.com/2024/03/post-1/", "page/post-5.md": "https://example.com/",
        "page/post-6.md": "https://example.com/post-6/", "page/post-7.md": "https://example.com/post-6/post-7/"}


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
MYSQL_ESCAPES = {"\0": "\\0", "\n": "\\n", "\r": "\\r", "\\": "\\\\", "'": "\\'", '"': '\\"', "\x1a": "\\Z"}


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_any_text_as_mysqldump_and_duplicator_write_it_reads_back_as_it_was(content: str, title: str) -> None:
    """mysql_real_escape_string's escapes, which mysqldump, phpMyAdmin and Duplicator write; a row's every value."""
    def written(value: str, quote: str) -> str:
        return quote + "".join(MYSQL_ESCAPES.get(c, c) for c in value) + quote

    for quote in ("'", '"'):
        row = f"(1,{written(content, quote)}, {written(title, quote)} ,NULL)"
        dump = f"INSERT INTO `wp_posts` (`ID`,`post_content`,`post_title`,`post_type`) VALUES {row},{row};"
        tables, _ = wp_sql._tables(dump.encode(), Path("t.sql"), [])
        assert tables["wp_posts"] == [{"ID": "1", "post_content": content, "post_title": title, "post_type": None}] * 2


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(TEXT, min_size=1, max_size=4), min_size=1, max_size=4))
def test_any_table_written_as_csv_reads_back_as_it_was(table: list[list[str]]) -> None:
    text = "\r\n".join(",".join('"' + value.replace('"', '""') + '"' for value in row) for row in table)
    assert wp_csv.rows(text, "t.csv", []) == table


def test_tablepress_tables_show_where_a_post_names_them(tmp_path: Path) -> None:
    """`[table id=1 /]` stayed as text, and each table's post was imported as a page of JSON."""
    def sql(value: str) -> str:
        return "".join(MYSQL_ESCAPES.get(c, c) for c in value)

    cells = sql(json.dumps([["Item", "Price"], ["Tea", "2 €"], ["<b>Cake</b>", "3 €"]]))
    tables = sql(json.dumps({"last_id": 2, "table_post": {"1": 12, "2": 13}}))
    text = (f"INSERT INTO `wp_options` VALUES (1,'tablepress_tables','{tables}','yes');\n"
            f"INSERT INTO `wp_posts` VALUES {_row(5, 'Prices', 'Our prices: [table id=1 /] [table id=7 /]')},"
            f"{_row(12, 'Price list', cells, kind='tablepress_table')};\n")
    result, documents = _import(tmp_path, text)
    assert list(documents) == ["post/post-5.md"]
    assert documents["post/post-5.md"].body == (
        "Our prices:\n\n| Item | Price |\n| --- | --- |\n| Tea | 2 € |\n| **Cake** | 3 € |\n\n[table id=7 /]\n")
    without_head = [tablepress.table_html('[["a\\nb"]]', f'{{"table_head": {flag}}}') for flag in ("false", "0")]
    assert without_head == 2 * [
        '<table class="tablepress"><tbody><tr><td>a<br />b</td></tr></tbody></table>']
    assert tablepress.table_html('{"not": "rows"}', "") == "" and tablepress.table_posts("a:0:{}") == {}


def test_polylangs_languages_and_translations_come_from_the_term_tables(tmp_path: Path) -> None:
    """Polylang keeps each group of translations in a `post_translations` term's description, which the term
    tables hold and an export gives in its `<wp:term>`: the posts of a dump were imported without their translations."""
    group = 'a:2:{s:2:\\"en\\";i:1;s:2:\\"fr\\";i:2;}'
    text = ("INSERT INTO `wp_terms` VALUES (2,'English','en',0),(3,'Français','fr',0),(9,'pll_5f1','pll_5f1',0);\n"
            f"INSERT INTO `wp_term_taxonomy` VALUES (2,2,'language','',0,1),(3,3,'language','',0,1),"
            f"(9,9,'post_translations','{group}',0,2);\n"
            "INSERT INTO `wp_term_relationships` VALUES (1,2,0),(1,9,0),(2,3,0),(2,9,0);\n"
            f"INSERT INTO `wp_posts` VALUES {_row(1, 'Hello', 'Words')},{_row(2, 'Bonjour', 'Mots')};\n")
    result, documents = _import(tmp_path, text)
    assert result.problems == []
    english, french = documents["post/post-1.md"], documents["post/post-2.md"]
    assert (english.language, english.translations) == ("en", (("fr", 2),))
    assert (french.language, french.translations) == ("fr", (("en", 1),))


def test_wpmls_languages_and_translations_come_from_its_own_table(tmp_path: Path) -> None:
    """WPML keeps each post's language in `wp_icl_translations`: a dump's posts of every language came mixed, with
    no language said."""
    text = (f"INSERT INTO `wp_posts` VALUES {_row(1, 'Hello', 'Words')},{_row(2, 'Hola', 'Palabras')},"
            f"{_row(3, 'Alone', 'Words')};\n"
            "INSERT INTO `wp_icl_translations` VALUES (1,'post_post',1,7,'en',NULL),(2,'post_post',2,7,'es','en'),"
            "(3,'post_post',3,8,'en',NULL),(4,'tax_category',1,9,'en',NULL);\n")
    result, documents = _import(tmp_path, text)
    assert result.problems == []
    assert [(d.language, d.translations) for d in documents.values()] == [
        ("en", (("es", 2),)), ("es", (("en", 1),)), ("en", ())]


def _revised_dump(revisions: int, size: int) -> str:
    """A post and `revisions` revisions of it of `size` characters each, an INSERT per 20 rows as mysqldump splits
    them (at its net_buffer_length)."""
    rows = [_row(1, "Story", "word " * (size // 5))]
    rows += [_row(n, "Story", "w" * size, status="inherit", kind="revision") for n in range(2, revisions + 2)]
    inserts = "".join(f"INSERT INTO `wp_posts` VALUES {','.join(rows[k:k + 20])};\n" for k in range(0, len(rows), 20))
    return CREATE_POSTS + inserts


def test_revisions_of_a_dump_are_counted_without_holding_their_text(tmp_path: Path) -> None:
    """A news site keeps every revision: a dump of 50,000 posts with three revisions each peaked at 2.2 GB read."""
    (tmp_path / "revised.sql").write_text(_revised_dump(400, 50_000), encoding="utf-8")
    problems: list[Problem] = []
    tracemalloc.start()
    try:
        items = list(wp_sql.read_dump(tmp_path / "revised.sql", problems))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problems == [] and [i.kind for i in items].count("post") == 1
    assert sum(i.kind != "post" for i in items) == 400  # skipped, and counted, as revisions
    assert peak < 8_000_000  # the revisions' text is 20 MB; one INSERT of them, 1 MB


def test_a_mapped_dump_read_while_its_pages_are_given_back_reads_the_same(tmp_path: Path, monkeypatch) -> None:
    text = _revised_dump(30, 9_000) + f"INSERT INTO `wp_posts` VALUES {_row(90, 'Cut', 'x')},\n(91,1,'unclosed"
    (tmp_path / "dump.sql").write_text(text, encoding="utf-8")
    (tmp_path / "dump.sql.gz").write_bytes(gzip.compress(text.encode()))
    read = {}
    for released in (wp_sql.RELEASED, mmap.PAGESIZE):  # given back as read: every page, where the reader passes it
        monkeypatch.setattr(wp_sql, "RELEASED", released)
        for name in ("dump.sql", "dump.sql.gz"):
            problems: list[Problem] = []
            items = [(i.kind, json.dumps(i.data, sort_keys=True)) for i in wp_sql.read_dump(tmp_path / name, problems)]
            read[released, name] = (items, [p.message for p in problems])
    assert len(set(map(repr, read.values()))) == 1
    items, messages = read[mmap.PAGESIZE, "dump.sql"]
    assert len(items) == 32 and messages == [
        f"line {text.count(chr(10)) + 1}: the rows inserted into `wp_posts` end before their values close (a dump cut "
        "short?); 1 read before"]


def test_a_gzipped_dump_that_would_fill_the_disk_is_named(tmp_path: Path, monkeypatch) -> None:
    from generator.sources import archives
    dump = tmp_path / "backup.sql.gz"
    dump.write_bytes(gzip.compress((CREATE_POSTS + f"INSERT INTO `wp_posts` VALUES {_row(1, 'A', 'x')};\n").encode()))
    # More room than any disk has: set to the free space of the moment, it raced other tests freeing theirs.
    monkeypatch.setattr(archives, "SPARE_ROOM", 1 << 62)
    problems: list[Problem] = []
    assert list(wp_sql.read_dump(dump, problems)) == []
    assert [p.message for p in problems] == [
        f"cannot be read: unpacks to more than the disk has free for it in {Path(tempfile.gettempdir()).parent}: "
        "unpack it yourself and import what it holds"]


def test_dumps_packed_with_bzip2_or_xz_are_read_as_gzipped_ones_are(tmp_path: Path) -> None:
    """A host's control panel packs a dump with gzip, bzip2 or xz: `.sql.bz2` and `.sql.xz` were passed over
    ("no saved REST JSON, WordPress export or SQL dump in this folder"), and a broken one is named."""
    import bz2
    import lzma
    text = CREATE_POSTS + f"INSERT INTO `wp_posts` VALUES {_row(1, 'Packed', 'x')};\n" + TERMS
    for name, pack in (("site.sql.bz2", bz2.compress), ("site.sql.xz", lzma.compress)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / name).write_bytes(pack(text.encode()))
        result = run_import([folder], folder / "content", ImportOptions(workers=1))
        assert result.problems == [] and [p.path for p in result.posts] == ["post/post-1.md"]
        (folder / name).write_bytes(b"not packed at all")
        problems: list[Problem] = []
        assert list(wp_sql.read_dump(folder / name, problems)) == []
        assert [p.message.startswith("cannot be read: ") for p in problems] == [True]


def test_a_dump_naming_no_site_address_names_its_relative_links_at_import(tmp_path: Path) -> None:
    """A blog moved from BlogEngine.NET: no `home` in wp_options, guids that are UUIDs. Its import said nothing of
    its posts' `/post/x.aspx` links, and its build showed them as text with exit 1; now the import names them."""
    row = _row(1, "Hello", '<p>See <a href=\\"/post/older.aspx\\">the older one</a>.</p>'
               '<img src=\\"/image.axd?picture=x.png\\">').replace("'https://example.com/?p=1'", "'8f4a6c1e-1b2c'")
    result, files = _import(tmp_path, CREATE_POSTS + f"INSERT INTO `wp_posts` VALUES {row};\n")
    assert files["post/post-1.md"].source.url == ""
    assert [(p.item, p.field, p.message.split(":")[0]) for p in result.problems] == [
        ("1", "body", "2 link(s) or image(s) relative to a site whose address the input does not name (a dump "
                      "without `home` in wp_options, a post saved without its link)")]
    given = ImportOptions(workers=1, site="https://b.example/")
    result = run_import([tmp_path / "backup.sql"], tmp_path / "given", given)
    assert result.problems == []
