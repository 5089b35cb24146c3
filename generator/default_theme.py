"""Where the default theme is: bundled inside an installed wheel, else the top of a source checkout.

Kept apart from the template engine so that a build can list its inputs without importing Jinja2.
"""

from __future__ import annotations

from pathlib import Path


def theme_dir() -> Path:
    package = Path(__file__).resolve().parent
    bundled = package / "theme"
    return bundled if bundled.is_dir() else package.parent
