"""A post's own language, where a multilingual plugin kept one per post: Polylang (its `language` taxonomy in an
export or in `_embedded`, and the `lang` field of Polylang Pro's REST API) and WPML (`wpml_current_locale`);
and its translations, the posts that are it in other languages (Polylang Pro's `translations`, which an export's
groups of translations are read into, and WPML's `wpml_translations`).

A site of two languages has posts of each; a page of English marked as the site's Persian is read aloud with a
Persian voice, and its text set right to left. The tag is written as BCP 47 has it (`pt_BR` -> `pt-BR`) and kept
only when it names a language Unicode CLDR knows: a `language` taxonomy of some other site may hold `php` or `js`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from generator.convert.control_chars import readable
from generator.convert.document import Term
from generator.language.tags import TAG

LANGUAGE_TAXONOMY = "language"  # Polylang's


def post_language(data: dict[str, Any], terms: Sequence[Term]) -> str:
    """The post's language tag, "" when no plugin said or what it said is not a language."""
    languages = [term.slug for term in terms if term.taxonomy == LANGUAGE_TAXONOMY]
    # Polylang gives a post one language; a post in several is of a taxonomy by that name of another kind.
    for value in (data.get("lang"), data.get("wpml_current_locale"), *(languages if len(languages) == 1 else ())):
        if isinstance(value, str) and (tag := language_tag(value)):
            return tag
    return ""


def post_translations(data: dict[str, Any], language: str) -> tuple[tuple[str, int], ...]:
    """(language tag, WordPress id) of each translation of the post, by tag; not the post itself."""
    found: dict[str, int] = {}
    for said, ident in _translations_said(data):
        tag = language_tag(said) if isinstance(said, str) else ""
        if tag and tag != language and isinstance(ident, int) and not isinstance(ident, bool) \
                and 0 < ident != data.get("id"):
            found.setdefault(tag, ident)
    return tuple(sorted(found.items()))


def _translations_said(data: dict[str, Any]) -> list[tuple[Any, Any]]:
    polylang, wpml = data.get("translations"), data.get("wpml_translations")
    pairs = list(polylang.items()) if isinstance(polylang, dict) else []  # {"en": 12, "fr": 34}
    if isinstance(wpml, dict):  # some versions key them by language
        wpml = list(wpml.values())
    for item in wpml if isinstance(wpml, list) else []:  # [{"locale": "fr_FR", "id": 34, "href": …}, …]
        if isinstance(item, dict):
            pairs.append((item.get("locale") or item.get("language_code"), item.get("id")))
    return pairs


@functools.lru_cache(maxsize=256)
def language_tag(value: str) -> str:
    """`value` as a BCP 47 tag ("pt_br" -> "pt-BR", "zh-hant-tw" -> "zh-Hant-TW"), "" when it is none. Read
    without control characters, as the import reads every value of a post (convert/control_chars.py): the same
    saved value gives the same tag whichever of them reads it."""
    value = readable(value)
    if not TAG.fullmatch(value.strip()):
        return ""
    subtags = value.strip().replace("_", "-").split("-")
    tag = "-".join([subtags[0].lower()] + [_cased(s) for s in subtags[1:]])
    return tag if _known(tag) else ""


def _cased(subtag: str) -> str:
    if len(subtag) == 4 and subtag.isalpha():
        return subtag.title()  # a script
    return subtag.upper() if len(subtag) == 2 or (len(subtag) == 3 and subtag.isdigit()) else subtag.lower()


def _known(tag: str) -> bool:
    from babel import Locale, UnknownLocaleError  # 50 ms to import, for the few imports that meet a tag

    try:
        Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        try:
            Locale.parse(tag.split("-")[0])  # a region or variant CLDR has no data for
        except (UnknownLocaleError, ValueError):
            return False
    return True
