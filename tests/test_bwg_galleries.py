"""Photo Gallery by 10Web's galleries, which a post names by shortcode (`[Best_Wordpress_Gallery id="7"]`) and whose
pictures the plugin keeps in tables of its own: shown from a dump as the pictures they are. A Malagasy church's dump
showed its pictures page as three such shortcodes, and each of the plugin's gallery pages as one."""

from __future__ import annotations

from pathlib import Path

from generator.importer import ImportOptions, run_import
from generator.sources import bwg_galleries
from generator.store.documents import document_files, loads

SITE = "http://example.mg/wordpress"


def _row(ident: int, title: str, content: str, kind: str = "page", slug: str = "") -> str:
    return (f"({ident},1,'2019-09-18 16:36:52','2019-09-18 14:36:52','{content}','{title}','','publish','closed',"
            f"'closed','','{slug or f'p-{ident}'}','','','2019-09-18 16:40:45','2019-09-18 14:40:45','',0,"
            f"'{SITE}/?p={ident}',0,'{kind}','',0)")


def _dump(tmp_path: Path, content: str) -> Path:
    sql = tmp_path / "wordpress.sql"
    sql.write_text(
        "INSERT INTO `wp_options` (`option_id`, `option_name`, `option_value`, `autoload`) VALUES "
        f"(1,'home','{SITE}','yes'),(2,'siteurl','{SITE}','yes');\n"
        "INSERT INTO `wp_posts` VALUES " + ",".join([
            _row(5, "Sary", content), _row(107, "Antambohomena", '[Best_Wordpress_Gallery id=\\"4\\"]', "bwg_gallery")])
        + ";\n"
        "INSERT INTO `wp_bwg_shortcode` (`id`, `tagtext`) VALUES "
        "(7, ' gallery_type=\\\"thumbnails\\\" theme_id=\\\"1\\\" gallery_id=\\\"3\\\" tag=\\\"0\\\"'),"
        "(8, ' type=\\\"gallery\\\" gallery_id=\\\"1\\\" gallery_type=\\\"slideshow\\\"'),"
        "(9, ' type=\\\"album\\\" album_id=\\\"2\\\" gallery_type=\\\"album_compact_preview\\\""
        " gallery_id=\\\"3\\\"');\n"
        "INSERT INTO `wp_bwg_image` (`id`, `gallery_id`, `slug`, `filename`, `image_url`, `thumb_url`, `description`,"
        " `alt`, `filetype`, `order`, `published`) VALUES "
        "(15, 3, 'trano', '3', '/3.jpg', '/thumb/3.jpg', 'Aperture: 2', 'Trano vadim-piangonana', 'JPG', 2, 1),"
        "(16, 3, 'pilipitra', '2', '/2.jpg', '/thumb/2.jpg', '', 'Pilipitra', 'JPG', 1, 1),"
        "(17, 3, 'draft', '4', '/4.jpg', '/thumb/4.jpg', '', 'Hidden', 'JPG', 3, 0),"
        "(4, 1, 'manaiky', 'C7-T9MZEo7g', 'https://www.youtube.com/watch?v=C7-T9MZEo7g', "
        "'https://i.ytimg.com/vi/C7-T9MZEo7g/hqdefault.jpg', '', 'Manaiky aho', 'EMBED_OEMBED_YOUTUBE_VIDEO', 1, 1);\n",
        encoding="utf-8")
    return sql


def test_a_gallery_named_by_its_shortcode_shows_its_published_pictures_from_a_dump(tmp_path: Path) -> None:
    content = ('Sary.\\r\\n\\r\\n[Best_Wordpress_Gallery id=\\"7\\" gal_title=\\"Sarin&#039;ny\\"]\\r\\n\\r\\n'
               '[Best_Wordpress_Gallery id=\\"8\\" gal_title=\\"Hira\\"]\\r\\n\\r\\n'
               '[Best_Wordpress_Gallery id=\\"9\\" gal_title=\\"Album\\"] [Best_Wordpress_Gallery id=\\"99\\"]')
    result = run_import([_dump(tmp_path, content)], tmp_path / "content", ImportOptions(workers=1))
    assert result.problems == []
    files = {p.relative_to(tmp_path / "content").as_posix(): loads(p.read_text(encoding="utf-8")).body
             for p in document_files(tmp_path / "content")}
    assert list(files) == ["page/p-5.md"]  # the plugin's own gallery page is its record
    body = files["page/p-5.md"]
    uploads = f"{SITE}/wp-content/uploads/photo-gallery"
    assert body.index(f"![Pilipitra]({uploads}/2.jpg)") < body.index(f"![Trano vadim-piangonana]({uploads}/3.jpg)")
    assert "4.jpg" not in body and "Best_Wordpress_Gallery id=\"7\"" not in body
    assert "(https://www.youtube.com/watch?v=C7-T9MZEo7g)" in body and "id=\"8\"" not in body
    # An album's view and a gallery the dump lacks stay as they are.
    assert '[Best_Wordpress_Gallery id="9" gal_title="Album"]' in body and '[Best_Wordpress_Gallery id="99"]' in body


def test_only_a_shortcode_of_a_known_gallery_is_replaced() -> None:
    assert bwg_galleries.with_galleries("[Best_Wordpress_Gallery id=1]", {}) == "[Best_Wordpress_Gallery id=1]"
    assert bwg_galleries.with_galleries("a [Best_Wordpress_Gallery id='2' x] b", {2: "<p>P</p>"}) == "a <p>P</p> b"
    tables = {"wp_bwg_shortcode": [{"id": "3", "tagtext": ' gallery_id="1" tag="5"'}],
              "wp_bwg_image": [{"id": "1", "gallery_id": "1", "image_url": "/a.jpg", "filetype": "JPG"}]}
    assert bwg_galleries.galleries(tables, {"home": SITE}) == {}  # a tag's pictures: which ones, the dump says not
