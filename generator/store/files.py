"""Writing files so that an unchanged file is never touched and a changed one is never half-written."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


POST_SUFFIX = ".md"
TEMP_SUFFIX = ".tmp"
TEMP_NAME = re.compile(r"^\.(.+)\.[A-Za-z0-9_]{8}\.tmp$")  # what tempfile.mkstemp makes of our prefix


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` atomically unless the file already holds exactly these bytes; True if written."""
    if unchanged(path, data):
        return False
    write_atomic(path, data)
    return True


def unchanged(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by a write that was killed; the real files beside them are intact."""
    for tmp in folder.rglob(f".*{TEMP_SUFFIX}"):
        if TEMP_NAME.match(tmp.name) and (tmp.parent / TEMP_NAME.match(tmp.name).group(1)).suffix:
            tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    tmp = _write_temporary(path, data, sync=True)
    os.replace(tmp, path)


@dataclass(frozen=True)
class Staged:
    """New bytes for `path`, written beside it under a temporary name, for an AtomicBatch to put in place.

    Worker processes stage the files they convert, so that ten thousand files are created while
    other posts convert, instead of one after another once all have."""

    path: Path
    temporary: Path | None  # None: the file holds these bytes already, or writing failed (see `data`)
    data: bytes | None = None  # only when the temporary could not be written: the batch writes it itself


def stage(path: Path, data: bytes) -> Staged:
    if unchanged(path, data):
        return Staged(path, None)
    try:
        return Staged(path, _write_temporary(path, data, sync=False))
    except OSError:  # left for the batch, which reports it where every other write error is reported
        return Staged(path, None, data)


def discard(staged: Staged) -> None:
    """A staged file that will not be put in place after all."""
    if staged.temporary is not None:
        staged.temporary.unlink(missing_ok=True)


class AtomicBatch:
    """Many files written to temporaries, synced once, then renamed into place.

    Each file is whole at every moment, as with write_atomic, but a batch of ten thousand posts
    costs one sync instead of ten thousand."""

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []

    def write(self, path: Path, data: bytes) -> bool:
        """Stage `data` for `path` unless the file already holds exactly these bytes; True if staged."""
        if unchanged(path, data):
            return False
        self._pending.append((_write_temporary(path, data, sync=False), path))
        return True

    def adopt(self, staged: Staged) -> bool:
        """Take a staged file into the batch; True if it has new bytes for its path."""
        if staged.data is not None:
            return self.write(staged.path, staged.data)
        if staged.temporary is None:
            return False
        self._pending.append((staged.temporary, staged.path))
        return True

    def commit(self) -> None:
        if self._pending:
            os.sync()
        for tmp, path in self._pending:
            os.replace(tmp, path)
        self._pending.clear()

    def abandon(self) -> None:
        for tmp, _ in self._pending:
            tmp.unlink(missing_ok=True)
        self._pending.clear()


def _write_temporary(path: Path, data: bytes, sync: bool) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if sync:
                f.flush()
                os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def post_file_names(content_dir: Path | str, unlisted: Callable[[str, OSError], None] | None = None) -> list[str]:
    """Every post file, content/<type>/<slug>.md, sorted as strings; names starting with '.' or '_' are
    not posts. os.scandir and plain strings rather than glob and sorted Paths: several times faster on
    ten thousand files, and no YAML stack to import, which a build that has nothing to do never needs.
    A type's folder that cannot be listed is told to `unlisted` and passed over, when it is given."""
    found: list[str] = []
    if not os.path.isdir(content_dir):  # a first import creates it
        return found
    with os.scandir(content_dir) as folders:
        for folder in folders:
            if folder.name.startswith((".", "_")) or not folder.is_dir():
                continue
            try:
                with os.scandir(folder.path) as entries:
                    found.extend(e.path for e in entries
                                 if e.name.endswith(POST_SUFFIX) and not e.name.startswith((".", "_")))
            except OSError as e:
                if unlisted is None:
                    raise
                unlisted(folder.path, e)
    return sorted(found)
