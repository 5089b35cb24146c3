"""What a site's posts say of the site where the input does not: its language and its name.

WordPress names its language only in an export's `<language>` and in /wp/v2/settings, which asks for a login: a
crawl of a site's public REST API seldom holds either, and the mirror of a Japanese or Arabic site then spoke
English (the theme's words, its dates, `<html lang="en" dir="ltr">`). Two clues stand in, in this order:

- what SEO plugins write into each post they serve: Yoast's and All in One SEO's schema `inLanguage` (the site's
  own language tag) and their Open Graph locale (`og:locale`, `ru_RU`), from the JSON fields or the `<head>` HTML
  they add (`yoast_head_json`, `aioseo_head_json`, `yoast_head`, `rank_math_head`...), when most posts that carry
  one agree;
- the posts' own text: a script that one language writes (kana, hangul, Thai, Greek, Georgian...), or one whose
  letters tell its languages apart (Persian's گ and پ, Urdu's ے, Ukrainian's і and є, Russian's ы and э,
  Bulgarian's ъ, Serbian's ђ and ћ, Macedonian's ѓ and ќ), or, in Latin and Devanagari script, the short words
  each language uses most, when one language has clearly more; languages that share those words (Danish and
  Norwegian, Indonesian and Malay, Croatian and Serbian) by the words only one of them writes.

Any doubt (Cyrillic with none of those letters, Latin text of a language not listed, two languages close and
nothing in the text to tell them apart) names none, and the site stays English, as before. The site's name is the one those plugins
give as its Open Graph site name (`og_site_name`), which a crawl's header and feeds then show rather than a
generic "News mirror".
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

TEXT_POSTS = 200  # posts whose text is read: far more words than a language needs, at a fixed cost
RAW_CHARS = 15_000  # characters of each post's HTML looked at
TEXT_CHARS = 3000  # characters of its text read
MOST = 0.5  # share of the posts with an SEO tag that must agree on one
SCRIPT_SHARE = 0.3  # share of the letters a script must hold to name the site's language
MIN_WORDS = 30  # function words the leading language must have been seen with
WORD_SHARE = 0.04  # and their share of all words of its script
LEAD = 2.0  # times the next language's count

# Schema.org's inLanguage and Open Graph's locale, as plugins write them into JSON fields or their <head> HTML.
_IN_LANGUAGE = re.compile(r'\\?"inLanguage\\?"\s*:\s*\\?"([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\\?"')
_OG_LOCALE = re.compile(r'og:locale\\?["\']\s+content=\\?["\']([A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})*)')
HEAD_FIELDS = ("yoast_head", "aioseo_head", "rank_math_head", "seopress_head")
JSON_FIELDS = (("yoast_head_json", "og_locale"), ("aioseo_head_json", "og:locale"))
_OG_SITE_NAME = re.compile(r'og:site_name\\?["\']\s+content=\\?["\']([^"\'<>\\]{1,300})')
_OG_VALUE = re.compile(r"[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})*")
# Regions Facebook's list of locales made up, which Open Graph locales must name: not the site's.
PSEUDO_REGIONS = {("ar", "AR"), ("es", "LA"), ("en", "UD"), ("en", "PI")}
# (Each stopped by the character it starts with, or bounded, so that no input makes them slow.)
_TAG = re.compile(r"<[^<>]*+>")
_SHORTCODE = re.compile(r"\[[^\[\]]*+\]")
_ADDRESS = re.compile(r"[A-Za-z0-9+.-]{0,20}://\S*")

# Scripts whose letters name one language, or name one once told apart (see _resolve).
SCRIPTS = {
    "cjk": "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "hangul": "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f",
    "arabic": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe",
    "hebrew": "\u05d0-\u05f2",
    "cyrillic": "\u0400-\u04ff",
    "greek": "\u0370-\u03ff\u1f00-\u1fff",
    "thai": "\u0e00-\u0e7f",
    "lao": "\u0e80-\u0eff",
    "khmer": "\u1780-\u17ff",
    "myanmar": "\u1000-\u109f",
    "georgian": "\u10a0-\u10ff",
    "armenian": "\u0531-\u058f",
    "bengali": "\u0980-\u09ff",
    "gurmukhi": "\u0a00-\u0a7f",
    "gujarati": "\u0a80-\u0aff",
    "tamil": "\u0b80-\u0bff",
    "telugu": "\u0c00-\u0c7f",
    "kannada": "\u0c80-\u0cff",
    "malayalam": "\u0d00-\u0d7f",
    "sinhala": "\u0d80-\u0dff",
    "devanagari": "\u0900-\u097f",
    "latin": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff",
}
# A Chinese character or a Korean syllable says about what three Latin letters say.
WEIGHT = {"cjk": 3, "hangul": 3}
ONE_LANGUAGE = {"hangul": "ko", "hebrew": "he", "greek": "el", "thai": "th", "lao": "lo", "khmer": "km",
                "myanmar": "my", "georgian": "ka", "armenian": "hy", "gurmukhi": "pa", "gujarati": "gu",
                "tamil": "ta", "telugu": "te", "kannada": "kn", "malayalam": "ml", "sinhala": "si"}
_SCRIPT = {name: re.compile(f"[{letters}]") for name, letters in SCRIPTS.items()}
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# Letters that tell the languages of one script apart, and those of languages no rule here names (a text with
# more than a trace of them names none).
MARKS = {
    "kana": "\u3040-\u30ff\u31f0-\u31ff",
    # Common characters that Traditional and Simplified Chinese write each their own way (們/们, 這/这, 說/说).
    "traditional": "們這會說國時來個為學與發對經電開關長門問間見車東業實現點當體動種從還讓頭樣",
    "simplified": "们这会说国时来个为学与发对经电开关长门问间见车东业实现点当体动种从还让头样",
    "persian": "\u067e\u0686\u0698\u06af",  # پ چ ژ گ, which Arabic has not
    "urdu": "\u0679\u0688\u0691\u06ba\u06d2",  # ٹ ڈ ڑ ں ے
    "arabic-other": "\u0681\u0685\u0689\u0693\u0695\u0696\u069a\u06ab\u06b5\u06c6\u06c7\u06ce\u06d0",  # Pashto, Kurdish, Uyghur
    "ukrainian": "\u0456\u0457\u0454\u0491\u0406\u0407\u0404\u0490",  # і ї є ґ
    "russian": "\u044b\u044d\u042b\u042d",  # ы э
    "bulgarian": "\u044a\u042a\u045d",  # ъ, which Bulgarian writes in one word in five and Russian seldom; ѝ
    "serbian": "\u0452\u045b\u0402\u040b",  # ђ ћ
    "macedonian": "\u0453\u045c\u0455\u0403\u040c\u0405",  # ѓ ќ ѕ
    "south-slavic": "\u0458\u0459\u045a\u045f\u0408\u0409\u040a\u040f",  # ј љ њ џ, Serbian's and Macedonian's
    "cyrillic-other": "\u045e\u04d9\u0493\u049b\u04a3\u04e9\u04b1\u04af\u04bb\u0497",  # Belarusian, Kazakh, Tatar...
    "yiddish": "\u05f0-\u05f2",
    "assamese": "\u09f0\u09f1",
}
_MARK = {name: re.compile(f"[{letters}]") for name, letters in MARKS.items()}
# The short words each language writes most and its neighbours seldom (words two of them share, `de`, `en`, `la`,
# `que`, are left out): counted over many posts, the language of the text has far more than any other. Languages
# that share their commonest words (Danish and Norwegian, Indonesian and Malay, Croatian, Serbian and Bosnian)
# are counted together under one entry, then told apart by TELLS.
FUNCTION_WORDS = {
    "en": "the and of to that with was for this are from have it by which",
    "es": "los las y para pero más también sus muy hay cuando hasta donde sin fue así hoy según tras años dijo "
          "nuevo nueva otro otros otra puede mismo",
    "fr": "les des et est une dans du pour qui sur au pas avec ce sont",
    "de": "der und das ist nicht mit sich auf dem ein eine zu von auch im",
    "it": "della che di gli per sono non nel alla delle anche dei è",
    "pt": "os não dos em um uma com é também ao pelo pela foi sua",
    "nl": "het een van dat op niet met voor zijn ook worden wordt bij naar",
    "pl": "się nie że jest w z jak przez oraz być już dla",
    "tr": "ve bir bu için ile çok olarak daha gibi olan",
    "vi": "của và có là được trong cho những với không người này các một",
    "sv": "och att är för inte också mycket",
    "ro": "și în din cu pe mai sunt fost",
    "hu": "és hogy az egy nem meg volt mint",
    "cs": "jsou jako pro není také může nebo byl který která které kteří podle velmi ještě když jen jsme jsem",
    "sk": "sú ako pre tiež môže alebo bol bola boli aj ktoré ktorý ktorá ktorí ktorého podľa veľmi ešte keď len sme",
    "ca": "els amb dels aquest aquesta però més també perquè molt seva seus seves són hi ho pel tots totes",
    "fi": "että oli mutta myös tai ovat joka sekä ole olla kanssa ei",
    "sw": "wa kwa katika kuwa hii pia lakini hiyo ambao ambayo",
    "tl": "ng ay hindi siya niya nila ngunit naman nang",
    "da nb nn": "og også til å ikke jeg hvordan kun hvis ikkje eg korleis berre",
    "id ms": "dan yang ini itu dengan untuk dari dalam tidak akan pada adalah juga",
    "hr sr-Latn bs": "u koji koja koje kao nije će ili još već što šta ali bio bila bilo jer zbog prema sve ima kada "
                     "nakon dok smo",
    "hi": "है में के की और से का हैं",
    "mr": "आहे आणि या व होते",
    "ne": "छ र गर्न भएको छन्",
}
# The words that tell apart the languages of one entry above, each's own (Bosnian has none that Croatian or Serbian
# lacks, so it is never named; Serbian in Latin letters is told by its ekavian words, `gde`, `vreme`, `deo`, which
# Montenegrin, Bosnian and Croatian write `gdje`, `vrijeme`, `dio`).
TELLS = {
    "da": "af hvad nogen nogle noget mellem efter bliver ud siger vores hende gøre",
    "nb": "av etter noen noe hva mye ble enn sier nå gjøre",  # Nynorsk writes some of these too; its own words tell
    "nn": "ikkje eg kva frå mykje nokon noko vart eit dei seier berre korleis",
    "id": "karena bahwa bisa yaitu setelah saja tapi mau berbagai informasi kegiatan layanan silakan agar yakni "
          "pemerintah kualitas fasilitas aktivitas",
    "ms": "kerana bahawa boleh iaitu selepas sahaja mahu ialah pelbagai maklumat perkhidmatan sila kerajaan kualiti "
          "kemudahan aktiviti",
    "hr": "tko tisuća tisuće tijekom tjedan tjedna sveučilište glazba uvjeti uvjeta proračun proračuna sudjelovanje "
          "znanosti nogomet razini razine gospodarstvo gospodarstva glede europe europski europske europskih europska "
          "europsku europskoj europskog siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada "
          "studenoga prosinca",
    "sr-Latn": "gde posle pre uvek vreme vremena mesto mesta deo delu reč reči primer vesti dece deca dete veka "
               "sednica sednice sednici predsednik predsednika predsednica mesec meseca meseci verujem zahtev "
               "zahteve ovde cena cene razumeo hteo",
}
MIN_TELLS = 5  # tells the leading language of an entry must have been seen with
_TELL_LANGUAGES: dict[str, str] = {w: lang for lang, words in TELLS.items() for w in words.split()}
_WORD_LANGUAGES: dict[str, str] = {w: lang for lang, words in FUNCTION_WORDS.items() for w in words.split()}
WORDS_OF = {"latin": {"en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr", "vi", "sv", "ro", "hu", "cs", "sk", "ca",
                      "fi", "sw", "tl", "da nb nn", "id ms", "hr sr-Latn bs"},
            "devanagari": {"hi", "mr", "ne"}}
# Letters, and the marks inside words that `\w` leaves out: Devanagari's vowel signs and virama (है, गर्न), and
# accents typed as combining characters.
_WORD = re.compile(r"(?:[^\W\d_]|[\u0900-\u0963\u0970-\u097f\u0300-\u036f])+")


@dataclass(frozen=True)
class Guess:
    tag: str  # a BCP 47 tag
    why: str  # what said so, for the import's note


@dataclass
class LanguageClues:
    """What the posts of an import say of their site's language, gathered post by post (see the module's docstring)."""

    tags: Counter[str] = field(default_factory=Counter)  # posts per SEO language tag
    tagged: int = 0  # posts with one
    letters: Counter[str] = field(default_factory=Counter)  # letters per script, then per MARKS
    words: Counter[str] = field(default_factory=Counter)  # every word read, lowered
    read: int = 0  # posts whose text was read

    def add(self, post: Mapping[str, Any]) -> None:
        tag = seo_language(post)
        if tag:
            self.tags[tag] += 1
            self.tagged += 1
        if self.read < TEXT_POSTS:
            self.read += 1
            self._read_text(_text(post))

    def _read_text(self, text: str) -> None:
        """Letters counted by script and words by themselves, by C code: a Python step per character or word
        cost a second at 10,000 posts. ASCII letters are what deleting them takes away."""
        ascii_part = text.encode("ascii", "ignore")
        self.letters["latin"] += len(ascii_part) - len(ascii_part.translate(None, ASCII_LETTERS))
        if not text.isascii():
            others = "".join(_NOT_ASCII.findall(text))
            for name, letters in _SCRIPT.items():
                self.letters[name] += len(letters.findall(others))
            for name, letters in _MARK.items():
                self.letters["mark:" + name] += len(letters.findall(others))
        self.words.update(_WORD.findall(text.lower()))

    def guess(self) -> Guess | None:
        """The language the clues name, or None where they name none for sure."""
        if self.tagged:
            tag, count = max(self.tags.items(), key=lambda kv: (kv[1], kv[0]))
            if count > MOST * self.tagged:
                return Guess(tag, f"the SEO tags of {count} of the {self.tagged} posts that have one say so")
        return self._by_text()

    def _by_text(self) -> Guess | None:
        weight = {name: self.letters[name] * WEIGHT.get(name, 1) for name in SCRIPTS}
        total = sum(weight.values())
        if not total:
            return None
        script = max(SCRIPTS, key=lambda name: (weight[name], name))
        if weight[script] < SCRIPT_SHARE * total:
            return None
        tag = self._resolve(script)
        return None if tag is None else Guess(tag, f"most of the posts' text is written in {_NAMES.get(tag, tag)}")

    def _resolve(self, script: str) -> str | None:
        if script in ONE_LANGUAGE:
            return ONE_LANGUAGE[script]
        if script in WORDS_OF:
            return self._by_words(script)
        share = {name: self.letters["mark:" + name] / self.letters[script] for name in MARKS}
        if script == "cjk":
            return "ja" if share["kana"] > 0.05 else _chinese(share["traditional"], share["simplified"])
        if script == "arabic":
            if share["arabic-other"] > 0.005:
                return None
            return "ur" if share["urdu"] > 0.01 else "fa" if share["persian"] > 0.005 else "ar"
        if script == "cyrillic":
            return _cyrillic(share)
        if script == "bengali":
            return None if share["assamese"] > 0.002 else "bn"
        return None

    def _by_words(self, script: str) -> str | None:
        seen, counts = 0, Counter({language: 0 for language in WORDS_OF[script]})
        for word, count in self.words.items():
            if _SCRIPT[script].match(word):
                seen += count
                language = _WORD_LANGUAGES.get(word)
                if language in counts:
                    counts[language] += count
        (best, language), (second, _) = sorted(((n, lang) for lang, n in counts.items()), reverse=True)[:2]
        if best >= MIN_WORDS and best >= WORD_SHARE * seen and best >= LEAD * second:
            return self._told_apart(language) if " " in language else language
        return None

    def _told_apart(self, languages: str) -> str | None:
        """The one of languages alike whose own words the text has: at least MIN_TELLS of them, and LEAD² times
        the next one's (a Danish text quotes a Norwegian word, a Malaysian one says `bisa`); else none."""
        counts = Counter({language: 0 for language in languages.split()})
        for word, count in self.words.items():
            language = _TELL_LANGUAGES.get(word)
            if language in counts:
                counts[language] += count
        (best, language), (second, _) = sorted(((n, lang) for lang, n in counts.items()), reverse=True)[:2]
        return language if best >= MIN_TELLS and best >= LEAD * LEAD * second else None


