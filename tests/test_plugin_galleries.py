"""Modula's, WP Carousel's and Envira's galleries, which a post names by id (`[modula id="185"]`,
`[sp_wpcarousel id="27"]`, `[envira-gallery id="140"]`) and whose pictures their own posts' fields list, shown from an
export and from a dump as the pictures they are. An architecture firm's dump of 32 posts (Vietnamese, under
qTranslate) had 5 projects that were only such a gallery: each was an empty page, "page of plugin shortcodes
dropped"; a Japanese nursery school's gallery page showed `[envira-gallery id="140"]` as its text and summary."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.importer import ImportOptions, run_import
from generator.sources import plugin_galleries
from generator.store.documents import document_files, loads
from tests.test_wxr import attachment, export, item

# The fields as the plugins write them (PHP's serialize()), a Modula gallery of two pictures and a carousel of one.
MODULA_IMAGES = ('a:2:{i:0;a:4:{s:2:"id";s:2:"21";s:3:"alt";s:4:"Hall";s:5:"title";s:0:"";s:6:"halign";'
                 's:6:"center";}i:1;a:4:{s:2:"id";i:22;s:3:"alt";s:0:"";s:5:"title";s:0:"";s:6:"halign";'
                 's:6:"center";}}')
CAROUSEL = ('a:3:{s:18:"wpcp_carousel_type";s:14:"image-carousel";s:12:"wpcp_gallery";s:2:"23";'
            's:23:"wpcp_display_posts_from";s:6:"latest";}')
# Envira's field as Envira Lite writes it: the pictures keyed by their attachments' ids, the second one hidden.
ENVIRA = ('a:3:{s:2:"id";i:140;s:7:"gallery";a:2:{i:41;a:3:{s:6:"status";s:6:"active";s:3:"src";s:8:"a.jpg i:9";'
          's:5:"title";s:4:"Hall";}i:42;a:2:{s:6:"status";s:7:"pending";s:3:"src";s:5:"b.jpg";}}s:6:"config";'
          'a:2:{s:7:"columns";s:1:"3";s:6:"lazy";i:1;}}')
UPLOADS = "https://example.com/wp-content/uploads/2019/06/"


def _bodies(tmp_path: Path, source: Path) -> dict[str, str]:
    result = run_import([source], tmp_path / "content", ImportOptions(workers=1))
    assert result.problems == []
    return {p.relative_to(tmp_path / "content").as_posix(): loads(p.read_text(encoding="utf-8")).body
            for p in document_files(tmp_path / "content")}


def test_a_gallery_named_by_id_shows_its_pictures_from_an_export(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(
        item(5, "Office", '[modula id="185"]\n\n&nbsp;') + item(6, "Workshop", "Before [sp_wpcarousel id=27] after")
        + item(7, "Elsewhere", "[modula id=9] [sp_wpcarousel id='28']")
        + item(185, "Office gallery", "", post_type="modula-gallery", meta={"modula-images": MODULA_IMAGES})
        + item(27, "Workshop carousel", "", post_type="sp_wp_carousel", meta={"sp_wpcp_upload_options": CAROUSEL})
        + item(28, "Latest posts", "", post_type="sp_wp_carousel", meta={"sp_wpcp_upload_options": CAROUSEL.replace(
            's:14:"image-carousel"', 's:13:"post-carousel"')})
        + attachment(21, 185, UPLOADS + "hall.jpg", alt="Hall") + attachment(22, 185, UPLOADS + "desk.jpg")
        + attachment(23, 27, UPLOADS + "saw.jpg")))
    bodies = _bodies(tmp_path, path)
    assert sorted(bodies) == ["post/post-5.md", "post/post-6.md", "post/post-7.md"]  # the galleries are records
    assert f"![Hall]({UPLOADS}hall.jpg)" in bodies["post/post-5.md"]
    assert f"![]({UPLOADS}desk.jpg)" in bodies["post/post-5.md"]
    assert bodies["post/post-6.md"].startswith("Before") and f"![]({UPLOADS}saw.jpg)" in bodies["post/post-6.md"]
    assert bodies["post/post-6.md"].rstrip().endswith("after")
    # A gallery the export lacks, and a carousel of the site's latest posts (a live list), show no pictures.
    assert "![" not in bodies["post/post-7.md"]


def test_a_gallery_named_by_id_shows_its_pictures_from_a_dump(tmp_path: Path) -> None:
    def row(ident: int, title: str, content: str, kind: str, parent: int = 0, guid: str = "") -> str:
        return (f"({ident},1,'2019-06-18 16:36:52','2019-06-18 09:36:52','{content}','{title}','','"
                f"{'inherit' if kind == 'attachment' else 'publish'}','open','open','','p-{ident}','','',"
                f"'2019-06-18 16:40:45','2019-06-18 09:40:45','',{parent},'{guid or f'https://example.com/?p={ident}'}',"
                f"0,'{kind}','{'image/jpeg' if kind == 'attachment' else ''}',0)")
    sql = tmp_path / "kientruc.sql"
    images = MODULA_IMAGES.replace('"', '\\"')
    sql.write_text(
        "INSERT INTO `wp_posts` VALUES "
        + ",".join([row(276, "[:vi]Thi công[:en]Construction[:]",
                        '[:vi][modula id=\\"185\\"]\\r\\n\\r\\n&nbsp;[:en][modula id=\\"185\\"][:]', "post"),
                    row(185, "Gallery", "", "modula-gallery"),
                    row(21, "hall", "", "attachment", 185, UPLOADS + "hall.jpg"),
                    row(22, "desk", "", "attachment", 185, UPLOADS + "desk.jpg")]) + ";\n"
        + f"INSERT INTO `wp_postmeta` VALUES (1,185,'modula-images','{images}'),"
        "(2,21,'_wp_attached_file','2019/06/hall.jpg'),(3,22,'_wp_attached_file','2019/06/desk.jpg');\n",
        encoding="utf-8")
    [(path, body)] = _bodies(tmp_path, sql).items()
    assert path == "post/p-276.md"
    assert f"({UPLOADS}hall.jpg)" in body and f"({UPLOADS}desk.jpg)" in body and "modula" not in body


def test_an_envira_gallery_shows_its_visible_pictures_from_an_export(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(
        item(148, "Photos", 'Spring.\n\n[envira-gallery id="140"]') + item(149, "Other", "[envira-gallery id=9]")
        + item(140, "Science class", "", post_type="envira", meta={"_eg_gallery_data": ENVIRA})
        + attachment(41, 140, UPLOADS + "hall.jpg") + attachment(42, 140, UPLOADS + "draft.jpg")))
    bodies = _bodies(tmp_path, path)
    assert sorted(bodies) == ["post/post-148.md", "post/post-149.md"]  # the gallery is a record
    assert bodies["post/post-148.md"].startswith("Spring.") and f"![]({UPLOADS}hall.jpg)" in bodies["post/post-148.md"]
    assert "draft.jpg" not in bodies["post/post-148.md"] and "envira" not in bodies["post/post-148.md"]
    assert "![" not in bodies["post/post-149.md"]


def test_only_a_galleries_own_pictures_are_read_from_its_fields() -> None:
    assert plugin_galleries.gallery_ids("envira", {"_eg_gallery_data": ENVIRA}) == "41"
    assert plugin_galleries.gallery_ids("envira", {"_eg_gallery_data": ENVIRA.replace('"pending"', '"active!"')}) == (
        "41,42")
    assert plugin_galleries.gallery_ids("modula-gallery", {"modula-images": MODULA_IMAGES}) == "21,22"
    assert plugin_galleries.gallery_ids("sp_wp_carousel", {"sp_wpcp_upload_options": CAROUSEL}) == "23"
    assert plugin_galleries.gallery_ids("post", {"modula-images": MODULA_IMAGES}) == ""
    assert plugin_galleries.gallery_ids("modula-gallery", {"modula-images": "a:0:{}"}) == ""
    assert plugin_galleries.with_galleries("[modula id=1]", {}) == "[modula id=1]"
    assert plugin_galleries.with_galleries("[modula id=1] [modula id=2]", {("modula-gallery", 2): "5,6"}) == (
        '[modula id=1] [gallery ids="5,6"]')


@given(st.lists(st.sampled_from(['[', ']', '"', "'", ' ', '=', '1', '2', '3', 'a', 'modula', 'sp_wpcarousel', 'id',
                                  'id=', '[modula id=', '[sp_wpcarousel id=', '[envira-gallery id=', 'envira']),
                max_size=30).map("".join))
def test_text_naming_no_known_gallery_stays_as_it_is(text: str) -> None:
    galleries = {("modula-gallery", 1): "5,6", ("sp_wp_carousel", 2): "7", ("envira", 3): "8"}
    shown = plugin_galleries.with_galleries(text, galleries)
    named = {(m.group(1).lower(), m.group(3)) for m in plugin_galleries.SHORTCODE.finditer(text)}
    if not named & {("modula", "1"), ("sp_wpcarousel", "2"), ("envira-gallery", "3")}:
        assert shown == text
    assert plugin_galleries.with_galleries(text, {}) == text
