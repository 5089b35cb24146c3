"""The search index's fast paths against straightforward references: the text a snippet shows, each post's
word weights, the folding of text in every kind of script and the bytes of its scripts are the same as the
plain way of making them gives, on every WordPress sample, every conversion case, a generated corpus, and
random text full of markup, accents and the marks of other scripts."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.corpus import write_corpus
from generator.model import Post, Term
from generator.output import search_index
from generator.render import search_text
from generator.render.search_text import fold, markdown_text, word_set, words
from tests.conftest import SHARED, need_shared
from tests.test_search_index import START
from tests.word_retention import block_documents, rest_documents

CASES = Path(__file__).parent / "cases" / "convert"
INLINE = re.compile(r"[*_`~|\\]+")
# Link and image targets as a backtracking pattern (search_text's is possessive, which must change nothing).
TARGETS = re.compile(r"\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
# Markup, ASCII and other spaces, letters that fold, a combining accent, a letter that lowers to two
# characters, digits and punctuation.
ALPHABET = "ab Z*_`~|\\#>-!{}[]()<>\n\t\u00a0é1.,’\u0301İΣ:="
# Letters and marks of every kind of script: abugidas with vowel signs, viramas, a nukta and tone marks, and
# letters NFKD splits into a letter and marks (Thai's Sara Am, Devanagari's क़, Bengali's ো, Tamil's ொ); Arabic
# with harakat, Hebrew with niqqud, Latin with accents, Vietnamese with two on a letter; joiners, spaces and
# punctuation (the danda too).
SCRIPTS = ("कषतरपय\u094d\u093f\u093e\u0940\u0902\u093c\u0958।"  # Devanagari
           "কলব\u09be\u09cd\u09cb"  # Bengali
           "படம\u0bcd\u0bbe\u0bca"  # Tamil
           "นมไกท\u0e49\u0e48\u0e38\u0e31\u0e33"  # Thai
           "မန\u103c\u103a\u102c\u1037"  # Myanmar
           "ខមរ\u17d2\u17c2"  # Khmer
           "ދވހ\u07a8\u07ac"  # Thaana
           "محد\u064f\u064e\u0651\u0670"  # Arabic
           "שלמ\u05b8\u05c1\u05b9\u05bc"  # Hebrew
           "aEoΣ\u0301\u0302\u0323éỆ"  # Latin, Vietnamese, Greek
           " ,.\u200c\u200d")


def reference_text(markdown: str) -> str:
    """markdown_text as one regular expression per kind of markup: the inline marks as a pattern."""
    text = search_text._ATTRIBUTES.sub(" ", markdown)
    text = TARGETS.sub(lambda m: m.group(1), text.replace("![", "["))
    text = search_text._TAGS.sub(" ", text)

    def mark(match: re.Match[str]) -> str:
        before, after = match.string[match.start() - 1:match.start()], match.string[match.end():match.end() + 1]
        return " " if before.isalnum() and after.isalnum() else ""

    text = INLINE.sub(mark, search_text._BLOCK_MARKS.sub("\n", "\n" + text))
    return " ".join(text.split())


def reference_weights(post: Post, text: str) -> dict[str, int]:
    weights = {word: min(count, search_index.BODY_CAP) for word, count in Counter(words(fold(text))).items()}
    for field, bonus in ((post.title, search_index.TITLE_BONUS), (post.summary, search_index.SUMMARY_BONUS),
                         (" ".join(t.name for t in post.terms), search_index.TERM_BONUS)):
        for word in set(words(fold(field))):
            weights[word] = weights.get(word, 0) + bonus
    return weights


def reference_fold(text: str) -> str:
    """fold as its definition has it, a character at a time: decomposed, lowered and decomposed again, then
    without the joiners and the marks but the abugidas'."""
    lowered = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).lower())
    kept = (c for c in lowered if c not in "\u200c\u200d" and (unicodedata.category(c)[0] != "M" or abugida(c)))
    return "".join(kept).replace("ς", "σ")


def abugida(char: str) -> bool:
    """Whether a mark of SCRIPTS is an abugida's: those of Thaana to Khmer (Arabic's and Hebrew's marks and
    the accents of Latin come before them)."""
    return "\u0780" <= char <= "\u17ff"


