"""Dates as the site's language writes them: "4 December 2026", "2026年12月4日", "4 décembre 2026".

English is written here; any other language through Babel, which holds the Unicode CLDR's date formats and
month names of every language (a BCP 47 tag it does not know falls back to its primary language, then to
English). Babel is imported only for a site that needs it, as it adds some 50 ms to every start.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class Dates:
    language: str  # a BCP 47 tag, as site.language gives it

    def moment(self, when: datetime) -> str:
        """A post's local time with its UTC offset: "4 December 2026, 14:05 UTC-08:00"."""
        offset = when.strftime("%z")
        zone = "UTC" if offset == "+0000" else f"UTC{offset[:3]}:{offset[3:]}"
        locale = _locale(self.language)
        if locale is None:
            return f"{when.day} {MONTHS[when.month - 1]} {when:%Y, %H:%M} {zone}"
        return f"{_day(when.date(), locale)} {when:%H:%M} {zone}"

    def day(self, when: date) -> str:
        locale = _locale(self.language)
        if locale is None:
            return f"{when.day} {MONTHS[when.month - 1]} {when.year}"
        return _day(when, locale)

    def month(self, year: int, month: int) -> str:
        """A month of a year, as the archive names it: "December 2026"."""
        locale = _locale(self.language)
        if locale is None:
            return f"{MONTHS[month - 1]} {year}"
        from babel.dates import format_skeleton
        return format_skeleton("yMMMM", date(year, month, 1), locale=locale)


@functools.lru_cache(maxsize=1 << 14)
def _day(when: date, locale: Any) -> str:
    """(Remembered: ten years of posts are some 3,650 days.)"""
    from babel.dates import format_date
    return format_date(when, "long", locale=locale)


@functools.cache
def _locale(language: str) -> Any:
    """Babel's Locale for a BCP 47 tag, or None for English (or a language Babel does not know)."""
    tag = language.strip().replace("_", "-")
    if tag.split("-")[0].lower() in ("", "en"):
        return None
    from babel import Locale, UnknownLocaleError
    for candidate in (tag, tag.split("-")[0]):
        try:
            return Locale.parse(candidate, sep="-")
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return None
