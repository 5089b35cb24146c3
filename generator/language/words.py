"""The site's words in its language: catalogues/<language>.toml, then the site's own [words].

Both the import (the labels it writes into a post's Markdown: "YouTube video: …", "Gallery: …") and the theme
(every word a page shows that a post does not bring) take their words from here; neither stage imports the
other. Each file of catalogues/ gives every key of catalogues/en.toml in one language, named by its primary
language subtag ("pt" serves "pt-BR"), or by it and a script where the language is written in two ("sr-latn",
"zh-hant"); a language without a file gets English. A site's newsmirror.toml may
replace any word in a [words] table, checked here when the configuration is read, so that a page never fails
on a word.
"""

from __future__ import annotations

import functools
import json
import string
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

FOLDER = Path(__file__).with_name("catalogues")
ENGLISH = "en"
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")  # Unicode CLDR's categories of cardinal numbers
# What js/search.js writes, given to it by the search page (search.html).
SCRIPT_WORDS = ("searching", "found_none", "found_none_for", "found", "found_for", "index_unreadable")

TRADITIONAL = "hant"  # the script subtag of Traditional Chinese, whose catalogue is zh-hant
TRADITIONAL_REGIONS = ("tw", "hk", "mo")  # where Chinese is written in Traditional characters
# Tags whose words another file gives: "no" (Norwegian) is written as Bokmål on nearly every site that says it,
# as CLDR's own "no" locale is. Nynorsk ("nn") is a written standard of its own and stays English until it has
# its words.
SAME_WORDS = {"no": "nb"}
Entry = str | dict[str, str]  # a word, or a count's plural forms


@functools.cache
def catalogue(name: str) -> dict[str, Entry] | None:
    """The words of catalogues/<name>.toml; None when there is no such file."""
    if not name.isascii() or not name.replace("-", "").isalnum():
        return None
    try:
        with (FOLDER / f"{name}.toml").open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        return None


def catalogue_name(language: str) -> str:
    """The file of words for a BCP 47 tag: its own, else its script's (`zh-TW`, `zh-Hant-HK` -> `zh-hant`,
    `sr-Latn-RS` -> `sr-latn`), else its primary subtag's ("pt-BR" -> "pt"), else English."""
    tag = language.strip().lower().replace("_", "-")
    primary, *subtags = tag.split("-")
    written = next((subtag for subtag in subtags if len(subtag) == 4 and subtag.isalpha()), "")  # BCP 47's script
    script = f"{primary}-{written}" if written else ""
    if primary == "zh" and not written and subtags and subtags[-1] in TRADITIONAL_REGIONS:
        script = f"zh-{TRADITIONAL}"
    for name in (tag, script, primary, SAME_WORDS.get(primary, "")):
        if name and catalogue(name) is not None:
            return name
    return ENGLISH


def placeholders(text: str) -> set[str]:
    """The {names} a word fills in; ValueError for braces that name none ("{", "{0}", "{a.b}")."""
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    if any(not name.isidentifier() for name in names):
        raise ValueError("a placeholder must be a {name}")
    return names


def problems(overrides: Mapping[str, Any]) -> list[str]:
    """What is wrong with a site's [words]: each a line naming its key."""
    english = catalogue(ENGLISH)
    assert english is not None
    found = []
    for key, value in overrides.items():
        if key not in english:
            found.append(f"words.{key}: not one of the site's words (they are the keys of {FOLDER / 'en.toml'})")
        elif isinstance(english[key], dict):
            found += _plural_problems(key, value, english[key]["other"])
        elif not isinstance(value, str):
            found.append(f"words.{key}: expected a string, got {type(value).__name__}")
        else:
            found += _placeholder_problems(f"words.{key}", value, str(english[key]))
    return found


def _plural_problems(key: str, value: Any, english: str) -> list[str]:
    if not isinstance(value, dict) or not isinstance(value.get("other"), str):
        return [f"words.{key}: expected a table of plural forms with at least other = \"…\" "
                f"(forms: {', '.join(PLURAL_FORMS)})"]
    found = []
    for form, text in value.items():
        if form not in PLURAL_FORMS:
            found.append(f"words.{key}.{form}: not a plural form (forms: {', '.join(PLURAL_FORMS)})")
        elif not isinstance(text, str):
            found.append(f"words.{key}.{form}: expected a string, got {type(text).__name__}")
        else:
            found += _placeholder_problems(f"words.{key}.{form}", text, english)
    return found


def _placeholder_problems(where: str, text: str, english: str) -> list[str]:
    allowed = placeholders(english)
    try:
        unknown = placeholders(text) - allowed
    except ValueError:
        return [f"{where}: braces must hold a placeholder such as {{name}}; write {{{{ and }}}} for braces"]
    if unknown:
        return [f"{where}: {{{sorted(unknown)[0]}}} is not one of its placeholders "
                f"({', '.join('{' + name + '}' for name in sorted(allowed)) or 'it has none'})"]
    return []


Overrides = tuple[tuple[str, "str | tuple[tuple[str, str], ...]"], ...]  # as config.Config.words holds them


@functools.cache
def site_words(language: str, overrides: Overrides = ()) -> Words:
    """The site's words, made once per process: the import asks for them for every post it converts."""
    return Words(language, overrides)


class Words:
    """The words of one site: `words.search` in templates and code, `fill` and `html` for those with
    placeholders. Made once per build from the configuration."""

    def __init__(self, language: str, overrides: Iterable[tuple[str, Any]] = ()) -> None:
        """`overrides` as config.Config.words holds them: (key, word), a plural table as (form, word) pairs."""
        english = catalogue(ENGLISH)
        assert english is not None
        own = {key: dict(value) if isinstance(value, tuple) else value for key, value in overrides}
        self._entries: dict[str, Entry] = {**english, **(catalogue(catalogue_name(language)) or {}), **own}
        # Each word an attribute of its own (a plural table by its `other` form): templates look words up
        # some 200,000 times in a build of 10,000 posts, and a plain attribute is the fastest lookup.
        for key, entry in self._entries.items():
            setattr(self, key, entry if isinstance(entry, str) else entry["other"])

    def fill(self, key: str, **values: object) -> str:
        """The word with its placeholders filled in, as plain text."""
        return getattr(self, key).format_map(values)

    def described(self, kind: str, label: str) -> str:
        """What stands for media the page cannot show: "Image: a map of the mine", or "Image" without a label;
        `kind` is a word's key (image, video, audio, media, embedded_page, embedded_content)."""
        name = getattr(self, kind)
        return self.fill("media_described", kind=name, description=label) if label.strip() else name

    def html(self, key: str, **values: object) -> Markup:
        """The word as HTML, with its placeholders filled in: escaped, unless a value is Markup already.
        (Escaped first and then filled by str.format_map: Markup's own format_map is five times slower.)"""
        filled = {name: escape(value) for name, value in values.items()}
        return Markup(str(escape(getattr(self, key))).format_map(filled))

    def script_json(self) -> str:
        """The words js/search.js writes, as JSON for the search page to hand to it."""
        return json.dumps({key: self._entries[key] for key in SCRIPT_WORDS}, ensure_ascii=False, sort_keys=True)
