"""The only code that writes into the output folder: a staging folder, swapped in when complete."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# GitHub Pages must not run Jekyll over the site; the file also marks a folder as ours to replace.
MARKER = ".nojekyll"


class OutputError(Exception):
    """The output folder cannot be written; nothing was changed."""


class SiteWriter:
    """Collects a whole build in `<out>.staging`, then replaces `<out>` in two renames."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.staging = out_dir.with_name(out_dir.name + ".staging")
        self.collisions: list[str] = []
        self._written: set[str] = set()
        _check_replaceable(out_dir)
        if self.staging.exists():
            shutil.rmtree(self.staging)
        self.staging.mkdir(parents=True)
        (self.staging / MARKER).write_bytes(b"")

    def write(self, path: str, data: bytes) -> None:
        if path in self._written:
            self.collisions.append(path)
            return
        self._written.add(path)
        target = self.staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def copy(self, path: str, source: Path) -> None:
        self.write(path, source.read_bytes())

    @property
    def count(self) -> int:
        return len(self._written)

    def commit(self) -> None:
        old = self.out_dir.with_name(self.out_dir.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        if self.out_dir.exists():
            os.replace(self.out_dir, old)
        os.replace(self.staging, self.out_dir)
        if old.exists():
            shutil.rmtree(old)

    def abandon(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def _check_replaceable(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: exists and is not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise OutputError(f"{out_dir}: not empty and not a newsmirror build (no {MARKER}); "
                          f"refusing to replace it")