def _cyrillic(share: Mapping[str, float]) -> str | None:
    """The language of Cyrillic text by the letters only it writes: Serbian's ђ ћ, Macedonian's ѓ ќ ѕ (both with
    ј љ њ џ), Ukrainian's і ї є ґ, Russian's ы э, Bulgarian's many ъ without ы; none for a mix or another's."""
    if share["cyrillic-other"] > 0.003:
        return None
    if share["serbian"] + share["macedonian"] + share["south-slavic"] > 0.003:
        if share["russian"] + share["ukrainian"] + share["bulgarian"] > 0.003:
            return None
        serbian, macedonian = share["serbian"], share["macedonian"]
        return "sr" if serbian > 0.0005 and serbian > 4 * macedonian else (
            "mk" if macedonian > 0.0005 and macedonian > 4 * serbian else None)
    if share["ukrainian"] > 0.005:
        return "uk"
    if share["russian"] > 0.005:
        return "ru" if share["bulgarian"] < share["russian"] / 4 else None
    return "bg" if share["bulgarian"] > 0.005 and share["russian"] + share["ukrainian"] < 0.001 else None


def _chinese(traditional: float, simplified: float) -> str:
    """Chinese in the script its common characters are written in, which browsers choose its font by (Taiwan's
    and Hong Kong's glyphs differ from the mainland's); `zh` where neither has twice the other's share."""
    if traditional > LEAD * simplified:
        return "zh-Hant"
    return "zh-Hans" if simplified > LEAD * traditional else "zh"


