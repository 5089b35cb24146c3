"""The only code that writes into the output folder, and how a new site replaces the old one whole.

A build never changes the site that readers (and the previous build) see. It prepares the next site in a
spare folder beside it, `<out>.staging`, and swaps the two folders with one atomic rename (renameat2 with
RENAME_EXCHANGE on Linux). A build killed at any moment therefore leaves the previous site whole, and the
next build completes.

After a swap the old site is kept as the spare, and files that did not change are hard links shared by the
two folders. Preparing the next site then touches only what differs: a changed page is written as a new
file (the shared one is unlinked first, never overwritten, as that would change the live site too), an
unchanged one is linked from the site, which keeps its mtime, and a page that is gone is unlinked.

A build with no site before it writes every file, and the spare must then be made again from the new site,
a link per file: each worker links the files it writes, as it goes, into a third folder, `<out>.spare`, which
takes the spare's place after the swap (see Staging.start_mirror).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

# GitHub Pages must not run Jekyll over the site; the file also marks a folder as ours to replace, and in the
# spare folder it is replaced first thing whenever the spare is changed, so the spare's state can be told.
MARKER = ".nojekyll"
NAME_MAX = 255  # bytes in one file name on ext4, APFS, NTFS
AT_FDCWD = -100
RENAME_EXCHANGE = 2

FileStat = tuple[int, int, int]  # size, mtime_ns, inode
T = TypeVar("T")


class OutputError(Exception):
    """The output folder cannot be written; nothing was changed."""


def inside(path: str) -> bool:
    """Whether a path in the site stays inside the site's folder and can be a file there: relative, with no
    empty, '.' or '..' segment, no NUL, and no segment longer than file systems allow. Every path is checked
    here, whatever made it, before anything is written; making such names usable is the content store's job."""
    if not path or "\x00" in path:
        return False
    parts = path.split("/")
    if "" in parts or "." in parts or ".." in parts:
        return False
    # A character is at most 4 bytes: a path this short cannot hold a name too long (the usual case, checked
    # for every file a build writes or links, so without encoding each name).
    return len(path) <= NAME_MAX // 4 or all(len(part.encode("utf-8", "surrogatepass")) <= NAME_MAX for part in parts)


def _target(folder: Path, path: str) -> str:
    if not inside(path):
        raise OutputError(f"{path!r}: not a path inside the site; nothing was written there")
    return os.path.join(folder, path)


class Staging:
    """The site folder and its spare."""

    def __init__(self, out_dir: Path) -> None:
        self.live = out_dir
        self.spare = out_dir.with_name(out_dir.name + ".staging")
        self._old = out_dir.with_name(out_dir.name + ".old")  # only when folders cannot be exchanged atomically
        self.mirror = out_dir.with_name(out_dir.name + ".spare")  # the next spare; see start_mirror
        # The paths linked into the mirror, once every file written into the spare was (set by rendering.render).
        self.mirrored: frozenset[str] | None = None
        _recover(self.live, self.spare, self._old)
        _drop_mirror(self.mirror)  # what a killed build left: the spare is made again from the site instead
        for folder in (self.live, self.spare):
            _check_replaceable(folder)

    def sentinel(self) -> tuple[int, int] | None:
        """The spare's marker file, which changes whenever the spare is changed (see `claim`)."""
        return sentinel(self.spare)

    def live_sentinel(self) -> tuple[int, int] | None:
        return sentinel(self.live)

    def claim(self) -> FileStat:
        """Mark the spare as being changed: a new marker file, made before the old one is replaced, so its
        inode differs. Called before any other change to the spare."""
        self.spare.mkdir(parents=True, exist_ok=True)
        fresh = self.spare / (MARKER + ".new")
        fresh.unlink(missing_ok=True)
        fresh.write_bytes(b"")
        os.replace(fresh, self.spare / MARKER)
        found = os.stat(self.spare / MARKER)
        return (found.st_size, found.st_mtime_ns, found.st_ino)

    def write(self, path: str, data: bytes) -> FileStat:
        """`data` as a new file at `path` in the spare."""
        fd = _retrying(_create, _target(self.spare, path))
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            found = os.fstat(fd)
        finally:
            os.close(fd)
        return (found.st_size, found.st_mtime_ns, found.st_ino)

    def keep(self, path: str) -> FileStat | None:
        """The site's file at `path`, unchanged, in the spare too: None when it is the same file (a hard
        link); on a file system without hard links, the stat of the copy."""
        source, target = _target(self.live, path), _target(self.spare, path)
        try:
            _retrying(lambda to: os.link(source, to), target)
            return None
        except OSError as e:
            if e.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EMLINK):
                raise
        shutil.copy2(source, target)
        found = os.stat(target)
        return (found.st_size, found.st_mtime_ns, found.st_ino)

    def start_mirror(self) -> bool:
        """Whether files written into the spare are also to be linked into the mirror: only when there is no
        site, and so no spare after the swap, which the next build would otherwise wait for. The mirror is
        known as ours by a marker file of its own until it becomes the spare (adopt_mirror)."""
        if self.live.exists():
            return False
        try:
            self.mirror.mkdir()
        except OSError:  # not ours: ours was removed when this build started
            return False
        (self.mirror / MARKER).write_bytes(b"")
        return True

    def mirror_file(self, path: str) -> bool:
        """The spare's file at `path`, just written, linked into the mirror; False where that fails."""
        try:
            _retrying(lambda to: os.link(os.path.join(self.spare, path), to), os.path.join(self.mirror, path))
        except OSError:
            return False
        return True

    def adopt_mirror(self, paths: set[str]) -> bool:
        """Make the mirror the spare, right after the swap, when it holds exactly the site's `paths` and the
        spare was just made anew (nothing in it but its marker). The spare's marker moves first, so that the
        spare's record, made after this, describes the mirror; a build killed on the way leaves an empty
        spare, made again from the site by the next build, and the mirror, which it removes."""
        mirrored, self.mirrored = self.mirrored, None
        try:
            ready = mirrored == paths and os.listdir(self.spare) == [MARKER]
        except OSError:
            ready = False
        if not ready:
            _drop_mirror(self.mirror)
            return False
        os.replace(self.spare / MARKER, self.mirror / MARKER)
        os.rmdir(self.spare)
        os.rename(self.mirror, self.spare)
        return True

    def is_kept(self, path: str, ino: int) -> bool:
        """Whether the spare's file at `path` is the site's file with inode `ino`."""
        try:
            return os.stat(os.path.join(self.spare, path)).st_ino == ino
        except OSError:
            return False

    def remove(self, paths: Iterable[str]) -> None:
        """Unlink `paths` in the spare, then the folders that leaves empty."""
        folders = set()
        for path in paths:
            _unlink(_target(self.spare, path))
            folders.add(os.path.dirname(path))
        for folder in sorted(folders, key=len, reverse=True):
            while folder:
                try:
                    os.rmdir(os.path.join(self.spare, folder))
                except OSError:
                    break
                folder = os.path.dirname(folder)

    def spare_files(self) -> Iterator[str]:
        """Every file in the spare, as a path in the site."""
        root = str(self.spare)
        for folder, _, files in os.walk(root):
            prefix = os.path.relpath(folder, root)
            for name in files:
                yield name if prefix == "." else f"{prefix}/{name}"

    def swap(self) -> bool:
        """Make the spare the site, and the site the spare, in one step; False when there was no site."""
        if not self.live.exists():
            os.rename(self.spare, self.live)
            return False
        if not _exchange(self.spare, self.live):
            # Two renames; a build killed between them leaves <out>.old, which the next build puts back.
            os.rename(self.live, self._old)
            os.rename(self.spare, self.live)
            os.rename(self._old, self.spare)
        return True


