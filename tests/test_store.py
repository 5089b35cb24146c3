"""The content store: fixed key order, exact round trips, no rewrite of unchanged files."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.document import Document, Source, Term, TermRegistry
from generator.problems import ItemError
from generator.store import documents, front_matter, terms
from generator.store.files import write_if_changed
from tests.conftest import REPO

WHEN = datetime(2025, 11, 18, 14, 20, 17, tzinfo=timezone(timedelta(hours=-7)))


def document(**fields) -> Document:
    base = dict(title="T", slug="t", type="post", date=WHEN, updated=WHEN, summary="S",
                taxonomies={"regions": ("china",)}, source=Source(1, "https://e.com/t/", "https://e.com/?p=1"),
                body="Body.\n")
    base.update(fields)
    return Document(**base)


def test_front_matter_keys_come_in_the_documented_order() -> None:
    text = documents.dumps(document())
    keys = [line.split(":")[0] for line in text.split("---")[1].splitlines() if line and not line[0].isspace()
            and not line.startswith("-")]
    assert keys == ["title", "slug", "type", "date", "updated", "summary", "taxonomies", "source"]
    with_author = documents.dumps(document(author="Jane Doe"))
    assert "updated: '2025-11-18T14:20:17-07:00'\nauthor: Jane Doe\nsummary: S\n" in with_author
    assert text.endswith("---\n\nBody.\n")


yaml_trouble = st.sampled_from(["yes", "no", "null", "~", "true", "2025-11-18", "- item", "# not a comment",
                                "&anchor", "*alias", "key: value", "'quoted'", '"double"', "@at", "`tick",
                                "中国稀土", "Привет", "عربى", "line\u2028sep", "0\x85", "emoji 😀", "tab\there", "  padded  ", "%percent"])
front_text = st.one_of(yaml_trouble, st.text(st.characters(blacklist_categories=("Cs",)), max_size=80))


@settings(max_examples=300, deadline=None)
@given(title=front_text.filter(str.strip), summary=front_text, author=front_text)
def test_titles_and_summaries_round_trip_exactly(title: str, summary: str, author: str) -> None:
    original = document(title=title, summary=summary, author=author)
    assert documents.loads(documents.dumps(original)) == original


def test_shipped_sample_content_reads_back_into_a_document() -> None:
    (path,) = documents.document_files(REPO / "content")
    loaded = documents.loads(path.read_text(encoding="utf-8"))
    assert documents.dumps(loaded) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("front, field", [
    ("title: ''\nslug: s\ntype: post\ndate: '2025-01-01T00:00:00+00:00'", "title"),
    ("title: T\nslug: s\ntype: post\ndate: '2025-01-01T00:00:00'", "date"),
    ("title: T\nslug: s\ntype: post\ndate: soon", "date"),
    ("title: T\nslug: s\ntype: post\ndate: '2025-01-01T00:00:00+00:00'\ntaxonomies: [a]", "taxonomies"),
    ("title: T\nslug: s\ntype: post\ndate: '2025-01-01T00:00:00+00:00'\nsource: {id: x}", "source.id"),
    ("title: [unclosed", "front matter"),
])
def test_bad_front_matter_names_the_field(front: str, field: str) -> None:
    with pytest.raises(ItemError) as error:
        documents.loads(f"---\n{front}\n---\n\nBody\n")
    assert error.value.field == field


GOOD = "---\ntitle: T\nslug: s\ntype: post\ndate: '2025-01-01T00:00:00+00:00'\n---\n\nBody\n"


@pytest.mark.parametrize("text, message", [
    ("Just a body\n", "missing: a post file begins with a line ---, then its fields, then another line ---"),
    ("", "the file is empty"),
    ("---\ntitle: T\nslug: s\n", "not closed: no line --- after its fields"),
    ("---\n- a\n- b\n---\nBody\n", "expected fields (key: value), got ['a', 'b']"),
    ("\n\n---\ntitle: T\nslug: s\ntitle: U\n---\n", "'title' given twice, at lines 4 and 6: keep one"),
    ("---\ntitle: T\nsource:\n  id: 1\n\turl: x\n---\n", "not valid YAML at line 5: found a tab character"),
])
def test_a_file_without_usable_front_matter_says_why(text: str, message: str) -> None:
    """Each of these said only "field 'title': expected a non-empty string, got None"; a key given twice was
    read silently, the last one winning; a YAML error gave no line."""
    with pytest.raises(ItemError) as error:
        documents.loads(text)
    assert (error.value.field, error.value.message[:len(message)]) == ("front matter", message)


def test_a_byte_order_mark_is_not_part_of_the_front_matter() -> None:
    """Notepad saves UTF-8 with a byte order mark, which hid the whole front matter."""
    assert documents.loads("\ufeff" + GOOD) == documents.loads(GOOD)
    assert documents.loads_front_matter("\ufeff" + GOOD.replace("\n", "\r\n"))[0].title == "T"


def test_a_value_in_a_problem_is_cut_short() -> None:
    """Nine lines of YAML aliases make a title of 43 million items: its repr was a 226 MB problem line."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(7)]
    with pytest.raises(ItemError) as error:
        documents.loads("---\n" + "\n".join(lines) + "\ntitle: *h\nslug: s\n---\n")
    assert error.value.field == "title" and len(error.value.message) < 300


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from("-:\n\t '\"[]{}&*!|>#ab\ufeff\r"), max_size=60))
def test_any_text_as_a_post_file_is_a_post_or_one_short_line(text: str) -> None:
    for candidate in (text, GOOD.replace("Body", text), GOOD[:4] + text + GOOD[4:]):
        try:
            documents.loads(candidate)
        except ItemError as e:
            assert "\n" not in e.message and len(e.message) < 300


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b.md"
    assert write_if_changed(path, b"one") is True
    os.utime(path, (1, 1))
    assert write_if_changed(path, b"one") is False
    assert path.stat().st_mtime == 1
    assert write_if_changed(path, b"two") is True
    assert path.read_bytes() == b"two"
    assert [p.name for p in path.parent.iterdir()] == ["b.md"]  # no temporary file left behind


