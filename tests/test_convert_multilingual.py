"""Posts of qTranslate and its forks, which store every language in one post: a mirror shows one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.convert.context import Settings
from generator.convert.multilingual import FIELDS, in_language, languages, post_in_language
from generator.convert.wp_post import to_document
from generator.import_report import import_summary
from generator.importer import ImportOptions, run_import
from generator.store.documents import loads
from tests.conftest import rest_item
from tests.test_wxr import export, item


@pytest.mark.parametrize(("text", "wanted", "shown"), [
    ("[:en]Rare earths[:de]Seltene Erden[:]", "en", "Rare earths"),
    ("[:en]Rare earths[:de]Seltene Erden[:]", "de-CH", "Seltene Erden"),
    ("[:en]Rare earths[:de]Seltene Erden[:]", "fr", "Rare earths"),  # not there: the first, the plugin's default
    ("{:es}Tierras raras{:}{:en}Rare earths{:}", "en_US", "Rare earths"),
    ("<!--:en--><p>Mining</p><!--:--><!--:pt-br--><p>Mineração</p><!--:-->", "pt-BR", "<p>Mineração</p>"),
    ("<p>Shared</p>[:en]<p>English</p>[:zh]<p>中文</p>[:]<p>Also shared</p>", "zh", "<p>Shared</p><p>中文</p><p>Also shared</p>"),
    ("[:en]Only English, closed[:]", "de", "Only English, closed"),
    ("Ecoquotidien [lang_es]La ecologia al cotidiano.[/lang_es][lang_en]Daily ecology.[/lang_en]", "en",
     "Ecoquotidien Daily ecology."),  # Polyglot
])
def test_a_post_shows_one_language(text: str, wanted: str, shown: str) -> None:
    assert in_language(text, wanted) == shown


@pytest.mark.parametrize("text", [
    "print(line[:end])", "a[:]", "Ratio 3[:]4", "{:}", "[:en] alone and never closed", "No markers at all",
    "<!-- a comment -->text",
])
def test_text_of_one_language_is_left_as_it_is(text: str) -> None:
    assert languages(text) == [] and in_language(text, "en") == text


@given(st.dictionaries(st.sampled_from(["en", "de", "fr", "zh", "pt-br"]), st.text(alphabet="abc <>/p", max_size=12),
                       min_size=2), st.sampled_from(["[:{}]", "{{:{}}}", "<!--:{}-->", "[lang_{}]"]))
def test_each_language_of_a_post_is_shown_whole_and_alone(blocks: dict[str, str], mark: str) -> None:
    if mark == "[lang_{}]":  # Polyglot closes each block by its name
        text = "".join(f"[lang_{code}]{body}[/lang_{code}]" for code, body in blocks.items())
    else:
        text = "".join(mark.format(code) + body for code, body in blocks.items()) + mark.format("")
    for code, body in blocks.items():
        assert in_language(text, code) == body


def test_a_rest_post_of_several_languages_keeps_the_sites_and_says_which_it_left_out() -> None:
    item = rest_item(title={"rendered": "[:en]Rare earths[:de]Seltene Erden[:]"},
                     content={"rendered": "<p>[:en]Prices rose.[:de]Die Preise stiegen.[:]</p>"},
                     excerpt={"rendered": "<p>[:en]Up.[:de]Hoch.[:]</p>"})
    converted = to_document(item, settings=Settings(language="de-DE"))
    document = converted.document
    assert (document.title, document.body, document.summary) == ("Seltene Erden", "Die Preise stiegen.\n", "Hoch.")
    assert converted.losses.details == ["other languages of a multilingual post left out: en"]


def test_a_kept_language_far_shorter_than_one_left_out_is_reported_with_the_setting_to_change(tmp_path: Path) -> None:
    """A bilingual blog whose English block only points to the French article: the import keeps English, as
    the site's language says, and tells the user that French holds the article and how to keep it."""
    stub = "<p>[:en]Sorry folks, read my French version.[:fr]" + "Le compte rendu de la conférence, jour par jour. " * 20
    item = rest_item(id=7, slug="devoxx", title={"rendered": "[:en]Devoxx[:fr]Devoxx France[:]"},
                     content={"rendered": stub + "[:]</p>"})
    converted = to_document(item, settings=Settings(language="en"))
    assert converted.document.body == "Sorry folks, read my French version.\n"
    assert converted.losses.details == ["other languages of a multilingual post left out: fr",
                                        "multilingual post kept in a language far shorter than one left out: "
                                        "kept en, fr holds far more text"]
    even = to_document(rest_item(content={"rendered": "<p>[:en]Prices rose.[:fr]Les prix montent.[:]</p>"}),
                       settings=Settings(language="en"))
    assert even.losses.details == ["other languages of a multilingual post left out: fr"]
    (tmp_path / "posts.json").write_text(json.dumps([item]), encoding="utf-8")
    summary = import_summary(run_import([tmp_path / "posts.json"], tmp_path / "content",
                                        ImportOptions(language="en")))
    assert "1 multilingual post holds far more text in a language left out: `[site] language`" in "\n".join(summary)


