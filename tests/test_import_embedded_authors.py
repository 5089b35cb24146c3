"""An author embedded in one saved post names the posts of other files that only give the author's id."""

from __future__ import annotations

import json
from pathlib import Path

from generator.importer import run_import
from generator.store.documents import document_files, loads


def _post(ident: int, **extra: object) -> dict:
    return {"id": ident, "type": "post", "slug": f"p{ident}", "status": "publish", "author": 1,
            "link": f"https://news.example/p{ident}/", "date": "2019-01-02T08:19:18",
            "date_gmt": "2019-01-02T08:19:18", "title": {"rendered": f"Post {ident}"},
            "content": {"rendered": "<p>Text.</p>"}, **extra}


def test_an_author_embedded_in_another_file_names_the_post(tmp_path: Path) -> None:
    (tmp_path / "latest.json").write_text(json.dumps([_post(1)]))  # saved without _embed
    (tmp_path / "embedded.json").write_text(json.dumps([_post(2, _embedded={"author": [
        {"id": 1, "name": "Lawal Ade", "slug": "lawal", "link": "https://news.example/author/lawal/"}]})]))
    result = run_import([tmp_path], tmp_path / "content")
    authors = {loads(p.read_text(encoding="utf-8")).title: loads(p.read_text(encoding="utf-8")).author
               for p in document_files(tmp_path / "content")}
    assert authors == {"Post 1": "Lawal Ade", "Post 2": "Lawal Ade"}
    assert "author id not resolved" not in result.losses()
