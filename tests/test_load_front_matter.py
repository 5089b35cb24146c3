"""Reading front matter without PyYAML (store.documents.simple_front_matter) gives what PyYAML gives, or
leaves the text to PyYAML: on what the importer writes, on arbitrary values, and on hand-edited text."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import frontmatter
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.document import Document, Image, Mirror, Revision, Source
from generator.problems import ItemError
from generator.output import loading
from generator.store import documents, front_matter, front_matter_read
from tests.conftest import REPO

SHARED = REPO.parent / "shared" / "samples"
WHEN = datetime(2025, 11, 18, 14, 20, 17, tzinfo=timezone(timedelta(hours=-7)))
TRICKY = " -?:#,[]{}&*!|>'\"%@`.~01eEnNoOyYtTfF_+x\t\n\x85\u2028\ufeff\xa0\u3000😀é"
scalar_text = st.one_of(st.text(st.sampled_from(TRICKY), max_size=12), st.text(max_size=30),
                        st.sampled_from(["yes", "no", "null", "~", "0x1f", "012", "1_000", "1:20", "2025-01-01",
                                         "-1", "-0", ".inf", "1e3", "- a", "a: b", "a #b", "''", "'a'", "---"]))
key_text = st.one_of(st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,8}", fullmatch=True), scalar_text)
prose = st.text(st.sampled_from("aZ09 -:#'.,é“"), max_size=20)
values = st.recursive(st.none() | st.booleans() | st.integers() | scalar_text | prose,
                      lambda children: st.lists(children, max_size=3) | st.dictionaries(key_text, children, max_size=3),
                      max_leaves=12)
# Top-level keys are those of the content format, or else the shortcut leaves the whole text to PyYAML.
front = st.dictionaries(st.sampled_from(sorted(front_matter_read.TOP_KEYS)), values, min_size=1, max_size=6)


def typed(value: Any) -> Any:
    """The value with every scalar's type beside it: 1, True and 1.0 are equal in Python, not in YAML."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, value)


def agree(fm: str) -> bool:
    """Whether the shortcut read `fm` (else PyYAML did); asserts that it read what PyYAML reads."""
    try:
        fast = front_matter_read.simple_front_matter(fm)
    except front_matter_read.NotSimple:
        return False
    assert typed(fast) == typed(yaml.load(fm, Loader=yaml.SafeLoader)), fm
    return True


def document(**fields: Any) -> Document:
    base: dict[str, Any] = dict(
        title="Grid: 5% of “power” #1", slug="grid-power", type="news-archive", date=WHEN, updated=WHEN,
        summary="It's 'quoted' - and: colons", author="Jane O'Neil",
        taxonomies={"news-type": ("ree-news", "yes"), "regions": ("china", "no")},
        source=Source(12, "https://e.com/2025/11/grid/", "https://e.com/?p=12"),
        image=Image("https://e.com/a b.jpg", ""), body="# Body\n\nText.\n",
        mirror=Mirror("2025-11-18", "", (Revision("2025-11-19", "2025-11-19T01:02:03+00:00", ("title", "body"),
                                                   "Title: was “X”"),)))
    base.update(fields)
    return Document(**base)


@pytest.mark.parametrize("fields", [{}, {"taxonomies": {}}, {"mirror": None, "image": None, "author": ""},
                                    {"mirror": Mirror("", "2026-01-02", ())}, {"summary": ""}])
def test_the_importers_front_matter_is_read_without_pyyaml(fields: dict[str, Any]) -> None:
    original = document(**fields)
    text = documents.dumps(original)
    assert agree(frontmatter.YAMLHandler().split(text.strip())[0])
    assert documents.loads(text) == original


