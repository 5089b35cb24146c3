"""The `newsmirror` command's first step: Python takes a tenth of a second to import the rest, and Ctrl-C in
that time printed Python's own traceback; here it says, as later, that the command was interrupted."""

import sys
from typing import NoReturn

INTERRUPTED = 130  # as a shell reports a command that Ctrl-C ended (128 + SIGINT)


def run() -> NoReturn:
    try:
        from generator.cli import run as command
    except KeyboardInterrupt:
        print("newsmirror: interrupted", file=sys.stderr)
        sys.exit(INTERRUPTED)
    command()
