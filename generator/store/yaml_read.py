"""YAML as a person may have edited it: a key given twice is refused rather than silently losing one of its
values (PyYAML keeps the last), and an error is told by the file's line and what is wrong there."""

from __future__ import annotations

from typing import Any

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml reads ten times faster, and alike


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, first: yaml.Mark, second: yaml.Mark) -> None:
        super().__init__(f"{key!r} given twice")
        self.key, self.first, self.second = key, first, second


class StrictLoader(_BASE):  # type: ignore[misc, valid-type] - the base is chosen at import
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[tuple[str, str], yaml.Mark] = {}
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                if (key.tag, key.value) in seen:
                    raise DuplicateKey(key.value, seen[(key.tag, key.value)], key.start_mark)
                seen[(key.tag, key.value)] = key.start_mark
        return super().construct_mapping(node, deep=deep)


def load(text: str) -> Any:
    return yaml.load(text, Loader=StrictLoader)


def problem(error: yaml.YAMLError, first_line: int = 1) -> str:
    """What is wrong, and where: `first_line` is the file's line number of the text's first line."""
    if isinstance(error, DuplicateKey):
        return (f"{error.key!r} given twice, at lines {error.first.line + first_line} and "
                f"{error.second.line + first_line}: keep one")
    mark = getattr(error, "problem_mark", None)
    what = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"not valid YAML at line {mark.line + first_line}: {what}" if mark else f"not valid YAML: {what}"
