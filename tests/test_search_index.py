"""The search index as built into a site: what it finds, that it is the same on every build, how it is cut
into shards, and which of its files a rebuild rewrites. The browser's half (the client, its folding) is
tested in test_search_browser.py."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.builder import run_build
from generator.output import build_cache, rendering, search_index
from generator.output.search_index import bucket, layout
from generator.render.search_text import fold, markdown_text, unspaced, word_counts, words
from generator.convert.document import Source
from tests.site_content import config, many_posts, post, write_content
from tests.site_reading import tree
from tests.test_incremental import Project, files_on_disk

CALL = re.compile(r"newsmirrorSearch\.(\w+)\((.*)\);\n", re.S)
START = datetime(2024, 1, 1, 9, 0, tzinfo=timezone.utc)


@dataclass
class Index:
    manifest: dict
    shards: dict[tuple[int, int], dict[str, list[int]]]
    docs: dict[int, dict]

    def postings(self, word: str) -> dict[int, float]:
        """Post number -> weight of exactly `word`, decoded from its shard in every block; a lone character of
        an unspaced script also finds, at half weight, the pairs it begins, as search.js has it."""
        found: dict[int, float] = {}
        for block in range(-(-self.manifest["docs"] // self.manifest["block"])):
            shard = self.shards[(block, bucket(word, self.manifest["buckets"]))]
            for key, gaps in shard.items():
                if key == word or (len(word) == 1 and unspaced(word) and key.startswith(word)):
                    at = block * self.manifest["block"]
                    for gap, weight in zip(gaps[::2], gaps[1::2]):
                        at += gap
                        found[at] = max(found.get(at, 0), weight if key == word else weight / 2)
        return found

    def find(self, query: str) -> list[str]:
        """Titles of the posts that hold every word of `query`, as search.js ranks exact words."""
        lists = [self.postings(w) for w in words(fold(query))]
        scores = {n: sum(p[n] for p in lists) for n in set.intersection(*(set(p) for p in lists))}
        newest = self.newest()
        return [self.docs[n]["title"] for n in sorted(scores, key=lambda n: (-scores[n], newest.index(n)))]

    def newest(self) -> list[int]:
        """The post numbers newest first, from the manifest's runs, each counting down from its first."""
        runs = self.manifest["newest"]
        return [first - k for first, count in zip(runs[::2], runs[1::2]) for k in range(count)]


def call(path: Path) -> tuple[str, list]:
    match = CALL.fullmatch(path.read_text(encoding="utf-8"))
    assert match, path
    return match.group(1), json.loads(f"[{match.group(2)}]")


def read_index(site: Path) -> Index:
    kind, (manifest,) = call(site / "search/index.js")
    assert kind == "manifest"
    shards, docs = {}, {}
    for path in (site / "search/words").iterdir():
        kind, (block, number, data) = call(path)
        assert kind == "shard" and path.name == f"{block}-{number}.js"
        shards[(block, number)] = data
    for path in (site / "search/doc").iterdir():
        kind, (group, data) = call(path)
        assert kind == "docs" and path.name == f"{group}.js" and 0 < len(data) <= manifest["group"]
        docs.update((group * manifest["group"] + offset, doc) for offset, doc in enumerate(data))
    return Index(manifest, shards, docs)


