"""A post's language from the language folder its site serves it, and its saved API, under.

WPML and Polylang serve each language but the site's own under a folder of its code (`/en/…`), the REST API of
that language too (`/en/wp-json/wp/v2/posts`). A crawl that saved each language's API in its folder, without the
`lang` or `wpml_current_locale` fields Polylang Pro and WPML add (a German firm's news, 76 posts in German and 74
in English at `/en/`), gave the English posts no language: their pages took the site's, German where the site
says so, and were read aloud with its voice. Where the folder the response was saved in and the folder of the
post's address name the same language, and its own words are of it (site_clues.written_in: its title and excerpt
suffice, as a crawl saved with `?_fields=` may hold no more), the post is in it. The words must agree: a site's
editions for countries are served under their codes too, and many of those are also languages' (`/uk/` Ukrainian,
`/ca/` Catalan, `/ar/` Arabic, `/br/` Breton), where an English edition for the United Kingdom is English; a post
with no word to tell keeps the site's language, as before. A crawl that saved only the site's root API (Polylang
without Pro gives every language's posts there, each at its language's address) is read so too: a post at `/de/…`
whose words are German is in German (a crypto blog's 34 German posts, read with the site's English voice before);
a folder that names another language than the address does says nothing.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from generator.sources.site_clues import written_in

LANGUAGE_FIELDS = ("lang", "wpml_current_locale")
# The folder codes WPML and Polylang give languages: ISO 639-1's two letters, with a region or script (`pt-br`,
# `zh-hans`). Not three letters: a site installed in `/new/` or `/web/` is in no language's folder.
FOLDER_CODE = re.compile(r"[a-z]{2}(?:-[a-z]{2,4})?", re.IGNORECASE)


def with_folder_language(file: str, data: dict[str, Any]) -> dict[str, Any]:
    """`data`, with `lang` where its address's first folder is a language code (`https://firm.example/en/slug/`) and
    the folder its file was saved under names no other (`…/en/wp-json/…`; the site's root API, or a file a script
    saved, names none); else as it was."""
    link = data.get("link")
    if not isinstance(link, str) or any(field in data for field in LANGUAGE_FIELDS):
        return data
    saved = file.replace("\\", "/")
    folder = saved.split("/wp-json/", 1)[0].rsplit("/", 1)[-1] if "/wp-json/" in saved else ""
    try:
        first = urlsplit(link.strip()).path.lstrip("/").split("/", 1)[0]
    except ValueError:
        return data
    if not FOLDER_CODE.fullmatch(first) or FOLDER_CODE.fullmatch(folder) and folder.lower() != first.lower():
        return data
    text = " ".join(_rendered(data.get(name)) for name in ("content", "excerpt"))
    if not written_in({"title": data.get("title"), "content": text}, first.split("-")[0].lower()):
        return data  # a country's edition in a folder that is also a language's code (`/uk/`), or no word to tell
    return {**data, "lang": first}


def _rendered(field: Any) -> str:
    return str(field.get("rendered") or "") if isinstance(field, dict) else field if isinstance(field, str) else ""
