"""Block plugins' markup that round 64e's rules read (dynamic blocks shown from their attributes, counters that end
at a box's `data-end`, tabs named by number or by `aria-labelledby`, contents boxes saved empty, contents links that
escape their ids), put together at random with hostile text, through the whole conversion of a post: no exception,
no warning."""

from __future__ import annotations

import json
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.convert.wp_post import to_document
from generator.convert.wp_render import render_content
from tests.conftest import rest_item

# A post's text reaches the conversion without lone surrogates (sources/wp_json.py replaces them); a block's
# attributes may escape one (`\ud83d`), which the export's rendering meets.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20) | st.sampled_from(
    ["<", "&", "]]>", "-->", "<!--", "1e999", "%E0%A7", "#", "", "tab-1"])
ATTRIBUTE_TEXT = TEXT | st.sampled_from(["\ud83d", "Go \udfff now"])
NUMBER = st.integers(min_value=-5, max_value=10**30).map(str) | TEXT
ATTRIBUTES = st.dictionaries(st.sampled_from(["text", "link", "content", "name", "questions", "steps", "label",
                                              "progressAmount", "buttons", "ubTweet", "level"]),
                             st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | ATTRIBUTE_TEXT,
                                          lambda inner: st.lists(inner, max_size=3)
                                          | st.dictionaries(ATTRIBUTE_TEXT, inner, max_size=3), max_leaves=8),
                             max_size=4)
BLOCK_NAMES = st.sampled_from(["kadence/singlebtn", "kadence/testimonial", "kadence/progress-bar", "ub/button",
                               "ub/click-to-tweet", "rank-math/faq-block", "rank-math/howto-block", "acme/unknown"])


def _dynamic(name: str, attributes: dict[str, object]) -> str:
    return render_content(f"<!-- wp:{name} {json.dumps(attributes)} /-->", 1, {})


PIECES = st.one_of(
    st.builds(_dynamic, BLOCK_NAMES, ATTRIBUTES),
    st.builds(lambda end, sep, t: f'<div class="kb-count-up" data-end="{end}" data-separator="{sep}" '
                                  f'data-prefix="{t}"><div class="kb-count-up-number">{t}</div></div>', NUMBER, TEXT,
              TEXT),
    st.builds(lambda n, t: f'<ul><li id="tab-{n}"><a href="#tab-{n}" data-tab="{n}">{t}</a></li></ul>'
                           f'<div class="x-inner-tab-{n}"><p>{t}</p></div>', NUMBER, TEXT),
    st.builds(lambda n, t: f'<a role="tab" href="#p{n}" data-tab="{n}">{t}</a><div aria-labelledby="p{n}">{t}</div>',
              NUMBER, TEXT),
    st.builds(lambda name, t: f'<div class="{name}"><button>{t}</button><ol></ol></div>',
              st.sampled_from(["toc", "avsTOC", "a-toc-b", "table_of_contents", "stock"]), TEXT),
    st.builds(lambda t, u: f'<div><a href="#{u}">{t}</a><a href="#{u}2">{t}</a></div><h2 id="{t}">{t}</h2>',
              TEXT, TEXT),
    st.builds(lambda t, u: f'<div id="inline-related-post"><div>{t}</div><ul><li><a href="/{u}/">{t}</a></li></ul></div>',
              TEXT, TEXT),
    TEXT.map(lambda t: f"<p>{t}</p>"),
)
LAYOUTS = st.recursive(PIECES, lambda inner: st.lists(inner, min_size=1, max_size=4).map(
    lambda parts: f"<div>{''.join(parts)}</div>"), max_leaves=10)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LAYOUTS, min_size=1, max_size=5))
def test_plugin_block_markup_converts_without_error_or_warning(parts: list[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        to_document(rest_item(content={"rendered": "".join(parts)}))


def test_deeply_nested_tabs_and_contents_boxes_convert() -> None:
    nested = '<div class="toc">' * 3000 + '<a data-tab="1">x</a><div class="a-tab-1">y</div>' + "</div>" * 3000
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        to_document(rest_item(content={"rendered": nested}))
