"""The offline bundle: a built site as one zip file that, unpacked anywhere, opens from its index.html.

Every file sits under one top-level folder named after the zip: mirror.zip holds mirror/index.html. Double-
clicked on macOS, or extracted with "Extract here", unzip or 7-Zip, it gives one folder named like the file,
never hundreds of files and folders spilled beside the zip; opened in Windows Explorer it shows that one
folder. A zip with the files at its root spills them wherever it is extracted.

The same site gives the same bytes: entries sorted by path, one fixed timestamp (SOURCE_DATE_EPOCH when the
caller passes it, else 1980-01-01, the earliest a zip can hold), permissions 0644, no extra fields, no
comment, and zlib's default level (the same zlib gives the same bytes). Names starting with '.' are left
out: the build's marker file .nojekyll (output/writer.py) means nothing offline.

The zip is written beside its target under a temporary name and renamed over it, so a failed or interrupted
bundle leaves any earlier file whole and no partial one.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.output.writer import OutputError

EARLIEST = 315_532_800  # 1980-01-01T00:00:00Z: zip timestamps start there
LATEST = 4_354_819_198  # 2107-12-31T23:59:58Z: and end there
FILE_MODE = 0o100644  # a regular file, rw-r--r--, in the upper half of a zip entry's external attributes
UNIX = 3  # "made by" system: the permissions above are Unix ones, whatever system writes the zip
# Already compressed: deflating them again costs time and saves nothing.
STORED = frozenset({".avif", ".gif", ".gz", ".jpeg", ".jpg", ".mp3", ".mp4", ".png", ".webm", ".webp",
                    ".woff", ".woff2", ".zip"})
BLOCK = 1 << 20


class BundleError(OutputError):
    """The bundle cannot be written; one line naming the file. Any earlier bundle is left as it was."""


@dataclass(frozen=True)
class BundleResult:
    path: Path
    files: int  # files in the zip
    size: int  # bytes of the zip
    site_size: int  # bytes of the files it holds, uncompressed


def write_bundle(site_dir: Path, target: Path, timestamp: int | None = None) -> BundleResult:
    """Write the built site in `site_dir` to the zip file `target`, under a folder named after its stem;
    `timestamp` (seconds since 1970, UTC) dates every entry, 1980-01-01 when None."""
    folder = check_target(site_dir, target)
    files = _site_files(site_dir)
    when = time.gmtime(min(max(timestamp if timestamp is not None else EARLIEST, EARLIEST), LATEST))[:6]
    fd, name = _temporary(target)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w") as archive:
                for path, size in files:
                    _add(archive, site_dir / path, f"{folder}/{path}", size, when)
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as e:
        temporary.unlink(missing_ok=True)
        source = f"{e.filename}: " if e.filename and e.filename != name else ""  # a site file that cannot be read
        raise BundleError(f"{target}: cannot write the bundle: {source}{e.strerror or e}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return BundleResult(target, len(files), target.stat().st_size, sum(size for _, size in files))


def source_date_epoch(environ: Mapping[str, str]) -> int | None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org), the time to date a bundle's entries with, or None."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise BundleError(f"SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970, got {value!r}")
    return int(value)


def _site_files(site_dir: Path) -> list[tuple[str, int]]:
    """(path in the site, size) of every file to bundle, sorted by path."""
    if not (site_dir / "index.html").is_file():
        raise BundleError(f"{site_dir}: no built site here (no index.html); run newsmirror build first")
    found = []
    for folder, subfolders, names in os.walk(site_dir):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        prefix = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        for name in names:
            if name.startswith("."):
                continue
            result = os.stat(os.path.join(folder, name))
            if stat.S_ISREG(result.st_mode):
                found.append((name if prefix == "." else f"{prefix}/{name}", result.st_size))
    return sorted(found)


def check_target(site_dir: Path, target: Path) -> str:
    """The name of the zip's top-level folder, once `target` is known to be a file name in a folder that
    exists, outside the site and outside the build's spare folder beside it (output/writer.py), where the
    next build would delete it. Raises BundleError otherwise: called before a build, it fails fast."""
    parent = target.parent.resolve()
    place = parent / target.name
    for folder in (site_dir, site_dir.with_name(site_dir.name + ".staging")):
        if place.is_relative_to(folder.resolve()):
            raise BundleError(f"{target}: inside the site folder {folder}; write the bundle elsewhere")
    if target.is_dir():
        raise BundleError(f"{target}: is a folder; give a file name such as mirror.zip")
    if not parent.is_dir():
        raise BundleError(f"{target}: {target.parent} is not a folder")
    if target.exists() and not _zip_or_empty(target):
        raise BundleError(f"{target}: exists and is not a zip, and the bundle would replace it: give another "
                          "name, or move that file first")
    if target.stem in ("", ".", "..") or target.stem.startswith("."):
        raise BundleError(f"{target}: give the file a name, such as mirror.zip: it names the folder inside")
    return target.stem


def _zip_or_empty(path: Path) -> bool:
    """Whether the file is an earlier bundle (a zip) or empty, and so may be replaced: `bundle content/terms.yaml`
    or `bundle newsmirror.toml`, a slip of the hand, would otherwise replace the user's file with a zip."""
    try:
        with path.open("rb") as file:
            start = file.read(4)
    except OSError:
        return False
    return start in (b"", b"PK\x03\x04", b"PK\x05\x06")  # a zip's first entry, or an empty zip's end record


def _temporary(target: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise BundleError(f"{target}: cannot write the bundle: {e.strerror or e}") from None


def _add(archive: zipfile.ZipFile, source: Path, name: str, size: int, when: tuple[int, ...]) -> None:
    info = zipfile.ZipInfo(name, date_time=when)
    info.external_attr = FILE_MODE << 16
    info.create_system = UNIX
    info.compress_type = zipfile.ZIP_STORED if source.suffix.lower() in STORED else zipfile.ZIP_DEFLATED
    info.file_size = size
    with open(source, "rb") as data, archive.open(info, "w") as entry:
        shutil.copyfileobj(data, entry, BLOCK)
