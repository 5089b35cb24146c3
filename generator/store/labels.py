"""The site's own names of its taxonomies and post types ("News Types", "Event Categories", "Catégories"), kept in
content/labels.yaml by `newsmirror import` from a saved or synced /wp/v2/taxonomies and /wp/v2/types; and the
language the site says it writes in (an export's `<language>`, /wp/v2/settings' `language`) and its own title and
tagline, which the build takes for the site's where the configuration names none.

Without them a taxonomy is named from its slug (`tribe_events_cat` becomes "Tribe events cat"). Each import adds
the names of the taxonomies and types its posts use and keeps the others, so that a later import of a part of
the site loses none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.language.tags import TAG as LANGUAGE_TAG
from generator.problems import Problem
from generator.store.documents import LOADER
from generator.store.files import write_if_changed
from generator.store.front_matter import NO_WRAP, Dumper

FILE_NAME = "labels.yaml"
HEADER = "# The site's language and names of its taxonomies and post types, written by `newsmirror import`.\n"
KINDS = ("taxonomies", "types")
SITE_TEXTS = ("title", "description")


@dataclass
class Labels:
    taxonomies: dict[str, str] = field(default_factory=dict)  # taxonomy slug -> its plural name
    types: dict[str, str] = field(default_factory=dict)  # post type slug -> its plural name
    language: str = ""  # a BCP 47 tag (`zh-CN`), or "" where the site did not say
    title: str = ""  # the site's own name ("Harbour Gazette"), or ""
    description: str = ""  # its tagline, or ""


def labels_path(content_dir: Path) -> Path:
    return content_dir / FILE_NAME


def read_labels(content_dir: Path) -> tuple[Labels, list[Problem]]:
    """The stored names; a malformed entry is reported and left out."""
    path = labels_path(content_dir)
    if not path.is_file():
        return Labels(), []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        return Labels(), [Problem(str(path), message=f"not valid YAML: {str(e).splitlines()[0]}")]
    if data is None:
        return Labels(), []
    if not isinstance(data, dict):
        return Labels(), [Problem(str(path), message="expected a mapping with taxonomies and types")]
    labels, problems = Labels(), []
    language = data.get("language", "")
    if isinstance(language, str) and (not language or LANGUAGE_TAG.fullmatch(language)):
        labels.language = language
    else:
        problems.append(Problem(str(path), "language", "", "expected a language tag such as 'en' or 'pt-BR'"))
    for key in SITE_TEXTS:
        value = data.get(key, "")
        if isinstance(value, str):
            setattr(labels, key, value.strip())
        else:
            problems.append(Problem(str(path), key, "", "expected text"))
    for kind in KINDS:
        names = data.get(kind) or {}
        for slug, name in names.items() if isinstance(names, dict) else []:
            if isinstance(slug, str) and isinstance(name, str) and name.strip():
                getattr(labels, kind)[slug] = name.strip()
            else:
                problems.append(Problem(str(path), f"{kind}.{slug}", "", "expected a name (text)"))
        if not isinstance(names, dict):
            problems.append(Problem(str(path), kind, "", "expected a mapping of slugs to names"))
    return labels, problems


def write_labels(content_dir: Path, labels: Labels) -> bool:
    data: dict[str, object] = {key: getattr(labels, key) for key in ("language", *SITE_TEXTS) if getattr(labels, key)}
    data.update({kind: dict(sorted(getattr(labels, kind).items())) for kind in KINDS if getattr(labels, kind)})
    if not data and not labels_path(content_dir).exists():
        return False
    body = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=NO_WRAP) if data else ""
    return write_if_changed(labels_path(content_dir), (HEADER + body).encode("utf-8"))