_NAMES = {"ja": "Japanese", "zh": "Chinese", "zh-Hant": "Traditional Chinese", "zh-Hans": "Simplified Chinese", "ko": "Korean", "ar": "Arabic", "fa": "Persian", "ur": "Urdu",
          "he": "Hebrew", "ru": "Russian", "uk": "Ukrainian", "el": "Greek", "th": "Thai", "lo": "Lao", "km": "Khmer",
          "my": "Burmese", "ka": "Georgian", "hy": "Armenian", "bn": "Bengali", "pa": "Punjabi", "gu": "Gujarati",
          "ta": "Tamil", "te": "Telugu", "kn": "Kannada", "ml": "Malayalam", "si": "Sinhala", "hi": "Hindi",
          "mr": "Marathi", "ne": "Nepali", "en": "English", "es": "Spanish", "fr": "French", "de": "German",
          "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "tr": "Turkish", "id": "Indonesian",
          "vi": "Vietnamese", "sv": "Swedish", "ro": "Romanian", "hu": "Hungarian", "cs": "Czech", "ca": "Catalan",
          "sk": "Slovak", "fi": "Finnish", "sw": "Swahili", "tl": "Tagalog", "da": "Danish", "nb": "Norwegian Bokmål",
          "nn": "Norwegian Nynorsk", "ms": "Malay", "hr": "Croatian", "sr": "Serbian", "sr-Latn": "Serbian",
          "bg": "Bulgarian", "mk": "Macedonian"}


