"""The automatic excerpt of a post read from a static copy's page that prints no summary.

REST and feeds give every post an excerpt: the one its author wrote, else the first 55 words of its text, which
WordPress makes itself. A copy's page prints one only where an SEO plugin wrote its description into the head, so
the posts of most copies had no summary (every card of an Italian magazine's and a Polish blog's home page, a
Bengali blog's 192 of 572). Where the page's reader marked the excerpt so (sources/wp_pages.AUTOMATIC_EXCERPT), it
is made of the post's text as WordPress makes it (convert/wp_render.auto_excerpt), and goes through what every
summary goes through after.
"""

from __future__ import annotations

import re
from typing import Any

from generator.convert import paired
from generator.convert.wp_render import auto_excerpt
from generator.sources.wp_pages import AUTOMATIC_EXCERPT

# A form a shortcode printed (a contact form, a shop's login): WordPress's excerpt is made before shortcodes run,
# and never holds its labels, which a copy's page shows ("Username or email address * Password * Remember me").
FORM = (re.compile(r"<(form)\b", re.IGNORECASE), lambda found: "</form>")


def automatic(data: dict[str, Any], content: str) -> str:
    """WordPress's automatic excerpt of `content`, where the post's excerpt is marked to be made so; else ''."""
    excerpt = data.get("excerpt")
    if not isinstance(excerpt, dict) or excerpt.get(AUTOMATIC_EXCERPT) is not True or excerpt.get("rendered"):
        return ""
    return auto_excerpt(paired.replace(content, paired.spans(content, *FORM), lambda _: " "))
