"""A summary holds no words the page gave screen readers alone (generator/convert/summary_unseen.py): WordPress's
automatic excerpt strips the content's tags, so a theme's hidden labels and Gutenberg's "(opens in a new tab)"
ran into it, though the body leaves them out; nor an embedded widget's credit line, which the body leaves out too."""

from __future__ import annotations

import re
import time

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.summary_unseen import without_unseen_words
from generator.convert.wp_post import to_document
from tests.conftest import rest_item as item


def _summary(content: str, excerpt: str) -> str:
    data = item(content={"rendered": content}, excerpt={"rendered": excerpt}, title={"rendered": "Session"})
    return to_document(data).document.summary


# In the shape of a conference theme's session (webaquebec 2016): its length and its bookmark button's label are
# for screen readers, the speaker, room and track are shown.
SESSION = ('<div class="session-wrapper"><div class="session-content"><span class="visuallyhidden">Durée : 45 '
           'minutes</span><span class="session-speaker">Ana Roy</span> <a href="/rooms/o2/">O2 Web</a></div>'
           '<button class="session-bookmark add"><span class="visuallyhidden">Ajouter cette conférence à mon '
           'horaire</span></button></div><p>Le marketing par abonnement, tendance lourde ou mode passagère?</p>')


def test_a_session_summary_loses_the_words_only_screen_readers_heard() -> None:
    excerpt = ("<p>Durée : 45 minutesAna Roy O2 WebAjouter cette conférence à mon horaireLe marketing par "
               "abonnement, tendance lourde ou mode passagère?</p>")
    assert _summary(SESSION, excerpt) == "Ana Roy O2 Web Le marketing par abonnement, tendance lourde ou mode passagère?"


# As the theme wrote most sessions: speaker, room and track as microdata side by side, with nothing between them.
MICRODATA_SESSION = ('<div class="session-content"><span class="visuallyhidden">Durée : 45 minutes</span><span '
                     'class="session-speaker" itemprop="performer" itemscope itemtype="http://schema.org/Person"><span '
                     'itemprop="name">Ana Roy</span></span><span class="session-room" itemprop="location" itemscope '
                     'itemtype="http://schema.org/Place"><span itemprop="name"><a href="/rooms/o2/">O2 Web</a></span>'
                     '</span><span class="track"><a href="/tracks/marketing/">Marketing</a></span></div><button '
                     'class="session-bookmark add"><span class="visuallyhidden">Ajouter cette conférence à mon horaire'
                     '</span></button><p>Le marketing par abonnement, tendance lourde ou mode passagère?</p>')


def test_a_session_summary_keeps_its_speaker_room_and_track_apart() -> None:
    excerpt = ("<p>Durée : 45 minutesAna RoyO2 WebMarketingAjouter cette conférence à mon horaireLe marketing par "
               "abonnement, tendance lourde ou mode passagère?</p>")
    assert _summary(MICRODATA_SESSION, excerpt) == (
        "Ana Roy O2 Web Marketing Le marketing par abonnement, tendance lourde ou mode passagère?")
    # Without screen-reader text to leave out, the excerpt is read apart the same way.
    shown = re.sub(r'<span class="visuallyhidden">[^<]*</span>', "", MICRODATA_SESSION)
    assert _summary(shown, "<p>Ana RoyO2 WebMarketingLe marketing par [&hellip;]</p>") == (
        "Ana Roy O2 Web Marketing Le marketing par […]")
    # A value inside a word stays in it, as in the body.
    assert _summary('<p>Only $<span itemprop="price">5</span> a month</p>', "<p>Only $5 a month</p>") == (
        "Only $5 a month")


def test_a_summary_of_hidden_words_alone_is_empty() -> None:
    content = ('<span class="screen-reader-text">Durée : 1 heure</span><button><span class="screen-reader-text">'
               'Ajouter</span></button>')
    assert _summary(content, "<p>Durée : 1 heureAjouter</p>") == ""


def test_a_link_s_new_tab_note_leaves_a_cut_summary_which_keeps_its_length() -> None:
    words = " ".join(f"w{n}" for n in range(60))
    content = (f'<p>The <a href="https://e.com/" target="_blank">report<span class="screen-reader-text"> (opens '
               f'in a new tab)</span></a> says {words}</p>')
    shown = "The report (opens in a new tab) says " + words
    excerpt = " ".join(shown.split()[:55]) + " [&hellip;]"
    summary = _summary(content, f"<p>{excerpt}</p>")
    assert summary.startswith("The report says w0 w1 ")
    assert summary.endswith(" w51 […]") and len(summary.split()) == 56


