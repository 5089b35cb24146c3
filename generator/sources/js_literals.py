"""A JavaScript object or array literal read as the JSON it stands for.

A headless front end that keeps a saved REST response in a module of its source (`export const POSTS = [{id: 35,
title: {rendered: "…"}}]`) often has it as its formatter writes JavaScript: keys without quotes (Prettier's
`quoteProps: "as-needed"`), strings in single quotes, a comma after the last item, comments. Such a literal holds
data only, as JSON does, and is read as that JSON. One that refers to anything (a variable, a call, a template
string with `${…}`, a spread) is code, not a saved response: None."""

from __future__ import annotations

import json
import re

TOKEN = re.compile(r"""
    (?P<skip>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.|\$(?!\{))*`)
  | (?P<number>[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)
  | (?P<word>[A-Za-z_$][\w$]*)
  | (?P<mark>[\[\]{}:,])
""", re.DOTALL | re.VERBOSE)
ESCAPE = re.compile(r"\\(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|(\r\n|\n)|(.))", re.DOTALL)
SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
WORDS = {"true": "true", "false": "false", "null": "null", "undefined": "null"}
JSON_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")


def as_json(text: str) -> str | None:
    """The JSON text of the literal `text`, or None where it is not a literal of data alone."""
    tokens: list[tuple[str, str]] = []
    at = 0
    while at < len(text):
        found = TOKEN.match(text, at)
        if found is None:
            return None
        at = found.end()
        if found.lastgroup != "skip":
            tokens.append((found.lastgroup or "", found.group()))
    out: list[str] = []
    for i, (kind, value) in enumerate(tokens):
        following = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        if kind == "mark":
            if value == "," and following in ("]", "}"):
                continue  # a comma after the last item
            out.append(value)
        elif following == ":" and kind in ("word", "number"):
            out.append(json.dumps(value))  # a key
        elif kind == "string":
            out.append(json.dumps(_string(value), ensure_ascii=False))
        elif kind == "number":
            out.append(value.lstrip("+") if JSON_NUMBER.fullmatch(value.lstrip("+")) else repr(float(value)))
        elif value in WORDS:
            out.append(WORDS[value])
        else:
            return None  # a name of something: code
    return "".join(out)


def _string(token: str) -> str:
    """The string's value; an emoji escaped as its two halves one character again."""
    value = ESCAPE.sub(_unescaped, token[1:-1])
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass") if "\\u" in token else value


def _unescaped(escape: re.Match[str]) -> str:
    braced, four, two, continued, other = escape.groups()
    if braced or four or two:
        code = int(braced or four or two, 16)
        return chr(code) if code <= 0x10FFFF else ""
    if continued is not None:
        return ""
    return SIMPLE_ESCAPES.get(other, other)