def written_in(post: Mapping[str, Any], language: str) -> bool:
    """Whether one post's own words, however few (a title and an excerpt), are of `language` (its primary subtag)
    more than of any other: the one language its script names, or, in Latin and Devanagari script, most of the
    function words it holds (`and`, `why`, `it` of "Best Practices and why it matters")."""
    clues = LanguageClues()
    clues._read_text(_text(post))
    weight = {name: clues.letters[name] * WEIGHT.get(name, 1) for name in SCRIPTS}
    script = max(SCRIPTS, key=lambda name: (weight[name], name))
    if not weight[script]:
        return False
    if script not in WORDS_OF:
        return (clues._resolve(script) or "").split("-")[0] == language
    found: Counter[str] = Counter()
    for word, count in clues.words.items():
        if (languages := _WORD_LANGUAGES.get(word)) in WORDS_OF[script]:
            found[languages] += count
    ranked = found.most_common(2) + [("", 0)]
    return language in ranked[0][0].split() and ranked[0][1] > ranked[1][1]


def seo_language(post: Mapping[str, Any]) -> str:
    """The language tag an SEO plugin wrote into the post ("" when none): schema's inLanguage, which is the site's
    own tag, before Open Graph's locale, which Facebook's list of locales may have changed."""
    found = ""
    for name, key in JSON_FIELDS:
        head = post.get(name)
        if isinstance(head, Mapping):
            said = _in_language(head.get("schema"))
            if said:
                return said
            locale = head.get(key)
            found = found or (locale if isinstance(locale, str) and _OG_VALUE.fullmatch(locale) else "")
    for name in HEAD_FIELDS:
        head = post.get(name)
        if isinstance(head, str) and head:
            said = _IN_LANGUAGE.search(head)
            if said:
                return _tag(said.group(1))
            locale = _OG_LOCALE.search(head)
            found = found or (locale.group(1) if locale else "")
    return _tag(found) if found else ""



