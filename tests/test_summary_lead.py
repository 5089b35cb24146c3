"""A summary does not open with what the cleanup took out of the body's start (generator/convert/summary_lead.py):
WordPress's automatic excerpt of a site with WP Last Modified Info, a share bar or a heading repeating the title
began with them; nor does it run together words the page shows apart (generator/convert/summary_spaces.py)."""

from __future__ import annotations

import re
import time

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.summary_lead import BODY_READ, MARKUP, MATCHED, WORD, _opening_words, without_dropped_lead
from generator.convert.summary_spaces import spaced_as_shown
from generator.convert.wp_post import to_document
from tests.conftest import rest_item as item

STORY = "<p>The council voted on Tuesday to close the old market by the river, after a long debate.</p>"


def _summary(content: str, excerpt: str, title: str = "Market closes") -> str:
    data = item(content={"rendered": content}, excerpt={"rendered": excerpt}, title={"rendered": title})
    return to_document(data).document.summary


def test_the_last_update_line_and_share_counts_leave_the_automatic_summary() -> None:
    content = ('<p class="post-modified-info">Last Updated on May 8, 2024 by <a class="last-modified-author" '
               'href="https://example.com/author/ana/">Ana</a></p><aside class="mashsb-container"><div '
               'class="mashsb-count"><div class="counts">31</div><span>SHARES</span></div></aside>' + STORY)
    excerpt = ("<p>Last Updated on May 8, 2024 by Ana 31 SHARES The council voted on Tuesday to close the old "
               "market by the river, after a long debate. […]</p>")
    assert _summary(content, excerpt) == ("The council voted on Tuesday to close the old market by the river, "
                                          "after a long debate. […]")


def test_a_heading_that_repeats_the_title_leaves_the_summary_as_it_leaves_the_body() -> None:
    content = "<h2>Market closes</h2>" + STORY
    excerpt = "<p>Market closes The council voted on Tuesday to close the old market by the river [&hellip;]</p>"
    assert _summary(content, excerpt).startswith("The council voted")


def test_the_summary_keeps_the_quote_or_bracket_its_first_words_open_with() -> None:
    """A Czech charity's page opened with its title again, then `„Adoptovat“ děti, znamená…`: the summary lost the
    title and with it the opening „ (`Adoptovat“ děti`)."""
    content = ("<h1>Děti k adopci</h1><p>„Adoptovat“ děti, znamená financovat jejich vzdělání a podílet se na "
               "celkovém zlepšení jejich životní situace.</p>")
    excerpt = ("<p>Děti k adopci „Adoptovat“ děti, znamená financovat jejich vzdělání a podílet se na celkovém "
               "zlepšení [&hellip;]</p>")
    assert _summary(content, excerpt, title="Děti k adopci").startswith("„Adoptovat“ děti, znamená")
    assert without_dropped_lead("Market closes (Updated) The council voted on Tuesday to close it", "The council "
                                "voted on Tuesday to close it", "<p>Market closes (Updated)</p>") == (
        "The council voted on Tuesday to close it")  # a bracket the dropped words close stays with them


def test_a_summary_its_author_wrote_stays_as_written() -> None:
    assert _summary(STORY, "<p>Vendors lose their stalls. The council voted on Tuesday to close the old market "
                           "by the river.</p>").startswith("Vendors lose their stalls.")
    assert _summary(STORY, "<p>The council voted on Tuesday to close it.</p>") == (
        "The council voted on Tuesday to close it.")


def test_a_body_of_a_few_words_leaves_the_summary_alone() -> None:
    assert without_dropped_lead("Updated today. Short post", "Short post", "<p>Updated today.</p><p>Short post</p>") \
        == "Updated today. Short post"


def test_pictures_links_and_heading_ids_of_the_body_are_not_read_as_its_words() -> None:
    body = ("[![A boat](https://e.com/boat.jpg)](https://e.com/boat.jpg)\n\n## The vote on the market {#vote}\n\n"
            "The council [voted](https://e.com/v) today.")
    content = "<p>5 min read</p><p><img alt='A boat'></p><h2>The vote on the market</h2><p>The council voted</p>"
    assert without_dropped_lead("5 min read The vote on the market The council voted today", body, content) == (
        "The vote on the market The council voted today")


words = st.lists(st.sampled_from(["one", "two", "three", "Four", "fünf", "x"]), min_size=0, max_size=20)


@given(words, words, words)
def test_what_is_left_is_the_summary_or_an_end_of_it(lead: list[str], story: list[str], other: list[str]) -> None:
    summary = " ".join(lead + story)
    body = " ".join(story)
    content = " ".join(lead + other)
    result = without_dropped_lead(summary, body, content)
    assert summary.endswith(result)
    dropped = summary.split()[:len(summary.split()) - len(result.split())]
    assert content.split()[:len(dropped)] == dropped  # only the content's own opening words go


