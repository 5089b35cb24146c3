"""Term names, stored once per taxonomy in content/terms.yaml rather than repeated in every post."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.convert.document import Term, TermRegistry
from generator.convert.slugs import safe_slug
from generator.problems import Problem
from generator.store.documents import LOADER
from generator.store.files import write_if_changed
from generator.store.front_matter import NO_WRAP, Dumper

FILE_NAME = "terms.yaml"

HEADER = "# Terms by taxonomy and slug, written by `newsmirror import`; a missing name shows as the slug.\n"


def terms_path(content_dir: Path) -> Path:
    return content_dir / FILE_NAME


def dumps(registry: TermRegistry) -> str:
    data: dict[str, dict[str, dict[str, Any]]] = {}
    for taxonomy in sorted(registry.terms):
        data[taxonomy] = {}
        for slug, term in sorted(registry.terms[taxonomy].items()):
            fields = {"name": term.name, "id": term.id, "parent": term.parent}
            data[taxonomy][slug] = {k: v for k, v in fields.items() if v is not None}
    body = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=NO_WRAP) if data else ""
    return HEADER + body


def write_terms(content_dir: Path, registry: TermRegistry) -> bool:
    return write_if_changed(terms_path(content_dir), dumps(registry).encode("utf-8"))


def read_terms(content_dir: Path) -> tuple[TermRegistry, list[Problem]]:
    """The stored registry; a malformed entry is reported and left out, the rest still count."""
    path = terms_path(content_dir)
    registry = TermRegistry()
    if not path.is_file():
        return registry, []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except UnicodeDecodeError as e:
        return registry, [Problem(str(path), message=f"not UTF-8 text (byte {e.start}): save it as UTF-8")]
    except yaml.YAMLError as e:
        return registry, [Problem(str(path), message=f"not valid YAML: {str(e).splitlines()[0]}")]
    if not isinstance(data, dict):
        return registry, [] if data is None else [Problem(str(path), message="expected a mapping of taxonomies")]
    problems = []
    for taxonomy, terms in data.items():
        if terms is not None and not isinstance(terms, dict):  # its terms were passed over without a word
            problems.append(Problem(str(path), str(taxonomy), "", "expected a mapping of term slugs to their name, id "
                                                                  f"and parent, got {type(terms).__name__}"))
        for slug, fields in (terms or {}).items() if isinstance(terms, dict) else []:
            safe_taxonomy, safe_term = safe_slug(str(taxonomy))[0], safe_slug(str(slug))[0]
            if (safe_taxonomy, safe_term) != (str(taxonomy), str(slug)):
                problems.append(Problem(str(path), f"{taxonomy}/{slug}", "", f"not a safe file or folder name; "
                                                                          f"used {safe_taxonomy}/{safe_term}"))
            term = _term(safe_taxonomy, safe_term, fields)
            if term is None:
                problems.append(Problem(str(path), f"{taxonomy}/{slug}", "", "expected name, id and parent fields"))
            else:
                registry.add(term)
    return registry, problems


def _term(taxonomy: str, slug: str, fields: Any) -> Term | None:
    fields = fields or {}
    if not isinstance(fields, dict) or set(fields) - {"name", "id", "parent"}:
        return None
    name, ident, parent = fields.get("name"), fields.get("id"), fields.get("parent")
    if (name is not None and not isinstance(name, str)) or not all(
            v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in (ident, parent)):
        return None
    return Term(taxonomy, slug, name, ident, parent)
