"""Which way text runs: right to left in the scripts written so (Arabic, Hebrew, Syriac, Thaana, N'Ko, ...).

A browser does not infer it from `lang`: a page of Arabic needs `dir="rtl"`, or its lines start at the left
and its punctuation lands at the wrong end. WordPress sets it from the site's locale; a mirror sets it from
`site.language`, and on a post whose own text runs the other way (an English post on an Arabic site, or the
reverse), from that text.
"""

from __future__ import annotations

import re

# Primary language subtags written right to left by default, in BCP 47 and WordPress locales (fa_IR, ckb).
RTL_LANGUAGES = frozenset({
    "ar", "arc", "azb", "bal", "bqi", "ckb", "dv", "fa", "glk", "haz", "he", "iw", "ji", "khw", "ks", "lrc",
    "mzn", "nqo", "pnb", "prs", "ps", "sd", "sdh", "skr", "syr", "ug", "ur", "yi",
    # Spoken Arabic, which WordPress has locales for (ary: Morocco) and sites tag: Egypt, Tunisia, the Levant,
    # Iraq, the Gulf, Sudan, Libya, Algeria, Hejaz, Najd, Yemen; and Southern Balochi, Persian, Eastern Yiddish.
    "ary", "arz", "aeb", "apc", "ajp", "acm", "afb", "apd", "ayl", "arq", "acw", "ars", "ayn", "bcc", "pes", "ydd",
})
# Script subtags (ISO 15924) written right to left, which decide over the language: "az-Arab", "ks-Deva".
RTL_SCRIPTS = frozenset({"adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi"})
# Letters of the right-to-left blocks: Hebrew to N'Ko and Samaritan to Arabic Extended, the presentation
# forms, and the historic and Adlam planes' right-to-left ranges.
RTL_LETTER = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0700-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
                        "\U00010800-\U00010fff\U0001e800-\U0001efff]")
LETTER = re.compile(r"[^\W\d_]")


def of_language(tag: str) -> str:
    """"rtl" or "ltr" for a language tag, written with hyphens (BCP 47) or underscores (WordPress)."""
    subtags = tag.strip().replace("_", "-").lower().split("-")
    script = next((s for s in subtags[1:] if len(s) == 4 and s.isalpha()), None)
    if script is not None:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    return "rtl" if subtags[0] in RTL_LANGUAGES else "ltr"


def of_text(text: str) -> str | None:
    """"rtl" when more than 40% of the text's words begin with a letter of a right-to-left script, "ltr" when
    fewer do, and None when it has no words of letters (a title such as "2024").

    Words, not letters, and 40%, not half (as Closure's bidi.estimateDirection weighs them): Arabic, Persian and
    Hebrew text is full of Latin names, brands and code (`STM32G0xx_HAL_Driver`), whose letters outnumbered the
    words around them and ran a post in Arabic left to right; English text seldom holds Arabic or Hebrew."""
    if text.isascii() and "://" not in text:  # (an address is no word: see below)
        return "ltr" if any(c.isalpha() for c in text) else None
    if RTL_LETTER.search(text) is None:
        # No word can begin with a right-to-left letter: the text runs left to right if it has a word of letters.
        # (Most non-ASCII titles and summaries are Latin with a curly quote; this is the word loop's answer for
        # them, found at their first word instead of after testing every word.)
        return "ltr" if any(LETTER.search(word) and "://" not in word for word in text.split()) else None
    return by_words(text)


def by_words(text: str) -> str | None:
    """of_text, word by word."""
    rtl = words = 0
    for word in text.split():
        first = LETTER.search(word)  # (digits and punctuation of the Arabic block are not letters)
        if first is None or "://" in word:  # an address runs left to right in any text
            continue
        words += 1
        rtl += RTL_LETTER.match(first.group()) is not None
    if not words:
        return None
    return "rtl" if rtl > words * 0.4 else "ltr"


def same_language(tag: str, page_tag: str) -> bool:
    """Whether text tagged `tag` needs no tag of its own on a page tagged `page_tag`: none said, or the same,
    or a tag the page's narrows ("en" on an "en-US" page) or that narrows the page's."""
    if not tag:
        return True
    a, b = (t.strip().replace("_", "-").lower() for t in (tag, page_tag))
    return a == b or b.startswith(a + "-") or a.startswith(b + "-")


def differing(text: str, page_direction: str) -> str:
    """The direction of `text` where it differs from the page's, else "" (the text takes the page's)."""
    found = of_text(text)
    return found if found is not None and found != page_direction else ""


def heading_direction(text: str) -> str:
    """The `dir` of a title: "auto" (its first strong letter's way, as the browser finds it) unless it holds
    letters of both ways, where it runs the way more of its words begin, "auto" for as many. An Arabic news site's
    "Red One يفاجئ الجميع من المغرب, يعود للغناء" ran left to right from its first two words, which put the
    sentence's parts in the wrong order; "score" or "Auto Hall" alone still run as they begin. (A plain majority,
    not of_text's 40%, which leans to right to left for bodies full of Latin names: an English site's "Eid
    al-Fitr: عيد مبارك" stays as it begins.)"""
    if text.isascii() or RTL_LETTER.search(text) is None:
        return "auto"
    rtl = ltr = 0
    for word in text.split():
        first = LETTER.search(word)
        if first is None or "://" in word:  # (an address runs left to right in any text)
            continue
        if RTL_LETTER.match(first.group()):
            rtl += 1
        else:
            ltr += 1
    return "auto" if not ltr or not rtl or rtl == ltr else "rtl" if rtl > ltr else "ltr"
