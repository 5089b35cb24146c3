"""Hand-written content files whose slugs, post types, taxonomy names and term slugs try to leave the site's
folder (`..`, `/`, `\\`, absolute paths), or are not file names everywhere (NUL, control characters,
Windows reserved names, over 255 bytes, differing only in case): the build writes nothing outside its
output, names each such value in a problem, and publishes the post under a normalized, deterministic path.

The guard: a Python audit hook refuses, and logs, any change to the file system outside the folders a
test allows while a build runs. Worker processes forked by the build inherit it. So a build that tries to
escape fails, and nothing reaches the disk even then.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from generator.builder import run_build
from tests.site_content import config

# Changes to the file system: for each event, where its paths are in the event's arguments, each with the
# place of the folder descriptor it is relative to (None: relative to the working folder).
CHANGES = {"os.mkdir": ((0, 2),), "os.rename": ((0, 2), (1, 3)), "os.remove": ((0, 1),), "os.rmdir": ((0, 1),),
           "os.link": ((1, 3),), "os.symlink": ((1, 2),), "os.truncate": ((0, None),), "os.chmod": ((0, 2),),
           "os.utime": ((0, 3),), "os.chown": ((0, 3),), "shutil.rmtree": ((0, 1),),
           "shutil.copyfile": ((1, None),), "shutil.move": ((0, None), (1, None))}
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_guard: dict[str, object] = {"roots": (), "log": None}


def _outside(path: object, folder: object) -> str | None:
    """The full path if it is outside the allowed folders, else None."""
    if isinstance(path, int) or path is None:
        return None  # a file descriptor: opened, and checked, before
    path = os.fsdecode(path)
    if isinstance(folder, int) and folder >= 0 and not os.path.isabs(path):
        path = os.path.join(os.readlink(f"/proc/self/fd/{folder}"), path)
    full = os.path.abspath(path)
    roots = _guard["roots"]
    return None if any(os.path.commonpath([full, root]) == root for root in roots) else full


def _audit(event: str, args: tuple) -> None:
    if not _guard["roots"]:
        return
    if event == "open":
        places = ((args[0], None),) if isinstance(args[2], int) and args[2] & WRITING else ()
    else:
        places = tuple((args[i], None if d is None else args[d]) for i, d in CHANGES.get(event, ()))
    for path, folder in places:
        outside = _outside(path, folder)
        if outside is not None:
            roots, _guard["roots"] = _guard["roots"], ()  # the log write below must pass
            try:
                with open(_guard["log"], "a", encoding="utf-8") as log:
                    log.write(f"{event} {outside!r}\n")
            finally:
                _guard["roots"] = roots
            raise PermissionError(f"test guard: {event} outside the build's folders: {outside}")


sys.addaudithook(_audit)


@contextmanager
def writes_confined(sandbox: Path, *allowed: Path) -> Iterator[Path]:
    """Within the block, changes outside `allowed` are refused and logged; yields the log file, which
    the caller reads afterwards (a forked worker's refusals are in it too)."""
    log = sandbox / "outside-writes.log"
    log.write_text("", encoding="utf-8")
    _guard["roots"], _guard["log"] = tuple(os.path.abspath(a) for a in allowed), str(log)
    try:
        yield log
    finally:
        _guard["roots"] = ()


def build_allowed(sandbox: Path) -> tuple[Path, ...]:
    """Where a build of sandbox/content into sandbox/site may write: its output folder and the folders
    beside it that it swaps in (site.*), and the build cache kept with the content."""
    return (sandbox / "site", *(sandbox / f"site.{suffix}" for suffix in ("staging", "old", "spare", "tmp")),
            sandbox / "content" / ".newsmirror-cache")


def write_post_file(content: Path, name: str, meta: dict, body: str = "Body.\n") -> Path:
    """A content file as a person might write it: any front matter, in a file named however they like."""
    path = content / "news" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    header = yaml.safe_dump(meta, sort_keys=False, allow_unicode=False, width=2**31 - 1)
    path.write_text(f"---\n{header}---\n\n{body}", encoding="utf-8")
    return path


def front_matter(n: int, **fields: object) -> dict:
    meta = {"title": f"Post {n}", "slug": f"post-{n}", "type": "news",
            "date": f"2024-01-{n % 28 + 1:02d}T09:00:00+00:00",
            "summary": "s", "taxonomies": {"tags": ["plain"]},
            "source": {"id": n, "url": f"https://e.com/{n}/", "guid": f"https://e.com/?p={n}"}}
    meta.update(fields)
    return meta


def hostile_values(sandbox: Path) -> list[str]:
    """Path segments a content file may carry; absolute ones point into the sandbox, so that even a build
    that obeyed them would stay where the test can see it."""
    return ["../../../../escaped", "..", ".", "a/../../b", "sub/dir", str(sandbox / "absolute"), "/",
            "..\\..\\windows", "C:\\Windows\\win.ini", "nul\x00byte", "ctl\x01\x1f\x7f\x85", "CON", "con.txt",
            "aux", "LPT1", "com1.md", "x" * 300, "é" * 200, "Case-Slug", "case-slug", "trailing.", "trailing ",
            " leading", "%2e%2e%2f%2e%2e%2fencoded", "%00nul", "\u202eevil", ".hidden", "-", "~", "index.html",
            "a" * 255]


@pytest.fixture
def hostile_content(tmp_path: Path) -> tuple[Path, list[str]]:
    content = tmp_path / "content"
    values = hostile_values(tmp_path)
    files = []
    for i, value in enumerate(values):
        files.append(write_post_file(content, f"slug-{i}", front_matter(i, slug=value)))
        files.append(write_post_file(content, f"type-{i}", front_matter(100 + i, type=value)))
        files.append(write_post_file(content, f"term-{i}", front_matter(200 + i, taxonomies={"tags": [value]})))
        files.append(write_post_file(content, f"taxonomy-{i}", front_matter(300 + i, taxonomies={value: ["t"]})))
    (content / "terms.yaml").write_text(yaml.safe_dump(
        {"tags": {value: {"name": f"Name {i}"} for i, value in enumerate(values)}}, allow_unicode=False),
        encoding="utf-8")
    return content, values


def files_outside(sandbox: Path) -> list[str]:
    """Everything in the sandbox that is neither content, nor the site, nor the guard's log."""
    allowed = (sandbox / "content", *build_allowed(sandbox), sandbox / "outside-writes.log")
    found = []
    for root, dirs, files in os.walk(sandbox):
        for name in dirs + files:
            path = Path(root) / name
            if not any(path == a or a in path.parents or path in a.parents for a in allowed):
                found.append(str(path.relative_to(sandbox)))
    return sorted(found)


def test_the_guard_refuses_and_logs_a_write_outside(tmp_path: Path) -> None:
    """The guard itself can fail a test: a write outside is refused, and is in the log."""
    with writes_confined(tmp_path, tmp_path / "site") as log:
        (tmp_path / "site").mkdir()
        (tmp_path / "site" / "ok.txt").write_text("inside")
        with pytest.raises(PermissionError):
            (tmp_path / "escaped.txt").write_text("outside")
        with pytest.raises(PermissionError):
            os.replace(tmp_path / "site" / "ok.txt", tmp_path / "moved.txt")
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "moved.txt").exists()
    assert [line.split()[0] for line in log.read_text().splitlines()] == ["open", "os.rename"]


