"""A day printed as text in a script other than Latin, made readable by page_dates' patterns of ASCII digits and
CLDR's month names.

WordPress prints a day with its own translation's month names (`date_i18n`), which are not always CLDR's: its
Persian ones are `می`, `جولای`, `آگوست` (May, July, August), where CLDR has `مه`, `ژوئیه`, `اوت`; its Bengali ones
`জানুয়ারী`, `ফেব্রুয়ারী`, spelt with a long `ী` and the precomposed `য়` (U+09DF), which NFC writes as two
characters. A theme or a plugin (Bengali, Persian, Arabic sites' number filters) prints the day's digits in the
script's own (`১২ মার্চ ২০২১`, `۴ جولای ۲۰۱۷`). So a page's text and the names are compared in Unicode's NFC, with
every decimal digit read as its ASCII one; a year written in another calendar than the Gregorian one (the solar
Hijri year 1396 of a Persian date plugin, the lunar Hijri 1438, the Buddhist era's 2560) is no day of the post's.
"""

from __future__ import annotations

import functools
import sys
import unicodedata

# WordPress's month names (from its translations' .mo files) where they are not CLDR's, by primary language subtag.
WORDPRESS_MONTHS = {
    "fa": {"می": 5, "جولای": 7, "آگوست": 8},
    "bn": {"জানুয়ারী": 1, "ফেব্রুয়ারী": 2},
}
# A year a post's page prints outside these is another calendar's: the solar Hijri 1396 or lunar Hijri 1438 of
# Persian and Arabic date plugins, the Buddhist era's 2560 of Thai ones.
GREGORIAN_YEARS = range(1700, 2200)


@functools.cache
def _digits() -> dict[int, int]:
    """Every decimal digit of Unicode (Arabic-Indic `٣`, Persian `۳`, Devanagari `३`, Bengali `৩`, Thai `๓`…) to its
    ASCII one."""
    return {code: ord(str(unicodedata.decimal(chr(code)))) for code in range(128, sys.maxunicode + 1)
            if unicodedata.category(chr(code)) == "Nd"}


def readable(text: str) -> str:
    """`text` in NFC with ASCII digits."""
    return unicodedata.normalize("NFC", text).translate(_digits())


def wordpress_months(lang: str) -> dict[str, int]:
    """WordPress's own month names in the language of the tag `lang`, beside CLDR's, in NFC and lower case."""
    primary = lang.strip().replace("_", "-").split("-")[0].lower()
    return {readable(name).lower(): number for name, number in WORDPRESS_MONTHS.get(primary, {}).items()}


def gregorian(year: int) -> bool:
    return year in GREGORIAN_YEARS
