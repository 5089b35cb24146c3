"""An archive of saved input (a zip, a tarball) is read as the folder it unpacks to: WordPress.com's export is a zip of
export files. Items and problems are named by the archive, nothing is written outside the temporary folder, and that
folder is gone after."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import shutil
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.importer import ImportOptions, run_import
from generator.sources import archives
from generator.store.documents import document_files
from tests.conftest import rest_item
from tests.test_wxr import export, item

ONE = ImportOptions(workers=1)


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def _posts(content: Path) -> dict[str, str]:
    return {p.relative_to(content).as_posix(): p.read_text(encoding="utf-8") for p in document_files(content)}


def _leftovers() -> list[Path]:
    return sorted(Path(tempfile.gettempdir()).glob("newsmirror-archive-*"))


def test_a_site_backups_pictures_and_code_are_not_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Duplicator's zip holds the whole site beside its database: only what may be input is unpacked, so that a
    backup whose uploads would not fit where it is unpacked is still read."""
    crawl = {"wp-content/uploads/2024/05/photo.JPG": "\0" * 50_000_000, "wp-includes/js/x.js": "x",
             "dup-installer/posts.json": json.dumps([rest_item()])}
    path = _zip(tmp_path / "site_archive.zip", crawl)
    room = shutil.disk_usage(tempfile.gettempdir()).free - 10_000_000
    monkeypatch.setattr(archives, "SPARE_ROOM", room)  # 10 MB left to unpack into
    result = run_import([path], tmp_path / "content", ONE)
    assert result.problems == [] and [p.path for p in result.posts] == ["post/hello.md"]


def test_a_wordpress_com_export_zip_imports_as_its_export_files_do(tmp_path: Path) -> None:
    files = {"harbour.wordpress.2024-05-01.000.xml": export(item(5, "First", "<p>One</p>")),
             "harbour.wordpress.2024-05-01.001.xml": export(item(6, "Second", "<p>Two</p>"))}
    before = _leftovers()
    result = run_import([_zip(tmp_path / "harbour.zip", files)], tmp_path / "zipped", ONE)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run_import([tmp_path / name for name in files], tmp_path / "plain", ONE)
    assert result.problems == [] and _posts(tmp_path / "zipped") == _posts(tmp_path / "plain")
    assert sorted(post.file for post in result.posts) == [f"{tmp_path}/harbour.zip/{name}" for name in files]
    assert _leftovers() == before


def test_a_zipped_crawl_in_a_folder_is_read_and_its_problems_name_the_zip(tmp_path: Path) -> None:
    crawl = {"wp-json/wp/v2/posts.json": json.dumps([rest_item(), rest_item(id=8, slug="other", date="not a date")])}
    (tmp_path / "in").mkdir()
    _zip(tmp_path / "in" / "crawl.zip", crawl)
    result = run_import([tmp_path / "in"], tmp_path / "content", ONE)
    assert list(_posts(tmp_path / "content")) == ["post/hello.md"]
    assert [(p.file, p.item, p.field) for p in result.problems] == [
        (f"{tmp_path}/in/crawl.zip/wp-json/wp/v2/posts.json", "8", "date")]


@pytest.mark.parametrize("members", [{"../../escaped.json": json.dumps([rest_item()])},
                                     {"/abs/escaped.json": json.dumps([rest_item()])}])
def test_names_that_climb_out_stay_inside_the_unpacked_folder(tmp_path: Path, members: dict[str, str]) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    result = run_import([_zip(tmp_path / "deep" / "er" / "x.zip", members)], tmp_path / "content", ONE)
    assert [p.path for p in result.posts] == ["post/hello.md"]
    assert not list(tmp_path.rglob("escaped.json")) and not Path("/abs/escaped.json").exists()


