"""A contents box of in-page links, known by what it is (structure.drop_inpage_toc), whatever script its
headings' ids are written in and however its links escape them."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown

WORD = st.text(st.characters(categories=("Lu", "Ll", "Lo")), min_size=2, max_size=8)
TITLES = st.lists(st.lists(WORD, min_size=1, max_size=3).map(" ".join), min_size=2, max_size=4, unique=True)


@settings(max_examples=120, deadline=None)
@given(TITLES, st.booleans())
def test_a_contents_box_goes_whether_its_links_escape_the_ids_or_not(titles: list[str], escaped: bool) -> None:
    ids = [f"{n}_{title.replace(' ', '_')}" for n, title in enumerate(titles, 1)]
    links = "".join(f'<li><a href="#{quote(i) if escaped else i}">{n}) {t}</a></li>'
                    for n, (i, t) in enumerate(zip(ids, titles), 1))
    body = "".join(f'<h2 id="{i}">{n}) {t}</h2><p>Text {n}.</p>' for n, (i, t) in enumerate(zip(ids, titles), 1))
    ctx = Context()
    markdown = html_to_markdown(f'<p>Lead.</p><div class="toc"><p>Contents</p><ul>{links}</ul></div>{body}', ctx)
    assert dict(ctx.losses.counts) == {"plugin table of contents dropped": 1}
    assert "Contents" not in markdown and "](#" not in markdown
    assert all(f"Text {n}." in markdown for n in range(1, len(titles) + 1))


TOC_NAMES = st.sampled_from(["toc", "post-toc-wrap", "toc_box", "avsTOC", "table-of-contents", "TOC"])
OTHER_NAMES = st.sampled_from(["stock", "protocol", "tocado", "photoc", "content", "summary"])


@settings(max_examples=120, deadline=None)
@given(TOC_NAMES, OTHER_NAMES, st.lists(WORD, min_size=1, max_size=5).map(" ".join), st.booleans())
def test_an_empty_contents_box_goes_and_a_box_of_another_name_stays(name: str, other: str, title: str,
                                                                    as_id: bool) -> None:
    """A box named a table of contents, holding a title and a list its script never filled, goes; the same box
    under another name, or one whose words say more, is left as it is."""
    named = f'id="{name}"' if as_id else f'class="{name}"'
    ctx = Context()
    markdown = html_to_markdown(f'<p>Lead.</p><div {named}><button>{title}</button><ol></ol></div>'
                                f'<div class="{other}"><button>{title}</button><ol></ol></div>', ctx)
    assert dict(ctx.losses.counts) == {"plugin table of contents dropped": 1}
    assert markdown.count(title) == 1
    long = " ".join([title] * 6)
    assert long in html_to_markdown(f'<div class="{name}"><p>{long}</p></div>')
