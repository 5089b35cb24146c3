"""A post file saved in another encoding than UTF-8 (Notepad's "Unicode" is UTF-16) is named plainly, with what to
do; Python's words ("'utf-8' codec can't decode byte 0xff in position 0") were shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.builder import run_build
from generator.importer import ImportOptions, run_import
from generator.media_mirror import MediaSettings, wanted_images
from generator.problems import Problem
from generator.store.text_encoding import not_utf8
from tests.conftest import rest_item
from tests.site_content import config

POST = "---\ntitle: Hello\nslug: hello\ntype: post\ndate: '2024-03-31T01:30:00+00:00'\nsource:\n  id: 7\n---\n\nBody\n"


@pytest.mark.parametrize("encoding, said", [
    ("utf-16", "saved as UTF-16; save it as UTF-8"), ("utf-16-be", "saved as UTF-16; save it as UTF-8"),
    ("utf-16-le", "saved as UTF-16; save it as UTF-8"), ("utf-32", "saved as UTF-32; save it as UTF-8"),
    ("utf-32-le", "saved as UTF-32; save it as UTF-8"), ("cp1252", "not UTF-8 text (byte 14); save it as UTF-8")])
def test_the_encoding_a_post_file_was_saved_in_is_named(encoding: str, said: str) -> None:
    data = POST.replace("Hello", "Café").encode(encoding)
    with pytest.raises(UnicodeDecodeError) as error:
        data.decode("utf-8")
    assert not_utf8(data[:4], error.value) == said


def test_an_import_over_a_post_file_saved_as_utf_16_names_its_encoding(tmp_path: Path) -> None:
    held = tmp_path / "content" / "post" / "hello.md"
    held.parent.mkdir(parents=True)
    held.write_text(POST, encoding="utf-16")
    saved = tmp_path / "posts.json"
    saved.write_text(json.dumps([rest_item()]))
    result = run_import([saved], tmp_path / "content", ImportOptions(workers=1))
    assert [p.message for p in result.problems] == [
        f"{held}: cannot read: saved as UTF-16; save it as UTF-8; the file was left as it is: make it readable, or "
        "delete it, then import again"]
    assert held.read_text(encoding="utf-16") == POST


def test_mirroring_the_images_of_a_post_file_saved_as_utf_16_names_its_encoding(tmp_path: Path) -> None:
    held = tmp_path / "hello.md"
    held.write_text(POST, encoding="utf-16")
    problems: list[Problem] = []
    assert wanted_images([held], MediaSettings(), problems) == {}
    assert [p.message for p in problems] == ["cannot read: saved as UTF-16; save it as UTF-8; its images are not "
                                             "mirrored"]


def test_a_build_over_a_post_file_saved_as_utf_16_names_its_encoding_and_builds_the_rest(tmp_path: Path) -> None:
    content = tmp_path / "content" / "post"
    content.mkdir(parents=True)
    (content / "hello.md").write_text(POST, encoding="utf-16")
    (content / "other.md").write_text(POST.replace("hello", "other"), encoding="utf-8")
    result = run_build(config(tmp_path, tmp_path / "content"))
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'content' / 'post' / 'hello.md'}: cannot read: saved as UTF-16; save it as UTF-8"]
    assert (tmp_path / "site" / "post" / "other" / "index.html").exists()