def test_a_zip_cut_short_or_too_large_to_unpack_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _zip(tmp_path / "whole.zip", {"a.xml": export(item(5, "First", "<p>One</p>" * 2_000))}).read_bytes()
    (tmp_path / "cut.zip").write_bytes(whole[:len(whole) // 2])
    result = run_import([tmp_path / "cut.zip"], tmp_path / "content", ONE)
    assert [(p.file, p.message.split(":")[0]) for p in result.problems] == [
        (f"{tmp_path}/cut.zip", "cannot be unpacked")]
    monkeypatch.setattr(archives, "SPARE_ROOM", 1 << 62)  # as if the disk had no room for it
    result = run_import([tmp_path / "whole.zip"], tmp_path / "content", ONE)
    assert [p.message.startswith("unpacks to 0.0 GB, more than the 0.0 GB free") for p in result.problems] == [True]
    assert result.problems[0].message.endswith(": unpack it yourself and import the folder")
    assert not result.posts


def test_a_zip_that_holds_no_wordpress_input_says_so(tmp_path: Path) -> None:
    result = run_import([_zip(tmp_path / "notes.zip", {"readme.txt": "hi"})], tmp_path / "content", ONE)
    assert [str(p) for p in result.problems] == [
        f"{tmp_path}/notes.zip: no saved REST JSON, WordPress export or SQL dump in this archive (files named *.json, "
        "*.xml, *.sql, wp_posts.csv or .ht.sqlite, or holding JSON with no extension or under wp-json/)"]


def test_a_tarball_of_a_crawl_is_read_and_its_links_out_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "crawl.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        data = json.dumps([rest_item()]).encode()
        member = tarfile.TarInfo("site/wp-json/wp/v2/posts.json")
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))
        link = tarfile.TarInfo("site/passwd.json")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    result = run_import([path], tmp_path / "content", ONE)
    assert list(_posts(tmp_path / "content")) == [] and [p.message.split(":")[0] for p in result.problems] == [
        "cannot be unpacked"]
    with tarfile.open(path, "w:gz") as archive:
        archive.addfile(member, io.BytesIO(data))
    result = run_import([path], tmp_path / "content", ONE)
    assert result.problems == [] and [post.file for post in result.posts] == [
        f"{path}/site/wp-json/wp/v2/posts.json"]


@pytest.mark.parametrize("suffix, pack", [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)])
def test_an_export_compressed_to_keep_imports_as_the_export_and_is_named_by_its_file(
        tmp_path: Path, suffix: str, pack: Callable[[bytes], bytes]) -> None:
    """`site.xml.gz` (a host's or a backup's export, one kept small in a repository) was refused as "not valid JSON"
    and `site.xml.bz2` as "not UTF-8 text"; both hold the export whole."""
    text = export(item(5, "First", "<p>One</p>") + item(6, "Second", "<p>Two &amp; three</p>"))
    packed = tmp_path / "in" / f"harbour.wordpress.2024-05-01.xml{suffix}"
    packed.parent.mkdir()
    packed.write_bytes(pack(text.encode()))
    (tmp_path / "harbour.xml").write_text(text, encoding="utf-8")
    before = _leftovers()
    result = run_import([packed.parent], tmp_path / "packed", ONE)
    run_import([tmp_path / "harbour.xml"], tmp_path / "plain", ONE)
    assert result.problems == [] and _posts(tmp_path / "packed") == _posts(tmp_path / "plain")
    assert [post.file for post in result.posts] == [str(packed)] * 2
    assert _leftovers() == before