def sentinel(folder: Path) -> tuple[int, int] | None:
    """(inode, mtime_ns) of a folder's marker file, or None."""
    try:
        found = os.stat(folder / MARKER)
    except OSError:
        return None
    return (found.st_ino, found.st_mtime_ns)


def _exchange(a: Path, b: Path) -> bool:
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(a))


def _recover(live: Path, spare: Path, old: Path) -> None:
    """Finish a swap by two renames that a killed build left half done."""
    if old.exists() and not live.exists():
        os.rename(old, live)
    elif old.exists() and not spare.exists():
        os.rename(old, spare)


def _drop_mirror(mirror: Path) -> None:
    """Remove a mirror a killed build left: never a folder newsmirror did not make, so only one that holds
    the marker, which goes last (a build killed while removing it leaves it marked), or an empty one (a build
    killed between making the mirror and its marker)."""
    if not (mirror / MARKER).exists():
        try:
            mirror.rmdir()
        except OSError:
            pass
        return
    for entry in os.scandir(mirror):
        if entry.name == MARKER:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)
    os.unlink(mirror / MARKER)
    mirror.rmdir()


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except IsADirectoryError:  # a folder where a file now goes; never a page of the site being read
        shutil.rmtree(path)


def _create(target: str) -> int:
    return os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)


def _retrying(make: Callable[[str], T], target: str) -> T:
    """`make(target)`, which creates a new file at `target`, once the way is clear: whatever is there is
    unlinked first, and missing folders are made. Tried first as is, since the way is almost always clear
    (one system call per file: metadata calls are what a big site's build waits on); a file in a new folder
    costs one failed call, which only looks names up, and a mkdir per folder, with no stat."""
    try:
        return make(target)
    except FileExistsError:
        _unlink(target)
    except FileNotFoundError:
        _make_folder(os.path.dirname(target))  # if it was there, what is missing is a link's source: raised next
    return make(target)


def _make_folder(folder: str) -> None:
    """Make `folder` and any missing parents, parents first. Another worker may make the same ones at once."""
    try:
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:
        _make_folder(os.path.dirname(folder))
        try:
            os.mkdir(folder)
        except FileExistsError:
            pass


def _check_replaceable(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: exists and is not a folder")
    ours = (folder / MARKER).exists() or (folder / (MARKER + ".new")).exists()  # see Staging.claim
    if folder.is_dir() and not ours and any(folder.iterdir()):
        raise OutputError(f"{folder}: not empty and not a newsmirror build (no {MARKER}); refusing to replace it")
