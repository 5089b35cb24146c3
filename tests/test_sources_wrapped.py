"""Responses saved inside a wrapper: JSONP (`?_jsonp=`), gzip (a script that saved the bytes as they came), the page
in which a browser showed the JSON (saved with "Save page as…")."""

from __future__ import annotations

import gzip
import html
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.sources.saved import read_items
from generator.sources.js_literals import as_json
from generator.sources.wrapped import without_viewer_page

POSTS = [{"id": 7, "type": "post", "title": {"rendered": "Harbour"}, "content": {"rendered": "<p>Cranes.</p>"}}]


@pytest.mark.parametrize("name, text", [
    ("posts.json", "/**/showPosts(" + json.dumps(POSTS) + ")"),  # as WordPress writes it for ?_jsonp=showPosts
    ("posts?_jsonp=cb", "/**/cb(" + json.dumps(POSTS) + ");\n"),  # saved under the address asked, no extension
    ("posts.json", "jQuery3510_1.cb (\n" + json.dumps(POSTS, indent=2) + "\n);"),
])
def test_a_jsonp_response_is_read_as_the_json_it_wraps(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text)
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(i.data["id"], i.kind) for i in items] == [(7, "post")]


@pytest.mark.parametrize("name", ["posts.json", "posts.json.gz"])
def test_a_gzipped_response_is_read_as_the_json_it_holds(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(gzip.compress(json.dumps(POSTS).encode()))
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(i.data["id"], i.kind) for i in items] == [(7, "post")]


def test_a_gzipped_response_cut_short_is_reported_by_name(tmp_path: Path) -> None:
    (tmp_path / "posts.json").write_bytes(gzip.compress(json.dumps(POSTS).encode())[:-12])
    items, problems = read_items([tmp_path])
    assert items == []
    assert "posts.json: gzip data cut short" in str(problems[0])


# In the shape of a real crawl saved from Chrome (an anarchist group's archive of 176 posts, each `posts/602`): the
# JSON, its `<`, `>` and `&` written as entities, in the page Chrome shows it in; every file was taken for a web page.
CHROME = ('<html><head><meta name="color-scheme" content="light dark"><meta charset="utf-8"></head><body><pre>{}</pre>'
          '</body></html>')
CHROME_OLD = '<html><head></head><body><pre style="word-wrap: break-word; white-space: pre-wrap;">{}</pre></body></html>'
CHROME_NEW = ('<html><head><meta name="color-scheme" content="light dark"></head><body><pre>{}</pre>'
              '<div class="json-formatter-container"></div></body></html>')


@pytest.mark.parametrize("page", [CHROME, CHROME_OLD, CHROME_NEW])
@pytest.mark.parametrize("name", ["wp-json/wp/v2/posts/7", "wp-json/wp/v2/posts/7/index.html", "posts.json"])
def test_a_response_saved_as_the_page_a_browser_showed_it_in_is_read_as_its_json(tmp_path: Path, page: str,
                                                                                  name: str) -> None:
    post = {**POSTS[0], "content": {"rendered": "<p>Cranes &amp; ships.</p>\n"}}
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(page.format(html.escape(json.dumps(post), quote=False)))
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(i.data["id"], i.data["content"]["rendered"]) for i in items] == [(7, "<p>Cranes &amp; ships.</p>\n")]


@pytest.mark.parametrize("text", [
    "<html><head></head><body><pre>Index of /wp-json</pre></body></html>",  # no JSON in it
    '<html><head></head><body><pre>{"id": 7}</pre><p>More</p></body></html>',  # a page with more than the JSON
    '<!DOCTYPE html><html><head><title>x</title></head><body><pre>{"id": 7}</pre></body></html>',  # a site's page
])
def test_pages_that_only_look_like_a_browsers_view_of_json_are_left_as_they_are(text: str) -> None:
    assert without_viewer_page(text) == text


# In the shape of a headless front end's copy of its blog (a Ukrainian nanny agency's 3 posts, `data.js`): the
# response pasted into a module as it came, `\u003C` escapes and all. The folder held no other JSON, and was
# reported as holding no saved REST JSON (exit 1).
MODULE_POSTS = json.dumps([{**POSTS[0], "guid": {"rendered": "https://nanny.example/?p=7"},
                            "content": {"rendered": "\u003Cp\u003EКатерина.\u003C/p\u003E"}}], indent=2)


@pytest.mark.parametrize("name, text", [
    ("data.js", "const data = " + MODULE_POSTS + "\n\nexport default data"),
    ("posts.ts", "export const posts: WPPost[] = " + MODULE_POSTS + ";\n"),
    ("posts.mjs", "export default " + MODULE_POSTS + "\n"),
    ("posts.cjs", "module.exports = " + MODULE_POSTS + ";"),
    ("blog.js", "var posts = " + MODULE_POSTS + ";\nmodule.exports = posts;\n"),
])
def test_a_response_a_front_end_pasted_into_a_script_module_is_read(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text)
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(i.data["id"], i.kind, i.data["content"]["rendered"]) for i in items] == [(7, "post", "<p>Катерина.</p>")]