def _in_language(schema: object) -> str:
    graph = schema.get("@graph") if isinstance(schema, Mapping) else None
    for node in graph if isinstance(graph, list) else ():
        said = node.get("inLanguage") if isinstance(node, Mapping) else None
        if isinstance(said, str) and _OG_VALUE.fullmatch(said.replace("-", "_")):
            return _tag(said)
    return ""


def _tag(said: str) -> str:
    """`ru_RU` -> `ru-RU`; Facebook's made-up regions, which Open Graph locales must name (`ar_AR`, `es_LA`), go."""
    language, _, region = said.partition("_") if "_" in said else said.partition("-")
    if not region or (language.lower(), region.upper()) in PSEUDO_REGIONS:
        return language.lower()
    return f"{language.lower()}-{region}"


def _text(post: Mapping[str, Any]) -> str:
    """Up to TEXT_CHARS of the post's title and body as a reader sees them: without tags, the code of `<style>`
    and `<script>`, shortcodes (a page builder's attributes hold more Latin letters than the page has words) and
    web addresses."""
    parts = []
    for name in ("title", "content"):
        value = post.get(name)
        if isinstance(value, Mapping):
            value = value.get("rendered", value.get("raw"))
        if isinstance(value, str):
            parts.append(_without_code(value[:RAW_CHARS]))
    text = _ADDRESS.sub(" ", _SHORTCODE.sub(" ", _TAG.sub(" ", " ".join(parts))))
    return (html.unescape(text) if "&" in text else text)[:TEXT_CHARS]