def test_long_hostile_texts_take_linear_time() -> None:
    for text in ("<" * 100_000, "![" * 100_000, "](" * 100_000, "{#" * 100_000, "a " * 100_000,
                 "<script>" * 100_000, "http://" * 100_000):
        started = time.process_time()
        without_dropped_lead(text, text, text)
        without_dropped_lead("b " * 100_000, "a b c d e f " * 20_000, text)
        assert time.process_time() - started < 1.0, text[:10]


@given(st.lists(st.sampled_from(["![", "](", ")", "]", "<", ">", "\\", "{#", "}", "\n", " ", "a", "Bé", "7", "_",
                                  "https://", "x"]), max_size=60))
def test_the_bodys_first_words_are_those_left_once_its_markup_is_blanked(pieces: list[str]) -> None:
    body = "".join(pieces)
    blanked = WORD.findall(MARKUP.sub(" ", body[:BODY_READ]))[:MATCHED]  # the rule as first written: slower
    assert _opening_words(body) == [word.casefold() for word in blanked]


BUILDER_PAGE = ('<div class="elementor-widget-container"><h2 class="elementor-heading-title">Web Developer</h2></div>'
                '</div><div class="elementor-widget-container"><p>Natalie builds <strong>fast</strong> shops for '
                "bakers, tailors and florists in the old town, and teaches others to.</p></div>")


def test_words_wordpress_ran_together_across_blocks_stand_apart() -> None:
    excerpt = ("<p>Web DeveloperNatalie builds fast shops for bakers, tailors and florists in the old town, and "
               "[&hellip;]</p>")
    assert _summary(BUILDER_PAGE, excerpt, "About") == (
        "Web Developer Natalie builds fast shops for bakers, tailors and florists in the old town, and […]")


def test_a_summary_its_author_wrote_keeps_its_spacing() -> None:
    assert _summary(BUILDER_PAGE, "<p>Web DeveloperNatalie, in her words</p>", "About") == (
        "Web DeveloperNatalie, in her words")
    assert spaced_as_shown("Bold<b>er</b> words", "<p>Bold<b>er</b> words</p>") == "Bold<b>er</b> words"
    assert spaced_as_shown("Bolder words", "<p>Bold<b>er</b> words</p>") == "Bolder words"


@given(st.lists(st.sampled_from(["one", "two", "<p>", "</p>", "<b>", "</b>", "<div>", "</div>", " ", "<br>"]),
                max_size=30), st.integers(min_value=0, max_value=12))
def test_only_spaces_are_added_to_a_summary(pieces: list[str], words: int) -> None:
    content = "".join(pieces)
    summary = " ".join(re.sub(r"<[^<>]*>", "", content).split()[:words])
    result = spaced_as_shown(summary, content)
    assert result.split() == summary.split() or "".join(result.split()) == "".join(summary.split())


@given(st.lists(st.sampled_from(["one", "two", "<span itemprop=\"name\">", "<span itemscope>", "<span>", "</span>",
                                  "<a href=\"/x\">", "</a>", "<p>", "</p>", " "]), max_size=30),
       st.integers(min_value=0, max_value=12))
def test_microdata_values_only_gain_spaces(pieces: list[str], words: int) -> None:
    content = "".join(pieces)
    summary = " ".join(re.sub(r"<[^<>]*>", "", content).split()[:words])
    result = spaced_as_shown(summary, content)
    assert "".join(result.split()) == "".join(summary.split())


def test_spacing_long_hostile_content_takes_linear_time() -> None:
    for content in ("<div" * 100_000, "<script>" * 100_000, "</p>a" * 100_000, "a " * 100_000):
        started = time.process_time()
        spaced_as_shown("a " * 55, content)
        assert time.process_time() - started < 1.0, content[:10]


def test_an_address_the_body_shows_as_words_stays_in_the_summary() -> None:
    body = "http://youtu.be/abc\n\nThe president said on Monday that the plan would go ahead as agreed."
    content = "<p>http://youtu.be/abc</p><p>The president said on Monday that the plan would go ahead.</p>"
    summary = "http://youtu.be/abc The president said on Monday that the plan would go ahead."
    assert without_dropped_lead(summary, body, content) == summary
    autolink = body.replace("http://youtu.be/abc", "<http://youtu.be/abc>")
    assert without_dropped_lead(summary, autolink, content) == summary


def test_a_tag_the_body_shows_as_words_stays_in_the_summary() -> None:
    body = "\\<geek_speak>\n\nThe blogs are alive with posts about the new release of the compiler."
    content = "<p>&lt;geek_speak&gt;</p><p>The blogs are alive with posts about the new release of the compiler.</p>"
    summary = "<geek_speak> The blogs are alive with posts about the new release of the compiler."
    assert without_dropped_lead(summary, body, content) == summary


def test_words_under_a_builders_long_markup_are_still_read() -> None:
    markup = '<div class="elementor-element" data-settings="{&quot;background&quot;:&quot;classic&quot;}">' * 200
    content = markup + BUILDER_PAGE + "</div>" * 200
    assert spaced_as_shown("Web DeveloperNatalie builds fast shops […]", content) == (
        "Web Developer Natalie builds fast shops […]")
