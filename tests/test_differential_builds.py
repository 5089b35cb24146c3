"""Faster must stay correct: random edits of every kind a mirror sees, each followed by an incremental build
that must equal a clean build of the same inputs, byte for byte. Once as separate `newsmirror build` runs
would do it, once through one BuildSession, as a long-running process (`newsmirror serve`) builds."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from generator.builder import BuildSession, run_build
from generator.store.documents import write_document
from tests.site_content import NEWS_TYPES, REGIONS, SOURCE_SITE
from tests.site_reading import tree
from tests.test_incremental import Project

EDITS = 36


def _slugs(project: Project) -> list[str]:
    return sorted(p.stem for p in (project.content / "news-archive").glob("*.md"))


def _title(project: Project, rng: random.Random) -> str:
    slug = rng.choice(_slugs(project))
    project.change(slug, title=f"Retitled {rng.randrange(10_000)}")
    return f"title of {slug}"


def _summary(project: Project, rng: random.Random) -> str:
    slug = rng.choice(_slugs(project))
    project.change(slug, summary=f"Summary {rng.randrange(10_000)}.", author=rng.choice(["", "A. Writer"]))
    return f"summary and author of {slug}"


def _parent(project: Project, rng: random.Random) -> str:
    """A post placed under another, or back at the top: then its title orders its parent's children."""
    slug, other = rng.sample(_slugs(project), 2)
    parent = rng.choice([0, project.post(other).source.id])
    project.change(slug, source=dataclasses.replace(project.post(slug).source, parent=parent))
    return f"parent of {slug}"


def _body(project: Project, rng: random.Random) -> str:
    slug = rng.choice(_slugs(project))
    body = project.post(slug).body
    project.change(slug, body=body.replace("Text.", f"Text, edited {rng.randrange(10_000)}.", 1)
                   + f"\n## Added {rng.randrange(100)}\n\nA new section.\n")
    return f"body of {slug}"


def _date(project: Project, rng: random.Random) -> str:
    slug = rng.choice(_slugs(project))
    project.change(slug, date=project.post(slug).date + timedelta(days=rng.randint(-400, 400)))
    return f"date of {slug}"


def _terms(project: Project, rng: random.Random) -> str:
    slug = rng.choice(_slugs(project))
    project.change(slug, taxonomies={"news-type": tuple(sorted(rng.sample(NEWS_TYPES, rng.randint(1, 3)))),
                                     "regions": tuple(sorted(rng.sample(REGIONS, rng.randint(0, 2))))})
    return f"terms of {slug}"


def _delete(project: Project, rng: random.Random) -> str:
    slugs = _slugs(project)
    if len(slugs) <= 5:
        return _add(project, rng)
    slug = rng.choice(slugs)
    (project.content / "news-archive" / f"{slug}.md").unlink()
    return f"{slug} deleted"


def _add(project: Project, rng: random.Random) -> str:
    model = project.post(rng.choice(_slugs(project)))
    number = 9000 + rng.randrange(1000)
    slug = f"added-{number}"
    linked = rng.choice(_slugs(project))  # a link the new post's page resolves to a local page
    write_document(project.content, dataclasses.replace(
        model, slug=slug, title=f"Added {number}", date=model.date + timedelta(hours=rng.randint(1, 900)),
        body=f"New post linking [a story]({SOURCE_SITE}{linked}/).\n\n## Section\n\nText.\n",
        source=dataclasses.replace(model.source, id=number, url=f"{SOURCE_SITE}{slug}/",
                                   guid=f"https://example.com/?p={number}")))
    return f"{slug} added"


def _template(project: Project, rng: random.Random) -> str:
    if (project.root / "no-templates/list.html").exists() and rng.random() < 0.5:
        (project.root / "no-templates/list.html").unlink()
        return "template override removed"
    project.user_file("no-templates", "list.html",
                      '{% extends "base.html" %}{% block main %}<h1>{{ heading }}</h1>'
                      f'<p>version {rng.randrange(1000)}</p>'
                      '{% for p in posts %}<a href="{{ p.href }}">{{ p.title }}</a>{% endfor %}{% endblock %}\n')
    return "template override"


def _static(project: Project, rng: random.Random) -> str:
    project.user_file("no-static", rng.choice(["css/site.css", "extra/notes.txt"]),
                      f"/* version {rng.randrange(1000)} */\n")
    return "static file"


KINDS: list[Callable[[Project, random.Random], str]] = [_title, _title, _summary, _parent, _body, _body, _date,
                                                        _terms, _delete, _add, _template, _static]


@pytest.mark.parametrize("with_session", [False, True], ids=["separate-builds", "one-session"])
def test_random_edits_rebuild_to_what_a_clean_build_gives(tmp_path: Path, with_session: bool) -> None:
    rng = random.Random(16)
    project = Project(tmp_path / "project", posts=24)
    session = BuildSession() if with_session else None
    run_build(project.config(), session=session)
    differing = []
    for number in range(EDITS):
        edit = rng.choice(KINDS)(project, rng)
        result = run_build(project.config(), session=session)
        assert result.problems == [], (edit, result.problems)
        after, clean = tree(project.root / "site"), project.clean_build(tmp_path / f"clean-{number}")
        differing += [f"after edit {number} ({edit}): {path}" for path in sorted(after.keys() | clean.keys())
                      if after.get(path) != clean.get(path)]
    assert differing == []
