"""The state open pages follow: which build they should show, and what is broken. Rebuilds publish it; every
event stream waits on it."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class State:
    build: str  # pages made by another build reload; the server's pid in it makes a restarted server's differ
    errors: tuple[str, ...] = ()  # shown over open pages while not empty

    def event(self) -> bytes:
        """The server-sent event that tells a page this state."""
        return f"data: {json.dumps({'build': self.build, 'errors': list(self.errors)})}\n\n".encode()


class Status:
    """The current State, shared between the rebuilding thread and the threads that stream it to pages."""

    def __init__(self, first: State) -> None:
        self._changed = threading.Condition()
        self._state = first
        self._stopped = False

    def current(self) -> State:
        with self._changed:
            return self._state

    def publish(self, state: State) -> None:
        with self._changed:
            self._state = state
            self._changed.notify_all()

    def wait(self, seen: State, timeout: float) -> State | None:
        """The state once it differs from `seen`, or `seen` after `timeout` seconds; None once stopped."""
        with self._changed:
            self._changed.wait_for(lambda: self._stopped or self._state != seen, timeout)
            return None if self._stopped else self._state

    def stop(self) -> None:
        with self._changed:
            self._stopped = True
            self._changed.notify_all()
