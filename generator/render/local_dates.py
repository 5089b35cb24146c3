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

# The first digit of each numbering system some language writes by default (CLDR's defaultNumberingSystem
# other than "latn"); each is a run of ten Unicode decimal digits. Babel formats dates with ASCII digits only.
ZEROS = {"arab": "\u0660", "arabext": "\u06f0", "beng": "\u09e6", "deva": "\u0966", "mymr": "\u1040",
         "tibt": "\u0f20", "olck": "\u1c50", "mtei": "\uabf0", "nkoo": "\u07c0", "cakm": "\U00011136",
         "adlm": "\U0001e950", "hmnp": "\U0001e140"}
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
        return _digits(f"{_day(when.date(), locale)} {when:%H:%M} {zone}", locale)

    def day(self, when: date) -> str:
        locale = _locale(self.language)
        if locale is None:
            return f"{when.day} {MONTHS[when.month - 1]} {when.year}"
        return _digits(_day(when, locale), locale)

    def month(self, year: int, month: int) -> str:
        """A month of a year, as the archive names it: "December 2026"."""
        locale = _locale(self.language)
        if locale is None:
            return f"{MONTHS[month - 1]} {year}"
        from babel.dates import format_skeleton
        return _digits(format_skeleton("yMMMM", date(year, month, 1), locale=locale), locale)


def _digits(text: str, locale: Any) -> str:
    """`text` with the digits its language writes ("۱۴ مارس ۲۰۲۵" in Persian, "১৪ মার্চ ২০২৫" in Bengali), as
    CLDR's default numbering system for the language has them and browsers write them; most languages keep 0-9."""
    zero = ZEROS.get(locale.default_numbering_system)
    return text.translate(_table(zero)) if zero else text


@functools.cache
def _table(zero: str) -> dict[int, str]:
    return {ord("0") + i: chr(ord(zero) + i) for i in range(10)}


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
