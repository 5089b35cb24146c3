"""Co-Authors Plus, as an export (or a database made one) holds it: newsrooms credit a story to its writers through
the plugin's `author` taxonomy, a term per writer named by login (`<category domain="author" nicename="cap-beeboop">
beeboop</category>`), and keep writers without an account as `guest-author` posts whose fields hold their name and
e-mail address. The story's page bylines those writers, not the editor who posted it (`dc:creator`; the convert
stage bylines a post with its `author` terms' names, as PublishPress Authors names them too), and each writer's page
is the plugin's author page, which the term's page stands for here; a guest author's post is no page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TAXONOMY = "author"
PREFIX = "cap-"  # the plugin's term slugs: `cap-` and the writer's login as WordPress makes it an address
GUEST_TYPE = "guest-author"


def is_credit(taxonomy: str, slug: str) -> bool:
    return taxonomy == TAXONOMY and slug.startswith(PREFIX)


def guest_name(title: str, meta: Mapping[str, str]) -> str:
    """A guest author's name as the plugin shows it."""
    return (meta.get("cap-display_name") or title).strip()


def credited_name(slug: str, login: str, guests: Mapping[str, str], users: Mapping[str, dict[str, Any]],
                  described: Mapping[str, str] | None = None) -> str:
    """The name of the writer a term credits: a guest author's by the term's slug, else the export's user's by the
    login the term is named by, else the name the term's description gives (see described_name), else that login."""
    user = users.get(login)
    return guests.get(slug) or (str(user["name"]) if user else "") or (described or {}).get(slug, "") or login


def described_name(description: str, login: str) -> str:
    """The writer's display name, from the description the plugin gives each term for its search: their display
    name, first and last names, login, id and e-mail address, a space between each ("Ana Sousa Ana Sousa ana 12
    ana@example.org"). An export lists only users who posted, so a co-author who never did was bylined by login.
    Only a description that says it plainly is read: first and last names empty ("Ana Sousa   ana 12 …"), or the
    display name made of them ("Ana Sousa Ana Sousa ana …"); else ''. The e-mail address is never kept."""
    end = description.find(f" {login} ")
    if end <= 0 or not description[end + len(login) + 2:].split(" ", 1)[0].isdigit():
        return ""
    names = description[:end]
    if names.endswith("  "):
        return names.strip()
    half = len(names) // 2
    return names[:half] if names[half:half + 1] == " " and names[:half] == names[half + 1:] else ""
