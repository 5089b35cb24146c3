"""The import writes its labels in the site's language: what stands in for an embed, a player or a gallery the
mirror cannot show, as `newsmirror import` writes it into a post's Markdown, with the site's [words] over the
language's own; English sites keep their bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.convert.embeds import SITES
from generator.language.words import Words
from generator.store.documents import document_files, loads
from tests.conftest import rest_item
from tests.fake_wordpress import FakeWordPress, generated_site
from tests.test_wxr import export, item

BODY = ('<iframe src="https://www.youtube.com/embed/abc123" title="The new cranes"></iframe>'
        '<video src="https://cdn.example.com/cranes.mp4"></video><audio src="https://cdn.example.com/a.mp3"></audio>'
        '<embed src="https://cdn.example.com/old.swf">'
        '<figure class="wp-block-embed is-provider-instagram"><div class="wp-block-embed__wrapper">'
        'https://www.instagram.com/p/XYZ/</div></figure><p>[embed]https://x.com/news/status/1[/embed]</p>'
        '<p>[embed]https://example.org/widget[/embed]</p>'
        '<details><p>Hidden text.</p></details>'
        '<p>[gallery]</p><p>[gallery ids="4,5"]</p><p>[nggallery id=51]</p><p>[playlist]</p><p>[playlist ids="4"]</p>')
NB = "\u00a0"  # French sets a no-break space before a colon
LABELS = {
    "en": ["[YouTube video: The new cranes](https://www.youtube.com/embed/abc123)",
           "[Video: cranes.mp4](https://cdn.example.com/cranes.mp4)",
           "[Audio: a.mp3](https://cdn.example.com/a.mp3)",
           "[Embedded object: https://cdn.example.com/old.swf](https://cdn.example.com/old.swf)",
           "[Instagram post: https://www.instagram.com/p/XYZ/](https://www.instagram.com/p/XYZ/)",
           "[Post on X: https://x.com/news/status/1](https://x.com/news/status/1)",
           "[Embedded content: https://example.org/widget](https://example.org/widget)",
           "<summary>Details</summary>",
           "Gallery: its images are not in this mirror.",
           "Gallery (ids 4, 5): its images are not in this mirror.",
           "Gallery (NextGEN gallery 51): its images are not in this mirror.",
           "Playlist: its files are not in this mirror.",
           "Playlist (ids 4): its files are not in this mirror."],
    "fr": [f"[Vidéo YouTube{NB}: The new cranes](https://www.youtube.com/embed/abc123)",
           f"[Vidéo{NB}: cranes.mp4](https://cdn.example.com/cranes.mp4)",
           f"[Audio{NB}: a.mp3](https://cdn.example.com/a.mp3)",
           f"[Objet intégré{NB}: https://cdn.example.com/old.swf](https://cdn.example.com/old.swf)",
           f"[Publication Instagram{NB}: https://www.instagram.com/p/XYZ/](https://www.instagram.com/p/XYZ/)",
           f"[Publication sur X{NB}: https://x.com/news/status/1](https://x.com/news/status/1)",
           f"[Contenu intégré{NB}: https://example.org/widget](https://example.org/widget)",
           "<summary>Détails</summary>",
           f"Galerie{NB}: ses images ne sont pas dans cette copie miroir.",
           f"Galerie (identifiants 4, 5){NB}: ses images ne sont pas dans cette copie miroir.",
           f"Galerie (galerie NextGEN 51){NB}: ses images ne sont pas dans cette copie miroir.",
           f"Liste de lecture{NB}: ses fichiers ne sont pas dans cette copie miroir.",
           f"Liste de lecture (identifiants 4){NB}: ses fichiers ne sont pas dans cette copie miroir."],
    "ja": ["[YouTubeの動画：The new cranes](https://www.youtube.com/embed/abc123)",
           "[動画：cranes.mp4](https://cdn.example.com/cranes.mp4)",
           "[音声：a.mp3](https://cdn.example.com/a.mp3)",
           "[埋め込みオブジェクト：https://cdn.example.com/old.swf](https://cdn.example.com/old.swf)",
           "[Instagramの投稿：https://www.instagram.com/p/XYZ/](https://www.instagram.com/p/XYZ/)",
           "[Xの投稿：https://x.com/news/status/1](https://x.com/news/status/1)",
           "[埋め込みコンテンツ：https://example.org/widget](https://example.org/widget)",
           "<summary>詳細</summary>",
           "ギャラリー：画像はこのミラーサイトにありません。",
           "ギャラリー（ID 4, 5）：画像はこのミラーサイトにありません。",
           "ギャラリー（NextGEN ギャラリー 51）：画像はこのミラーサイトにありません。",
           "プレイリスト：ファイルはこのミラーサイトにありません。",
           "プレイリスト（ID 4）：ファイルはこのミラーサイトにありません。"],
}


def imported(tmp_path: Path, settings: str, saved: str = "") -> str:
    """The body `newsmirror import` writes for the post of BODY, with `settings` as newsmirror.toml."""
    config = tmp_path / "newsmirror.toml"
    config.write_text(settings, encoding="utf-8")
    source = tmp_path / "saved.json"
    source.write_text(saved or json.dumps([rest_item(content={"rendered": BODY})]), encoding="utf-8")
    assert main(["import", str(source), "--config", str(config), "--content", str(tmp_path / "content")]) == 0
    return (tmp_path / "content" / "post" / "hello.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]


@pytest.mark.parametrize("language", ["en", "fr", "ja"])
def test_the_import_writes_its_labels_in_the_sites_language(tmp_path: Path, language: str) -> None:
    body = imported(tmp_path, f'[site]\nlanguage = "{language}"\n')
    assert [line for line in body.splitlines() if line and "Hidden text" not in line and "details>" not in line] \
        == LABELS[language]
    assert "<details>\n" + LABELS[language][7] + "\n\nHidden text.\n\n</details>" in body


def test_a_language_tag_takes_its_primary_languages_labels(tmp_path: Path) -> None:
    body = imported(tmp_path, '[site]\nlanguage = "pt-BR"\n')
    assert "[Vídeo do YouTube: The new cranes](https://www.youtube.com/embed/abc123)" in body
    assert "Galeria: as imagens não estão nesta cópia." in body


def test_the_sites_own_words_replace_the_imports(tmp_path: Path) -> None:
    body = imported(tmp_path, '[site]\nlanguage = "fr"\n[words]\nsite_video = "Clip {site}"\n'
                              'media_described = "{kind} — {description}"\ndetails = "Voir plus"\n'
                              'gallery_not_mirrored = "Galerie absente <de la copie> & perdue"\n')
    assert "[Clip YouTube — The new cranes](https://www.youtube.com/embed/abc123)" in body
    assert "[Vidéo — cranes.mp4](https://cdn.example.com/cranes.mp4)" in body
    assert "<summary>Voir plus</summary>" in body
    assert "Galerie absente \\<de la copie> & perdue" in body  # a word is text, not HTML


def test_a_changed_language_or_word_rewrites_the_posts_at_the_next_import(tmp_path: Path) -> None:
    """The import's cache keys on the site's words: a post whose item did not change is still written again."""
    youtube = "(https://www.youtube.com/embed/abc123)"
    assert f"[Vidéo YouTube{NB}: The new cranes]{youtube}" in imported(tmp_path, '[site]\nlanguage = "fr"\n')
    assert f"[Clip YouTube{NB}: The new cranes]{youtube}" in imported(
        tmp_path, '[site]\nlanguage = "fr"\n[words]\nsite_video = "Clip {site}"\n')
    assert f"[YouTube video: The new cranes]{youtube}" in imported(tmp_path, "")


def test_an_exports_post_with_neither_title_nor_text_is_titled_in_the_sites_language(tmp_path: Path) -> None:
    saved = tmp_path / "export.xml"
    saved.write_text(export(item(6, "", "")), encoding="utf-8")
    (tmp_path / "newsmirror.toml").write_text('[site]\nlanguage = "fr"\n', encoding="utf-8")
    assert main(["import", str(saved), "--config", str(tmp_path / "newsmirror.toml"),
                 "--content", str(tmp_path / "content")]) == 0
    assert [loads(p.read_text(encoding="utf-8")).title for p in document_files(tmp_path / "content")] == [
        "Article du 2024-03-01"]


def test_sync_writes_the_labels_in_the_sites_language_too(tmp_path: Path) -> None:
    site = generated_site(3)
    post = site.posts["news-archive"][0]
    site.touch("news-archive", post["id"], 1, content={"rendered": BODY})
    config = tmp_path / "newsmirror.toml"
    with FakeWordPress(site) as wp:
        config.write_text(f'[site]\nlanguage = "fr"\n[words]\ndetails = "Voir plus"\n[sync]\nrequest_interval = 0\n'
                          f'[[sources]]\nname = "news"\nurl = "{wp.url}"\n', encoding="utf-8")
        assert main(["sync", "--config", str(config), "--content", str(tmp_path / "content"), "--no-media"]) == 0
    body = (tmp_path / "content" / "news-archive" / f"{post['slug']}.md").read_text(encoding="utf-8")
    assert f"[Vidéo YouTube{NB}: The new cranes](https://www.youtube.com/embed/abc123)" in body
    assert "<summary>Voir plus</summary>" in body


def test_every_site_an_embed_names_has_its_word() -> None:
    words = Words("en")
    assert {word for _, (_, word) in SITES if word} <= set(vars(words))


def test_an_exports_language_names_the_labels_where_the_configuration_names_none(tmp_path: Path) -> None:
    """A Chinese blog's export says `<language>zh-CN</language>`; imported with no [site] language, its labels
    were English ("YouTube video", a picture's "(link)"); a language the configuration names still wins."""
    body = ('<iframe src="https://www.youtube.com/embed/abc123" title="新吊车"></iframe>'
            '<p><a href="https://example.com/photos/"><img src="https://example.com/a.jpg" alt=""></a></p>')
    saved = export(item(1, "你好", body)).replace("<wp:wxr_version>", "<language>zh-CN</language><wp:wxr_version>")
    (tmp_path / "export.xml").write_text(saved, encoding="utf-8")
    photos = "(https://example.com/photos/))"
    for settings, shown in (("", ["YouTube 视频：新吊车", f"([链接]{photos}"]),
                            ('[site]\nlanguage = "en"\n', ["YouTube video: 新吊车", f"([link]{photos}"])):
        (tmp_path / "newsmirror.toml").write_text(settings, encoding="utf-8")
        assert main(["import", str(tmp_path / "export.xml"), "--config", str(tmp_path / "newsmirror.toml"),
                     "--content", str(tmp_path / "content")]) == 0
        text = (tmp_path / "content" / "post" / "post-1.md").read_text(encoding="utf-8")
        assert all(label in text for label in shown), text
