"""Templates compiled by an earlier process are used again (render/templates.py, _Compiled): a rebuild after one
edit renders a few pages, and no longer parses and compiles their templates. What is kept never changes a page:
a changed template, another environment or a damaged file is compiled again, and a folder that cannot be
written costs only the time."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from generator.render.templates import Templates


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from their source from now on."""
    compiled: list[str] = []
    compile_source = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_source(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return compiled


def test_a_second_process_renders_from_the_compiled_templates(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    user, kept = tmp_path / "templates", tmp_path / "compiled"
    _write(user, "page.html", "{% extends 'frame.html' %}{% block main %}<p>{{ text }}</p>{% endblock %}")
    _write(user, "frame.html", "<main>{% block main %}{% endblock %}</main>\n")
    first = Templates(user, kept).render("page.html", {"text": "a & b"})
    compiled = _compiles(monkeypatch)
    again = Templates(user, kept).render("page.html", {"text": "a & b"})
    assert again == first == "<main><p>a &amp; b</p></main>\n"
    assert compiled == []


def test_a_changed_template_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user, kept = tmp_path / "templates", tmp_path / "compiled"
    _write(user, "page.html", "<p>{{ text }}</p>")
    Templates(user, kept).render("page.html", {"text": "x"})
    _write(user, "page.html", "<div>{{ text }}</div>")
    compiled = _compiles(monkeypatch)
    assert Templates(user, kept).render("page.html", {"text": "x"}) == "<div>x</div>"
    assert compiled == ["page.html"]


def test_another_environment_does_not_take_the_compiled_code(tmp_path: Path) -> None:
    """Whitespace control is compiled into the code, not checked against the source: the same source under
    other options must be compiled anew."""
    user, kept = tmp_path / "templates", tmp_path / "compiled"
    _write(user, "page.html", "{% if true %}\n<p>x</p>\n{% endif %}\n")
    trimmed = Templates(user, kept).render("page.html", {})
    other = Templates(user, kept)
    other.env.trim_blocks = False
    other.env.bytecode_cache = type(other.env.bytecode_cache).made(other.env, kept)
    assert other.render("page.html", {}) != trimmed


def test_a_damaged_file_is_compiled_again(tmp_path: Path) -> None:
    user, kept = tmp_path / "templates", tmp_path / "compiled"
    _write(user, "page.html", "<p>{{ text }}</p>")
    Templates(user, kept).render("page.html", {"text": "x"})
    for name in os.listdir(kept):
        data = (kept / name).read_bytes()
        (kept / name).write_bytes(data[:len(data) // 2])
    assert Templates(user, kept).render("page.html", {"text": "y"}) == "<p>y</p>"
    (kept / os.listdir(kept)[0]).write_bytes(b"\x00garbage")
    assert Templates(user, kept).render("page.html", {"text": "z"}) == "<p>z</p>"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes any folder")
def test_a_folder_that_cannot_be_written_costs_only_time(tmp_path: Path) -> None:
    user, kept = tmp_path / "templates", tmp_path / "compiled"
    _write(user, "page.html", "<p>{{ text }}</p>")
    kept.mkdir()
    kept.chmod(0o500)
    try:
        assert Templates(user, kept).render("page.html", {"text": "x"}) == "<p>x</p>"
    finally:
        kept.chmod(0o700)


def test_a_file_where_the_folder_belongs_costs_only_time(tmp_path: Path) -> None:
    user, kept = tmp_path / "templates", tmp_path / "compiled"
    _write(user, "page.html", "<p>{{ text }}</p>")
    kept.write_text("not a folder", encoding="utf-8")
    assert Templates(user, kept).render("page.html", {"text": "x"}) == "<p>x</p>"
    assert Templates(user, kept / "below").render("page.html", {"text": "y"}) == "<p>y</p>"
