"""A crawl that saved each language's REST API in its own folder (`en/wp-json/…`), as WPML and Polylang serve them,
without a field naming the posts' language: the posts of the folder are in its language."""

from __future__ import annotations

import json
from pathlib import Path

from generator.importer import ImportOptions, run_import
from generator.sources.language_folders import with_folder_language
from generator.store.documents import document_files, loads
from tests.conftest import rest_item

# Texts long enough for their language to be read from their words (site_clues.written_in).
ENGLISH = "<p>" + "The firm and its staff are at the fair, and they show what it can do. " * 8 + "</p>"
PORTUGUESE = "<p>" + "A empresa não está na feira com os produtos, mas mostra o que faz para os clientes. " * 8 + "</p>"
GERMAN = "<p>" + "Die Firma und ihre Leute sind auf der Messe, und sie zeigen, was das kann. " * 8 + "</p>"


def test_the_posts_of_a_language_folders_api_are_in_its_language(tmp_path: Path) -> None:
    """A German firm's news, 74 posts in English at `/en/`, their pages marked as the site's German: now English."""
    root = tmp_path / "crawl"
    german = rest_item(id=13157, slug="100-fragen", link="https://firm.example/100-fragen/",
                       content={"rendered": GERMAN})
    english = rest_item(id=86512, slug="100-fragen", link="https://firm.example/en/100-fragen/",
                        title={"rendered": "100 questions"}, content={"rendered": ENGLISH})
    for folder, post in (("", german), ("en/", english)):
        saved = root / f"{folder}wp-json/wp/v2/posts.json"
        saved.parent.mkdir(parents=True)
        saved.write_text(json.dumps([post]), encoding="utf-8")
    run_import([root], tmp_path / "content", ImportOptions(workers=1, language="de"))
    documents = [loads(path.read_text(encoding="utf-8")) for path in document_files(tmp_path / "content")]
    assert sorted((d.source.id, d.language) for d in documents) == [(13157, ""), (86512, "en")]


def test_only_a_folder_and_an_address_naming_one_language_give_it() -> None:
    post = rest_item(link="https://firm.example/en/hello/", content={"rendered": ENGLISH})
    assert with_folder_language("/crawl/en/wp-json/wp/v2/posts/7/index.html", post)["lang"] == "en"
    assert with_folder_language("https://firm.example/pt-br/wp-json/wp/v2/posts?page=2",
                                rest_item(link="https://firm.example/pt-br/ola/", content={"rendered": PORTUGUESE})
                                )["lang"] == "pt-br"
    kept = [("/crawl/wp-json/wp/v2/posts.json", rest_item(link="https://firm.example/hello/")),  # the site's own
            ("/crawl/it/wp-json/wp/v2/posts.json", rest_item(link="https://firm.example/en/hello/")),
            ("/crawl/en/wp-json/wp/v2/posts.json", rest_item(link="https://firm.example/hello/")),
            ("/it/wp-json/wp/v2/posts.json", rest_item(link="https://firm.example/it/hello/", lang="en")),
            ("/crawl/news/wp-json/wp/v2/posts.json", rest_item(link="https://firm.example/news/hello/")),
            ("/crawl/new/wp-json/wp/v2/posts.json", rest_item(link="https://firm.example/new/hello/")),
            ("/crawl/en/wp-json/wp/v2/posts.json", {"id": 7})]
    assert all(with_folder_language(file, data) is data for file, data in kept)


def test_a_polylang_site_saved_in_one_folder_gives_the_posts_under_a_language_folder_its_language(
        tmp_path: Path) -> None:
    """Polylang without Pro serves every language's posts from the site's root API, with no `lang` field, each at its
    language's address: a crypto blog's 34 German posts under `/de/` took the site's English before."""
    saved = tmp_path / "crawl" / "wp-json" / "wp" / "v2" / "posts.json"
    saved.parent.mkdir(parents=True)
    saved.write_text(json.dumps([
        rest_item(id=1, slug="hello", link="https://blog.example/hello/", content={"rendered": ENGLISH}),
        rest_item(id=2, slug="hallo", link="https://blog.example/de/hallo/", title={"rendered": "Die Messe"},
                  content={"rendered": GERMAN}),
        rest_item(id=3, slug="mixed", link="https://blog.example/de/mixed/", title={"rendered": "Fair"},
                  content={"rendered": ENGLISH})]), encoding="utf-8")
    run_import([tmp_path / "crawl"], tmp_path / "content", ImportOptions(workers=1, language="en"))
    documents = [loads(path.read_text(encoding="utf-8")) for path in document_files(tmp_path / "content")]
    assert sorted((d.source.id, d.language) for d in documents) == [(1, ""), (2, "de"), (3, "")]
    assert with_folder_language("https://blog.example/wp-json/wp/v2/posts?page=2",
                                rest_item(link="https://blog.example/de/x/", content={"rendered": GERMAN}))["lang"] == "de"


def test_a_countrys_edition_whose_folder_is_also_a_languages_code_is_not_given_that_language() -> None:
    """A site's editions for countries are served under their codes, and `uk` is also Ukrainian's, `ca` Catalan's:
    an English post of the British edition is not marked Ukrainian, nor a short one of the Canadian Catalan; a title
    and an excerpt of the folder's language are enough to give it (a crawl saved with `?_fields=` holds no more)."""
    british = rest_item(link="https://news.example/uk/budget/", content={"rendered": ENGLISH})
    short = rest_item(link="https://news.example/ca/hello/", title={"rendered": "Back at the fair"},
                      content={"rendered": "<p>See you there.</p>"}, excerpt={"rendered": ""})
    assert with_folder_language("/crawl/uk/wp-json/wp/v2/posts.json", british) is british
    assert with_folder_language("/crawl/ca/wp-json/wp/v2/posts.json", short) is short
    titled = rest_item(link="https://firm.example/en/x/", title={"rendered": "Best practices and why it matters"},
                       excerpt={"rendered": "<p>Departments are under more pressure than ever.</p>"})
    del titled["content"]
    assert with_folder_language("/crawl/en/wp-json/wp/v2/posts.json", titled)["lang"] == "en"