@pytest.mark.parametrize("text", [
    "export default {\"name\": \"front\", \"locales\": [\"uk\", \"en\"]};",  # a module of settings
    "const posts = [{id: 7, title: {rendered: name}}];\nexport default posts;",  # a literal naming a variable
    "export const posts = [{id: 7, title: {rendered: `${name}`}}];",  # a template filled in
    "import data from './data.js';\nexport const posts = data.map(p => p.title.rendered);",
    "const data = " + MODULE_POSTS + ";\nconsole.log(data);",  # code after the value: not a module of data
])
def test_a_front_ends_other_modules_are_passed_over_without_a_word(tmp_path: Path, text: str) -> None:
    (tmp_path / "posts.json").write_text(json.dumps(POSTS))
    (tmp_path / "module.js").write_text(text)
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(i.data["id"], i.kind) for i in items] == [(7, "post")]


# The same response as a formatter writes JavaScript (Prettier's keys without quotes, single quotes, a comma after
# the last item), with a comment: a Next.js front end's `POSTS` module, not read before.
LITERAL_POSTS = """[
  // saved from /wp-json/wp/v2/posts
  {
    id: 7,
    date: '2024-03-31T01:30:00',
    slug: 'harbour',
    type: 'post',
    link: 'https://nanny.example/harbour/',
    guid: {rendered: 'https://nanny.example/?p=7'},
    title: {rendered: 'Harbour \\u2014 it\\'s \\ud83d\\ude00'},
    content: {rendered: '<p>\u041a\u0430\u0442\u0435\u0440\u0438\u043d\u0430.</p>', protected: false},
  },
]"""


@pytest.mark.parametrize("text", [
    "export const POSTS = " + LITERAL_POSTS + ";\n",
    "const posts: WPPost[] = " + LITERAL_POSTS + " as const;\nexport default posts;\n",
])
def test_a_response_a_formatter_wrote_as_a_javascript_literal_is_read(tmp_path: Path, text: str) -> None:
    (tmp_path / "posts.ts").write_text(text)
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(i.data["id"], i.data["title"]["rendered"], i.data["content"]["rendered"], i.data["content"]["protected"])
            for i in items] == [(7, "Harbour \u2014 it's \U0001F600", "<p>Катерина.</p>", False)]


def _literal(value: object, quote: str, trailing: bool) -> str:
    """`value` written as a JavaScript literal: keys that are names without quotes, strings in `quote`."""
    comma = "," if trailing else ""
    if isinstance(value, dict):
        keys = [k if k.isidentifier() and k.isascii() else json.dumps(k) for k in value]
        return "{" + ", ".join(f"{k}: {_literal(v, quote, trailing)}" for k, v in zip(keys, value.values())) + \
            (comma if value else "") + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v, quote, trailing) for v in value) + (comma if value else "") + "]"
    if isinstance(value, str) and quote == "'":
        return "'" + json.dumps(value)[1:-1].replace('\\"', '"').replace("'", "\\'") + "'"
    return json.dumps(value)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(value=st.dictionaries(st.text(max_size=6), JSON_VALUES, min_size=1, max_size=4),
       quote=st.sampled_from(['"', "'"]), trailing=st.booleans())
def test_any_data_written_as_a_javascript_literal_reads_as_its_json(value: dict, quote: str, trailing: bool) -> None:
    assert json.loads(as_json(_literal([value], quote, trailing))) == [value]


NAMES = st.from_regex(r"[A-Za-z_$][A-Za-z0-9_$]{0,12}", fullmatch=True).filter(
    lambda n: n not in ("const", "let", "var", "export", "default", "module"))


@settings(max_examples=60, deadline=None)
@given(name=NAMES, keyword=st.sampled_from(["const", "let", "var", "export const", "export let"]),
       annotation=st.sampled_from(["", ": WPPost[]", ": any", ": Array<Post>"]),
       end=st.sampled_from(["", ";", " as const;", ";\n\nexport default {name}", "\nmodule.exports = {name};\n"]),
       indent=st.sampled_from([None, 2, 4]))
def test_any_declaration_of_a_saved_response_reads_as_the_response(name: str, keyword: str, annotation: str,
                                                                   end: str, indent: int | None) -> None:
    posts = [{**POSTS[0], "guid": {"rendered": "https://nanny.example/?p=7"}}]
    text = f"{keyword} {name}{annotation} = {json.dumps(posts, indent=indent)}{end.format(name=name)}"
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "data.ts").write_text(text)
        items, problems = read_items([Path(folder)])
    assert problems == []
    assert [(i.data["id"], i.kind) for i in items] == [(7, "post")]
