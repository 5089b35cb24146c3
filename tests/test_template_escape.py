"""Templates write `{{ value }}` through render.templates.output_escape, not Jinja's own escape: the bytes must be
the same as a plain Jinja environment with autoescape gives."""

from pathlib import Path

import jinja2
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from generator.render.templates import Templates, output_escape


class _Shown(Markup):
    """A Markup subclass whose __html__ says otherwise: it takes escape() as before."""

    def __html__(self) -> Markup:
        return Markup("<b>shown</b>")


class _Object:
    def __str__(self) -> str:
        return "a & b"


TEMPLATE = """{% macro card(x) %}<i>{{ x }}</i>{% endmacro %}{% set block %}[{{ text }}]{% endset %}
{{ text }}|{{ safe }}|{{ number }}|{{ none }}|{{ thing }}|{{ shown }}|{{ text|e }}|{{ text ~ safe }}|{{ block }}
{{ card(text) }}{% for item in items %}{{ item }},{% endfor %}{{ text|upper }}{{ safe|safe }}{{ "<k>" }}
"""

VALUES = {"text": "Rare <earth> & \"oxides\" 'ore'", "safe": Markup("<a href=\"x\">y &amp; z</a>"), "number": 3,
          "none": None, "thing": _Object(), "shown": _Shown("ignored"), "items": ["<1>", Markup("<2>"), 3.5]}


@given(st.text())
def test_text_is_escaped_as_markupsafe_does(text: str) -> None:
    assert output_escape(text) == str(escape(text))


def test_other_values_are_escaped_as_markupsafe_does() -> None:
    for value in VALUES.values():
        assert output_escape(value) == str(escape(value))


def test_a_template_renders_the_bytes_of_plain_jinja(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text(TEMPLATE, encoding="utf-8")
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), autoescape=True,
                               undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True)
    ours = Templates(tmp_path)
    expected = plain.get_template("t.html").render(VALUES)
    assert "&lt;earth&gt;" in expected and "<b>shown</b>" in expected
    assert ours.render("t.html", VALUES) == expected
    assert ours.env.get_template("t.html").root_render_func.__globals__["escape"] is output_escape
