"""HTML that list pages repeat for every post they show, made in Python from parts escaped once per build.

A post shows as a card on five or six list pages (home, its type, each of its terms, its year and month), and
a Jinja loop over a card's dozen fields cost more than the rest of those pages together. The parts that are the
same on every page (title, date, summary, term names) are escaped here once per post; a page adds only its
relative links. The markup is exactly what the card loop of the default list.html gave, so pages keep their
bytes; a template that builds its own cards from a summary's fields (title, href, date, ...) still can.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.render.media_views import FeaturedImage
from generator.render.text_direction import heading_direction


@dataclass(frozen=True)
class CardParts:
    """What a card shows of a post apart from its links, already escaped."""

    title: str
    time: str  # the <time> of the post's date
    meta: str  # the card's date line
    summary: str  # its paragraph, or "" when the post has no summary
    tags: str  # the line of term links, with a str.format field for each href; "" for a post without terms
    direction: str = ""  # "rtl" or "ltr" where the post's text runs otherwise than the page's, else ""
    language: str = ""  # the post's language tag where it is not the page's, else "" (escaped)
    title_direction: str = "auto"  # the title's `dir` (text_direction.heading_direction)


def card_parts(title: str, iso: str, text: str, summary: str, term_names: Sequence[str],
               direction: str = "", language: str = "", removed: str = "", more: bool = False) -> CardParts:
    """`removed`: the words that say the post is gone from the source site, "" while it is there; `more`:
    whether the post has terms beyond `term_names`, which its own page shows (an ellipsis says so)."""
    time = f'<time datetime="{escaped(iso)}">{escaped(text)}</time>'
    language = escaped(language)
    braced = (escaped(name).replace("{", "{{").replace("}", "}}") for name in term_names)
    links = " · ".join([*(f'<a href="{{}}">{name}</a>' for name in braced), *(["…"] if more else [])])
    gone = f' · <strong class="removed">{escaped(removed)}</strong>' if removed else ""
    return CardParts(escaped(title), time, f'<p class="meta">{time}{gone}</p>\n',
                     f"<p{_lang(language)}>{escaped(summary)}</p>\n" if summary else "",
                     f'<p class="tags">{links}</p>\n' if term_names else "", direction, language,
                     heading_direction(title))


def term_names(terms: Sequence[tuple[str, str]]) -> list[str]:
    """The names a card shows for a post's terms, given as (name, its taxonomy's label): a name two of them
    share (a category and a tag both called "Trends") says whose it is, "Trends (Tags)", as the card's line
    names no taxonomy and would show the word twice over, each a link to another page."""
    counts: dict[str, int] = {}
    for name, _ in terms:
        counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
    return [f"{name} ({label})" if counts[name.casefold()] > 1 and label else name for name, label in terms]


def tags_html(hrefs: Sequence[str], parts: CardParts) -> str:
    """The card's line of term links, `hrefs` in the order of the post's terms; "" for a post without terms.
    (Filled in by one str.format: a page makes this line for most posts it lists.)"""
    return parts.tags.format(*map(escaped, hrefs)) if hrefs else ""


def card(parts: CardParts, href: str, tags: str, image: FeaturedImage | None) -> Markup:
    """One post's <li> in a list page, without its final newline; `tags` is from tags_html."""
    figure = _figure(image) if image and image.src else ""
    opening = f'<li dir="{parts.direction}">' if parts.direction else "<li>"
    heading = f'<h2 dir="{parts.title_direction}"{_lang(parts.language)}>'
    return Markup(f'{opening}\n{figure}{heading}<a href="{escaped(href)}">{parts.title}</a></h2>\n'
                  f"{parts.meta}{parts.summary}{tags}</li>")


def _lang(language: str) -> str:
    """The attribute that marks the post's own text (title, summary) as of its language, where it has its own."""
    return f' lang="{language}"' if language else ""


def _figure(image: FeaturedImage) -> str:
    return (f'<figure class="featured"><img src="{escaped(image.src)}" alt="{escaped(image.alt)}" '
            f'width="{image.width}" height="{image.height}" loading="lazy" decoding="async"></figure>\n')


def escaped(text: str) -> str:
    # markupsafe's escape, as Jinja's autoescape uses it, so a card has the bytes the template gave. Most text
    # and every relative link (a quote()d path) has nothing to escape, which five searches in C show fastest.
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return str(escape(text))
    return text
