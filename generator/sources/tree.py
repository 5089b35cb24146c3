"""The files of a source folder, and the subfolders that could not be listed: Path.rglob passes over a folder
it may not open without a word, which dropped every post saved under it from the import unseen."""

from __future__ import annotations

import os
from pathlib import Path

from generator.problems import Problem


def folder_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Every file under `folder` (links to files too), sorted, leaving out names starting with '.' at any depth;
    and a problem for each folder that cannot be listed."""
    files: list[Path] = []
    problems: list[Problem] = []

    def unlisted(error: OSError) -> None:
        problems.append(Problem(error.filename or str(folder),
                                message=f"cannot list this folder: {error.strerror}; the files in it were not read"))

    for top, folders, names in os.walk(folder, onerror=unlisted):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        files.extend(Path(top, name) for name in names if not name.startswith(".") and os.path.isfile(Path(top, name)))
    return sorted(files), problems