def test_term_registry_keeps_what_it_knew_and_round_trips(tmp_path: Path) -> None:
    registry = TermRegistry()
    registry.add(Term("regions", "china", name="China", id=315))
    registry.add(Term("regions", "china"))  # a later import that knows less loses nothing
    registry.add(Term("news-type", "ree-news", name="REE: News", parent=2))
    assert registry.get("regions", "china") == Term("regions", "china", "China", 315)
    terms.write_terms(tmp_path, registry)
    loaded, problems = terms.read_terms(tmp_path)
    assert problems == [] and loaded == registry
    assert terms.write_terms(tmp_path, loaded) is False


def test_malformed_term_entries_are_reported_and_the_rest_kept(tmp_path: Path) -> None:
    (tmp_path / "terms.yaml").write_text("regions:\n  china: {name: China}\n  bad: {id: x}\n", encoding="utf-8")
    registry, problems = terms.read_terms(tmp_path)
    assert registry.get("regions", "china").name == "China"
    assert [p.item for p in problems] == ["regions/bad"]


def test_a_taxonomy_that_is_no_mapping_of_terms_is_reported_not_passed_over(tmp_path: Path) -> None:
    """`category: 5` was read as a taxonomy with no terms, without a word."""
    (tmp_path / "terms.yaml").write_text("category: 5\nregions:\n  china: {name: China}\n", encoding="utf-8")
    registry, problems = terms.read_terms(tmp_path)
    assert registry.get("regions", "china").name == "China"
    assert [(p.item, p.message) for p in problems] == [
        ("category", "expected a mapping of term slugs to their name, id and parent, got int")]


def test_a_terms_file_that_is_not_utf8_says_so(tmp_path: Path) -> None:
    (tmp_path / "terms.yaml").write_bytes("regions: {}\n".encode("utf-16"))
    assert [p.message for p in terms.read_terms(tmp_path)[1]] == ["not UTF-8 text (byte 0): save it as UTF-8"]


def test_front_matter_bytes_do_not_depend_on_libyaml() -> None:
    # libyaml's emitter escapes emoji as \U0001F600; the content format writes them as they are.
    assert "title: emoji 😀\n" in documents.dumps(document(title="emoji 😀"))
    assert 'title: "0\\N"\n' in documents.dumps(document(title="0\x85"))  # YAML's escape for NEL


# Text near every rule of PyYAML's scalar analysis: indicators first, inside and last, spaces at the
# ends, implicit types, line breaks, quotes, characters it must escape, and any text at all.
scalar_text = st.one_of(
    yaml_trouble,
    st.text(st.sampled_from(" -?:#,[]{}&*!|>'\"%@`.~01eEnNoOyYtTfF_+x\t\n\x85\u2028\ufeff\xa0\u3000😀é"), max_size=12),
    st.text(max_size=30),
)
front_matter_values = st.recursive(
    st.none() | st.booleans() | st.integers() | scalar_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(scalar_text, children, max_size=3),
    max_leaves=10)


@settings(max_examples=500, deadline=None)
@given(metadata=st.dictionaries(scalar_text, front_matter_values, max_size=6))
def test_front_matter_shortcut_writes_what_pyyaml_writes(metadata: dict) -> None:
    pyyaml = yaml.dump(metadata, Dumper=front_matter.Dumper, sort_keys=False, default_flow_style=False,
                       allow_unicode=True, width=front_matter.NO_WRAP).strip()
    assert front_matter.dump(metadata) == pyyaml