def test_hostile_path_segments_write_nothing_outside_the_site(tmp_path: Path, hostile_content: tuple) -> None:
    content, _ = hostile_content
    with writes_confined(tmp_path, *build_allowed(tmp_path)) as log:
        try:
            run_build(config(tmp_path, content))
        finally:
            refused = log.read_text(encoding="utf-8").splitlines()
    assert refused == []
    assert files_outside(tmp_path) == []


def test_hostile_path_segments_are_reported_and_normalized_deterministically(
        tmp_path: Path, hostile_content: tuple) -> None:
    content, values = hostile_content
    with writes_confined(tmp_path, *build_allowed(tmp_path)):
        first = run_build(config(tmp_path, content))
        tree = sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*"))
        run_build(config(tmp_path, content))
    assert sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*")) == tree
    reported = "\n".join(str(p) for p in first.problems)
    # Each file with a value that is not a usable path segment is named, with the field.
    for i, value in enumerate(values):
        if value != safe_segment(value):
            assert f"slug-{i}.md: field 'slug'" in reported, value
            assert f"type-{i}.md: field 'type'" in reported, value
            assert f"term-{i}.md: field 'taxonomies.tags'" in reported, value
            assert f"taxonomy-{i}.md: field 'taxonomies'" in reported, value
    assert all(is_safe_segment(part) for path in tree for part in path.split("/")), tree
    folded = [unicodedata.normalize("NFC", path).casefold() for path in tree]
    assert len(folded) == len(set(folded))


WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def is_safe_segment(part: str) -> bool:
    """A folder or file name that means itself on Linux, macOS and Windows alike."""
    return (part not in ("", ".", "..") and not any(c in part for c in '/\\:*?"<>|')
            and not any(unicodedata.category(c) == "Cc" for c in part) and len(part.encode()) <= 255
            and part.split(".")[0].casefold() not in WINDOWS_RESERVED and part[-1] not in ". ")


def safe_segment(value: str) -> str:
    """What the test takes as already safe: anything else must be reported."""
    return value if is_safe_segment(value) and value == value.strip() and value == value.lower() \
        and "%" not in value and not value.startswith(".") else ""
