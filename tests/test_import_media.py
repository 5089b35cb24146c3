"""`newsmirror import --media`: a crawl saved with its uploads folder gives a mirror whose images read
offline, without the network; an image the crawl lacks is one line, and the post is still imported."""

from __future__ import annotations

import json
from pathlib import Path

from generator.cli import main
from tests.conftest import rest_item
from tests.test_media_images import png


def crawl(folder: Path) -> None:
    uploads = folder / "wp-content" / "uploads" / "2024" / "01"
    uploads.mkdir(parents=True)
    (uploads / "mine.png").write_bytes(png(30, 20))
    body = ('<p>Output rose.</p><figure><img src="https://news.example/wp-content/uploads/2024/01/mine.png" alt="Mine">'
            '</figure><p><img src="http://127.0.0.1:9/wp-content/uploads/2024/01/gone.png" alt="Gone"></p>')
    item = rest_item(id=7, slug="mine", content={"rendered": body, "protected": False},
                     link="https://news.example/2024/01/mine/")
    (folder / "wp-json").mkdir()
    (folder / "wp-json" / "posts.json").write_text(json.dumps([item]), encoding="utf-8")


def test_import_media_uses_the_saved_uploads_and_reports_what_is_missing(tmp_path: Path, capsys) -> None:
    crawl(tmp_path / "crawl")
    content = tmp_path / "content"
    code = main(["import", str(tmp_path / "crawl"), "--content", str(content), "--media"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "media: 2 images shown, 0 already mirrored, 1 mirrored now" in out
    assert "gone.png" in err and err.count("image not mirrored") == 1
    assert [p.name.split("-")[0] for p in (content / "media").glob("*.png")] == ["mine"]
    assert (content / "post" / "mine.md").is_file()


def test_import_media_with_prune_deletes_the_images_of_the_posts_it_pruned(tmp_path: Path, capsys) -> None:
    """With --prune the input is the whole site, so the mirror is made of all of it, and forgets the rest."""
    folder, content = tmp_path / "crawl", tmp_path / "content"
    uploads = folder / "wp-content" / "uploads"
    uploads.mkdir(parents=True)
    items = []
    for number, slug in enumerate(["kept", "pruned"], start=1):
        (uploads / f"{slug}.png").write_bytes(png(30 + number, 20))
        body = f'<p>Text.</p><figure><img src="https://news.example/wp-content/uploads/{slug}.png" alt="A"></figure>'
        items.append(rest_item(id=number, slug=slug, content={"rendered": body, "protected": False},
                               link=f"https://news.example/{slug}/"))
    (folder / "wp-json").mkdir()
    saved = folder / "wp-json" / "posts.json"
    saved.write_text(json.dumps(items), encoding="utf-8")
    assert main(["import", str(folder), "--content", str(content), "--media"]) == 0
    saved.write_text(json.dumps(items[:1]), encoding="utf-8")
    assert main(["import", str(folder), "--content", str(content), "--media", "--prune"]) == 0
    out = capsys.readouterr().out
    assert "1 files of images no post shows removed" in out
    assert [p.name.split("-")[0] for p in (content / "media").glob("*.png")] == ["kept"]
    assert not (content / "post" / "pruned.md").exists()
