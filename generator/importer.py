"""The import pipeline: saved WordPress JSON -> raw items -> Documents and terms -> content/."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.convert.document import Document, Term
from generator.convert.wp_post import is_post, is_term, to_document, to_term
from generator.problems import ItemError, Problem
from generator.sources.wp_json import RawItem, read_items
from generator.store.documents import document_path, write_document
from generator.store.terms import read_terms, write_terms


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # items left out on purpose, e.g. drafts
    terms_written: bool = False
    problems: list[Problem] = field(default_factory=list)


def run_import(sources: Sequence[Path], content_dir: Path) -> ImportResult:
    items, problems = read_items(sources)
    registry, term_problems = read_terms(content_dir)
    result = ImportResult(problems=problems + term_problems)
    posts: dict[tuple[Any, Any], RawItem] = {}
    for item in items:
        if is_post(item.data):
            _keep_latest(posts, item)
        elif is_term(item.data):
            _add_term(registry, item, result)
        else:
            result.problems.append(item.problem("", "not a WordPress post or term (no title and content)"))
    documents = []
    for item in sorted(posts.values(), key=lambda i: (str(i.data.get("type")), str(i.data.get("id")))):
        status = item.data.get("status", "publish")
        if status != "publish":
            result.skipped.append(f"{item.file}: item {item.label}: status {status!r}")
            continue
        try:
            document, terms = to_document(item.data)
        except ItemError as e:
            result.problems.append(item.problem(e.field, e.message))
            continue
        for term in terms:
            registry.add(term)
        documents.append((item, document))
    _write(documents, content_dir, result)
    result.terms_written = write_terms(content_dir, registry)
    return result


def _keep_latest(posts: dict[tuple[Any, Any], RawItem], item: RawItem) -> None:
    """A post saved in several responses is imported once: the copy modified last wins."""
    key = (item.data.get("type"), item.data.get("id"))
    current = posts.get(key)
    if current is None or str(item.data.get("modified", "")) > str(current.data.get("modified", "")):
        posts[key] = item


def _add_term(registry: Any, item: RawItem, result: ImportResult) -> None:
    try:
        term: Term = to_term(item.data)
    except ItemError as e:
        result.problems.append(item.problem(e.field, e.message))
        return
    registry.add(term)


def _write(documents: list[tuple[RawItem, Document]], content_dir: Path, result: ImportResult) -> None:
    claimed: dict[Path, RawItem] = {}
    for item, document in documents:
        path = document_path(content_dir, document)
        if path in claimed:
            result.problems.append(item.problem(
                "slug", f"{document.slug!r} is also the slug of item {claimed[path].label} "
                        f"in {claimed[path].file}; kept that one"))
            continue
        claimed[path] = item
        if write_document(content_dir, document):
            result.written.append(path)
        else:
            result.unchanged += 1
