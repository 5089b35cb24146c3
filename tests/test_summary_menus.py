"""A summary holds no words of the site menus the body dropped (generator/convert/summary_menus.py): WordPress's
automatic excerpt strips the content's tags, so a page builder's menu drawn into a page ran into it, and kept its
opening, the title's heading that the body drops, from being compared with the body's."""

from __future__ import annotations

from generator.convert.summary_menus import without_menu_words
from generator.convert.wp_post import to_document
from tests.conftest import rest_item as item

# In the shape of a foundation's page on Elementor: the title again as a heading, its section's heading, then
# Elementor Pro's Menu widget leading to the founder's other pages, then the text.
MENU = ('<div class="elementor-element elementor-widget elementor-widget-n-menu"><nav class="e-n-menu"><ul>'
        '<li><a href="https://foundation.example/biography/">\n\tBiography\t\n</a></li>'
        '<li><a href="https://foundation.example/awards/">\n\tAwards\t\n</a></li>'
        '<li><a href="https://foundation.example/speeches/">\n\tSpeeches\t\n</a></li></ul></nav></div>')
CONTENT = (f"<h2>Our Founder</h2>\n<h2>Our Founder and Chairperson</h2>\n{MENU}\n<h2>Biography</h2>\n"
           "<p>She is a devoted advocate for the uplifting of vulnerable communities.</p>")


def _summary(content: str, excerpt: str) -> str:
    data = item(content={"rendered": content}, excerpt={"rendered": excerpt}, title={"rendered": "Our Founder"})
    return to_document(data).document.summary


def test_a_summary_loses_the_words_of_a_dropped_menu_and_the_dropped_title() -> None:
    excerpt = ("<p>Our Founder Our Founder and Chairperson Biography Awards Speeches Biography She is a devoted "
               "advocate for the uplifting of vulnerable communities.</p>")
    assert _summary(CONTENT, excerpt) == (
        "Our Founder and Chairperson Biography She is a devoted advocate for the uplifting of vulnerable communities.")


def test_a_summary_the_author_wrote_stays() -> None:
    assert _summary(CONTENT, "<p>Her life and work.</p>") == "Her life and work."


def test_only_the_menu_s_words_in_a_row_and_as_words_go() -> None:
    menus = [("Biography", "Awards", "Speeches"), ("Home",)]
    assert without_menu_words("Home Biography Awards Speeches Biography", menus) == "Home Biography"
    assert without_menu_words("BiographyAwards Speeches went", menus) == "went"  # tags stripped without a space
    assert without_menu_words("Autobiography Awards Speeches", menus) == "Autobiography Awards Speeches"
    assert without_menu_words("Biography and Awards", menus) == "Biography and Awards"