def reference_words(folded: str) -> list[str]:
    """Runs of letters, digits and kept marks, a character at a time; then pairs in unspaced scripts."""
    runs, run = [], ""
    for char in folded + " ":
        if char.isalnum() or unicodedata.category(char)[0] == "M":
            run += char
        elif run:
            runs.append(run)
            run = ""
    return [part for word in runs for piece in search_text._PIECES.findall(word) for part in search_text._pairs(piece)]


def a_post(title: str, summary: str, terms: list[str]) -> Post:
    return Post(title=title, slug="x", type="post", date=START, updated=START, summary=summary, author="",
                file="post/x.md", digest="0", source=None,  # type: ignore[arg-type]
                terms=tuple(Term("tags", name.lower() or "t", name) for name in terms))


def assert_same(name: str, body: str, title: str = "A title", summary: str = "A summary") -> None:
    text = markdown_text(body)
    assert text == reference_text(body), name
    post = a_post(title, summary, ["Rare earths", "Ünited"])
    assert search_index.post_weights(post, text) == reference_weights(post, text), name


def test_every_conversion_case_gives_the_reference_text_and_weights() -> None:
    paths = sorted(CASES.glob("*.md"))
    assert len(paths) > 20
    for path in paths:
        assert_same(path.name, path.read_text(encoding="utf-8"))


def test_every_sample_gives_the_reference_text_and_weights() -> None:
    samples = need_shared(SHARED / "samples")
    posts = [*rest_documents([samples / "wp-rest"]), *block_documents(samples)]
    assert len(posts) > 50
    for post in posts:
        assert_same(post.name, post.body, post.title or "")


def test_a_generated_corpus_gives_the_reference_text_and_weights(tmp_path: Path) -> None:
    write_corpus(tmp_path, 60, seed=11)
    posts = list(rest_documents([tmp_path]))
    assert len(posts) >= 50
    for post in posts:
        assert_same(post.name, post.body, post.title or "")


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(ALPHABET), max_size=80), st.text(st.sampled_from(ALPHABET), max_size=20),
       st.text(st.sampled_from(ALPHABET), max_size=20), st.lists(st.text(st.sampled_from(ALPHABET), max_size=8)))
def test_random_markup_gives_the_reference_text_and_weights(body: str, title: str, summary: str,
                                                            terms: list[str]) -> None:
    text = markdown_text(body)
    assert text == reference_text(body)
    post = a_post(title, summary, terms)
    assert search_index.post_weights(post, text) == reference_weights(post, text)


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from('[]()!"a b\n\t\u00a0'), max_size=40))
def test_link_targets_are_found_as_the_backtracking_pattern_finds_them(text: str) -> None:
    assert search_text._TARGETS.split(text) == TARGETS.split(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_the_words_of_a_title_are_the_words_folding_gives(text: str) -> None:
    assert list(word_set(text)) == list(dict.fromkeys(search_text.word_counts(text)))
    assert set(word_set(text)) == set(words(fold(text)))


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(SCRIPTS), max_size=80))
def test_every_script_folds_and_cuts_as_the_reference_does(text: str) -> None:
    """Runs of up to 80 characters without a space: longer than SHORT_RUN, so both ways of dropping marks."""
    assert fold(text) == reference_fold(text)
    assert words(fold(text)) == reference_words(reference_fold(text))
    assert search_text.word_counts(text) == Counter(reference_words(reference_fold(text)))


JSON = st.recursive(st.none() | st.booleans() | st.integers(-2**60, 2**60) | st.text(st.characters(
    blacklist_categories=("Cs",))), lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=6), inner, max_size=4), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(JSON, min_size=1, max_size=3))
def test_scripts_hold_the_bytes_the_standard_json_encoder_gives(arguments: list) -> None:
    encoded = ",".join(json.dumps(a, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                       for a in arguments)
    assert search_index._script("docs", *arguments) == f"newsmirrorSearch.docs({encoded});\n".encode("utf-8")


def test_a_lone_surrogate_in_a_script_fails_as_utf_8_does() -> None:
    with pytest.raises(UnicodeEncodeError):
        search_index._script("docs", {"title": "a\ud800b"})
