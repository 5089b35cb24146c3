"""A post's dates as a saved page of it prints them: `article:published_time` (Yoast SEO, Rank Math…), schema.org's
`datePublished` as JSON-LD or as microdata (tagDiv's Newspaper: `<meta itemprop="datePublished" content=…>`), the
article's `<time datetime>`, else the day a theme prints as text only (Divi: `<span class="published">Mar 4,
2021</span>`; English month names, those of the page's language, `<html lang>`, as CLDR writes them: `12. März 2020`,
`4 de março de 2021`, `3 Ekim 2018`, `12 марта 2020`; or numbered as Chinese, Japanese and Korean sites write them),
which the post would otherwise lose for a stand-in."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement

from generator.sources.page_markup import classes, elsewhere, meta_property
from generator.sources.script_dates import from_solar_hijri, gregorian, readable, solar_hijri_months, wordpress_months

# The elements a theme prints a post's day in, as text where it gives no `datetime`.
PUBLISHED_CLASSES = frozenset({"published", "entry-date", "post-date", "posted-on", "entry-meta", "post-meta",
                               "meta-date", "date", "metadata-item"})
# Newsup's `mg-blog-date`, the post's day only in the post's header (`mg-header`): the theme prints it in every
# card of another post too (related posts, "You missed"), which are all a page of it has.
HEADER_DATES = {"mg-blog-date": "mg-header"}
ITEMPROP = XPath(".//*[@itemprop=$field]")  # in libxml2: ElementPath's predicate made an object of every element
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>[0-9]{4})"
# WordPress's date formats: `March 4, 2021`, `Mar 4th 2021`, `4 March 2021`, `4th of March, 2021`, `2021-03-04`;
# in Chinese, Japanese and Korean, `2021年3月4日`, `2021년 3월 4일`, and `3月 4, 2021` (`M j, Y` translated).
TEXT_DATES = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b",
    r"\b(?P<year>[0-9]{4})-(?P<number>[0-9]{2})-(?P<day>[0-9]{2})\b",
    r"(?P<year>[0-9]{4})\s*[年년]\s*(?P<number>[0-9]{1,2})\s*[月월]\s*(?P<day>[0-9]{1,2})\s*[日일]",
    r"(?<![0-9])(?P<number>[0-9]{1,2})\s*[月월]\s*(?P<day>[0-9]{1,2}),?\s+(?P<year>[0-9]{4})\b",
    # the year first in numbers, in any language: `2009/09/01` (Japanese, Chinese), `2030. 5. 15.` (Korean,
    # Hungarian)
    r"(?<![0-9/])(?P<year>[0-9]{4})/(?P<number>[0-9]{1,2})/(?P<day>[0-9]{1,2})(?![0-9/])",
    r"(?<![0-9.])(?P<year>[0-9]{4})\.\s?(?P<number>[0-9]{1,2})\.\s?(?P<day>[0-9]{1,2})\.(?![0-9])"))
# A month's name in the page's language, a pattern of its names in place of `NAMES` (a day before it, `4 de março de
# 2021`, `12. März 2020`, `1er juin 2019`; after it, `marzo 4, 2021`; the year first, `2021. március 4.`).
_LOCAL_DAY = r"(?<![0-9])(?P<day>[0-9]{1,2})(?:er|º|ª|\.)?"
LOCAL_DATES = (rf"{_LOCAL_DAY}\s+(?:(?:de|del|of)\s+)?(?P<name>NAMES)\.?,?\s+(?:(?:de|del)\s+)?{_YEAR}\b",
               rf"(?<!\w)(?P<name>NAMES)\.?\s+{_LOCAL_DAY},?\s+{_YEAR}\b",
               rf"\b{_YEAR}\.?\s+(?P<name>NAMES)\.?\s+{_LOCAL_DAY}(?![0-9])")
# A day written in numbers, day first (`10.03.2006`, `22. 3. 2008`, `04/03/2021`, `4-3-2021`), as the languages
# whose dates CLDR writes so print them; not in English, whose American order (`3/4/2021`) a site may keep in any.
NUMBERED_DATE = (r"(?<![0-9.])(?P<day>[0-9]{1,2})(?P<sep>[./-])\s?(?P<number>[0-9]{1,2})(?P=sep)\s?"
                 r"(?P<year>[0-9]{4})(?![0-9])")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A field or a literal of a CLDR date pattern (`y 'm'. MMMM d 'd'.`): the language's own long and medium dates are
# read too, where the three orders above do not fit them (Lithuanian's `2021 m. gegužės 5 d.`, Latvian's `2021. gada
# 5. maijs`, Basque's `2021eko maiatzaren 5a`, Armenian's `2021 թ. մայիսի 5`).
CLDR_TOKEN = re.compile(r"'((?:[^']|'')*)'|([A-Za-z])\2*|[^A-Za-z']")
CLDR_FIELDS = {"y": _YEAR, "d": r"(?P<day>[0-9]{1,2})", "M": r"(?P<name>NAMES)\.?", "L": r"(?P<name>NAMES)\.?"}
LITERAL_RUN = re.compile(r"\s+|[^\s]")
CLDR_SAMPLE = date(2021, 5, 25)  # a day CLDR's pattern is tried on: read by the orders above, it adds nothing
TEXT_CHARS = 300  # of an element's text: a byline's, not an article's


def published(document: HtmlElement, article: HtmlElement) -> str | None:
    """The post's date as the page gives it: the first of its dates that reads as one, else None. A day printed
    as text is the post's time of update where that falls on the same day (a time of day the text does not give)."""
    found = _first([meta_property(document, "article:published_time"), _schema(document, "datePublished"),
                    _microdata(document, "datePublished"), _time(article, ("published", "entry-date"), first=True)])
    if found is not None:
        return found
    day, update = _text_date(article, PUBLISHED_CLASSES, document.get("lang") or ""), modified(document, article)
    return update if day and update and update.startswith(day) else day


