"""A day printed as text in a script other than Latin, made readable by page_dates' patterns of ASCII digits and
CLDR's month names.

WordPress prints a day with its own translation's month names (`date_i18n`), which are not always CLDR's: its
Persian ones are `می`, `جولای`, `آگوست` (May, July, August), where CLDR has `مه`, `ژوئیه`, `اوت`; its Bengali ones
`জানুয়ারী`, `ফেব্রুয়ারী`, spelt with a long `ী` and the precomposed `য়` (U+09DF), which NFC writes as two
characters. A theme or a plugin (Bengali, Persian, Arabic sites' number filters) prints the day's digits in the
script's own (`১২ মার্চ ২০২১`, `۴ جولای ۲۰۱۷`). So a page's text and the names are compared in Unicode's NFC, with
every decimal digit read as its ASCII one; a year written in another calendar than the Gregorian one (the lunar
Hijri 1438, the Buddhist era's 2560) is no day of the post's, but for the solar Hijri one of a Persian page, which
Persian date plugins (WP-Parsidate, wp-jalali) print for every post (`13 تیر 1396`, `۱۳۹۶/۰۴/۱۳`): its day is
reckoned in the Gregorian calendar (SOLAR_HIJRI_YEARS).
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from datetime import date

# WordPress's month names (from its translations' .mo files) where they are not CLDR's, by primary language subtag.
WORDPRESS_MONTHS = {
    "fa": {"می": 5, "جولای": 7, "آگوست": 8},
    "bn": {"জানুয়ারী": 1, "ফেব্রুয়ারী": 2},
}
# A year a post's page prints outside these is another calendar's: the solar Hijri 1396 or lunar Hijri 1438 of
# Persian and Arabic date plugins, the Buddhist era's 2560 of Thai ones.
GREGORIAN_YEARS = range(1700, 2200)
# The solar Hijri calendar's months, as Iran's Persian names them, and the years a Persian page's day is read in it
# (1300-1469: 1921-2091). The lunar Hijri years of Arabic pages are as many (1438 is 2017), so a year there is read
# as solar only on a page in Persian. The days are reckoned by jdf's 33-year arithmetic, the converter of Persian PHP
# code, which gives Iran's calendar's days where checked here (Nowruz of 1300, 1354, 1400, 1403, 1404 and 1450, the
# leap years 1375-1408: tests/test_import_static_pages.py).
SOLAR_HIJRI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن",
                      "اسفند")
SOLAR_HIJRI_YEARS = range(1300, 1470)
# The number of the day a solar Hijri day's count (_solar_count) gives, as date.toordinal() numbers Gregorian ones.
SOLAR_TO_ORDINAL = -365


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


def solar_hijri_months(lang: str) -> dict[str, int]:
    """The solar Hijri months' names, in NFC and lower case, with their numbers, on a page in Persian; else none."""
    primary = lang.strip().replace("_", "-").split("-")[0].lower()
    return {readable(name): number for number, name in enumerate(SOLAR_HIJRI_MONTHS, 1)} if primary == "fa" else {}


def from_solar_hijri(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a solar Hijri one (`1396, 4, 13` is 4 July 2017), or None where there is no such day."""
    if year not in SOLAR_HIJRI_YEARS or not 1 <= month <= 12 or not 1 <= day <= (31 if month <= 6 else 30):
        return None
    if month == 12 and day == 30 and _solar_count(year + 1, 1, 1) - _solar_count(year, 12, 30) != 1:
        return None  # the 30th of Esfand, in a year that is no leap year
    return date.fromordinal(_solar_count(year, month, day) + SOLAR_TO_ORDINAL)


def _solar_count(year: int, month: int, day: int) -> int:
    """jdf's count of days to a solar Hijri day."""
    shifted = year + 1595
    days = -355668 + 365 * shifted + shifted // 33 * 8 + (shifted % 33 + 3) // 4 + day
    return days + ((month - 1) * 31 if month < 7 else (month - 7) * 30 + 186)
