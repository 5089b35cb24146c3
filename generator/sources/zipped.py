"""A zip of saved input, read as the folder it unpacks to: WordPress.com's export is a zip of one or more export
files (`site.wordpress.2024-05-01.000.xml`), and crawls and backups are kept zipped. It was refused as "not UTF-8
text: is this a JSON file?".

The zip is unpacked into a temporary folder, which is gone once its items are read, and every item and problem is
named by the zip and the file's name in it (`export.zip/site.wordpress.2024-05-01.000.xml`), never by that folder.
Names that would climb out of the folder are kept inside it, as zipfile unpacks them.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.problems import Problem
from generator.sources.wp_json import RawItem

MAGIC = b"PK\x03\x04"
# Room left on the temporary folder's disk after unpacking, so that a zip that unpacks to more (a zip bomb, a
# backup of every upload) is refused instead of filling the disk.
SPARE_ROOM = 1 << 30


def is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return path.suffix.lower() == ".zip" and file.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def zipped_items(path: Path, problems: list[Problem],
                 read: Callable[[Path, list[Problem]], Iterator[RawItem]]) -> Iterator[RawItem]:
    """The items `read` finds in the folder the zip unpacks to, named by the zip; what cannot be read is appended
    to `problems`."""
    with tempfile.TemporaryDirectory(prefix="newsmirror-zip-") as folder:
        problem = _unpacked(path, Path(folder))
        if problem:
            problems.append(Problem(str(path), message=problem))
            return
        found: list[Problem] = []
        try:
            for item in read(Path(folder), found):
                yield dataclasses.replace(item, file=_shown(item.file, folder, path))
        finally:
            problems.extend(_named(p, folder, path) for p in found)


def _unpacked(path: Path, folder: Path) -> str:
    """Unpacks the zip into `folder`; what went wrong, or ''."""
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(member.file_size for member in archive.infolist())
            room = shutil.disk_usage(folder).free - SPARE_ROOM
            if size > room:
                return (f"unpacks to {size / 1e9:.1f} GB, more than the {max(room, 0) / 1e9:.1f} GB free for it in "
                        f"{folder.parent}: unzip it yourself and import the folder")
            archive.extractall(folder)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile, NotImplementedError) as error:
        return f"cannot be unzipped: {error}"
    return ""


def _named(problem: Problem, folder: str, path: Path) -> Problem:
    """The problem named by the zip; one of the unpacked folder itself is said of the zip."""
    message = problem.message.replace("in this folder", "in this zip") if problem.file == folder else problem.message
    return dataclasses.replace(problem, file=_shown(problem.file, folder, path), message=message)


def _shown(file: str, folder: str, path: Path) -> str:
    """A file of the unpacked folder as `zip/name inside`, the folder itself as the zip."""
    if file == folder:
        return str(path)
    return f"{path}/{Path(file).relative_to(folder).as_posix()}" if file.startswith(folder + "/") else file