def modified(document: HtmlElement, article: HtmlElement) -> str | None:
    return _first([meta_property(document, "article:modified_time"), meta_property(document, "og:updated_time"),
                   _schema(document, "dateModified"), _microdata(document, "dateModified"),
                   _time(article, ("updated",))])


def _first(values: list[str | None]) -> str | None:
    """The first value that reads as a date: a theme's `datetime` may hold the day's words (`thứ ba, 28 tháng 11
    2017`), which would cost the post its date, and a post without one is given a stand-in."""
    return next((value.strip() for value in values if value and is_iso_date(value.strip())), None)


def is_iso_date(value: str) -> bool:
    """Whether the text is an ISO 8601 moment as WordPress and SEO plugins print them (`Z` for UTC too)."""
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _schema(document: HtmlElement, field: str) -> str | None:
    """A date of the page's schema.org data, as Yoast SEO and Rank Math print it for every post and page
    (`"datePublished":"2019-05-07T14:10:34+00:00"`)."""
    pattern = re.compile(rf'"{field}"\s*:\s*"([^"]{{10,40}})"')
    for script in document.iterfind(".//script[@type]"):
        if script.get("type") == "application/ld+json" and (found := pattern.search(script.text or "")):
            return found.group(1)
    return None


def _microdata(document: HtmlElement, field: str) -> str | None:
    """schema.org's date as microdata, outside the comments and lists of other posts."""
    for node in ITEMPROP(document, field=field):
        if not elsewhere(node):
            return node.get("content") or node.get("datetime")
    return None


def _time(article: HtmlElement, names: tuple[str, ...], first: bool = False) -> str | None:
    """The `datetime` of the article's `<time>` of one of `names`, else (`first`) of its first `<time>`."""
    times = [t for t in article.iterfind(".//time[@datetime]") if not elsewhere(t)]
    for time in times:
        if not set(names).isdisjoint(classes(time)):
            return time.get("datetime")
    return times[0].get("datetime") if times and first else None


def _text_date(article: HtmlElement, names: frozenset[str], lang: str) -> str | None:
    """The day printed as text in the article's first element of one of `names` (or `<time>`) that holds one, in
    English or in the page's language `lang`."""
    months, solar = month_names(lang), solar_hijri_months(lang)
    patterns = TEXT_DATES + local_dates(lang)
    for node in _dated_elements(article, names):
        text = readable(node.text_content()[:TEXT_CHARS])
        for pattern in patterns:
            if (found := pattern.search(text)) and (day := iso_day(found, months, solar)):
                return day
    return None


def _locale(lang: str) -> Any:
    """Babel's locale of the tag `lang` (`pt-BR`, else `pt`); None for English, which TEXT_DATES reads, or a tag
    Babel does not know."""
    from babel import Locale, UnknownLocaleError  # 50 ms to import: for the copies whose pages print dates as text

    language = lang.strip().replace("_", "-")
    if not language or language.split("-")[0].lower() == "en":
        return None
    for tag in dict.fromkeys((language, language.split("-")[0])):
        try:
            return Locale.parse(tag, sep="-")
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return None


@functools.lru_cache(maxsize=64)
def month_names(lang: str) -> dict[str, int]:
    """The months' names in the language of the tag `lang` (`pt-BR`), in lower case, with their numbers: wide and
    abbreviated, as a date writes them (Russian's `марта`, Czech's `března`) and standing alone (`март`), as CLDR
    gives them, and WordPress's own where its translation has others (script_dates); none for English, which
    TEXT_DATES reads, or a tag Babel does not know."""
    locale = _locale(lang)
    if locale is None:
        return {}
    cldr = {readable(name).lower().rstrip("."): number for context in ("format", "stand-alone")
            for width in ("wide", "abbreviated") for number, name in locale.months[context][width].items()
            if name.rstrip(".")}
    return cldr | wordpress_months(lang)