@settings(max_examples=500, deadline=None)
@given(metadata=st.one_of(front, st.dictionaries(key_text, values, min_size=1, max_size=6)))
def test_what_the_writer_writes_reads_as_pyyaml_reads_it(metadata: dict) -> None:
    agree("\n" + front_matter.dump(metadata) + "\n")


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_hand_edited_front_matter_reads_as_pyyaml_reads_it(data: st.DataObject) -> None:
    lines = documents.dumps(document()).split("\n---\n")[0].split("\n")[1:]
    at = data.draw(st.integers(0, len(lines) - 1))
    cut = data.draw(st.integers(0, len(lines[at])))
    insert = data.draw(st.text(st.sampled_from(TRICKY + "\n"), max_size=4))
    lines[at] = lines[at][:cut] + insert + lines[at][cut + data.draw(st.integers(0, 2)):]
    try:
        yaml.load("\n".join(lines), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        with pytest.raises(front_matter_read.NotSimple):
            front_matter_read.simple_front_matter("\n" + "\n".join(lines) + "\n")
        return
    agree("\n" + "\n".join(lines) + "\n")


def test_front_matter_it_does_not_read_is_left_to_pyyaml() -> None:
    for fm in ["title: T\nextra: x", "title: T\n# note", "title:\n", "title: |\n  x", "title: \"x\"",
               "taxonomies:\n  a:\n    - x", "date: 2025-01-01", "title: T\ntitle: U", "source:\n    id: 1"]:
        with pytest.raises(front_matter_read.NotSimple):
            front_matter_read.simple_front_matter(f"\n{fm}\n")
    post = documents.loads("---\ntitle: T # note\nslug: s\ntype: post\ndate: '2025-01-01T00:00:00+00:00'\n"
                           "tags: [a]\n---\n\nBody\n")
    assert (post.title, post.body) == ("T", "Body\n")


def test_every_post_file_reads_as_with_pyyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    files = documents.document_files(REPO / "content")
    if SHARED.is_dir():
        files += sorted(SHARED.rglob("*.md"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    fast = [documents.loads(text) for text in texts]
    assert [documents.loads_front_matter(text) for text in texts] == [(replace(d, body=""), []) for d in fast]
    assert fast == _pyyaml_loads(texts, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(body=st.text(st.sampled_from("ab -\r\n\t#"), max_size=30), head=st.sampled_from(["---\n", "--- \n", ""]),
       tail=st.sampled_from(["---\n\n", "---\n", "---", "----\n", "---\r\n", "...\n"]))
def test_body_is_split_off_as_python_frontmatter_splits_it(body: str, head: str, tail: str) -> None:
    text = head + documents.dumps(document(body="")).split("\n", 1)[1].rsplit("---", 1)[0] + tail + body
    with pytest.MonkeyPatch.context() as patch:
        try:
            expected: Document | str = _pyyaml_loads([text], patch)[0]
        except ItemError as e:
            expected = e.field
    try:
        assert documents.loads(text) == expected
        assert documents.loads_front_matter(text) == (replace(expected, body=""), [])
    except ItemError as e:
        assert e.field == expected


def _pyyaml_loads(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> list[Document]:
    """documents.loads as without the shortcut: python-frontmatter and PyYAML read every file."""
    def not_simple(fm: str) -> dict:
        raise front_matter_read.NotSimple

    monkeypatch.setattr(documents, "simple_front_matter", not_simple)
    return [documents.loads(text) for text in texts]


@settings(max_examples=500, deadline=None)
@given(text=st.text(st.sampled_from("ab -:\n\t\x85\u2003{}+#"), max_size=40),
       head=st.sampled_from(["", "---\n", "--- \n", "----\n\n", "---\ntitle: T\n---\n", "+++\n"]))
def test_a_pages_body_is_split_off_as_python_frontmatter_splits_it(text: str, head: str) -> None:
    text = head + text
    try:
        expected = _body_by_frontmatter(text)
    except ItemError:
        return  # loads refuses the post: it has no page
    assert loading.body_of(text) == expected


@settings(max_examples=500, deadline=None)
@given(text=st.text(st.sampled_from("a -\n\t\r\x85\u2003"), max_size=40), start=st.integers(1, 41))
def test_the_next_line_of_dashes_is_found_where_the_pattern_finds_it(text: str, start: int) -> None:
    found, expected = loading._next_boundary(text, start), loading._BOUNDARY.search(text, start)
    assert (found and found.span()) == (expected and expected.span())


def _body_by_frontmatter(text: str) -> str:
    """The body as the build read it before body_of: python-frontmatter's own split."""
    if not isinstance(frontmatter.detect_format(text, frontmatter.handlers), frontmatter.YAMLHandler):
        return documents.loads(text).body
    _, content = frontmatter.parse(text, handler=_SplitOnly())
    return content + "\n" if content else ""


class _SplitOnly(frontmatter.YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> dict:
        return {}


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.sampled_from("ab-\r\n\x85é😀"), max_size=40))
def test_a_pages_body_is_read_as_path_read_text_reads_it(tmp_path_factory: pytest.TempPathFactory,
                                                        text: str) -> None:
    path = tmp_path_factory.mktemp("post") / "p.md"
    path.write_bytes(("---\ntitle: T\n---\n" + text).encode("utf-8"))
    assert loading.read_body(path) == loading.body_of(path.read_text(encoding="utf-8"))