def build(tmp_path: Path, documents, names=None, **settings_: dict) -> Path:
    content = write_content(tmp_path / "content", documents, names)
    assert run_build(config(tmp_path, content, **settings_)).problems == []
    return tmp_path / "site"


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 16 posts, docs 4 to a file and a bucket per 4 posts, so a site of tens of posts has several
    of each."""
    monkeypatch.setattr(search_index, "BLOCK", 16)
    monkeypatch.setattr(search_index, "GROUP", 4)
    monkeypatch.setattr(search_index, "POSTS_PER_BUCKET", 4)


def test_words_are_found_whatever_their_case_and_accents(tmp_path: Path) -> None:
    site = build(tmp_path, [
        post("zurich", START, title="Über Zürich", body="Le **CAFÉ** de la gare, naïve ﬁnance.\n"),
        post("istanbul", START + timedelta(days=1), title="İSTANBUL", body="Ｆｕｌｌ width ＡＢＣ and ΣΟΦΟΣ.\n"),
        post("plain", START + timedelta(days=2), title="Plain", body="Cafe, uber, zurich and sofos.\n")])
    index = read_index(site)
    assert index.find("ZURICH uber") == ["Über Zürich", "Plain"]  # the title ranks first
    assert index.find("café") == ["Plain", "Über Zürich"]  # equal weights: the newer first
    assert index.find("Naive Finance") == ["Über Zürich"]
    assert index.find("istanbul full abc") == ["İSTANBUL"]
    assert index.find("σοφος") == ["İSTANBUL"]  # a final sigma is a sigma


@pytest.mark.parametrize(("text", "found"), [
    ("稀土价格上涨", ["稀土", "土价", "价格", "格上", "上涨", "涨"]),  # and the last alone, which begins no pair
    ("iPhone手机 and 東京都の人口", ["iphone", "手机", "机", "and", "東京", "京都", "都の", "の人", "人口", "口"]),
    ("金，银", ["金", "银"]),  # a character alone between punctuation stays itself
    ("ﾀｲ語 ภาษาไทย", ["タイ", "イ語", "語", "ภา", "าษ", "ษา", "าไ", "ไท", "ทย", "ย"]),  # halfwidth kana fold first
    ("서울에서 Zürich", ["서울에서", "zurich"]),  # Korean has spaces: its words stay whole
])
def test_text_without_spaces_is_cut_into_pairs_of_characters(text: str, found: list[str]) -> None:
    assert words(fold(text)) == [fold(w) for w in found]


# Words across scripts, as the index cuts them and the browser must (test_search_browser.py): the marks of the
# abugidas (vowel signs, viramas, nuktas, tone marks) stay in their words; every other mark goes.
SCRIPT_WORDS = [
    ("क्षत्रिय", ["क्षत्रिय"]),  # Devanagari: two viramas and a vowel sign
    ("पत्र, पात्र।", ["पत्र", "पात्र"]),  # a letter and a vessel, a vowel sign apart; the danda ends a word
    ("क़िला", ["क\u093cिला"]),  # a letter with a nukta, decomposed
    ("श्री\u200dमान", ["श्रीमान"]),  # a joiner goes
    ("কাল কল বোন", ["কাল", "কল", "ব\u09c7\u09beন"]),  # Bengali; a vowel sign of two parts, decomposed
    ("படம் பாடம் கொடி", ["படம்", "பாடம்", "க\u0bc6\u0bbeடி"]),  # Tamil
    ("ශ්\u200dරී ලංකා", ["ශ්රී", "ලංකා"]),  # Sinhala
    ("འབྲུག", ["འབྲུག"]),  # Tibetan: a subjoined letter
    ("ދިވެހި", ["ދިވެހި"]),  # Thaana, whose vowels are all marks
    ("น้ำ", ["น\u0e49", "\u0e49\u0e4d", "\u0e4dา", "า"]),  # Thai: a tone mark, and Sara Am as NFKD splits it
    ("ไม้ ไม่", ["ไม", "ม\u0e49", "\u0e49", "ไม", "ม\u0e48", "\u0e48"]),  # wood and not: a tone mark apart
    ("ก\u0e49\u0e38ง", ["ก\u0e38", "\u0e38\u0e49", "\u0e49ง", "ง"]),  # marks typed in another order: NFKD's
    ("ທ້ອງ", ["ທ\u0ec9", "\u0ec9ອ", "ອງ", "ງ"]),  # Lao
    ("မြန်မာ", ["မ\u103c", "\u103cန", "န\u103a", "\u103aမ", "မ\u102c", "\u102c"]),  # Myanmar: a medial, an asat
    ("ខ្មែរ", ["ខ\u17d2", "\u17d2ម", "ម\u17c2", "\u17c2រ", "រ"]),  # Khmer: a coeng
    ("مُحَمَّد", ["محمد"]),  # Arabic: the harakat go
    ("שָׁלוֹם", ["שלום"]),  # Hebrew: the niqqud go
    ("Café CRÈME", ["cafe", "creme"]),
    ("Tiếng Việt", ["tieng", "viet"]),  # Vietnamese: two marks on a letter
]


@pytest.mark.parametrize(("text", "found"), SCRIPT_WORDS)
def test_abugidas_keep_their_marks_and_other_scripts_lose_them(text: str, found: list[str]) -> None:
    assert words(fold(text)) == found
    assert word_counts(text) == Counter(found)


def test_words_a_vowel_sign_virama_or_tone_mark_apart_are_told_apart(tmp_path: Path) -> None:
    site = build(tmp_path, [
        post("letter", START, title="सरकार का पत्र", body="मंत्री को सरकार का पत्र कल मिला।\n"),
        post("character", START + timedelta(days=1), title="नाटक का पात्र",
             body="इस नाटक का मुख्य पात्र क्षत्रिय है।\n"),
        post("water", START + timedelta(days=2), title="น้ำท่วม", body="น้ำท่วมหนักในเมือง\n"),
        post("field", START + timedelta(days=3), title="ทุ่งนา", body="ชาวนาทำนาในทุ่ง\n"),
        post("picture", START + timedelta(days=4), title="புதிய படம்", body="இந்த படம் நன்று.\n"),
        post("lesson", START + timedelta(days=5), title="இன்றைய பாடம்", body="இந்த பாடம் எளிது.\n"),
        post("arabic", START + timedelta(days=6), title="مُحَمَّد", body="كَتَبَ مُحَمَّدٌ رِسَالَةً.\n"),
        post("hebrew", START + timedelta(days=7), title="שָׁלוֹם", body="שָׁלוֹם עֲלֵיכֶם\n")])
    index = read_index(site)
    assert index.find("पत्र") == ["सरकार का पत्र"]
    assert index.find("पात्र") == ["नाटक का पात्र"]
    assert index.find("क्षत्रिय") == ["नाटक का पात्र"]
    assert index.find("कषतरय") == []  # the word without its signs is another word
    assert index.find("น้ำ") == ["น้ำท่วม"]
    assert index.find("นา") == ["ทุ่งนา"]
    assert index.find("படம்") == ["புதிய படம்"]
    assert index.find("பாடம்") == ["இன்றைய பாடம்"]
    assert index.find("محمد") == index.find("مُحَمَّد") == ["مُحَمَّد"]  # typed without harakat, or with
    assert index.find("שלום") == index.find("שָׁלוֹם") == ["שָׁלוֹם"]


def test_words_inside_chinese_and_japanese_sentences_are_found(tmp_path: Path) -> None:
    site = build(tmp_path, [
        post("rare", START, title="稀土出口", body="中国稀土价格上涨，市场关注供应。\n"),
        post("tokyo", START + timedelta(days=1), title="人口の統計", body="東京都の人口は増えている。\n"),
        post("gold", START + timedelta(days=2), title="金价", body="The gold price, 金价, rose.\n")])
    index = read_index(site)
    assert index.find("价格") == ["稀土出口"]  # in the middle of a sentence
    assert index.find("稀土价格") == ["稀土出口"]  # every pair of the query
    assert index.find("价格 稀土") == ["稀土出口"]  # words apart, in any order
    assert index.find("東京 人口") == ["人口の統計"]
    assert index.find("金价 gold") == ["金价"]
    assert index.find("价格上涨了") == []  # a pair the post does not hold


def test_titles_summaries_bodies_and_term_names_are_searched_but_not_markup(tmp_path: Path) -> None:
    site = build(tmp_path, [post(
        "one", START, title="Alpha title", summary="Bravo summary", taxonomies={"tags": ["t1"]},
        body="## Charlie {#delta-id}\n\n[echo](https://foxtrot.example/golf) ![hotel](x/india.png)\n")],
        {("tags", "t1"): "Juliet Term"})
    index = read_index(site)
    for word in ("alpha", "bravo", "charlie", "echo", "hotel", "juliet"):
        assert index.find(word) == ["Alpha title"], word
    for word in ("delta", "foxtrot", "golf", "india", "https"):
        assert index.find(word) == [], word
    doc = index.docs[0]
    assert doc["text"] == "Charlie echo hotel" and doc["url"] == "news-archive/one/index.html"
    assert (doc["summary"], doc["iso"]) == ("Bravo summary", "2024-01-01T09:00:00+00:00")


def test_posts_are_numbered_by_id_listed_newest_first_and_terms_list_their_posts(tmp_path: Path,
                                                                                  small_blocks: None) -> None:
    documents, names = many_posts(40, seed=1)  # ids in slug order, dates at random
    site = build(tmp_path, documents, names)
    index = read_index(site)
    by_id = sorted(documents, key=lambda d: d.source.id)
    assert [index.docs[n]["url"] for n in range(40)] == [f"news-archive/{d.slug}/index.html" for d in by_id]
    newest = sorted(range(40), key=lambda n: (-by_id[n].date.timestamp(), by_id[n].slug))
    assert index.newest() == newest
    assert index.manifest["docs"] == 40 and index.manifest["block"] == 16
    taxonomies = dict(index.manifest["taxonomies"])
    for taxonomy, terms in taxonomies.items():
        for slug, gaps in terms:
            numbers = [sum(gaps[:i + 1]) for i in range(len(gaps))]
            assert [n for n, d in enumerate(by_id) if slug in d.taxonomies.get(taxonomy, ())] == numbers


def test_posts_without_an_id_come_last_and_ids_in_date_order_make_one_run(tmp_path: Path) -> None:
    documents = [post(f"p{i}", START + timedelta(days=i), source=Source(10 + i, f"https://x.org/p{i}/", ""))
                 for i in range(6)]
    hand = Source(0, "", "")
    documents += [post("hand-b", START + timedelta(days=3, hours=1), source=hand),
                  post("hand-a", START - timedelta(days=1), source=hand)]
    index = read_index(build(tmp_path, documents))
    numbered = [index.docs[n]["url"].split("/")[1] for n in range(8)]
    assert numbered == ["p0", "p1", "p2", "p3", "p4", "p5", "hand-a", "hand-b"]
    assert [numbered[n] for n in index.newest()] == ["p5", "p4", "hand-b", "p3", "p2", "p1", "p0", "hand-a"]
    assert index.manifest["newest"] == [5, 2, 7, 1, 3, 4, 6, 1]


def test_every_word_sits_in_the_shard_of_its_block_and_first_two_characters(tmp_path: Path,
                                                                            small_blocks: None) -> None:
    documents, names = many_posts(40, seed=2)
    site = build(tmp_path, documents, names)
    index = read_index(site)
    shape = layout(40)
    assert (shape.blocks, shape.buckets) == (3, 16)
    assert set(index.shards) == {(b, k) for b in range(3) for k in range(16)}
    for (block, number), shard in index.shards.items():
        assert list(shard) == sorted(shard)
        for word, postings in shard.items():
            assert bucket(word, 16) == number and bucket(word[:2], 16) == number  # so prefixes share it
            numbers = [block * 16 + sum(postings[:i + 1:2]) for i in range(0, len(postings), 2)]
            assert all(block * 16 <= n < min(40, (block + 1) * 16) for n in numbers), (word, numbers)
    sizes = [len(json.dumps(s)) for s in index.shards.values()]
    assert max(sizes) < 4 * sum(sizes) / len(sizes)  # the hash spreads words evenly enough


@pytest.mark.parametrize("docs", [0, 1, 40, 41, 999, 1000, 1001, 5000, 10_000, 50_000, 200_000])
def test_shards_stay_few_and_small_as_a_site_grows(docs: int) -> None:
    """A query loads one shard per block and word: blocks grow with the site at BLOCK posts each, and a
    shard holds the words of about POSTS_PER_BUCKET posts' worth of a block, up to MAX_BUCKETS."""
    shape = layout(docs)
    assert shape.blocks == -(-docs // search_index.BLOCK)
    assert shape.buckets & (shape.buckets - 1) == 0  # a power of two, so growing splits buckets evenly
    assert shape.buckets == search_index.MAX_BUCKETS or shape.buckets * search_index.POSTS_PER_BUCKET >= docs
    assert shape.buckets == 1 or (shape.buckets // 2) * search_index.POSTS_PER_BUCKET < docs
    if docs == 10_000:
        assert (shape.blocks, shape.buckets) == (10, 256)


def test_the_index_is_the_same_on_every_build_and_with_any_number_of_workers(tmp_path: Path,
                                                                              small_blocks: None) -> None:
    documents, names = many_posts(50, seed=4)
    one = build(tmp_path / "one", documents, names, build={"jobs": 1})
    two = build(tmp_path / "two", documents[::-1], names, build={"jobs": 2})
    search = {p: b for p, b in tree(one).items() if p.startswith("search/")}
    assert len(search) == 1 + 13 + 4 * 16  # the manifest, docs 4 to a file, 4 blocks of 16 shards
    assert search == {p: b for p, b in tree(two).items() if p.startswith("search/")}


def test_a_clean_build_reads_each_body_once_for_the_index_with_any_number_of_workers(
        tmp_path: Path, small_blocks: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A block's outputs are made by one worker, so two workers do not both read its bodies, however finely
    the other outputs are cut into tasks (each worker appends to a file, which forked processes share)."""
    documents, names = many_posts(50, seed=5)
    content = write_content(tmp_path / "content", documents, names)
    reads = tmp_path / "reads.txt"
    original = search_index.read_body

    def noted(path: Path) -> str:
        with open(reads, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {path.name}\n")
        return original(path)

    monkeypatch.setattr(search_index, "read_body", noted)
    monkeypatch.setattr(rendering, "CHUNK", 1)
    assert run_build(config(tmp_path, content, build={"jobs": 2})).problems == []
    lines = reads.read_text(encoding="utf-8").splitlines()
    assert sorted(line.split()[1] for line in lines) == sorted(f"{d.slug}.md" for d in documents)


def test_a_title_edit_rewrites_its_doc_and_the_changed_shards_of_its_block_only(tmp_path: Path,
                                                                              small_blocks: None) -> None:
    project = Project(tmp_path, posts=40)
    project.build()
    index = read_index(tmp_path / "site")
    number = next(n for n, d in index.docs.items() if d["url"] == "news-archive/story-0011/index.html")
    before = files_on_disk(tmp_path / "site")
    project.change("story-0011", title="Quokka sighting")
    project.build()
    now = files_on_disk(tmp_path / "site")
    rewritten = {p for p in now if p.startswith("search/") and now[p] != before.get(p)}
    block = number // 16
    assert {p for p in rewritten if "/doc/" in p} == {f"search/doc/{number // 4}.js"}
    assert {p for p in rewritten if "/words/" in p} <= {f"search/words/{block}-{k}.js" for k in range(16)}
    assert f"search/words/{block}-{bucket('quokka', 16)}.js" in rewritten
    assert len(rewritten) < 16  # the shards whose words did not change keep their files
    assert read_index(tmp_path / "site").find("quokka") == ["Quokka sighting"]


def test_a_moved_date_rewrites_its_doc_and_the_manifest_and_no_shard(tmp_path: Path, small_blocks: None,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Numbers go by id, so a post moved to another day keeps its number and every post keeps theirs: the
    index changes in the date its doc shows and in the order newest first, which the manifest holds. Its
    words are as they were, so its block's shards are not even made again (each worker appends to a file)."""
    project = Project(tmp_path, posts=40)
    project.build()
    blocks_read = tmp_path / "blocks.txt"
    original = search_index._BlockReader._read

    def noted(reader: search_index._BlockReader, block: int) -> object:
        with open(blocks_read, "a", encoding="utf-8") as log:
            log.write(f"{block}\n")
        return original(reader, block)

    monkeypatch.setattr(search_index._BlockReader, "_read", noted)
    index = read_index(tmp_path / "site")
    number = next(n for n, d in index.docs.items() if d["url"] == "news-archive/story-0011/index.html")
    before = files_on_disk(tmp_path / "site")
    newest = index.docs[index.newest()[0]]["iso"]
    project.change("story-0011", date=datetime.fromisoformat(newest) + timedelta(minutes=1))
    project.build()
    now = files_on_disk(tmp_path / "site")
    rewritten = {p for p in now if p.startswith("search/") and now[p] != before.get(p)}
    assert rewritten == {"search/index.js", f"search/doc/{number // 4}.js"}
    assert not blocks_read.exists()
    after = read_index(tmp_path / "site")
    assert after.newest()[0] == number and index.newest()[0] != number
    assert {n: d["url"] for n, d in after.docs.items()} == {n: d["url"] for n, d in index.docs.items()}


def test_a_body_edit_reaches_the_index(tmp_path: Path, small_blocks: None) -> None:
    project = Project(tmp_path, posts=40)
    project.build()
    post_ = project.post("story-0007")
    project.change("story-0007", body=post_.body.replace("More text.", "More text about wombats."))
    project.build()
    index = read_index(tmp_path / "site")
    assert index.find("wombats") == ["Story 0007"]
    assert "wombats" in next(d["text"] for d in index.docs.values() if d["title"] == "Story 0007")


def test_a_long_text_is_cut_for_snippets_at_a_space(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "TEXT_LIMIT", 50)
    site = build(tmp_path, [post("long", START, body="word " * 40 + "\n")])
    text = read_index(site).docs[0]["text"]
    assert text == "word " * 10 + "…"


@pytest.mark.parametrize(("text", "folded"), [
    ("Café CRÈME", "cafe creme"), ("İstanbul", "istanbul"), ("ﬁnance", "finance"), ("ＡＢＣ１２", "abc12"),
    ("ΣΟΦΟΣ σοφός", "σοφοσ σοφοσ"), ("Việt Nam", "viet nam"), ("Ångström", "angstrom"), ("Straße", "straße"),
    ("㎆", "mb"), ("Øre", "øre"), ("می\u200cخواهم", "میخواهم"), ("क्\u200dष", "क्ष"),
    ("جحــيم", "جحیم"), ("كتاب يك مدرسة على", "کتاب یک مدرسه علی"), ("٢٠١٧ ۱۳۹۶ २०१७ ১২ ๓", "2017 1396 2017 12 3")])
def test_folding_drops_case_accents_joiners_and_compatibility_forms(text: str, folded: str) -> None:
    assert fold(text) == folded


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_counting_words_fast_gives_what_folding_then_splitting_gives(text: str) -> None:
    assert word_counts(text) == Counter(words(fold(text)))
    assert all(fold(word) == word for word in words(fold(text)))


def test_counting_words_lowers_every_character_as_folding_does() -> None:
    """word_counts lowers the whole text before cutting it, which must give the words folding gives; only
    characters that lowering changes can differ, each tested alone, inside a word, and beside a sigma."""
    changed = [c for c in map(chr, range(sys.maxunicode + 1)) if c.lower() != c and not "\ud800" <= c <= "\udfff"]
    assert len(changed) > 1000
    for char in changed:
        for text in (char, f"a{char}b {char}1", f"Σ{char}Σ", f"{char}-x_{char}"):
            assert word_counts(text) == Counter(words(fold(text))), text


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab *_`~|#>-!{}<>\n\\é1."), max_size=60))
def test_removing_markup_never_joins_two_words_into_one(text: str) -> None:
    """(Links aside: a[b](c)d shows as "abd", so it is indexed so.)"""
    assert set(words(fold(markdown_text(text)))) <= set(words(fold(text)))


@pytest.mark.parametrize(("markdown", "text"), [
    ("snake_case and a|b", "snake case and a b"), ("**bold**, *em* and `code`", "bold, em and code"),
    ("## Heading {#heading-id}\n\n> quoted\n\n- item\n1. first", "Heading quoted item first"),
    ("| a | b |\n|---|---|\n| c | d |", "a b c d"), ("![alt text](img.png) [link](https://x.y/(z))", "alt text link"),
    ("a <span class=\"x\">b</span> c", "a b c"), ("[a [b](https://x.y/) c", "[a b c")])
def test_markdown_text_keeps_what_a_reader_sees(markdown: str, text: str) -> None:
    assert markdown_text(markdown) == text


@pytest.mark.parametrize(("unit", "shown"), [("{#a ", "{#a "), ("[a ", "[a "), ("![a ", "[a ")])
def test_a_line_of_openings_that_close_nothing_is_read_once(unit: str, shown: str) -> None:
    """A heading id's or a link's opening was searched to the line's end from each one (a minute for this)."""
    started = time.process_time()
    assert markdown_text(unit * 100_000) == (shown * 100_000).strip()
    assert time.process_time() - started < 5


def _tampered(entries: dict, words: list, how: str) -> dict:
    """A weights file of the build cache, changed as a bug, a hand or another version could change it."""
    if how == "old layout":
        return {"version": build_cache.VERSION, "weights": entries}
    if how == "negative number":
        entries = {key: [[-1] + numbers[1:], weights] for key, (numbers, weights) in entries.items()}
    elif how == "number past the words":
        entries = {key: [[len(words) + 5] + numbers[1:], weights] for key, (numbers, weights) in entries.items()}
    elif how == "a word twice":
        words = [*words, words[0]]
    elif how == "entries as mappings":
        entries = {key: {"numbers": numbers} for key, (numbers, _) in entries.items()}
    elif how == "words as text":
        entries = {key: [[words[n] for n in numbers], weights] for key, (numbers, weights) in entries.items()}
    return {"version": build_cache.VERSION, "words": words, "entries": entries}


@pytest.mark.parametrize("how", ["old layout", "negative number", "number past the words", "a word twice",
                                 "entries as mappings", "words as text"])
def test_a_weights_cache_not_as_saved_leaves_the_index_as_a_clean_build_makes_it(
        tmp_path: Path, small_blocks: None, how: str) -> None:
    project = Project(tmp_path, posts=40)
    project.build()
    clean = {p: b for p, b in tree(tmp_path / "site").items() if p.startswith("search/")}
    files = sorted((project.content / build_cache.CACHE_DIR).glob("build-search-*.json"))
    assert len(files) == 3  # 40 posts in blocks of 16
    for path in files:
        data = json.loads(path.read_bytes())
        path.write_text(json.dumps(_tampered(data["entries"], data["words"], how)), encoding="utf-8")
    shutil.rmtree(tmp_path / "site")  # every shard made again, from the tampered cache
    project.build()
    assert {p: b for p, b in tree(tmp_path / "site").items() if p.startswith("search/")} == clean


def test_words_that_edits_left_behind_are_dropped_from_the_weights_cache(tmp_path: Path,
                                                                        small_blocks: None) -> None:
    project = Project(tmp_path, posts=16)
    project.build()
    original = project.post("story-0003").body
    for edit in range(40):
        project.change("story-0003", body=original + f"\nZebra{edit} quagga{edit} okapi{edit} tapir{edit}.\n")
        project.build()
    cached = json.loads((project.content / build_cache.CACHE_DIR / "build-search-0.json").read_bytes())
    used = {n for numbers, _ in cached["entries"].values() for n in numbers}
    assert len(cached["words"]) * 3 <= len(used) * 4  # the 156 words of earlier edits are not all kept
    assert read_index(tmp_path / "site").find("zebra39 tapir39") == ["Story 0003"]
    assert read_index(tmp_path / "site").find("zebra38") == []
