"""Arbitrary JSON in every field of a REST item, arbitrary markup in its content: the import
never crashes, names what it rejects, and writes nothing outside the content folder."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.convert.wp_post import to_document
from generator.importer import run_import
from generator.problems import ItemError
from generator.sources.wp_pages import AUTOMATIC_EXCERPT
from tests.conftest import rest_item

hostile_names = st.sampled_from(["../x", "/abs", "a/b", "", ".", "..", "C:\\x", "con", "x\x00y", "é", "A" * 300])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8)
FIELDS = ["id", "date", "date_gmt", "modified", "modified_gmt", "slug", "status", "type", "link", "guid", "title",
          "content", "excerpt", "author", "featured_media", "categories", "tags", "news-type", "class_list",
          "_links", "_embedded"]
tags = st.sampled_from(["p", "div", "span", "a", "em", "h2", "ul", "li", "table", "tr", "td", "pre", "code",
                        "figure", "figcaption", "img", "iframe", "blockquote", "cite", "sup", "details", "summary",
                        "h3", "nav", "ol", "strong", "i", "b", "br", "dl", "dt", "dd", "textarea"])
attributes = st.sampled_from(['', ' class="sr-only"', ' id="x"', ' href="#x"', ' src="https://e.com/a.png"',
                              ' srcset="a 1x, b 2x"', ' data-src="x"', ' style="background:url(x)"', ' colspan=2',
                              ' href="/rel/"', ' href="//cdn.e.com/x"', ' href="?p=1"', ' name="x"', ' src="../a.jpg"',
                              ' href="#y"', ' class="wp-embedded-content"', ' class="wp-caption-text"',
                              ' href="https://e.com/a.jpg"', ' class="crayon-syntax"', ' class="crayon-plain"',
                              ' class="crayon-line"', ' class="crayon-language"', ' class="math"',
                              ' class="math display"', ' class="td_block_wrap"',
                              ' class="td_module_wrap td_module_2"', ' id="inline-related-post"'])


@st.composite
def markup(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{draw(tags)}{draw(attributes)}>")
        elif kind == 1:
            parts.append(f"</{draw(tags)}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(["[caption]", "[/caption]", "[embed]", "[gallery ids='1']", "<!--more-->",
                                               "&amp;", "&#8217;", "<!-- wp:x -->", "]]>", "<![CDATA[", "\\", "`", "&nbsp;",
                                               "\\(", "\\)", "\\[", "\\]", "$$", "$"])))
        else:
            parts.append(draw(st.text(max_size=15)))
    return "".join(parts)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), value=json_values)
def test_any_json_value_in_any_field_is_accepted_or_named(field: str, value: object) -> None:
    try:
        converted = to_document(rest_item(**{field: value}))
    except ItemError as e:
        assert e.field.split(".")[0] in FIELDS
    else:
        assert converted.document.slug and "/" not in converted.document.slug


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=markup(), title=markup())
def test_any_markup_converts(content: str, title: str) -> None:
    converted = to_document(rest_item(content={"rendered": content}, title={"rendered": title}))
    assert converted.document.body == "" or converted.document.body.endswith("\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(items=st.lists(st.fixed_dictionaries({}, optional={
    **{f: json_values for f in FIELDS}, "type": hostile_names | json_values, "slug": hostile_names | json_values,
    "_embedded": st.fixed_dictionaries({"wp:term": st.lists(st.lists(st.fixed_dictionaries({
        "id": st.integers(), "slug": hostile_names, "name": st.text(max_size=5), "taxonomy": hostile_names}),
        max_size=2), max_size=2)})}), max_size=4))
def test_import_of_garbage_never_raises_and_writes_only_into_content(tmp_path: Path, items: list[dict]) -> None:
    run = tmp_path / "runs" / str(len(list((tmp_path / "runs").glob("*"))) if (tmp_path / "runs").exists() else "0")
    run.mkdir(parents=True)
    (run / "in.json").write_text(json.dumps([rest_item(**i) for i in items]))
    run_import([run / "in.json"], run / "content")
    # Everything under tmp_path, not just this run's folder: an escape via ../ would land beside it.
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert path.relative_to(tmp_path / "runs").parts[1] in ("in.json", "content"), path


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=markup(), flag=st.sampled_from([True, False, None, 1, "yes", [], {}]))
def test_any_markup_of_a_copys_page_is_summarised_in_55_words_at_most(content: str, flag: object) -> None:
    """A static copy's page that prints no summary gets WordPress's automatic excerpt (convert/copy_excerpts.py);
    only a mark that is `true` asks for it."""
    excerpt = {"rendered": "", AUTOMATIC_EXCERPT: flag}
    summary = to_document(rest_item(content={"rendered": content}, excerpt=excerpt)).document.summary
    assert len(summary.split()) <= 56 if flag is True else summary == ""
