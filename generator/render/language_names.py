"""A language's name as its own speakers write it ("français", "فارسی", "português (Brasil)"), from Unicode
CLDR through Babel, for links to a post's translations: a reader looks for their own language's name."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=256)
def native_name(tag: str) -> str:
    """The name of the language `tag` (BCP 47) in that language, capitalised as a menu shows it; the tag
    itself when CLDR has no name for it."""
    from babel import Locale, UnknownLocaleError  # 50 ms to import: only for sites whose posts have translations

    name = None
    for known in (tag, tag.split("-")[0]):  # a region CLDR has no data for still has its language's name
        try:
            name = Locale.parse(known, sep="-").get_display_name()
            break
        except (UnknownLocaleError, ValueError):
            continue
    return name[:1].upper() + name[1:] if name else tag


def native_names(tags: list[str]) -> list[str]:
    """The names of `tags`, each without its region or script where no other of them has its language: a
    switcher of English, Français and Deutsch, though WPML tags them en-US, fr-FR and de-DE."""
    primary = [tag.split("-")[0] for tag in tags]
    return [native_name(short if primary.count(short) == 1 else tag) for tag, short in zip(tags, primary)]