def _without_code(markup: str) -> str:
    """The markup without what its `<style>` and `<script>` elements hold (to the end where one is left open);
    found with `find`, as a pattern would search the rest again from every element left open."""
    lowered, kept, done = markup.lower(), [], 0
    for name in ("<style", "<script"):
        if name not in lowered:
            continue
        kept, done = [], 0
        while (start := lowered.find(name, done)) >= 0:
            kept.append(markup[done:start])
            end = lowered.find("</" + name[1:], start)
            done = len(markup) if end < 0 else end
        kept.append(markup[done:])
        markup = " ".join(kept)
        lowered = markup.lower()
    return markup


def seo_site_name(post: Mapping[str, Any]) -> str:
    """The site's name as an SEO plugin wrote it into the post (Yoast's `og_site_name`, or the `og:site_name` of
    the head HTML a plugin adds), "" when none."""
    return seo_said(post, "og_site_name", _OG_SITE_NAME)


def seo_said(post: Mapping[str, Any], yoast_key: str, in_head: re.Pattern[str]) -> str:
    """What Yoast's `yoast_head_json` gives under `yoast_key`, else the first group of `in_head` in the head HTML an
    SEO plugin adds (HEAD_FIELDS), unescaped and stripped; "" when neither says."""
    yoast = post.get("yoast_head_json")
    said = yoast.get(yoast_key) if isinstance(yoast, Mapping) else None
    if not isinstance(said, str):
        heads = (post.get(name) for name in HEAD_FIELDS)
        found = next((m for head in heads if isinstance(head, str) and (m := in_head.search(head))), None)
        said = found.group(1) if found else ""
    return html.unescape(said).strip()
