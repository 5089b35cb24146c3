"""The separator between the items of a list a page shows (a post's terms), in the site's language.

Arabic-script languages write the Arabic comma (`،`), Chinese and Japanese the ideographic one (`、`), Amharic and
Tigrinya the Ethiopic one (`፣`), Burmese its little section mark (`၊`); the others a comma and a space. (CLDR's list
patterns join with words, such as Arabic's "و", "and", where a page's list of links takes none.)
"""

from __future__ import annotations

SEPARATORS = {**dict.fromkeys(("ar", "fa", "ur", "ps", "ckb", "sd", "ug", "ks", "pa-arab"), "، "),
              **dict.fromkeys(("zh", "ja"), "、"), **dict.fromkeys(("am", "ti"), "፣ "), "my": "၊ "}
DEFAULT = ", "


def separator(language: str) -> str:
    """The separator for a BCP 47 tag (`fa-IR` -> "، "; `pa-Arab` -> "، ", `pa` -> ", ")."""
    tag = language.strip().lower().replace("_", "-").split("-")
    script = f"{tag[0]}-{tag[1]}" if len(tag) > 1 and len(tag[1]) == 4 else ""
    return SEPARATORS.get(script) or SEPARATORS.get(tag[0], DEFAULT)
