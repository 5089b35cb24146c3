"""Damage real WordPress inputs the ways the wild does, and run the import on each damaged copy.

`damaged(raw, kind, rng)` gives one damaged copy of a file's bytes: a field of a wrong JSON type, a null, an
address urlsplit or idna refuses, a date no calendar has, truncation, a BOM, NUL bytes, bytes of another encoding,
deep nesting, undefined entities and broken CDATA in an export, a cut INSERT or an odd escape in a dump. The
property test (tests/test_damaged_inputs.py) and the command below use it:

    python -m tests.tools.damage SRC... --count 200 --seed 1 --out /tmp/damage

imports each SRC damaged `--count` times, in process, and prints every exception that escaped the import and every
problem that names no file, with the seed that makes it again. Exit 1 when there is one.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import re
import shutil
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

BAD_ADDRESSES = ["http://[x/", "http://a..b/", "http://xn--/", "http://e.com:99999/", "https://[dock/x",
                 "http://xn--zz-9999999.com/", "//[::1", "http://\u0000/", "http:///x", "javascript:alert(1)",
                 "http://e.com:-1/", "http://" + "a" * 300 + ".com/", "mailto:", "http://[::g]/"]
BAD_DATES = ["0000-00-00 00:00:00", "0000-00-00T00:00:00", "10000-01-01T00:00:00", "2020-13-45T25:61:61", "yesterday",
             "", "2020-02-30T00:00:00", "-0001-11-30T00:00:00", "1970-01-01T00:00:00Z+99:00",
             "2020-01-01T00:00:00.999999999"]
WRONG_VALUES: list[Any] = [None, "", "x", 0, -1, 1.5, 2**63, -(2**63), 10**30, True, [], {}, [1, "a"], {"a": 1},
                           {"rendered": 5}, {"rendered": ["x"]}, {"rendered": None}, {"raw": "x"}, "\x00", "\ufeff",
                           "ä" * 5000, [[[]]], {"0": {"1": {}}}, "<script>x</script>", "1e309", 1e308]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if len(prefix) > 30:  # a nesting this tool made itself
        return
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:20]):
            yield from _paths(child, (*prefix, index))


def _set(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    value[path[0]] = _set(value[path[0]], path[1:], new)
    return value


def _nested(depth: int) -> str:
    """A stand-in for a value nested `depth` deep, which _dumped writes (json.dumps itself stops at ~1000)."""
    return f"\x01nested{depth}\x01"


def _dumped(data: Any, rng: random.Random) -> str:
    text = json.dumps(data, ensure_ascii=rng.random() < 0.5)
    return re.sub(r'"(?:\\u0001|\x01)nested(\d+)(?:\\u0001|\x01)"',
                  lambda m: '{"a":' * int(m[1]) + '"x"' + "}" * int(m[1]), text)


def _wrong_for(key: Any, old: Any, rng: random.Random) -> Any:
    """A value the field should not hold: addresses for an address's place, dates for a date's."""
    name = str(key)
    addressed = name in ("link", "guid", "source_url", "href", "url")
    if isinstance(old, str) and (old.startswith(("http", "/")) or addressed):
        return rng.choice(BAD_ADDRESSES + [old[: rng.randrange(len(old) + 1)]])
    if isinstance(old, str) and re.match(r"\d{4}-\d\d-\d\d", old):
        return rng.choice(BAD_DATES)
    if name == "srcset" or (isinstance(old, str) and " 1x" in old):
        return f"{rng.choice(BAD_ADDRESSES)} 300w, {rng.choice(BAD_ADDRESSES)} 2x"
    if isinstance(old, str) and "<" in old:
        bad = rng.choice(BAD_ADDRESSES)
        return old + f'<a href="{bad}">a</a><img src="{bad}" srcset="{bad} 2x"><iframe src="{bad}"></iframe>'
    if rng.random() < 0.1:
        return _nested(rng.choice([50, 200, 1200]))
    if rng.random() < 0.02:
        return rng.choice(["<p>" + "word " * 400_000 + "</p>", "x" * 2_000_000])
    return copy.deepcopy(rng.choice(WRONG_VALUES))


def damaged_json(data: Any, rng: random.Random) -> Any:
    """Some (1-4) fields of a parsed JSON value each given a wrong value, or removed, or an item doubled."""
    for _ in range(rng.randint(1, 4)):
        paths = [p for p in _paths(data) if p]
        if not paths:
            return data
        path = rng.choice(paths)
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        roll = rng.random()
        if roll < 0.1 and isinstance(parent, dict):
            del parent[path[-1]]
        elif roll < 0.15 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))  # the same id twice
        else:
            _set(data, path, _wrong_for(path[-1], parent[path[-1]], rng))
    return data


def _cut(raw: bytes, rng: random.Random) -> bytes:
    return raw[: rng.randrange(len(raw) + 1)]


def _splice(raw: bytes, rng: random.Random, what: bytes) -> bytes:
    at = rng.randrange(len(raw) + 1)
    return raw[:at] + what + raw[at:]


def damaged_bytes(raw: bytes, rng: random.Random) -> bytes:
    """Damage any file suffers: cut short, a BOM, NUL bytes, another encoding, bytes that are no UTF-8."""
    text_damages: list[Callable[[bytes], bytes]] = [
        lambda r: _cut(r, rng),
        lambda r: b"\xef\xbb\xbf" + r,
        lambda r: b"\xff\xfe" + r.decode("utf-8", "replace").encode("utf-16-le"),
        lambda r: _splice(r, rng, b"\x00" * rng.randint(1, 4)),
        lambda r: r.decode("utf-8", "replace").encode("cp1252", "replace"),
        lambda r: _splice(r, rng, bytes([rng.randrange(0x80, 0x100) for _ in range(rng.randint(1, 6))])),
        lambda r: r.replace(b"\n", b"\r", rng.randint(1, 50)),
        lambda r: b"",
    ]
    return rng.choice(text_damages)(raw)


def damaged_markup(raw: bytes, rng: random.Random) -> bytes:
    """An export's or a page's own damage: undefined entities, CDATA broken, namespaces wrong, bad addresses."""
    text = raw.decode("utf-8", "replace")
    bad = rng.choice(BAD_ADDRESSES)
    choices: list[Callable[[str], str]] = [
        lambda t: t.replace("&amp;", "&nbsp;&bogus;", rng.randint(1, 5)),
        lambda t: t.replace("]]>", "]]", 1),
        lambda t: t.replace("<![CDATA[", "<![CDAT", 1),
        lambda t: re.sub(r'xmlns:(\w+)="[^"]*"', lambda m: f'xmlns:{m[1]}="urn:x"', t, count=rng.randint(1, 3)),
        lambda t: re.sub(r'xmlns:wp="[^"]*"', "", t),
        lambda t: re.sub(r'(href|src|content)="https?://[^"]*"', lambda m: f'{m[1]}="{bad}"', t,
                         count=rng.randint(1, 40)),
        lambda t: re.sub(r"<(link|guid|wp:attachment_url|loc)>[^<]*<", lambda m: f"<{m[1]}>{bad}<", t,
                         count=rng.randint(1, 9)),
        lambda t: re.sub(r"<(wp:post_date(?:_gmt)?|pubDate|lastmod)>[^<]*<",
                         lambda m: f"<{m[1]}>{rng.choice(BAD_DATES)}<", t, count=rng.randint(1, 9)),
        lambda t: re.sub(r"<(wp:post_id|wp:post_parent|wp:post_author)>[^<]*<",
                         lambda m: f"<{m[1]}>{rng.choice(['-1', 'x', '', '99999999999999999999', '1.5'])}<", t,
                         count=rng.randint(1, 9)),
        lambda t: t.replace("<item>", "<item>" + "<div>" * 3000, 1),
        lambda t: re.sub(r'srcset="[^"]*"', f'srcset="{bad} 2x, {bad}"', t, count=rng.randint(1, 9)),
        lambda t: re.sub(r'<link rel="canonical" href="[^"]*"', f'<link rel="canonical" href="{bad}"', t),
        lambda t: re.sub(r'<meta property="og:url" content="[^"]*"', f'<meta property="og:url" content="{bad}"', t),
        lambda t: re.sub(r'class="([^"]*)"',
                         lambda m: f'class="{m[1]} postid-{rng.choice(["x", "-1", "99999999999999999999"])}"', t,
                         count=rng.randint(1, 3)),
    ]
    return rng.choice(choices)(text).encode()


def damaged_sql(raw: bytes, rng: random.Random) -> bytes:
    """A dump's own damage: an INSERT cut in its values, odd escapes, quotes doubled or lost, ids no number."""
    text = raw.decode("utf-8", "replace")
    inserts = [m.start() for m in re.finditer(r"INSERT INTO", text)]
    choices: list[Callable[[str], str]] = [
        lambda t: t[: rng.choice(inserts) + rng.randrange(40, 4000)] if inserts else t[: len(t) // 2],
        lambda t: t.replace("\\'", "\\\\'", rng.randint(1, 5)),
        lambda t: t.replace("\\'", "''", rng.randint(1, 5)),
        lambda t: t.replace("'", "", 1) if rng.random() < 0.5 else t.replace("),(", "),\n(", 3),
        lambda t: re.sub(r"\((\d+),", lambda m: f"({rng.choice(['-1', 'NULL', 'x', '1e99', '99999999999999999999'])},",
                         t, count=rng.randint(1, 5)),
        lambda t: re.sub(r"'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d'", lambda m: f"'{rng.choice(BAD_DATES)}'", t,
                         count=rng.randint(1, 9)),
        lambda t: re.sub(r"'https?://[^']*'", lambda m: f"'{rng.choice(BAD_ADDRESSES)}'", t, count=rng.randint(1, 20)),
        lambda t: t.replace("\\n", "\\x\\u\\0\\Z", 3),
        lambda t: t.replace("),(", "),(1,2),(", 2),
        lambda t: re.sub(r"a:\d+:\{", "a:999:{", t, count=rng.randint(1, 5)),
    ]
    return rng.choice(choices)(text).encode()


def kind_of(path: Path, raw: bytes) -> str:
    head = raw[:4000].lstrip(b"\xef\xbb\xbf \t\r\n")
    if path.suffix == ".sql" or b"INSERT INTO" in raw[:200000]:
        return "sql"
    if head[:1] in (b"[", b"{"):
        return "json"
    if b"<rss" in head or b"<?xml" in head[:10]:
        return "xml"
    return "html"


def damaged(path: Path, raw: bytes, rng: random.Random) -> bytes:
    """One damaged copy of a file: mostly its kind's own damage, sometimes any file's."""
    kind = kind_of(path, raw)
    if rng.random() < 0.25:
        return damaged_bytes(raw, rng)
    if kind == "json":
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError):
            return damaged_bytes(raw, rng)
        return _dumped(damaged_json(data, rng), rng).encode()
    if kind == "sql":
        return damaged_sql(raw, rng)
    return damaged_markup(raw, rng)


