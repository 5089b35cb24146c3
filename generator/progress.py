"""What long work (an import, a sync, a build) tells of how far it has got: (stage, done, total), which the
command line draws as a bar with the time left on a terminal (cli._Printer) and tests record."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
