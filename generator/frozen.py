"""Frozen dataclasses made from values already checked, without running their __init__.

A frozen dataclass's __init__ sets each field through object.__setattr__, which costs a build of 10,000 posts
some tenths of a second: it remakes every post's Document and Post from the cache on each run. copy and pickle
make instances the same way as `restore`.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


def restore(cls: type[T], values: dict[str, Any]) -> T:
    """An instance of `cls` holding `values`, which must name every field (tests compare each caller's
    instances with those __init__ makes)."""
    made = object.__new__(cls)
    made.__dict__.update(values)
    return made
