"""An author's name as the byline shows it.

WordPress bylines a post by its user's display name, which a user who never set one keeps as their login: on a
site whose users log in with their e-mail address, the byline is that address (`devsleman@example.go.id`). A
mirror that printed it would hand every reader, and every crawler, a working address: the byline is its local
part, the handle the user chose (`devsleman`).
"""

from __future__ import annotations

import re

# A whole name that is one e-mail address: no spaces, one `@`, a domain of two labels or more.
ADDRESS = re.compile(r"([^\s@<>\"']{1,64})@[^\s@<>\"']+\.[^\s@<>\"'.]{2,}")


def byline(name: str) -> str:
    """`name`, or the local part of the e-mail address it is."""
    found = ADDRESS.fullmatch(name)
    return found.group(1) if found else name
