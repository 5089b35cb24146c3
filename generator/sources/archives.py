"""An archive of saved input (a zip, a tarball), read as the folder it unpacks to: WordPress.com's export is a zip
of one or more export files (`site.wordpress.2024-05-01.000.xml`), and crawls and backups are kept zipped or tarred.
They were refused as "not UTF-8 text: is this a JSON file?".

The archive is unpacked into a temporary folder, which is gone once its items are read, and every item and problem
is named by the archive and the file's name in it (`export.zip/site.wordpress.2024-05-01.000.xml`), never by that
folder. Names that would climb out of the folder are kept inside it, as zipfile unpacks them; a tarball is unpacked
with tarfile's "data" filter, which refuses such names, links out of the folder and device files.
"""

from __future__ import annotations

import dataclasses
import shutil
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.problems import Problem
from generator.sources.wp_json import RawItem

ZIP_MAGIC = b"PK\x03\x04"
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
# Files of a backup of the whole site (Duplicator's and others' zips of its folder beside the database) that no
# input is: they are not unpacked, which would take the uploads' gigabytes again.
PASSED_OVER = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".ico", ".tif", ".tiff", ".heic",
               ".mp3", ".m4a", ".ogg", ".wav", ".mp4", ".m4v", ".mov", ".webm", ".avi", ".pdf", ".doc", ".docx",
               ".xls", ".xlsx", ".ppt", ".pptx", ".php", ".js", ".css", ".scss", ".map", ".woff", ".woff2", ".ttf",
               ".otf", ".eot", ".po", ".mo", ".pot", ".twig", ".log")  # (a crawl may save JSON as index.html)
# Room left on the temporary folder's disk after unpacking, so that an archive that unpacks to more (a zip bomb, a
# backup of every upload) is refused instead of filling the disk.
SPARE_ROOM = 1 << 30


def is_archive(path: Path) -> bool:
    """A zip or a tarball, by its name and first bytes."""
    name = path.name.lower()
    try:
        if name.endswith(".zip"):
            with path.open("rb") as file:
                return file.read(len(ZIP_MAGIC)) == ZIP_MAGIC
        return name.endswith(TAR_SUFFIXES) and tarfile.is_tarfile(path)
    except (OSError, EOFError, tarfile.TarError):
        return False


def archived_items(path: Path, problems: list[Problem],
                   read: Callable[[Path, list[Problem]], Iterator[RawItem]]) -> Iterator[RawItem]:
    """The items `read` finds in the folder the archive unpacks to, named by the archive; what cannot be read is
    appended to `problems`."""
    with tempfile.TemporaryDirectory(prefix="newsmirror-archive-") as folder:
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
    """Unpacks the archive into `folder`; what went wrong, or ''."""
    try:
        if path.name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                kept = [m for m in archive.infolist() if _wanted(m.filename)]
                return _no_room(sum(m.file_size for m in kept), folder) or _extracted(archive, kept, folder)
        with tarfile.open(path) as archive:
            kept = [m for m in archive.getmembers() if _wanted(m.name)]
            return _no_room(sum(m.size for m in kept), folder) or _extracted(archive, kept, folder)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile, NotImplementedError, tarfile.TarError) as error:
        return f"cannot be unpacked: {error}"


def _no_room(size: int, folder: Path) -> str:
    room = shutil.disk_usage(folder).free - SPARE_ROOM
    if size <= room:
        return ""
    return (f"unpacks to {size / 1e9:.1f} GB, more than the {max(room, 0) / 1e9:.1f} GB free for it in "
            f"{folder.parent}: unpack it yourself and import the folder")


def _wanted(name: str) -> bool:
    """Whether a file of the archive may be input: not a site backup's pictures, media, code or fonts."""
    return not name.lower().endswith(PASSED_OVER)


def _extracted(archive: zipfile.ZipFile | tarfile.TarFile, kept: list, folder: Path) -> str:
    if isinstance(archive, tarfile.TarFile):
        archive.extractall(folder, members=kept, filter="data")
    else:
        archive.extractall(folder, members=kept)
    return ""


def _named(problem: Problem, folder: str, path: Path) -> Problem:
    """The problem named by the archive; one of the unpacked folder itself is said of the archive."""
    message = problem.message
    if problem.file == folder:
        message = message.replace("in this folder", "in this archive")
    return dataclasses.replace(problem, file=_shown(problem.file, folder, path), message=message)


def _shown(file: str, folder: str, path: Path) -> str:
    """A file of the unpacked folder as `archive/name inside`, the folder itself as the archive."""
    if file == folder:
        return str(path)
    return f"{path}/{Path(file).relative_to(folder).as_posix()}" if file.startswith(folder + "/") else file