def test_a_compressed_sitemap_in_a_folder_is_passed_over_as_a_plain_one_is(tmp_path: Path) -> None:
    """A backup of a site's folder holds the sitemap a plugin wrote (`sitemap.xml.gz`): no export, and no problem."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "sitemap.xml.gz").write_bytes(gzip.compress(b'<?xml version="1.0"?><urlset></urlset>'))
    (tmp_path / "in" / "harbour.xml.gz").write_bytes(gzip.compress(export(item(5, "First", "<p>One</p>")).encode()))
    result = run_import([tmp_path / "in"], tmp_path / "content", ONE)
    assert result.problems == [] and list(_posts(tmp_path / "content")) == ["post/post-5.md"]


def test_a_compressed_export_cut_short_too_large_or_holding_no_export_is_named_by_its_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = gzip.compress(export(item(5, "First", "<p>One</p>" * 5_000)).encode())
    (tmp_path / "cut.xml.gz").write_bytes(whole[:len(whole) // 2])
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(b'<?xml version="1.0"?><urlset></urlset>'))
    result = run_import([tmp_path / "cut.xml.gz", tmp_path / "sitemap.xml.gz"], tmp_path / "content", ONE)
    assert [(p.file, p.message.split(":")[0]) for p in result.problems] == [
        (f"{tmp_path}/cut.xml.gz", "cannot be unpacked"), (f"{tmp_path}/sitemap.xml.gz", "not a WordPress export")]
    (tmp_path / "whole.xml.gz").write_bytes(whole)
    monkeypatch.setattr(archives, "SPARE_ROOM", 1 << 62)  # as if the disk had no room for it
    result = run_import([tmp_path / "whole.xml.gz"], tmp_path / "content", ONE)
    assert [p.message.startswith("unpacks to more than the disk has free") for p in result.problems] == [True]


SITE_CODE = {  # what a backup of a whole site holds beside its database: WordPress's, its themes' and plugins' code
    "site/wp-includes/blocks/paragraph/block.json": '{"apiVersion": 3, "name": "core/paragraph", "title": "Paragraph"}',
    "site/wp-admin/js/x.json": '{"id": 5, "title": "not a post"}',
    "site/wp-content/themes/news/theme.json": '{"version": 2, "settings": {}, "templateParts": []}',
    "site/wp-content/plugins/jetpack/composer.json": '{"name": "automattic/jetpack", "type": "wordpress-plugin"}',
    "site/wp-content/mu-plugins/loader/package.json": '{"name": "loader", "version": "1.0.0"}',
    "site/wp-content/languages/themes/news-pt_BR.json": '{"domain": "news", "locale_data": {}}',
    "site/node_modules/astro/package.json": '{"name": "astro", "version": "4.0.0"}'}


def test_a_backup_of_a_whole_site_reads_its_database_and_passes_over_wordpress_own_code(tmp_path: Path) -> None:
    """A Duplicator or BackWPup archive, or the site's folder tarred with its dump, holds some hundred `block.json`
    of WordPress's blocks and its themes' and plugins' `theme.json`, `composer.json` and `package.json`: each was a
    problem ("not a WordPress post, term, user or media object") and the import exited 1."""
    files = {**SITE_CODE, "site/backup/harbour.wordpress.2024-05-01.000.xml": export(item(5, "First", "<p>One</p>"))}
    result = run_import([_zip(tmp_path / "backup.zip", files)], tmp_path / "zipped", ONE)
    assert result.problems == [] and list(_posts(tmp_path / "zipped")) == ["post/post-5.md"]
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_import([tmp_path / "site"], tmp_path / "plain", ONE)
    assert result.problems == [] and _posts(tmp_path / "plain") == _posts(tmp_path / "zipped")
    result = run_import([tmp_path / "site" / "wp-content" / "plugins"], tmp_path / "named", ONE)
    assert [p.message.split(" (")[0] for p in result.problems] == [  # a folder given by name is read as it is
        "not a WordPress post, term, user or media object: it has name, type but no id or title or content"]


def test_a_sites_media_library_is_passed_over(tmp_path: Path) -> None:
    """A static copy or backup of a site holds its uploads: a tarball and a zip its authors offered for download,
    a JSON file attached to a post. Each was "no saved REST JSON … in this archive" or "not a WordPress post"."""
    uploads = tmp_path / "site" / "wp-content" / "uploads"
    (uploads / "2015" / "05").mkdir(parents=True)
    (uploads / "2015" / "05" / "routing.json").write_text('{"name": "routing"}', encoding="utf-8")
    _zip(uploads / "2015" / "05" / "slides.zip", {"slides/notes.txt": "notes"})
    (tmp_path / "site" / "export.xml").write_text(export(item(5, "First", "<p>One</p>")), encoding="utf-8")
    result = run_import([tmp_path / "site"], tmp_path / "content", ONE)
    assert result.problems == [] and list(_posts(tmp_path / "content")) == ["post/post-5.md"]


def test_an_export_among_the_uploads_is_read_where_the_folder_holds_nothing_else(tmp_path: Path) -> None:
    """A cleaning firm's repository held its site's export as `wp-content/uploads/wxr.xml` and nothing else: "no
    saved REST JSON, WordPress export or SQL dump in this folder", none of its 8 posts and pages, exit 1. Beside other
    input, the uploads stay passed over (a theme's demo content offered for download is not the site's)."""
    uploads = tmp_path / "site" / "wp-content" / "uploads"
    uploads.mkdir(parents=True)
    (uploads / "wxr.xml").write_text(export(item(5, "First", "<p>One</p>")), encoding="utf-8")
    (uploads / "notes.json").write_text('{"name": "routing"}', encoding="utf-8")
    result = run_import([tmp_path / "site"], tmp_path / "content", ONE)
    assert result.problems == [] and list(_posts(tmp_path / "content")) == ["post/post-5.md"]
    (tmp_path / "site" / "export.xml").write_text(export(item(6, "Second", "<p>Two</p>")), encoding="utf-8")
    result = run_import([tmp_path / "site"], tmp_path / "beside", ONE)
    assert result.problems == [] and list(_posts(tmp_path / "beside")) == ["post/post-6.md"]


def test_a_folder_whose_only_export_is_a_themes_demo_says_so(tmp_path: Path) -> None:
    """A theme's repository with its demo content (`wp-content/themes/bar/demo/content.xml`): its sample posts are
    passed over with the theme's code, but the folder was said to hold no export at all (round 62b)."""
    demo = tmp_path / "site" / "wp-content" / "themes" / "bar" / "demo"
    demo.mkdir(parents=True)
    (demo / "content.xml").write_text(export(item(5, "First", "<p>One</p>")), encoding="utf-8")
    result = run_import([tmp_path / "site"], tmp_path / "content", ONE)
    assert [p.message for p in result.problems] == [
        "no saved REST JSON, WordPress export or SQL dump in this folder (files named *.json, *.xml, *.sql, "
        "wp_posts.csv or .ht.sqlite, or holding JSON with no extension or under wp-json/); a theme's demo export, its "
        "sample posts, was passed over with the theme's code (wp-content/themes/bar/demo/content.xml): give it by name "
        "to import it"]
    assert list(_posts(tmp_path / "content")) == []
    result = run_import([demo / "content.xml"], tmp_path / "content", ONE)
    assert result.problems == [] and list(_posts(tmp_path / "content")) == ["post/post-5.md"]


