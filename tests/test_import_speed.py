"""Shortcuts that make a cold import cheaper give what the longer ways gave (round 64f).

Each property holds a shortcut equal to the code it stands in for, kept here as the reference: the walks of a static
copy's pages asked of libxml2, lxml.html's classes chosen in C, a post's words found without taking its HTML apart,
Cloudflare's links told apart before urlsplit, a menu's bars found without bs4's filters, and front matter with empty
mappings written by the shortcut instead of PyYAML's emitter."""

from __future__ import annotations

from urllib.parse import urlsplit

import lxml.html
import pytest
import yaml
from bs4 import Tag
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert import menu_separators, page_builders, protected_emails
from generator.convert.custom_fields import TAG, _has_words
from generator.convert.parse import parse_fragment
from generator.sources import page_dates, page_markup, wp_pages
from generator.store import front_matter

PIECES = ["<div class='a b'>", "<div class=''>", "<p itemprop='datePublished' content='2020-01-02'>", "</p>",
          "<span itemprop='dateModified'>", "</span>", "<aside class='widget'>", "</aside>", "<form><input class='x'>",
          "</form>", "<label class='l'>", "</label>", "<!-- c -->", "<li class=' '>", "</li>", "words", "</div>",
          "<select><option class='o'>a</select>", "<textarea class='t'>x</textarea>", "&amp;", "<br>"]
page_markup_text = st.lists(st.sampled_from(PIECES), max_size=25).map(
    lambda pieces: "<html><body class='single postid-1'>" + "".join(pieces) + "</body></html>")


def _page(markup: str, lookup: bool) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(huge_tree=True)
    if lookup:
        parser.set_element_class_lookup(wp_pages.HTML_CLASSES)
    return lxml.html.document_fromstring(markup.encode(), parser=parser)


@settings(max_examples=300, deadline=None)
@given(markup=page_markup_text)
def test_a_static_copys_walks_find_what_python_walks_found(markup: str) -> None:
    document = _page(markup, lookup=True)
    walked = [e for e in document.iter() if isinstance(e.tag, str) and e.get("class") is not None]
    assert page_markup.classed(document) == walked
    for field in ("datePublished", "dateModified"):
        found = [n for n in document.iterfind(".//*[@itemprop]") if n.get("itemprop") == field]
        assert page_dates.ITEMPROP(document, field=field) == found


@settings(max_examples=300, deadline=None)
@given(markup=page_markup_text)
def test_a_page_read_with_classes_chosen_in_c_is_the_same_page(markup: str) -> None:
    ours, theirs = _page(markup, lookup=True), _page(markup, lookup=False)
    assert lxml.html.tostring(ours, encoding="unicode") == lxml.html.tostring(theirs, encoding="unicode")
    assert [(e.tag, e.text_content(), e.get("class")) for e in ours.iter() if isinstance(e.tag, str)] == \
        [(e.tag, e.text_content(), e.get("class")) for e in theirs.iter() if isinstance(e.tag, str)]
    assert all(isinstance(e, lxml.html.HtmlMixin) for e in ours.iter())


@settings(max_examples=2000, deadline=None)
@given(html=st.text(st.sampled_from(list("<> \n\t\xa0\u3000\u2028ab/")), max_size=40))
def test_a_posts_words_are_found_as_taking_its_tags_out_found_them(html: str) -> None:
    assert _has_words(html) == bool(TAG.sub("", html).strip())


def _protected_before(href: str) -> str | None:
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return None
    return parts.fragment if protected_emails.PROTECTION_PATH.search(parts.path) else None


@settings(max_examples=1000, deadline=None)
@given(href=st.lists(st.sampled_from(["/cdn-cgi/l/email-", "protection", "email-protection", "\n", "\t", "\r", " ",
                                      "#", "a1b2", "http://[x", "https://site", "/", ".html", "index.html", "?q"]),
                     max_size=8).map("".join))
def test_cloudflares_links_are_told_apart_as_urlsplit_told_them(href: str) -> None:
    assert protected_emails._protected(href) == _protected_before(href)


@settings(max_examples=500, deadline=None)
@given(inner=st.lists(st.sampled_from(["|", " ", "•", "<b>|</b>", "<!-- x -->", "<a href='/x'>A</a>", "::", "-",
                                       "<br>", "text", "&#124;"]), max_size=4).map("".join))
def test_a_menus_bar_is_found_as_bs4s_find_found_it(inner: str) -> None:
    item = parse_fragment(f"<ul><li>{inner}</li></ul>").find("li")
    assert isinstance(item, Tag)
    before = item.find(True) is None and item.get_text(strip=True) in menu_separators.SEPARATORS
    assert menu_separators._bar(item) == before


@pytest.mark.parametrize("metadata", [
    {"title": "T", "taxonomies": {}}, {"a": []}, {"a": None}, {"a": [True, False, None, {}, []]},
    {"a": {"b": {}, "c": [{"d": None}]}},
])
def test_front_matter_with_empty_or_unset_values_takes_the_shortcut(monkeypatch: pytest.MonkeyPatch,
                                                                    metadata: dict) -> None:
    """An empty `taxonomies: {}` in nearly every post of a site sent each post's front matter through PyYAML's
    emitter, a sixth of its import's CPU; the shortcut writes what PyYAML wrote."""
    expected = yaml.dump(metadata, Dumper=front_matter.Dumper, sort_keys=False, default_flow_style=False,
                         allow_unicode=True, width=front_matter.NO_WRAP).strip()

    def refused(*args: object, **kwargs: object) -> str:
        raise AssertionError("PyYAML's emitter was asked")

    monkeypatch.setattr(front_matter.yaml, "dump", refused)
    assert front_matter.dump(metadata) == expected



@settings(max_examples=1000, deadline=None)
@given(attributes=st.lists(st.sampled_from(["&#8220;", "&#8217;", "&rdquo;", "&Prime;", "“", "’", "«", "»", "\xa0",
                                            "&#160;", "&nbsp;", "&#187;", "&laquo;", "a", "=", " ", "x&y", "&#8211;",
                                            '"']), max_size=8).map("".join))
def test_a_shortcodes_quotes_are_straightened_as_before(attributes: str) -> None:
    def before(text: str) -> str:
        if '"' in text or "'" in text:
            return text
        return page_builders.CURLED.sub(lambda m: "'" if page_builders.SINGLE.fullmatch(m.group(0)) else '"', text)

    assert page_builders.straight_quotes(attributes) == before(attributes)
