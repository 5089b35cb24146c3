"""Jinja2 templates: the user's templates/ first, then the packaged default theme, file by file."""

from __future__ import annotations

import pickle
import traceback
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

from generator.default_theme import theme_dir


class TemplateError(Exception):
    """A template that cannot render; the message names the template and line."""


class Templates:
    def __init__(self, user_dir: Path, code: str | None = None) -> None:
        """With `code` (output/keys.code_key, which covers these settings and Jinja's version), the
        templates' compiled code is kept between runs (see _compiled_cache)."""
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
            bytecode_cache=None if code is None else _compiled_cache(code),
        )
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


def _compiled_cache(code: str) -> jinja2.BytecodeCache | None:
    """Jinja's bytecode cache in its own private folder (per user, mode 0700, refused if anyone else owns
    it), never in the content folder: compiled code is loaded with marshal and pickle, and content folders
    are shared through git. None when Jinja finds no safe folder: templates are then compiled each run."""
    try:
        return _Compiled(code)
    except (RuntimeError, OSError):
        return None


class _Compiled(jinja2.FileSystemBytecodeCache):
    """So that a rebuild after one edit does not compile post.html again (a fiftieth of a second). Jinja
    checks the template's source; the code key is checked with it, so that code compiled by another version
    of the generator or of Jinja is compiled again, and overwritten."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def get_source_checksum(self, source: str) -> str:
        return super().get_source_checksum(f"{self.code}\n{source}")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError):  # unreadable: compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a folder that cannot be written only costs the next build time
            pass


def _template_line(error: Exception, name: str) -> str:
    """Jinja rewrites tracebacks so template frames carry the template's file and line."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".html")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name
