"""Content folders made by the tests themselves: posts written as the store writes them, and configurations."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from generator.config import Config, parse_config
from generator.convert.document import Document, Source, Term, TermRegistry
from generator.store.documents import write_document
from generator.store.terms import write_terms

PACIFIC = timezone(timedelta(hours=-7))
SOURCE_SITE = "https://example.com/news/"


def post(slug: str, when: datetime, **fields: Any) -> Document:
    """A post with every field filled in; keyword arguments replace fields."""
    base: dict[str, Any] = {
        "title": slug.replace("-", " ").title(), "slug": slug, "type": "news-archive", "date": when,
        "updated": when, "summary": f"Summary of {slug}.", "taxonomies": {},
        "source": Source(len(slug), f"{SOURCE_SITE}{slug}/", f"https://example.com/?p={len(slug)}&s={slug}"),
        "body": f"Body of {slug}.\n",
    }
    base.update(fields)
    return Document(**base)


def write_content(folder: Path, documents: list[Document], names: dict[tuple[str, str], str] | None = None) -> Path:
    for document in documents:
        write_document(folder, document)
    registry = TermRegistry()
    for (taxonomy, slug), name in (names or {}).items():
        registry.add(Term(taxonomy, slug, name))
    write_terms(folder, registry)
    return folder


def config(tmp_path: Path, content: Path, taxonomies: dict[str, str] | None = None, **sections: dict) -> Config:
    """Builds `content` into tmp_path/site with the default theme (the user's theme folders do not exist);
    `sections` add TOML-shaped settings."""
    data: dict[str, Any] = {"paths": {"content": str(content), "templates": str(tmp_path / "no-templates"),
                                      "static": str(tmp_path / "no-static"), "output": str(tmp_path / "site")}}
    for name, values in sections.items():
        data.setdefault(name, {}).update(values)
    if taxonomies is not None:
        data["taxonomies"] = taxonomies
    return parse_config(data, "test", tmp_path)


NEWS_TYPES = ["ree-news", "mining", "policy", "trade", "prices", "magnets"]
ORGANIZATIONS = [f"org-{n:02d}" for n in range(40)]
REGIONS = ["china", "united-states", "australia", "canada", "japan", "myanmar", "brazil", "greenland"]


def many_posts(n: int, seed: int = 0) -> tuple[list[Document], dict[tuple[str, str], str]]:
    """`n` news posts over three years with three taxonomies, links between them and remote images.

    Some terms have no stored name, so their pages show slugs; the same (n, seed) gives the same posts.
    """
    rng = random.Random(seed)
    start = datetime(2023, 1, 2, 9, 0, tzinfo=PACIFIC)
    slugs = [f"story-{i:04d}" for i in range(n)]
    documents = []
    for i, slug in enumerate(slugs):
        when = start + timedelta(hours=rng.randint(0, 3 * 365 * 24))
        other = slugs[rng.randrange(n)]
        body = (f"Lead paragraph with [a related story]({SOURCE_SITE}{other}/) and "
                f"[an outside report](https://www.reuters.com/markets/{i}/).\n\n"
                f"## Background {{#background}}\n\nText.\n\n![A separation plant](https://example.com/up/{i}.jpg)\n\n"
                f"### Details\n\nMore text.\n\n## Outlook\n\nEnd.\n")
        documents.append(post(
            slug, when, updated=when + timedelta(days=rng.choice([0, 0, 3])),
            author=rng.choice(["", "Ada Lovelace", "Grace Hopper"]), body=body,
            taxonomies={"news-type": sorted(rng.sample(NEWS_TYPES, 2)),
                        "organization": sorted(rng.sample(ORGANIZATIONS, rng.randint(0, 2))),
                        "regions": sorted(rng.sample(REGIONS, 1))},
            source=Source(1000 + i, f"{SOURCE_SITE}{slug}/", f"https://example.com/?p={1000 + i}")))
    names = {("news-type", s): s.replace("-", " ").title() for s in NEWS_TYPES}
    names.update({("regions", s): s.replace("-", " ").title() for s in REGIONS[:5]})
    names.update({("organization", s): f"Organization {s[-2:]}" for s in ORGANIZATIONS[::2]})
    return documents, names
