"""Jinja2 templates: the user's templates/ first, then the packaged default theme, file by file."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from markupsafe import Markup, escape

from generator.default_theme import theme_dir
from generator.render.card_views import escaped
from generator.render.url_text import readable_html


class TemplateError(Exception):
    """A template that cannot render; the message names the template and line."""


def output_escape(value: Any) -> Any:
    """What a template writes for `{{ value }}`: the text of markupsafe's escape(value), as Jinja's autoescape
    gives it, without making a Markup of every value. A build writes some 60 values a page (600,000 at 10,000
    posts), most of them text with nothing to escape or HTML already marked safe, for which escape() made a
    new Markup in Python, twice the time of the rest of the call; what is written is only ever joined."""
    kind = type(value)
    if kind is str:
        return escaped(value)
    if kind is Markup:  # (its __html__ is itself; a subclass, which may say otherwise, takes escape())
        return value
    return escape(value)


class _Template(jinja2.Template):
    """A template whose `{{ }}` write through output_escape: the compiled code calls the `escape` of its
    module's namespace, which the render functions of its blocks and macros share."""

    @classmethod
    def from_code(cls, environment: jinja2.Environment, code: Any, globals: Any, uptodate: Any = None
                  ) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = output_escape
        return template


class Templates:
    def __init__(self, user_dir: Path) -> None:
        folders = [str(user_dir), str(theme_dir() / "templates")]
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # An instance lives while its files are unchanged (builder._templates), so Jinja need not stat
            # every template a page uses on every page.
            auto_reload=False,
        )
        self.env.template_class = _Template
        self.env.filters["readable_url"] = readable_html  # an address as the post's footer shows it
        self._uses: dict[str, frozenset[str] | None] = {}  # an instance lives while its files are unchanged

    def uses(self, name: str) -> frozenset[str] | None:
        """The templates `name` extends, includes or imports, directly or not; None when one of them is
        named only at run time, or a template cannot be parsed (rendering will report that)."""
        if name not in self._uses:
            self._uses[name] = self._find_uses(name)
        return self._uses[name]

    def _find_uses(self, name: str) -> frozenset[str] | None:
        found: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            try:
                source = self.env.loader.get_source(self.env, current)[0]
                referenced = list(jinja2.meta.find_referenced_templates(self.env.parse(source)))
            except jinja2.TemplateNotFound:
                continue
            except jinja2.TemplateSyntaxError:
                return None
            if None in referenced:
                return None
            for other in referenced:
                if other not in found:
                    found.add(other)
                    todo.append(other)
        return frozenset(found)

    def render(self, name: str, context: dict[str, Any]) -> str:
        try:
            return self.env.get_template(name).render(context)
        except jinja2.TemplateSyntaxError as e:
            raise TemplateError(f"{e.filename or name}:{e.lineno}: {e.message}") from None
        except jinja2.TemplateNotFound as e:
            raise TemplateError(f"{name}: template not found: {e.name}") from None
        except Exception as e:  # noqa: BLE001 - any failure inside a template is the template's
            raise TemplateError(f"{_template_line(e, name)}: {type(e).__name__}: {e}") from None


def _template_line(error: Exception, name: str) -> str:
    """Jinja rewrites tracebacks so template frames carry the template's file and line."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".html")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name