def test_an_exported_post_of_several_languages_is_one_language_in_its_body_and_summary(tmp_path: Path) -> None:
    body = ("<!--:en-->The harbour opened a new crane line today.<!--:-->"
            "<!--:pt-->O porto abriu hoje uma nova linha de guindastes.<!--:-->")
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "[:en]Harbour[:pt]Porto[:]", body, slug="porto")), encoding="utf-8")
    run_import([path], tmp_path / "content", ImportOptions(language="pt-BR"))
    document = loads((tmp_path / "content/post/porto.md").read_text(encoding="utf-8"))
    assert (document.title, document.body.strip()) == ("Porto", "O porto abriu hoje uma nova linha de guindastes.")
    assert document.summary == "O porto abriu hoje uma nova linha de guindastes."


@pytest.mark.parametrize(("title", "content", "shown"), [
    # a title of one language over a body of two (jfoucher.com): the title falls back, the body is the site's
    ("<!--:en-->Skype notifier<!--:-->", "<!--:en-->Learning Python.<!--:--><!--:fr-->Apprendre Python.<!--:-->",
     ("Skype notifier", "Apprendre Python.\n")),
    # the editor left an empty paragraph for French: the post has no French to show
    ("<!--:en-->APC cache<!--:-->", "<!--:en--><p>APC is fast.</p><!--:--><!--:fr--><p>\n</p>\n<p>&nbsp;</p><!--:-->",
     ("APC cache", "APC is fast.\n")),
    ("[:en]Map[:fr][:]", "[:en]<p>Only a picture.</p>[:fr]<img src='https://example.com/a.png' alt='carte'>[:]",
     ("Map", "![carte](https://example.com/a.png)\n")),
])
def test_a_field_without_the_sites_language_shows_the_one_it_has(title: str, content: str,
                                                                   shown: tuple[str, str]) -> None:
    converted = to_document(rest_item(title={"rendered": title}, content={"rendered": content}),
                            settings=Settings(language="fr-FR"))
    assert (converted.document.title, converted.document.body) == shown


@given(st.lists(st.dictionaries(st.sampled_from(["en", "fr", "de"]), st.sampled_from(["x", "<p>y</p>", "<p> </p>", ""]),
                                min_size=1), min_size=3, max_size=3),
       st.sampled_from(["en", "fr", "de", "ja"]))
def test_no_field_that_had_something_to_show_is_left_empty(fields: list[dict[str, str]], wanted: str) -> None:
    data = {name: "".join(f"[:{code}]{body}" for code, body in blocks.items()) + "[:]"
            for name, blocks in zip(FIELDS, fields)}
    shown, _ = post_in_language(data, wanted)
    for name, blocks in zip(FIELDS, fields):
        if any(body.strip("<p/> ") for body in blocks.values()):
            assert shown[name].strip("<p/> "), (data[name], wanted)
