"""Text for the search index: a post's Markdown as plain text, folded and cut into words.

The browser folds the reader's query with the same steps (static/js/search.js, `fold` and `words`), and a
browser test holds the two equal over every assigned character, so a word matches whatever its case and
accents: NFKD splits "é" into "e" and a combining accent, and combining marks are then dropped, the accents
of Latin, Greek and Cyrillic, Arabic's short vowels and Hebrew's points alike, which readers type without.
The marks of the abugidas (ABUGIDA_BLOCKS: Indic scripts, Thai, Lao, Myanmar, Khmer, Tibetan...) are kept:
there a vowel sign or a virama is as much a letter as any other ("पत्र", a letter, is not "पात्र", a vessel),
so they stay in the word. Arabic script's letters written two ways fold to one (LETTER_VARIANTS), and every
decimal digit to its ASCII one: "٢٠١٧" is found by "2017".
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections import Counter
from itertools import filterfalse

# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, Japanese kana and the Han ideographs
# (as folding leaves them: NFKD makes halfwidth kana and compatibility ideographs of these). A run of them is
# a sentence, not a word, so it is indexed as overlapping pairs of characters (稀土价格 -> 稀土, 土价, 价格), as
# search engines' CJK bigrams do: a query's pairs then find the words inside a run, wherever they stand.
UNSPACED = ("\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
            "\uf900-\ufaff\U00020000-\U0003134f")
_UNSPACED = re.compile(f"[{UNSPACED}]")
_PIECES = re.compile(f"[{UNSPACED}]+|[^{UNSPACED}]+")
# Markdown's syntax, removed so that it neither shows in snippets nor becomes words: heading ids `{#id}`,
# link and image targets, HTML tags, and the marks of emphasis, headings, quotes, lists and tables.
_ATTRIBUTES = re.compile(r"\{#[^{}\n]*+\}")  # (no "{" inside: a line of "{#" with no "}" is read once)
# (Possessive: no run it matches could end where what follows it may start, so giving characters back, which
# the pattern engine tries at every "[" that starts no link, never finds another match: three times faster. A
# link's text stops at the next "[": a line of "[" that start no link is then read once, not once per "[".)
_TARGETS = re.compile(r"\[([^\[\]\n]*+)\]\((?:[^()\s]++|\([^()\s]*+\))*+(?:\s++\"[^\"\n]*+\")?\)")
_TAGS = re.compile(r"<[^>\n]{0,500}>")
# (Each line's marks are found after its newline, a literal that the pattern engine looks for much faster than
# for the start of a line: the text is given a newline first, which the substitution keeps.)
_BLOCK_MARKS = re.compile(r"\n[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+"
                          r"|[-*_=|: \t]{3,}(?=\n|\Z))")
_INLINE_MARKS = "*_`~|\\"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
SHORT_RUN = 16  # characters of a run outside ASCII that are tested for marks one by one (see _drop_marks)
# The blocks of the scripts whose marks are letters, which folding keeps: abugidas, where a consonant carries
# its vowel as a mark (a vowel sign, spacing or not) and a virama or asat takes it away, and where tone marks
# and nuktas are as much part of the spelling (the Brahmic scripts of South and Southeast Asia, Indonesia and
# the Philippines: Devanagari to Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer, Balinese, Javanese..., Brahmi and
# Kharoshthi; Thaana, whose vowels are always written as marks; Miao). Lucene's ICU folding (UTR #30) drops
# viramas, nuktas and Thai tone marks with the other diacritics; here they stay, as a query written with them
# means them. The marks of every other block go, Arabic's harakat and Hebrew's niqqud among them.
ABUGIDA_BLOCKS = ((0x0780, 0x07BF), (0x0900, 0x0DFF), (0x0E00, 0x0FFF), (0x1000, 0x109F), (0x1700, 0x17FF),
                  (0x1900, 0x1AAF), (0x1B00, 0x1C4F), (0xA800, 0xAAFF), (0xABC0, 0xABFF), (0x10A00, 0x10A5F),
                  (0x11000, 0x11FFF), (0x16F00, 0x16F9F))
# Joiners, which fold away as marks do: Persian writes a half-space (ZWNJ) inside words (می‌خواهم), which a
# query typed without one must find, and Indic scripts use both to choose a letter's shape, not another word.
JOINERS = "\u200c\u200d"
# Arabic script's letters that one word is written with either way, to one: the tatweel (ـ), which stretches a
# word to justify or adorn it (an Arabic news site's "جحــيم" is "جحيم"), goes; Arabic's yeh and alef maksura
# and Persian's yeh, which Persian text typed on Arabic keyboards mixes (and Egyptian text writes either at a
# word's end), are one; so are Arabic's and Persian's kaf, and teh marbuta and heh, which readers type for it.
LETTER_VARIANTS = {0x0640: None, 0x064A: "\u06cc", 0x0649: "\u06cc", 0x0643: "\u06a9", 0x0629: "\u0647"}


class _Variants(dict[int, "int | str | None"]):
    """LETTER_VARIANTS, and every decimal digit (Arabic-Indic, Persian, Devanagari, Bengali, Thai...) to its
    ASCII one, found as str.translate meets each character and remembered."""

    def __missing__(self, code: int) -> int | str:
        char = chr(code)
        found: int | str = str(unicodedata.decimal(char)) if unicodedata.category(char) == "Nd" else code
        self[code] = found
        return found


_VARIANTS = _Variants(LETTER_VARIANTS)
# ASCII spaces and punctuation, as bytes, each to a space: no word of the folded text spans one of them; and ASCII
# capitals to small letters (bytes.lower) in the same pass.
_SEPARATORS = bytes([*range(0x30), *range(0x3a, 0x41), *range(0x5b, 0x61), *range(0x7b, 0x80)])
_LOWERED_WORDS = bytes.maketrans(_SEPARATORS + bytes(range(0x41, 0x5b)),
                                 b" " * len(_SEPARATORS) + bytes(range(0x61, 0x7b)))


def _ranges(chars: list[str]) -> list[str]:
    spans: list[list[int]] = []
    for code in map(ord, chars):
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return [re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans]


# The marks folding keeps: those of ABUGIDA_BLOCKS this Python's Unicode tables know (1,221; found in 0.01 s).
LETTER_MARKS = frozenset(c for first, last in ABUGIDA_BLOCKS for c in map(chr, range(first, last + 1))
                         if unicodedata.category(c)[0] == "M")
# A word is a run of letters, digits and kept marks once folded: Python's alphanumerics, which are Unicode's L
# and N categories, and LETTER_MARKS, as the browser's WORD has them. (No kept mark is alphanumeric, so the
# two kinds of run alternate and the pattern never backtracks.)
WORD = re.compile(f"(?:[^\\W_]+|[{''.join(_ranges(sorted(LETTER_MARKS)))}]+)+")


def fold(text: str) -> str:
    """Lowercase without accents, for matching: "Ärger Éco" -> "arger eco", "क्षत्रिय" as it is.

    Decomposed before lowering (compatibility forms such as "㎆" hold capitals) and again after (lowering
    "İ" gives a combining dot); then combining marks go but LETTER_MARKS. A final sigma becomes a plain one,
    which a query typed in capitals has; the joiners (JOINERS) go with the marks.
    """
    lowered = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).lower())
    # Marks follow letters outside ASCII only; looking for them just there is ten times faster.
    return _NON_ASCII.sub(_drop_marks, lowered).replace("ς", "σ")


def _drop_marks(run: re.Match[str]) -> str:
    """A short run (an accent, a curly quote: most of what Latin-script news holds) is tested character by
    character, which spares a build that meets no long run the 0.15-0.6 s of making the table of marks."""
    text = run.group()
    if len(text) <= SHORT_RUN:
        return "".join(c for c in text if (unicodedata.category(c)[0] != "M" or c in LETTER_MARKS)
                       and c not in JOINERS).translate(_VARIANTS)
    return _marks().sub("", text).translate(_VARIANTS)


def words(folded: str) -> list[str]:
    found = WORD.findall(folded)
    if folded.isascii() or _UNSPACED.search(folded) is None:
        return found
    return [part for word in found for piece in _PIECES.findall(word) for part in _pairs(piece)]


def _pairs(piece: str) -> list[str]:
    """A run of an unspaced script as overlapping pairs, then its last character alone, which begins no pair
    (so that one character typed finds every place it stands: 猫 in 我喜欢猫); one character alone stays itself;
    any other piece of a word (the Latin letters of "iphone手机") as it is."""
    if len(piece) < 2 or _UNSPACED.match(piece) is None:
        return [piece]
    return [*(piece[i:i + 2] for i in range(len(piece) - 1)), piece[-1]]


def unspaced(word: str) -> bool:
    """Whether a word is a pair (or a lone character) of an unspaced script."""
    return _UNSPACED.match(word) is not None


def word_counts(text: str) -> Counter[str]:
    """Counter(words(fold(text))), made several times as fast: the text is cut into runs between ASCII spaces
    and punctuation by C code (on bytes, which one translation table lowers and cuts without a pattern, then
    split), and each distinct run is folded once; a run that is all ASCII is a word once lowered, as folding
    works character by character and ASCII spaces and punctuation are part of no word. Lowering only the ASCII
    letters (as bytes.lower does, far cheaper than str.lower) gives the words folding gives (a test holds it for
    every character): a run with any other letter is folded whole, and folding lowers every letter."""
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which no word holds
        return Counter(words(fold(text)))
    # (The translation leaves every byte of a character outside ASCII as it was, so the bytes decode.)
    counts = Counter(encoded.translate(_LOWERED_WORDS).decode("utf-8").split())
    # Every such run is taken out before any is split: a word one run makes may be another run ("中文" is a
    # pair of "，中文" and a run of its own), which must be split once, not again with what was added to it.
    foreign = {run: counts.pop(run) for run in [*filterfalse(str.isascii, counts)]}
    for run, count in foreign.items():
        for word in _chunk_words(run):
            counts[word] += count
    return counts


def word_set(text: str) -> dict[str, None]:
    """The distinct words of fold(text), in word_counts' order, for short texts: without counting them."""
    if not text.isascii():
        return dict.fromkeys(word_counts(text))
    return dict.fromkeys(text.encode().translate(_LOWERED_WORDS).decode().split())


