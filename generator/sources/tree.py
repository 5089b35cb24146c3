"""The files of a source folder, and the subfolders that could not be listed: Path.rglob passes over a folder
it may not open without a word, which dropped every post saved under it from the import unseen.

WordPress's own code is passed over: a backup of a whole site (Duplicator's or BackWPup's archive, the site's folder
tarred with its dump) holds some hundred `block.json` of WordPress's blocks, and its themes' and plugins' JSON, each
of which was a problem ("not a WordPress post…"), beside the database or export it was given for. So is its
`wp-content/uploads`, its media library and what plugins keep there (their imports' zips, a static exporter's
temporary copy, a backup plugin's older backups): a static copy of the site holds it beside its feeds, and the
tarballs and zips its authors offered for download were each "no saved REST JSON … in this archive". Of that code
only the REST API's responses a static exporter kept in its plugin's folder, under a `wp-json` folder, are read."""

from __future__ import annotations

import os
from pathlib import Path

from generator.problems import Problem

# Folders of a WordPress installation that hold its code or uploads, never saved input: by name, and inside
# `wp-content`; and the packages of a headless front end's repository, beside the JSON it saved (hundreds of
# `package.json`).
CODE_FOLDERS = frozenset({"wp-admin", "wp-includes", "node_modules"})
CONTENT_CODE_FOLDERS = frozenset({"plugins", "themes", "mu-plugins", "languages", "upgrade", "upgrade-temp-backup",
                                  "uploads"})
SAVED_API_HOLDERS = ("plugins", "uploads")  # where a static exporter keeps the API's responses it saved
# Files read though their names start with '.': the database of a site run on SQLite (WordPress Playground's, the
# SQLite Database Integration plugin's `wp-content/database/.ht.sqlite`, sources/wp_sqlite.py), hidden from the web so.
HIDDEN_INPUT = frozenset({".ht.sqlite"})


def folder_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Every file under `folder` (links to files too), sorted, leaving out names starting with '.' (but for
    HIDDEN_INPUT) and WordPress's code folders at any depth below it; and a problem for each folder that cannot be
    listed."""
    files: list[Path] = []
    problems: list[Problem] = []

    def unlisted(error: OSError) -> None:
        problems.append(Problem(error.filename or str(folder),
                                message=f"cannot list this folder: {error.strerror}; the files in it were not read"))

    for top, folders, names in os.walk(folder, onerror=unlisted):
        passed = [name for name in folders if _passed_over(top, name)]
        folders[:] = sorted(name for name in folders if not name.startswith(".") and name not in passed)
        files.extend(_shown(top, names))
        if os.path.basename(os.path.normpath(top)) == "wp-content":
            files.extend(path for name in SAVED_API_HOLDERS if name in passed for path in _saved_api(Path(top, name)))
    return sorted(files), problems


def uploaded_files(folder: Path, holder: str = "uploads") -> list[Path]:
    """Every file under the `wp-content/uploads` folders below `folder` (which folder_files passes over), sorted: where
    a folder holds nothing else to read, an export a site's owner put among its uploads (`uploads/wxr.xml`) is what
    it was given for. `holder="themes"`: the themes' files, where the import looks for their demo exports to name
    them. A folder there that cannot be listed is no problem."""
    found: list[Path] = []
    for top, folders, _ in os.walk(folder):
        uploads = holder in folders and os.path.basename(os.path.normpath(top)) == "wp-content"
        folders[:] = sorted(name for name in folders if not name.startswith(".") and not _passed_over(top, name))
        if uploads:
            for inner, below, names in os.walk(Path(top, holder)):
                below[:] = sorted(name for name in below if not name.startswith("."))
                found.extend(_shown(inner, names))
    return sorted(found)


def _shown(top: str | Path, names: list[str]) -> list[Path]:
    return [Path(top, name) for name in names
            if (not name.startswith(".") or name in HIDDEN_INPUT) and os.path.isfile(Path(top, name))]


def _saved_api(holder: Path) -> list[Path]:
    """The files under a `wp-json` folder among the plugins or uploads: the REST API's responses that a static
    exporter keeps in its own folder (Simply Static's `plugins/simply-static/static-files/<run>/wp-json/`, and
    `uploads/simply-static/temp-files/<run>/wp-json/`), beside the site's pages it copied. Nothing else there is
    read, and a folder there that cannot be listed is no problem."""
    found: list[Path] = []
    for top, folders, names in os.walk(holder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        if "wp-json" in Path(top).relative_to(holder).parts:
            found.extend(_shown(top, names))
    return found


def _passed_over(top: str, name: str) -> bool:
    """Whether the subfolder `name` of `top` holds a WordPress installation's code or its uploads."""
    return name in CODE_FOLDERS or (os.path.basename(os.path.normpath(top)) == "wp-content"
                                    and name in CONTENT_CODE_FOLDERS)