def test_the_api_responses_a_static_exporter_keeps_in_its_plugin_folder_are_read(tmp_path: Path) -> None:
    """A site's repository as Simply Static leaves it: the site's own pages at `wp-json/` (HTML) and the REST API's
    responses in the plugin's folder, `wp-content/plugins/simply-static/static-files/<run>/wp-json/`, or in its
    temporary folder among the uploads. Passing over WordPress's code folders and uploads passed over those too: "no
    saved REST JSON in this folder", 0 of its 40 posts."""
    run = "site/wp-content/plugins/simply-static/static-files/simply-static-1-1686139538"
    temporary = "site/wp-content/uploads/simply-static/temp-files/simply-static-1-1703526473"
    files = {**SITE_CODE, "site/wp-json/wp/v2/posts/index.html": "<!doctype html><title>Posts</title><p>Posts</p>",
             f"{run}/wp-json/wp/v2/posts/5/index.html": json.dumps(rest_item(id=5, slug="first")),
             f"{run}/wp-json/wp/v2/posts/index.html": json.dumps([rest_item(id=6, slug="second")]),
             f"{temporary}/wp-json/wp/v2/pages/7/index.html": json.dumps(rest_item(id=7, slug="third", type="page"))}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_import([tmp_path / "site"], tmp_path / "content", ONE)
    assert result.problems == [] and sorted(_posts(tmp_path / "content")) == [
        "page/third.md", "post/first.md", "post/second.md"]


DUMP = (b"INSERT INTO `wp_posts` (`ID`, `post_author`, `post_date`, `post_date_gmt`, `post_content`, `post_title`, "
        b"`post_status`, `post_name`, `post_type`) VALUES (5,1,'2024-03-01 12:00:00','2024-03-01 10:00:00',"
        b"'<p>One</p>','First','publish','first','post');\n")


def test_a_backup_sets_archives_of_plugins_themes_and_uploads_are_passed_over_and_its_database_read(
        tmp_path: Path) -> None:
    """UpdraftPlus saves a site as `backup_<date>_<site>_<nonce>-db.gz` beside `-plugins.zip`, `-themes.zip`,
    `-uploads.zip` (`-uploads2.zip`…) and `-others.zip`, each a folder of wp-content at its root (`plugins/…`): the
    plugins' and themes' JSON were a problem each, and the uploads, gigabytes of pictures, were unpacked to be read."""
    stem = "backup_2024-03-21-0112_Harbour_News_951b801f6c06"
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / f"{stem}-db.gz").write_bytes(gzip.compress(DUMP))
    _zip(tmp_path / "set" / f"{stem}-plugins.zip", {"plugins/jetpack/composer.json": '{"name": "a/b", "type": "x"}'})
    _zip(tmp_path / "set" / f"{stem}-themes.zip", {"themes/news/theme.json": '{"version": 2, "templateParts": []}'})
    _zip(tmp_path / "set" / f"{stem}-uploads2.zip", {"uploads/2024/03/data.json": '{"id": 3, "title": "x"}'})
    _zip(tmp_path / "set" / f"{stem}-others.zip", {"languages/news-pt_BR.json": '{"domain": "news"}'})
    result = run_import([tmp_path / "set"], tmp_path / "content", ONE)
    assert result.problems == [] and list(_posts(tmp_path / "content")) == ["post/first.md"]
    result = run_import([tmp_path / "set" / f"{stem}-plugins.zip"], tmp_path / "named", ONE)
    assert len(result.problems) == 1  # an archive given by name is read as it is


