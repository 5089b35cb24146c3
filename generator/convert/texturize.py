"""WordPress's wptexturize: the curly quotes, apostrophes, dashes, ellipses and primes a page shows.

WordPress curls a post's title, text and excerpt as it shows them (`the_title`, `the_content` and `the_excerpt`
run wptexturize), so REST serves "It&#8217;s &#8220;done&#8221; &#8211; 9&#215;9", while an export and a database
hold what the author typed, "It's "done" - 9x9". An export's posts are curled as WordPress would show them, so that
a site reads the same from either.

As in WordPress, text inside `<pre>`, `<code>`, `<kbd>`, `<style>`, `<script>` and `<tt>`, tags, comments and
shortcode tags stay as they are; so do what `[code]`, `[latex]` and `[embed]` enclose (an embed's address is read
before WordPress curls the text) and Jetpack's `$latex …$`, which Jetpack reads first. Unlike WordPress, these stay
too: a page builder's raw HTML, MathML and SVG, web addresses in the text; and every tag shaped like a shortcode,
where WordPress leaves only those the site registers (a site's set is not known here, and the converter reads a
tag's attributes curled or not). The marks are the site's language's, as its WordPress translation gives them
(„…“ in German, « … » in French); a site in a language whose marks are not known here stays as typed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.convert import code_shortcodes

EN_DASH, EM_DASH = "&#8211;", "&#8212;"
# Marks standing for a quote whose kind is known before primes are told from closing quotes (WordPress's
# `<!--oq-->`…), and for the closing quotes of the language's marks; NUL never occurs in an export's text.
OQ_FLAG, OSQ_FLAG, APOS_FLAG, PRIME_FLAG = "\0oq\0", "\0osq\0", "\0apos\0", "\0pq\0"
CQ_FLAG, CSQ_FLAG = "\0cq\0", "\0csq\0"


@dataclass(frozen=True)
class Marks:
    """The marks a WordPress translation curls with (its strings "opening curly double quote"…), and the words it
    gives an apostrophe at their start or end (`'tis`; German's `'s`)."""
    open_q: str
    close_q: str
    open_sq: str
    close_sq: str
    apos: str = "&#8217;"
    prime: str = "&#8242;"
    double_prime: str = "&#8243;"
    words: tuple[str, ...] = ("'tain't", "'twere", "'twas", "'tis", "'twill", "'til", "'bout", "'nuff", "'round",
                              "'cause", "'em")


ENGLISH = Marks("&#8220;", "&#8221;", "&#8216;", "&#8217;")
# WordPress's translations of these strings (its .po files, 6.2's but where said), for the languages whose sites
# are most often mirrored (British English's are American English's); a site in another language keeps its text as
# typed, its marks unknown here.
LANGUAGES = {
    "de-de": Marks("&#8222;", "&#8220;", "&#8218;", "&#8216;", words=("'n", "'s")),
    "fr-fr": Marks("« ", " »", "&lsquo;", "&rsquo;", "&rsquo;", "&prime;", "&Prime;"),
    "es-es": Marks("«", "»", "&#8216;", "&#8217;", words=()),
    "it-it": Marks("&#8220;", "&#8221;", "&#8216;", "&#8217;",
                   words=("da'", "di'", "fa'", "sta'", "va'", "be'", "po'", "mo'", "a'", "de'", "co'")),
    "nl-nl": Marks("&#8220;", "&#8221;", "&#8216;", "&#8217;", words=("'s ", "'n ", "'t")),
    "ru-ru": Marks("&#171;", "&#187;", "&#8216;", "&#8217;"),  # (5.2's)
    "pt-br": ENGLISH,  # (as 3.5's translation has them)
    "zh-cn": ENGLISH,  # (as 7.1's translation has them; newer WordPress names the language `zh-Hans`)
    "zh-hans": ENGLISH,
    "de-at": Marks("&#8222;", "&#8220;", "&#8218;", "&#8216;", words=("'n", "'s")),  # (6.8's)
    "es-ar": Marks("&#8220;", "&#8221;", "&#8216;", "&#8217;", words=()),  # (6.4's)
    "es-co": Marks("&#8220;", "&#8221;", "&#8216;", "&#8217;", words=()),  # (6.7's)
    "cs-cz": Marks("&#8222;", "&#8220;", "&#8218;", "&#8216;",  # (6.1's)
                   words=("pad'", "nes'", "leh'", "moh'", "řek'", "ved'", "myslej'", "chtěj'", "maj'")),
    "pl-pl": Marks("&#8222;", "&#8221;", "'", "&#8217;"),  # (5.9's: its opening single quote stays straight)
    "ja": Marks("&#8220;", "&#8221;", "&#8216;", "&#8217;", words=()),  # (6.0's: its list holds curled words only)
    "vi": ENGLISH,  # (5.2's)
    "ro-ro": Marks("&#8222;", "&#8221;", "&#8216;", "&#8217;", words=()),  # (4.7's)
    "ko-kr": ENGLISH,  # (4.7's)
    "nb-no": Marks("&#171;", "&#187;", "&#8216;", "&#8217;"),  # (4.3's)
}


# WordPress.com names a site's language without its country (`it`, `de`, `no`): its translations are those of the
# language's own country (`it-it`), or of the one country these name.
BARE_CODES = {"cs": "cs-cz", "ko": "ko-kr", "nb": "nb-no", "no": "nb-no"}


def marks_for(language: str) -> Marks | None:
    """The marks of a site in `language` (an export's `<language>`, `en-US`, or WordPress.com's `it`; a dump's
    `WPLANG`, `de_DE`; empty for WordPress's default, English); None where they are not known."""
    code = language.strip().replace("_", "-").lower()
    if code in ("", "en") or code.startswith("en-"):
        return ENGLISH
    return LANGUAGES.get(code) or LANGUAGES.get(BARE_CODES.get(code, f"{code}-{code}"))

# WordPress's, and formulas and drawings, whose `-` is a minus the converter reads as TeX (convert/formulas.py).
SKIPPED_TAGS = frozenset({"pre", "code", "kbd", "style", "script", "tt", "math", "svg"})
SKIPPING_TAG = re.compile(rf"</?(?:{'|'.join(SKIPPED_TAGS)})\b", re.IGNORECASE)
# WordPress's own, and the raw HTML, script or code that page builders keep in a shortcode (WPBakery's is base64,
# which a `9x9` made `9&#215;9` would break); and code highlighters' (`[sourcecode]`, `[php]`: code_shortcodes),
# which the plugins keep from curling too.
SKIPPED_SHORTCODES = frozenset({"code", "latex", "embed", "vc_raw_html", "vc_raw_js", "et_pb_code", "raw"})

CLOSING_SHORTCODE = re.compile(r"\[/([\w-]+)\]")

# WordPress's pieces: a comment, a tag (to the next `>`, or the end), a shortcode's tag, and Jetpack's `$latex …$`;
# possessive, so that none searches again from each `<`, `[` or `$` left open. A shortcode's name opens with a
# lowercase letter, as the converter reads one (convert/shortcodes.py), or it is a code shortcode's in capitals
# (`[CODE]`, whose text stays as typed), or it is given attributes (`[HDquiz quiz="3"]`, kept as typed): other words
# in brackets (`[Update 3 May: "late" ferry]`) are text, curled, as WordPress curls them where no shortcode has
# their name. (Whether a `=` follows is looked for only up to the next bracket, so that each `[` left open is not
# searched from again.)
SHORTCODE_NAME = (rf"(?:[a-z_][\w-]*+|(?i:{code_shortcodes.NAMES}|{'|'.join(sorted(SKIPPED_SHORTCODES))})(?=[\s\]/])"
                  r"|[\w-]++(?=[^\[\]=]*+=))")
PIECE = re.compile(r"(<(?=!--)!(?:-(?!->)[^-]*+)*+(?:-->)?|<[^>]*+>?"
                   rf"|\[[/\[]?{SHORTCODE_NAME}(?=[\s\]/])(?:[^\[\]<>]++|<[^\[\]>]*+>)*+\]\]?"
                   r"|\$latex(?:=\s*+|\s++)(?:[^$\\]|\\.)*+\$)", re.DOTALL)

# The end of a link or of emphasis, after which the text goes on in the same word: `<em>It</em>'s`, `"<a>x</a>".`.
# WordPress (since its ticket 18549) reads a quote there as one after the word, not at the text's start.
INLINE_END = re.compile(r"</(?:a|abbr|b|cite|code|del|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|tt|u"
                        r"|var)\s*>", re.IGNORECASE)

# A web address in text, up to a space, a tag or a quote, and before the dots after it (an address cut short to
# `http://web...` ends in an ellipsis); and the mark it stands for while the text is curled: two NULs around a
# private-use character, which no rule reads as a letter, digit or space.
ADDRESS = re.compile(r"\b(?:https?|ftp)://[^\s<>\"']*[^\s<>\"'.]", re.IGNORECASE)
HELD_MARK = "\0\ue000\0"
HELD = re.compile(re.escape(HELD_MARK))

SPACES = r"(?:[\r\n\t ]|\xa0|&nbsp;)"
AFTER_SPACE = r"(?:(?<=[\r\n\t \xa0])|(?<=&nbsp;))"
NOT_AFTER_SPACE = r"(?<![\r\n\t \xa0])(?<!&nbsp;)"
ENDING = rf"(?=\Z|[.,:;!?)}}\-\]]|&gt;|{SPACES})"

APOSTROPHES = (
    (re.compile(rf"'(\d\d)'{ENDING}"), APOS_FLAG + r"\1" + CSQ_FLAG),  # '99' and '99": a year ending a quotation
    (re.compile(rf"'(\d\d)\"{ENDING}"), APOS_FLAG + r"\1" + CQ_FLAG),
    (re.compile(r"'(?=\d\d(?:\Z|(?![%\d]|[.,]\d)))"), APOS_FLAG),  # '99, but never '9, '99%, '999 or '99.0
    (re.compile(rf"(?:\A|{AFTER_SPACE})'(\d[.,\d]*)'"), OSQ_FLAG + r"\1" + CSQ_FLAG),  # a quoted number, '0.42'
    (re.compile(rf"(?:\A|(?<=[(\[{{\"-])|(?<=&lt;)|{AFTER_SPACE})'"), OSQ_FLAG),
    (re.compile(rf"{NOT_AFTER_SPACE}'(?!\Z|[.,:;!?\"'(){{}}\[\]\-]|&[lg]t;|{SPACES})"), APOS_FLAG),  # in a word
)
QUOTES = (
    (re.compile(rf"(?:\A|{AFTER_SPACE})\"(\d[.,\d]*)\""), OQ_FLAG + r"\1" + CQ_FLAG),  # "42"
    (re.compile(rf"(?:\A|(?<=[(\[{{-])|(?<=&lt;)|{AFTER_SPACE})\"(?!{SPACES})"), OQ_FLAG),
)
DASHES = (
    (re.compile(r"---"), EM_DASH),
    (re.compile(rf"(?:\A|{AFTER_SPACE})--(?=$|{SPACES})"), EM_DASH),
    (re.compile(r"(?<!xn)--"), EN_DASH),  # but an internationalised host's `xn--`
    (re.compile(rf"(?:\A|{AFTER_SPACE})-(?=$|{SPACES})"), EN_DASH),
)
# 9x9 is "times", but never 0x9999; ASCII, as PHP's \b.
TIMES = re.compile(r"\b(0[\d.,]+|[1-9][\d.,]*)x(\d[\d.,]*)\b", re.ASCII)


def texturize(html: str, marks: Marks = ENGLISH) -> str:
    """`html` as wptexturize shows it (see the module's note), with the language's marks."""
    if not html or not any(mark in html for mark in "'\"-.`x("):
        return html
    skipped_tags: list[str] = []
    skipped_shortcodes: list[str] = []
    closed = {name.lower() for name in CLOSING_SHORTCODE.findall(html)} if "[/" in html else set()
    pieces = PIECE.split(html)
    # The word a run of text goes on: across the end of a link or of emphasis, and after a word in brackets, read
    # as a shortcode's tag here but text to WordPress (`grep -v '[a-z]' |` closes its quote there).
    before = ""
    for index, piece in enumerate(pieces):
        if index % 2:  # a delimiter
            if piece[0] != "<" or SKIPPING_TAG.match(piece):  # (most are tags that change nothing)
                _push_or_pop(piece, skipped_tags if piece[0] == "<" else skipped_shortcodes, closed)
            before = (before if piece.startswith("</") and INLINE_END.fullmatch(piece)
                      else _word_end(piece) if _bracketed_word(piece) else "")
        elif piece.strip() and not skipped_tags and not skipped_shortcodes:
            pieces[index] = _curled_around_addresses(before + piece, marks)[len(before):]
        if not index % 2 and piece:
            before = _word_end(piece)
    return "".join(pieces)


def _curled_around_addresses(text: str, marks: Marks) -> str:
    """Text curled but for the web addresses in it, each standing for a mark meanwhile. WordPress curls an address
    in a post's text too (`/4x4-puzzle/` shows as `/4×4-puzzle/`), but a reader of the mirror follows it, and an
    embed's address, which WordPress reads before it curls, is text in an export (an embed block's)."""
    if "://" not in text:
        return curled(text, marks)
    addresses = iter(ADDRESS.findall(text))  # put back in order: curling neither adds nor drops a mark
    return HELD.sub(lambda _: next(addresses), curled(ADDRESS.sub(HELD_MARK, text), marks))


def _bracketed_word(delimiter: str) -> bool:
    """Whether a delimiter is a word in brackets (`[a-z]`, `[sic]`) rather than a shortcode's tag, which opens
    with attributes (`[caption id="1"]`) or closes (`[/caption]`); or Jetpack's `$latex …$`, a word in a sentence."""
    return delimiter[0] == "$" or (delimiter[0] == "[" and delimiter[1:2] != "/" and not any(c.isspace()
                                                                                           for c in delimiter))


def _word_end(text: str) -> str:
    """What text ending in `text` stands for to a quote after it: a word's end, a letter, after any mark but a space
    (`"John"` in `<em>"John"</em>'s`), so that the quote closes; even after a digit, where a quote closes code
    (`"<code>x = 0</code>"`) rather than stand for inches."""
    return "" if text[-1].isspace() else "a"


def _push_or_pop(delimiter: str, stack: list[str], closed: set[str]) -> None:
    """A tag or shortcode that turns curling off until it closes (WordPress's _wptexturize_pushpop_element). A
    shortcode only where its closing tag follows somewhere: `[Source]` in a sentence is no code highlighter's."""
    if delimiter[0] == "$" or delimiter.startswith(("<!--", "[[")) or delimiter.endswith("]]"):
        return
    closing = delimiter[1:2] == "/"
    name = delimiter[2 if closing else 1:].split(" ", 1)[0].rstrip(">]").lower()
    skipped = name in SKIPPED_TAGS if delimiter[0] == "<" else name in closed and (
        name in SKIPPED_SHORTCODES or code_shortcodes.NAME.fullmatch(name) is not None)
    if not skipped:
        return
    if not closing:
        stack.append(name)
    elif stack and stack[-1] == name:
        stack.pop()


def curled(text: str, marks: Marks = ENGLISH) -> str:
    """A run of text between tags, curled with the language's marks."""
    for typed, shown in _static(marks):
        text = text.replace(typed, shown)
    if "'" in text:
        text = _replaced(APOSTROPHES, text)
        text = primes(text, "'", marks.prime, OSQ_FLAG, CSQ_FLAG)
        text = text.replace(APOS_FLAG, marks.apos).replace(OSQ_FLAG, marks.open_sq).replace(CSQ_FLAG, marks.close_sq)
    if '"' in text:
        text = _replaced(QUOTES, text)
        text = primes(text, '"', marks.double_prime, OQ_FLAG, CQ_FLAG)
        text = text.replace(OQ_FLAG, marks.open_q)
    text = text.replace(CQ_FLAG, marks.close_q)  # (a year ending a quotation, '99", closes one without a `"` left)
    if "-" in text:
        text = _replaced(DASHES, text)
    if "x" in text:
        text = TIMES.sub(r"\1&#215;\2", text)
    return text


@functools.cache
def _static(marks: Marks) -> tuple[tuple[str, str], ...]:
    """WordPress's plain replacements: ellipses, TeX's quotes, the trade mark, and the language's words."""
    return (("...", "&#8230;"), ("``", marks.open_q), ("''", marks.close_q), (" (tm)", " &#8482;"),
            *((word, word.replace("'", marks.apos)) for word in marks.words))


def _replaced(rules: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def primes(text: str, needle: str, prime: str, open_flag: str, close_quote: str) -> str:
    """Each remaining `needle` as a prime (after a digit: 9' is nine feet) or a closing quote, sentence by
    sentence from each opening quote, as WordPress's wptexturize_primes tells them apart."""
    quote = re.compile(rf"{re.escape(needle)}{ENDING}")
    after_digit = re.compile(rf"(?<=\d){re.escape(needle)}")
    sentences = text.split(open_flag)
    for number, sentence in enumerate(sentences):
        if needle not in sentence:
            continue
        if number and close_quote not in sentence:
            sentence = _unclosed(sentence, quote, after_digit, prime, close_quote)
        else:
            sentence = quote.sub(close_quote, after_digit.sub(prime, sentence))
        if needle == '"':
            sentence = sentence.replace('"', close_quote)
        sentences[number] = sentence
    return open_flag.join(sentences)


def _unclosed(sentence: str, quote: re.Pattern[str], after_digit: re.Pattern[str], prime: str,
              close_quote: str) -> str:
    """A sentence after an opening quote that no closing quote ends yet: one candidate closes it; of several, one
    not after a digit does, else the last before a full stop, else the last."""
    sentence, count = quote.subn(PRIME_FLAG, sentence)
    if count == 1:
        return after_digit.sub(prime, sentence.replace(PRIME_FLAG, close_quote))
    if count > 1:
        sentence, closed = re.subn(rf"(?<!\d){re.escape(PRIME_FLAG)}", close_quote, sentence)
        if not closed:
            at = sentence.rfind(PRIME_FLAG + ".")
            at = at if at >= 0 else sentence.rfind(PRIME_FLAG)
            sentence = sentence[:at] + close_quote + sentence[at + len(PRIME_FLAG):]
        sentence = after_digit.sub(prime, sentence)
        sentence = re.sub(rf"(?<=\d){re.escape(PRIME_FLAG)}", prime, sentence)
        return sentence.replace(PRIME_FLAG, close_quote)
    return after_digit.sub(prime, sentence)


def capital_p(html: str, marks: Marks | None = ENGLISH, title: bool = False) -> str:
    """WordPress's capital_P_dangit, which its titles and text go through after they are curled: "Wordpress" as
    "WordPress", in a title wherever it stands, in text after a space, a tag, a bracket or an opening quote."""
    if "Wordpress" not in html:
        return html
    if title:
        return html.replace("Wordpress", "WordPress")
    for before in (" ", "&#8216;", marks.open_q if marks else "&#8220;", ">", "("):
        html = html.replace(before + "Wordpress", before + "WordPress")
    return html
