"""Links to a social profile whose address a widget's owner never filled in.

Follow-button widgets and themes ship with addresses to fill in (`https://www.linkedin.com/in/yourid`,
`http://pinterest.com/MyUserName/`, `https://twitter.com/username`): a site that left one as it came showed the
button anyway, which led to someone else's profile or to none. Such a link says nothing of the site: it is made
its words, and goes where it is a button, named by nothing, or by the site alone ("LinkedIn") or its own title
outside a sentence; counted either way.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements
from generator.convert.social_sites import social_profile

# The handles widgets' and themes' defaults hold, lowercase, without `-`, `_` and `@`.
PLACEHOLDERS = frozenset({"yourid", "youruserid", "myusername", "username", "yourusername", "yourname", "yourpage",
                          "yourprofile", "yourhandle", "youraccount", "yourcompany", "yourchannel", "yourchannelid",
                          "myfeedname", "userid", "yourpagename", "yourprofilename", "yourtwitterhandle"})
APART = re.compile(r"[-_@]")
WORD = re.compile(r"[^\W_]")


def unlink_placeholder_profiles(soup: BeautifulSoup, ctx: Context) -> None:
    for link in elements(soup, "a"):
        href = str(link.get("href") or "")
        site = social_profile(href) if href else ""
        if not site or _handle(href) not in PLACEHOLDERS:
            continue
        ctx.losses.note(loss.PLACEHOLDER_PROFILE, href)
        words = link.get_text(" ", strip=True)
        named = words.casefold() in (site.casefold(), str(link.get("title") or "").strip().casefold())
        if not WORD.search(words) or named and not _in_a_sentence(link):
            link.decompose()
        else:
            link.unwrap()


def _in_a_sentence(link: Tag) -> bool:
    """Whether words stand right before or after the link, which then names the site in the author's sentence
    ("follow us on X"), not a button's."""
    return any(isinstance(node, NavigableString) and not isinstance(node, Comment) and WORD.search(node)
               for node in (link.previous_sibling, link.next_sibling))


def _handle(href: str) -> str:
    """The last part of a profile's path, as PLACEHOLDERS spell it (`/in/Your-ID/` -> `yourid`)."""
    try:
        parts = [part for part in urlsplit(href.strip()).path.split("/") if part]
    except ValueError:
        return ""
    return APART.sub("", parts[-1]).lower() if parts else ""