def _wpress(path: Path, files: list[tuple[str, str, bytes]]) -> Path:
    """All-in-One WP Migration's archive: a header per file (name, size, time, folder, padded with NULs), its bytes,
    and a header of NULs at the end."""
    with path.open("wb") as out:
        for folder, name, data in files:
            out.write(name.encode().ljust(255, b"\0") + str(len(data)).encode().ljust(14, b"\0")
                      + b"1709251200".ljust(12, b"\0") + folder.encode().ljust(4096, b"\0") + data)
        out.write(b"\0" * 4377)
    return path


def test_an_all_in_one_wp_migration_backup_imports_its_database_and_nothing_else(tmp_path: Path) -> None:
    """A `.wpress` backup was refused as "not valid JSON"; its plugins' and themes' JSON are not its input."""
    dump = DUMP.replace(b"`wp_posts`", b"`SERVMASK_PREFIX_posts`")
    files = [(".", "package.json", b'{"SiteURL": "https://example.com", "Template": "news"}'),
             ("plugins/jetpack", "composer.json", b'{"name": "automattic/jetpack", "type": "wordpress-plugin"}'),
             (".", "database.sql", dump), ("uploads/2024/03", "photo.jpg", b"\xff\xd8" * 1000)]
    (tmp_path / "dump.sql").write_bytes(dump)
    result = run_import([_wpress(tmp_path / "site.wpress", files)], tmp_path / "packed", ONE)
    run_import([tmp_path / "dump.sql"], tmp_path / "plain", ONE)
    assert result.problems == [] and _posts(tmp_path / "packed") == _posts(tmp_path / "plain") != {}
    assert [post.file for post in result.posts] == [f"{tmp_path}/site.wpress/database.sql"]


@pytest.mark.parametrize("files, mangle, said", [
    ([(".", "package.json", b"{}")], lambda whole: whole, "it holds no database.sql (a backup made without"),
    ([(".", "database.sql", DUMP)], lambda whole: whole[:4377 + 40], "the file ends inside database.sql: cut short"),
    ([(".", "package.json", b"{}")], lambda whole: whole[:-4377] + b"x" * 4377,
     "the header at byte 4,379 is no file's"),
    ([], lambda whole: b'{"not": "a backup"}', "the header at byte 0 is no file's")])
def test_an_all_in_one_backup_without_its_whole_database_is_named(
        tmp_path: Path, files: list[tuple[str, str, bytes]], mangle: Callable[[bytes], bytes], said: str) -> None:
    path = _wpress(tmp_path / "x.wpress", files)
    path.write_bytes(mangle(path.read_bytes()))
    result = run_import([path], tmp_path / "content", ONE)
    assert [p.file for p in result.problems] == [str(path)]
    assert result.problems[0].message.startswith(f"cannot be unpacked: {said}")


def test_the_names_of_a_backup_sets_archives_are_told_in_time_linear_in_the_name() -> None:
    for name in ("-plugins" * 100_000 + ".zi", "-uploads1" * 100_000 + ".tar.g", "-" * 100_000 + "x"):
        started = time.process_time()
        assert not archives.SITE_FILES.search(name)
        assert time.process_time() - started < 0.5
    assert archives.SITE_FILES.search("backup_2024-03-21-0112_Site_951b-uploads12.TAR.GZ")


@pytest.mark.parametrize("name, head, kind", [("export.7z", b"7z\xbc\xaf\x27\x1c\x00\x04", "a 7-Zip archive"),
                                               ("export.rar", b"Rar!\x1a\x07\x01\x00", "a RAR archive"),
                                               ("export.xml.zst", b"\x28\xb5\x2f\xfd\x24\x00", "a Zstandard file")])
def test_an_archive_of_a_kind_not_unpacked_is_named_as_such(tmp_path: Path, name: str, head: bytes, kind: str) -> None:
    """Windows users keep exports in 7-Zip and RAR archives: one was named "not UTF-8 text (byte 2): is this a JSON
    file?", and one in a folder was passed over without a word."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(head + bytes(range(256)))
    (tmp_path / "in" / "harbour.xml").write_text(export(item(5, "First", "<p>One</p>")), encoding="utf-8")
    for source in (tmp_path / "in" / name, tmp_path / "in"):
        result = run_import([source], tmp_path / "content", ONE)
        assert [str(p) for p in result.problems] == [
            f"{tmp_path}/in/{name}: {kind}, which newsmirror does not unpack: unpack it and import what it holds"]
