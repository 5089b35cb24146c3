"""Parts of pages made in Python: a post's table of contents, term links, related posts and source footer, and
every page's nav.

Jinja's loops over these small lists (a recursive one for the contents) cost more than the rest of a post's
page, and the nav is the same on every page at one depth. Each function gives exactly the markup the loop of the default post.html gave, so pages keep their
bytes; the views keep the lists themselves (toc, term_groups, related, nav) for templates that make their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from markupsafe import Markup

from generator.language.words import Words
from generator.render.card_views import escaped
from generator.render.url_text import readable_html


class _Link(Protocol):
    href: str
    text: str


class _Toc(Protocol):
    href: str
    text: str
    children: Sequence[_Toc]


class _TermGroup(Protocol):
    label: str
    href: str
    terms: Sequence[_Link]


class _Moment(Protocol):
    iso: str
    text: str


class _Revision(Protocol):
    date: _Moment
    summary: str


class _Provenance(Protocol):
    first: _Moment | None
    last_changed: _Moment
    earlier: Sequence[_Revision]


def nav_html(links: Sequence[_Link], words: Words) -> Markup:
    """The site's nav as base.html shows it, or nothing for a site with nothing to browse."""
    if not links:
        return Markup("")
    items = "".join(f'<li><a href="{escaped(link.href)}">{escaped(link.text)}</a></li>\n' for link in links)
    return Markup(f'<nav aria-label="{escaped(words.browse)}">\n<ul>\n{items}</ul>\n</nav>\n')


def toc_html(toc: Sequence[_Toc], words: Words) -> Markup:
    """The page's contents as a nav element, or nothing for a page without one."""
    if not toc:
        return Markup("")
    return Markup(f'<nav class="toc" aria-labelledby="toc-title">\n<h2 id="toc-title">{escaped(words.contents)}</h2>\n'
                  f"<ol>\n{_toc_items(toc)}</ol>\n\n</nav>\n")


def _toc_items(entries: Sequence[_Toc]) -> str:
    items = []
    for entry in entries:
        children = f"<ol>\n{_toc_items(entry.children)}</ol>\n" if entry.children else ""
        items.append(f'<li><a href="{escaped(entry.href)}">{escaped(entry.text)}</a>{children}</li>\n')
    return "".join(items)


def terms_html(groups: Sequence[_TermGroup], separator: str = ", ") -> Markup:
    """The post's terms by taxonomy as a description list, or nothing for a post without terms; `separator`: the
    one between a taxonomy's terms in the site's language (language/lists.py)."""
    if not groups:
        return Markup("")
    parts = ['<dl class="terms">\n']
    for group in groups:
        links = escaped(separator).join(f'<a href="{escaped(t.href)}">{escaped(t.text)}</a>' for t in group.terms)
        parts.append(f'<dt><a href="{escaped(group.href)}">{escaped(group.label)}</a></dt>\n<dd>{links}</dd>\n')
    parts.append("</dl>\n")
    return Markup("".join(parts))


def related_html(words: Words, items: Sequence[tuple[str, str, str]]) -> Markup:
    """`items` are (href, escaped title, escaped <time>) of each related post (card_views.CardParts)."""
    if not items:
        return Markup("")
    lines = "".join(f'<li><a href="{escaped(href)}">{title}</a> <span class="meta">{time}</span></li>\n'
                    for href, title, time in items)
    return Markup('<aside class="related" aria-labelledby="related-title">\n'
                  f'<h2 id="related-title">{escaped(words.related)}</h2>\n<ul>\n{lines}</ul>\n</aside>\n')


def about_html(source_url: str, provenance: _Provenance | None, words: Words) -> Markup:
    """The footer that says where the post comes from: "About this copy" with its mirror's record, or a line
    with the source alone, or nothing. Only a web address becomes a link: a front matter url of javascript: or
    data: stays text."""
    source = source_url.strip()
    shown = ""
    if source:
        shown = escaped(source)
        if source.lower().startswith(("http:", "https:")):
            # Left to right whatever the page's direction, as an address bar shows it.
            shown = f'<a href="{shown}" dir="ltr">{readable_html(source)}</a>'
    if provenance is None:
        return Markup(f'<footer class="source">\n<p>{words.html("published_at", source=Markup(shown))}</p>\n</footer>\n'
                      if source_url else "")
    lines = [f"<li>{words.html('source', source=Markup(shown))}</li>\n" if source else ""]
    if provenance.first:
        lines.append(f"<li>{words.html('first_mirrored', date=time_html(provenance.first))}</li>\n")
    lines.append(f"<li>{words.html('last_changed', date=time_html(provenance.last_changed))}</li>\n</ul>\n")
    if provenance.earlier:
        lines.append(f"<h3>{escaped(words.earlier_revisions)}</h3>\n<ul>\n")
        lines.extend(f"<li>{words.html('revised_on', date=time_html(r.date), summary=r.summary)}</li>\n"
                     for r in provenance.earlier)
        lines.append("</ul>\n")
    return Markup(f'<footer class="source provenance">\n<h2>{escaped(words.about_this_copy)}</h2>\n<ul>\n'
                  f'{"".join(lines)}</footer>\n')


def time_html(moment: _Moment) -> Markup:
    """A date as a <time> element, which templates fill into words (language/words.py, Words.html)."""
    return Markup(f'<time datetime="{escaped(moment.iso)}">{escaped(moment.text)}</time>')
