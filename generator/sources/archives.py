"""An archive of saved input (a zip, a tarball), read as the folder it unpacks to: WordPress.com's export is a zip
of one or more export files (`site.wordpress.2024-05-01.000.xml`), and crawls and backups are kept zipped or tarred.
They were refused as "not UTF-8 text: is this a JSON file?". An export compressed on its own (`site.xml.gz`, `.bz2`,
`.xz`: as a host or a backup keeps it, or a repository keeps a large one small) is read as a folder holding it alone;
it was refused as "not valid JSON".

The archive is unpacked into a temporary folder, which is gone once its items are read, and every item and problem
is named by the archive and the file's name in it (`export.zip/site.wordpress.2024-05-01.000.xml`), never by that
folder. Names that would climb out of the folder are kept inside it, as zipfile unpacks them; a tarball is unpacked
with tarfile's "data" filter, which refuses such names, links out of the folder and device files.
"""

from __future__ import annotations

import bz2
import dataclasses
import gzip
import lzma
import re
import shutil
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from generator.problems import Problem
from generator.sources import wpress, wxr
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
# Archives and packed files the standard library cannot unpack, by their name's ending and first bytes.
FOREIGN = {".7z": (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), ".rar": (b"Rar!\x1a\x07", "a RAR archive"),
           ".zst": (b"\x28\xb5\x2f\xfd", "a Zstandard file")}
# A backup set's archives of a site's files, beside its database (`-db.gz`): UpdraftPlus's
# `backup_2024-03-21-0112_Site_951b801f6c06-plugins.zip` (`-uploads2.zip` when split), and the same names tarred.
SITE_FILES = re.compile(r"-(?:plugins|mu-plugins|themes|uploads|others)\d*(?:\.zip|\.tar|\.tar\.gz|\.tgz|\.tar\.bz2|"
                        r"\.tar\.xz)\Z", re.IGNORECASE)
# An export compressed on its own: the packer's name ending and first bytes, and how to read it unpacked.
PACKED_EXPORTS: dict[str, tuple[bytes, Callable[[Path], IO[bytes]]]] = {
    ".xml.gz": (b"\x1f\x8b", gzip.open), ".xml.bz2": (b"BZh", bz2.open), ".xml.xz": (b"\xfd7zXZ\x00", lzma.open)}


def is_archive(path: Path) -> bool:
    """A zip or a tarball, by its name and first bytes."""
    name = path.name.lower()
    try:
        if _packer(path) or wpress.is_wpress(path):
            return True
        if name.endswith(".zip"):
            with path.open("rb") as file:
                return file.read(len(ZIP_MAGIC)) == ZIP_MAGIC
        return name.endswith(TAR_SUFFIXES) and tarfile.is_tarfile(path)
    except (OSError, EOFError, tarfile.TarError):
        return False


def foreign(path: Path) -> str:
    """What archive the file is that newsmirror does not unpack (a 7-Zip or RAR archive, which Windows users keep
    exports in, a Zstandard file), or ''; such a file was named "not UTF-8 text: is this a JSON file?"."""
    magic, kind = FOREIGN.get(path.suffix.lower(), (b"", ""))
    if not magic:
        return ""
    try:
        with path.open("rb") as file:
            return kind if file.read(len(magic)) == magic else ""
    except OSError:
        return ""


def listed(path: Path) -> bool:
    """Whether an archive found in a folder is read: not one of a backup set's archives of the site's plugins,
    themes, uploads or other files (their code and pictures, never saved input, the uploads often gigabytes to
    unpack), and a compressed file only where it holds an export, as other XML in a folder (a sitemap) is passed
    over."""
    if SITE_FILES.search(path.name) or not is_archive(path):
        return False
    opener = _packer(path)
    if opener is None:
        return True
    try:
        with opener(path) as packed:
            return wxr.export_head(packed.read(wxr.HEAD))
    except (OSError, EOFError, lzma.LZMAError, zlib.error):
        return True  # read, so that what is wrong with it is said


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
        # A compressed export is read as the file it holds, so that what is not an export is told as of a file,
        # and the one file is named as the compressed one.
        root = Path(folder) / _inner_name(path) if _packer(path) else Path(folder)
        shown = str(root) if root.is_file() else folder
        try:
            for item in read(root, found):
                yield dataclasses.replace(item, file=_shown(item.file, shown, path))
        finally:
            problems.extend(_named(p, shown, path) for p in found)


def _packer(path: Path) -> Callable[[Path], IO[bytes]] | None:
    """How to read a compressed export, if the file is one by its name and first bytes."""
    for ending, (magic, opener) in PACKED_EXPORTS.items():
        if path.name.lower().endswith(ending):
            with path.open("rb") as file:
                return opener if file.read(len(magic)) == magic else None
    return None


def _inner_name(path: Path) -> str:
    return path.name[:path.name.rfind(".")]


def _unpacked(path: Path, folder: Path) -> str:
    """Unpacks the archive into `folder`; what went wrong, or ''."""
    try:
        opener = _packer(path)
        if opener:
            return _unpacked_file(opener(path), folder / _inner_name(path))
        if wpress.is_wpress(path):
            start, size = wpress.database_span(path)
            return _no_room(size, folder) or _copied(path, start, size, folder / wpress.DATABASE)
        if path.name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                kept = [m for m in archive.infolist() if _wanted(m.filename)]
                return _no_room(sum(m.file_size for m in kept), folder) or _extracted(archive, kept, folder)
        with tarfile.open(path) as archive:
            kept = [m for m in archive.getmembers() if _wanted(m.name)]
            return _no_room(sum(m.size for m in kept), folder) or _extracted(archive, kept, folder)
    except (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError, zipfile.BadZipFile, NotImplementedError,
            tarfile.TarError) as error:
        return f"cannot be unpacked: {error}"


def _unpacked_file(packed: IO[bytes], target: Path) -> str:
    """Writes the compressed file's bytes to `target` (see unpacked_into)."""
    with packed, target.open("wb") as out:
        return unpacked_into(packed, out, target.parent)


def unpacked_into(packed: IO[bytes], out: IO[bytes], folder: Path) -> str:
    """Writes the bytes of `packed` to `out`, a file in `folder`, a megabyte at a time, as far as the disk has
    room: a compressed file does not say how large it unpacks. What went wrong, or ''."""
    room = shutil.disk_usage(folder).free - SPARE_ROOM
    while chunk := packed.read(1 << 20):
        room -= out.write(chunk)
        if room < 0:
            return (f"unpacks to more than the disk has free for it in {folder.parent}: unpack it yourself and "
                    "import what it holds")
    out.flush()
    return ""


def _copied(path: Path, start: int, size: int, target: Path) -> str:
    """Writes `size` bytes of the file from `start` to `target`, a megabyte at a time."""
    with path.open("rb") as source, target.open("wb") as out:
        source.seek(start)
        while size > 0 and (chunk := source.read(min(size, 1 << 20))):
            size -= out.write(chunk)
    return ""


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
    """A file of the unpacked folder as `archive/name inside`, the folder itself (or the one file unpacked) as the
    archive."""
    if file == folder:
        return str(path)
    return f"{path}/{Path(file).relative_to(folder).as_posix()}" if file.startswith(folder + "/") else file