@functools.lru_cache(maxsize=1 << 16)
def _chunk_words(chunk: str) -> list[str]:
    """(A pure function, remembered: runs such as "China’s" recur from post to post.)"""
    return words(fold(chunk))


def markdown_text(markdown: str) -> str:
    """The readable text of a post's Markdown on one line: what a snippet shows, with link and image
    targets, heading ids, tags and markup removed, and image descriptions kept."""
    text = _ATTRIBUTES.sub(" ", markdown)
    # (Links and images alike: "[" is a literal for the pattern to look for, which "!?[" would not be. The
    # pattern's one group is the link's text, which split keeps between the pieces: no call per link.)
    text = "".join(_TARGETS.split(text.replace("![", "[")))
    if "<" in text:
        text = _TAGS.sub(" ", text)
    text = _drop_inline_marks(_BLOCK_MARKS.sub("\n", "\n" + text))
    return " ".join(text.split())


def _drop_inline_marks(text: str) -> str:
    """Emphasis and code marks (runs of _INLINE_MARKS) go; between two letters or digits (snake_case, a|b)
    they part two words. The marks are found with str.find, whose scan is far faster than a pattern's (a
    fifth of the time of the substitution it replaces): a post holds a few dozen in thousands of characters."""
    pieces, kept = [], 0
    for start in sorted(_positions(text, _INLINE_MARKS)):
        if start < kept:  # in the run just dropped
            continue
        end = start + 1
        while end < len(text) and text[end] in _INLINE_MARKS:
            end += 1
        inner = 0 < start and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
        pieces += (text[kept:start], " " if inner else "")
        kept = end
    return "".join(pieces) + text[kept:]


def _positions(text: str, chars: str) -> list[int]:
    """Where each of `chars` is in `text`, in no order."""
    found = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    return found


@functools.cache
def _marks() -> re.Pattern[str]:
    """Every combining mark (category M*) this Python's Unicode tables know but LETTER_MARKS, and the joiners,
    as one class: matched in C, it is about forty times faster than testing each character (made once, in
    0.15 s)."""
    marks = [c for c in map(chr, range(sys.maxunicode + 1))
             if (unicodedata.category(c)[0] == "M" and c not in LETTER_MARKS) or c in JOINERS]
    return re.compile("[" + "".join(_ranges(marks)) + "]+")