def damaged_copy(source: Path, into: Path, rng: random.Random, files: int = 3) -> list[Path]:
    """`source` (a file or a folder) copied into `into`, with up to `files` of its files damaged."""
    if source.is_file():
        target = into / source.name
        into.mkdir(parents=True, exist_ok=True)
        target.write_bytes(damaged(source, source.read_bytes(), rng))
        return [target]
    shutil.copytree(source, into, symlinks=False, dirs_exist_ok=True)
    candidates = sorted(p for p in into.rglob("*") if p.is_file() and p.stat().st_size < 20_000_000)
    chosen = rng.sample(candidates, min(files, len(candidates)))
    for path in chosen:
        path.write_bytes(damaged(path, path.read_bytes(), rng))
    return chosen


def faults(source: Path, seed: int, work: Path) -> list[str]:
    """What went wrong importing one damaged copy of `source`: tracebacks and problems naming no file."""
    from generator.importer import ImportOptions, run_import

    rng = random.Random(f"{source}:{seed}")
    run = work / f"s{seed}"
    shutil.rmtree(run, ignore_errors=True)
    damaged_copy(source, run / "in" / source.name, rng)
    try:
        result = run_import([run / "in" / source.name], run / "content", ImportOptions(workers=1))
    except Exception:  # what this tool looks for: anything the import let escape
        return [traceback.format_exc()]
    finally:
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    return [f"problem naming no file: {p!r}" for p in result.problems if not p.file]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("/tmp/damage"))
    args = parser.parse_args(argv)
    found = 0
    for source in args.sources:
        seen: dict[str, int] = {}
        for seed in range(args.seed, args.seed + args.count):
            for fault in faults(source, seed, args.out):
                key = fault.strip().splitlines()[-1][:200]
                seen[key] = seen.get(key, 0) + 1
                if seen[key] == 1:
                    found += 1
                    print(f"== {source} seed {seed}\n{fault}", flush=True)
            shutil.rmtree(args.out / f"s{seed}", ignore_errors=True)
        print(f"-- {source}: {args.count} damaged copies, {sum(seen.values())} faults, {len(seen)} kinds", flush=True)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
