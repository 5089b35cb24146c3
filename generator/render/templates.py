"""Jinja2 templates: the user's templates/ first, then the packaged default theme, file by file."""

from __future__ import annotations

import hashlib
import sys
import traceback
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import jinja2.meta

from generator.default_theme import theme_dir
from generator.render.url_text import readable_html


class TemplateError(Exception):
    """A template that cannot render; the message names the template and line."""


class Templates:
    def __init__(self, user_dir: Path, compiled_dir: Path | None = None) -> None:
        """`compiled_dir`: where templates compiled by earlier builds are kept (see _Compiled); by default
        Jinja's folder for it, private to the user, in the system's temporary folder."""
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
        self.env.filters["readable_url"] = readable_html  # an address as the post's footer shows it
        self.env.bytecode_cache = _Compiled.made(self.env, compiled_dir)
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


class _Compiled(jinja2.FileSystemBytecodeCache):
    """Templates as Jinja compiled them in an earlier process: a rebuild after one edit renders a few pages,
    and parsing and compiling their templates again took some 20 ms of it. Python's own bytecode is kept
    the same way, in a folder only the user can write (never the content folder, which may come from
    elsewhere: this is code). A file is used only for the same template name and file, the same source
    (Jinja's checksum) and the same Jinja, Python and environment (the salt in its name); one that cannot
    be read or written is compiled again, which gives the same pages."""

    @classmethod
    def made(cls, env: jinja2.Environment, folder: Path | None) -> _Compiled | None:
        """None where no private folder can be had (Jinja refuses one another user owns)."""
        shaping = (jinja2.__version__, sys.version, sys.implementation.cache_tag, env.autoescape,
                   env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.undefined.__name__,
                   sorted(env.filters), sorted(env.tests))
        salt = hashlib.sha1(repr(shaping).encode("utf-8")).hexdigest()[:16]
        try:
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
            return cls(None if folder is None else str(folder), f"__newsmirror_{salt}_%s.cache")
        except (OSError, RuntimeError):
            return None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged file, whatever fails reading it: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a full or read-only disk: the next build compiles again
            pass


def _template_line(error: Exception, name: str) -> str:
    """Jinja rewrites tracebacks so template frames carry the template's file and line."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".html")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name
