"""markdownify's rules for walking the tree, answered once per tag name instead of once per node.

NewsConverter.process_tag asks these for every node of a post; markdownify asks its regexes and tuples
each time. Each gives what markdownify's own gives.
"""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

from bs4 import Comment, Doctype, NavigableString, Tag
from markdownify import (re_extract_newlines, re_html_heading, should_remove_whitespace_inside,
                         should_remove_whitespace_outside)


@lru_cache(maxsize=1024)
def removes_inside(name: str) -> bool:
    return should_remove_whitespace_inside(SimpleNamespace(name=name))


@lru_cache(maxsize=1024)
def _outside_by_name(name: str) -> bool:
    return bool(should_remove_whitespace_outside(SimpleNamespace(name=name)))


@lru_cache(maxsize=1024)
def pseudo_tags(name: str) -> tuple[str, ...]:
    """What markdownify adds to the parent tags of a tag's children besides its name."""
    inline = ("_inline",) if re_html_heading.match(name) is not None or name in ("td", "th") else ()
    return inline + (("_noformat",) if name in ("pre", "code", "kbd", "samp") else ())


def can_ignore(el: object, inside: bool) -> bool:
    """markdownify's rule for a child that is not a tag: comments, and whitespace next to a block's edge."""
    if isinstance(el, (Comment, Doctype)):
        return True
    if isinstance(el, NavigableString):
        if el.strip():
            return False
        if inside and (not el.previous_sibling or not el.next_sibling):
            return True
        return removes_outside(el.previous_sibling) or removes_outside(el.next_sibling)
    if el is None:
        return True
    raise ValueError(f"Unexpected element type: {type(el)}")


def removes_outside(el: object) -> bool:
    return isinstance(el, Tag) and _outside_by_name(el.name)


def collapse_newlines(strings: list[str]) -> list[str]:
    """markdownify's joining of children: newlines where two meet count once, two at most."""
    collapsed = [""]  # so the first lookback works
    for string in strings:
        if string[0] != "\n" and string[-1] != "\n":
            collapsed.extend(("", string, ""))
            continue
        leading, content, trailing = re_extract_newlines.match(string).groups()
        if collapsed[-1] and leading:
            leading = "\n" * min(2, max(len(collapsed.pop()), len(leading)))
        collapsed.extend((leading, content, trailing))
    return collapsed