@functools.lru_cache(maxsize=64)
def local_dates(lang: str) -> tuple[re.Pattern[str], ...]:
    """LOCAL_DATES with the months' names of the language of `lang`, and NUMBERED_DATE where it writes the day
    first; none where it has none beside English's."""
    # (the longest first: `marzec` before `mar`; a Persian page's solar Hijri months too)
    names = sorted(month_names(lang) | solar_hijri_months(lang), key=len, reverse=True)
    if not names:
        return ()
    alternatives = "|".join(re.escape(name) for name in names)
    named = tuple(re.compile(pattern.replace("NAMES", alternatives), re.IGNORECASE) for pattern in LOCAL_DATES)
    own = tuple(re.compile(pattern.replace("NAMES", alternatives), re.IGNORECASE) for pattern in _cldr_dates(lang, named))
    return named + own + ((re.compile(NUMBERED_DATE),) if _day_first(lang) else ())


def _cldr_dates(lang: str, named: tuple[re.Pattern[str], ...]) -> list[str]:
    """Patterns of the language's long and medium dates as CLDR writes them (see CLDR_TOKEN), with `NAMES` in place
    of its months' names, where the `named` ones do not read them; each letter of a literal may be left out
    (Basque's `(e)ko`, written `eko` or `ko`), and spaces may be more or none."""
    from babel.dates import format_date, get_date_format

    locale, months, found = _locale(lang), month_names(lang), []
    for width in ("long", "medium"):
        written = format_date(CLDR_SAMPLE, width, locale=locale)
        if not any((day := pattern.search(written)) and iso_day(day, months) == CLDR_SAMPLE.isoformat()
                   for pattern in named):
            found.append(_date_pattern(get_date_format(width, locale=locale).pattern))
    return list(dict.fromkeys(pattern for pattern in found if pattern))


def _date_pattern(cldr: str) -> str:
    """A CLDR date pattern as a regular expression, if it names the year, the day and the month by name (and no
    weekday or era); else ''."""
    parts, fields = [], set()
    for token in CLDR_TOKEN.finditer(cldr):
        quoted, letter = token.group(1), token.group(2)
        if letter is None:
            literal = quoted.replace("''", "'") if quoted is not None else token.group(0)
            parts.extend(r"\s*" if run.isspace() else f"{re.escape(run)}?" for run in LITERAL_RUN.findall(literal))
            continue
        field = CLDR_FIELDS.get(letter)
        if field is None or field in fields or (letter in "ML" and len(token.group(0)) < 3):
            return ""
        fields.add(field)
        parts.append(field)
    return r"(?<!\w)" + "".join(parts) + r"(?![0-9])" if len(fields) == 3 else ""


def _day_first(lang: str) -> bool:
    """Whether the language writes a date in numbers day first, as CLDR's short date says (`dd.MM.yy`)."""
    from babel.dates import get_date_format

    locale = _locale(lang)
    pattern = get_date_format("short", locale=locale).pattern if locale is not None else ""
    return "d" in pattern and "M" in pattern and pattern.index("d") < pattern.index("M") and not pattern.startswith("y")


def _dated_elements(article: HtmlElement, names: frozenset[str]) -> Iterator[HtmlElement]:
    for node in article.iter():
        if (isinstance(node.tag, str) and (node.tag == "time" or not names.isdisjoint(classes(node))
                                           or _in_header(node)) and not elsewhere(node)):
            yield node


def _in_header(node: HtmlElement) -> bool:
    """Whether the element is a theme's date of the post that counts only in the post's header (HEADER_DATES)."""
    headers = {HEADER_DATES[name] for name in classes(node) if name in HEADER_DATES}
    return bool(headers) and any(not headers.isdisjoint(classes(a)) for a in node.iterancestors())


def iso_day(found: re.Match[str], months: dict[str, int] | None = None,
            solar: dict[str, int] | None = None) -> str | None:
    """The day a text date names, as ISO 8601 (`2021-03-04`), or None where there is no such day. `months`: the
    numbers of the months' names in the page's language; `solar`: of the solar Hijri ones, on a Persian page,
    whose year outside the Gregorian ones is a solar Hijri year (script_dates)."""
    groups = found.groupdict()
    if solar and not gregorian(int(found["year"])):
        month = solar.get(groups["name"].lower(), 0) if groups.get("name") else int(groups.get("number") or 0)
        day = from_solar_hijri(int(found["year"]), month, int(found["day"]))
        return day.isoformat() if day else None
    if groups.get("name"):
        month = (months or {}).get(groups["name"].lower(), 0)
    else:
        month = int(groups["number"]) if groups.get("number") else MONTHS.index(groups["month"][:3].lower()) + 1
    try:
        year = int(found["year"])
        return datetime(year, month, int(found["day"])).date().isoformat() if gregorian(year) else None
    except ValueError:
        return None