# In the shape of a community group's pledge page: a Google Form's frame, whose fallback words WordPress's excerpt kept.
FORM = ('<iframe loading="lazy" src="https://docs.google.com/forms/d/e/1FAIpQL/viewform?embedded=true" width="650" '
        'height="1300" frameborder="0">Loading&#8230;</iframe>')


def test_a_frame_s_fallback_words_are_no_summary() -> None:
    assert _summary(f"<p>{FORM}</p>", "<p>Loading&#8230;</p>") == ""
    assert _summary(f"<blockquote><p>I support the pledge.</p></blockquote>\n<p>{FORM}</p>",
                    "<p>I support the pledge. Loading&#8230;</p>") == "I support the pledge."


# Eventbrite's code to embed an event's tickets: a frame, and its credit line under it (a start-up's seminar post).
TICKETS = ('<div style="width:100%; text-align:left;"><iframe src="https://www.eventbrite.com/tickets-external?eid=12&'
           'ref=etckt" frameborder="0" height="275" width="100%"></iframe><div style="font-size:12px; padding:10px 0 5px;'
           '"><a class="powered-by-eb" style="color: #ADB0B6;" target="_blank" href="http://www.eventbrite.com/">'
           'Powered by Eventbrite</a></div></div>')


def test_an_embeds_credit_line_is_no_summary() -> None:
    """WordPress's excerpt of a post holding only the tickets was "Powered by Eventbrite" (round 62b)."""
    assert _summary(TICKETS, "<p>Powered by Eventbrite</p>") == ""
    assert _summary(f"{TICKETS}\n<p>Join us for the seminar.</p>",
                    "<p>Powered by Eventbrite Join us for the seminar.</p>") == "Join us for the seminar."


def test_words_an_author_wrote_as_the_excerpt_stay() -> None:
    assert _summary(f"<p>{FORM}</p>", "<p>Loading</p>") == "Loading"
    assert _summary(f"<p>{FORM}</p>", "<p>Sign the pledge</p>") == "Sign the pledge"


def test_a_tag_with_long_attributes_is_not_read_as_words() -> None:
    sheet = '<span data-sheets-value="[null,2,&quot;' + "Avec des communautés " * 100 + '&quot;]">'
    content = ('<span class="visuallyhidden">Durée : 45 minutes</span><span>Ana Roy</span><p>' + sheet
               + "Avec des communautés respectives de 1.5 milliard</span></p>")
    excerpt = "<p>Durée : 45 minutesAna RoyAvec des communautés respectives de 1.5 milliard</p>"
    assert _summary(content, excerpt) == "Ana Roy Avec des communautés respectives de 1.5 milliard"


def test_a_summary_its_author_wrote_stays_as_written() -> None:
    assert _summary(SESSION, "<p>Ana Roy on subscriptions.</p>") == "Ana Roy on subscriptions."


def test_hidden_words_after_what_the_summary_shows_change_nothing() -> None:
    content = '<p>One two three four.</p><p><span class="sr-only">Hidden</span> five</p>'
    assert without_unseen_words("One two […]", content)[0] == "One two […]"


def test_a_content_without_screen_reader_text_is_the_same_object() -> None:
    content = "<p>Nothing hidden here, only a <span class='srx-only'>lookalike</span>.</p>"
    assert without_unseen_words("Nothing hidden here", content)[1] is content


def test_hidden_words_far_into_a_long_content_are_not_looked_for() -> None:
    story = "<p>" + " ".join(f"w{n}" for n in range(3000)) + "</p>"
    content = story + '<span class="sr-only">Hidden</span>' + story
    summary, seen = without_unseen_words("w0 w1 w2 […]", content)
    assert summary == "w0 w1 w2 […]" and "sr-only" in seen


words = st.lists(st.sampled_from(["one", "two", "Drei", "vier", "x", "5"]), min_size=1, max_size=12)


@given(words, words, words)
def test_the_summary_is_the_shown_words_excerpt(before: list[str], hidden: list[str], after: list[str]) -> None:
    content = (f"<p>{' '.join(before)} <span class=\"sr-only\">{' '.join(hidden)}</span> "
               f"{' '.join(after)}</p>")
    excerpt = " ".join(before + hidden + after)
    assert without_unseen_words(excerpt, content)[0] == " ".join(before + after)


def test_long_hostile_texts_take_linear_time() -> None:
    for text in ('<span class="sr-only">' * 50_000, "<" * 100_000, 'class="sr-only' * 20_000):
        started = time.process_time()
        without_unseen_words(text, text)
        assert time.process_time() - started < 2
