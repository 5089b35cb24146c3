"""A site's address saved without its scheme (`gravel.example.com/fest`): WP Migrate DB writes a site's new address
as its user typed it, into `home` and every guid and link of the dump. A festival's dump lost every picture of its
line-up, shown as text: "relative to a site whose address the input does not name"."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.addresses import absolute
from generator.importer import ImportOptions, run_import
from generator.sources.wxr_items import on_site, site_address
from generator.store.documents import document_files, loads
from tests.test_sources_sql import COLUMNS

SITE = "gravel.example.com/fest"
PICTURE = f"{SITE}/wp-content/uploads/2014/06/ana.jpg"


def _row(ident: int, kind: str, slug: str, content: str) -> str:
    values = [str(ident), "1", "2014-06-24 13:10:50", "2014-06-24 13:10:50", content, slug.title(), "", "publish",
              "open", "open", "", slug, "", "", "2014-06-24 13:10:50", "2014-06-24 13:10:50", "", "0",
              f"{SITE}/?post_type={kind}&#038;p={ident}", "0", kind, "", "0"]
    return "(" + ",".join(f"'{v}'" for v in values) + ")"


def _documents(tmp_path: Path, text: str, name: str) -> dict[str, object]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_import([tmp_path / name], tmp_path / "content", ImportOptions(workers=1))
    assert result.problems == []
    return {p.relative_to(tmp_path / "content").as_posix(): loads(p.read_text(encoding="utf-8"))
            for p in document_files(tmp_path / "content")}


def test_a_dumps_site_address_without_its_scheme_is_its_address_on_the_web(tmp_path: Path) -> None:
    text = ("# WordPress MySQL database migration\n"
            f"INSERT INTO `wp_options` VALUES (1,'siteurl','{SITE}','yes'),(2,'home','{SITE}','yes'),"
            "(3,'permalink_structure','/%postname%/','yes');\n"
            f"INSERT INTO `wp_posts` ({', '.join(COLUMNS)}) VALUES "
            + _row(5, "post", "tickets", f'<img src=\\"{PICTURE}\\" alt=\\"Ana\\"> Tickets are out.') + ","
            + _row(7, "lineup", "ana", f'<img src=\\"{PICTURE}\\" alt=\\"Ana\\"> <a href=\\"{SITE}/tickets/\\">Buy</a>')
            + ";\n")
    documents = _documents(tmp_path, text, "gravel_wp-migrate.sql")
    post, act = documents["post/tickets.md"], documents["lineup/ana.md"]
    assert post.source.url == "http://gravel.example.com/fest/tickets/"
    assert act.source.guid == "http://gravel.example.com/fest/?post_type=lineup&p=7"
    assert post.body.startswith(f"![Ana](http://{PICTURE})")
    assert act.body == f"![Ana](http://{PICTURE}) [Buy](http://{SITE}/tickets/)\n"


def test_an_exports_site_address_without_its_scheme_is_its_address_on_the_web(tmp_path: Path) -> None:
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">'
            f"<channel><title>Fest</title><link>{SITE}</link><wp:wxr_version>1.2</wp:wxr_version>"
            f"<item><title>Ana</title><link>{SITE}/ana/</link><guid>{SITE}/?p=7</guid>"
            f'<content:encoded><![CDATA[<img src="{PICTURE}" alt="Ana">]]></content:encoded>'
            "<wp:post_id>7</wp:post_id><wp:post_date>2014-06-24 13:10:50</wp:post_date><wp:post_name>ana</wp:post_name>"
            "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>\n")
    post = _documents(tmp_path, text, "fest.xml")["post/ana.md"]
    assert (post.source.url, post.source.guid) == (f"http://{SITE}/ana/", f"http://{SITE}/?p=7")
    assert post.body == f"![Ana](http://{PICTURE})\n"


def test_only_a_host_is_taken_for_a_site_address_and_only_the_sites_own_for_an_address_on_it() -> None:
    assert site_address("gravel.example.com:8080/fest") == "http://gravel.example.com:8080/fest"
    for text in ("{site_url}", "fest", "localhost/fest", "gravel example.com/fest", "index.php", "ftp://e.com"):
        assert site_address(text) == ""
    assert on_site("other.example.com/x", f"http://{SITE}") == f"http://{SITE}/other.example.com/x"
    assert on_site("other.example.com/x", f"http://{SITE}", paths_only=True) == "other.example.com/x"
    assert on_site("GRAVEL.example.com/?p=7", f"https://{SITE}", paths_only=True) == "https://GRAVEL.example.com/?p=7"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["gravel.example.com", "GRAVEL.example.com", "www.gravel.example.com"]),
       st.text(st.sampled_from("ab/.?#%:[]@ -"), max_size=12),
       st.sampled_from(["http://gravel.example.com/fest/p/", "https://www.gravel.example.com/", "http://other.example/x/"]))
def test_an_address_opening_with_the_pages_own_host_is_on_it_and_reading_it_twice_changes_nothing(
        host: str, path: str, page: str) -> None:
    url = f"{host}/{path}"
    resolved = absolute(url, page)
    assert absolute(resolved, page) == resolved
    if urlsplit(page).hostname.removeprefix("www.") == "gravel.example.com":
        parts = urlsplit(resolved)
        assert parts.hostname.removeprefix("www.") == "gravel.example.com" and "gravel" not in parts.path.lower()
