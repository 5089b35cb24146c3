"""The preview's HTTP server: the built site under its base_url path, on 127.0.0.1 only.

Only files inside the site folder are ever sent: a request is decoded once, a `..` segment is refused, and the
file's real path (symlinks followed) must lie inside the site's real path. HTML gets the reload script on the
way out (see inject.py); nothing is cached, so a reload always shows the last build.
"""

from __future__ import annotations

import mimetypes
import os
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

from generator.serve.inject import inject
from generator.serve.status import Status

RESERVED = "__newsmirror/"  # under the site's path: the reload script and its event stream
FILES = Path(__file__).resolve().parent / "files"
KEEPALIVE = 15.0  # seconds between comments on an idle event stream, so that a closed page is noticed
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
         ".json": "application/json", ".webp": "image/webp", ".avif": "image/avif", ".bmp": "image/bmp",
         ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class Site:
    folder: Path  # the built site
    path: str  # where it is served: base_url's path, from '/' to '/'


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream must not keep the process alive after Ctrl-C

    def __init__(self, port: int, site: Site, status: Status) -> None:
        self.site, self.status = site, status
        super().__init__(("127.0.0.1", port), _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a page closed mid-response: nothing to report, and no traceback on the terminal


def resolve(folder: Path, rest: str) -> Path | None:
    """The file or folder of the site that the URL path `rest` (below the site's path, still %-encoded)
    names, or None when it would lie outside the site."""
    decoded = unquote(rest, errors="strict") if rest else ""
    parts = decoded.split("/")
    if any(part in ("..", ".") or "\\" in part or "\x00" in part for part in parts):
        return None
    real_folder = os.path.realpath(folder)
    real = os.path.realpath(os.path.join(real_folder, *parts)) if decoded else real_folder
    if real != real_folder and not real.startswith(real_folder + os.sep):
        return None  # a symlink out of the site
    return Path(real)


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "newsmirror-serve"

    def do_GET(self) -> None:
        try:
            self._answer(body=True)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_HEAD(self) -> None:
        try:
            self._answer(body=False)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:
        pass  # the terminal is for builds and their problems

    def _answer(self, body: bool) -> None:
        # Split by hand: urlsplit would read a path starting with // as a host.
        site, path = self.server.site, self.path.split("?", 1)[0].split("#", 1)[0]
        if path in ("/", site.path.rstrip("/")) and path != site.path:
            return self._redirect(site.path)
        if not path.startswith(site.path):
            return self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8",
                              f"Not here: the site is served at {site.path}\n".encode(), body)
        rest = path[len(site.path):]
        if rest.startswith(RESERVED):
            return self._reserved(rest[len(RESERVED):], body)
        try:
            target = resolve(site.folder, rest)
        except UnicodeDecodeError:
            target = None
        if target is not None and target.is_dir():
            if rest and not rest.endswith("/"):
                return self._redirect(path + "/")
            target = target / "index.html"
        if target is None or not target.is_file():
            return self._not_found(body)
        self._file(HTTPStatus.OK, target, body)

    def _reserved(self, name: str, body: bool) -> None:
        if name == "reload.js":
            return self._send(HTTPStatus.OK, TYPES[".js"], (FILES / "reload.js").read_bytes(), body)
        if name == "events" and body:
            return self._events()
        self._not_found(body)

    def _not_found(self, body: bool) -> None:
        page = self.server.site.folder / "404.html"
        if page.is_file():
            return self._file(HTTPStatus.NOT_FOUND, page, body)
        # No site yet (the first build failed): a bare page, which still carries the reload script.
        self._send(HTTPStatus.NOT_FOUND, TYPES[".html"], self._with_script(
            b"<!doctype html><html lang=en><head><meta charset=utf-8><title>Not found</title></head>"
            b"<body><h1>Not found</h1></body></html>"), body)

    def _file(self, status: HTTPStatus, target: Path, body: bool) -> None:
        try:
            data = target.read_bytes()
        except OSError:  # swapped away by a build between the check and the read
            return self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain", b"Rebuilding; reload.\n", body)
        kind = TYPES.get(target.suffix.lower()) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/html"):
            data = self._with_script(data)
        self._send(status, kind, data, body)

    def _with_script(self, page: bytes) -> bytes:
        return inject(page, f"{self.server.site.path}{RESERVED}reload.js", self.server.status.current().build)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        status = self.server.status
        state = status.current()
        self.wfile.write(b"retry: 500\n\n" + state.event())
        self.wfile.flush()
        while True:
            latest = status.wait(state, KEEPALIVE)
            if latest is None:
                return
            self.wfile.write(b": idle\n\n" if latest == state else latest.event())
            self.wfile.flush()
            state = latest

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, kind: str, data: bytes, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)
