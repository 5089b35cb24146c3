"""`newsmirror serve`: the preview server's answers, its rebuilds after edits, and what it never does (serve a
file outside the site, put its script into the site's files, leave a traceback on Ctrl-C)."""

from __future__ import annotations

import http.client
import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.builder import run_build
from generator.config import load_config
from generator.serve.app import base_path, serve
from generator.serve.inject import inject, widen
from generator.serve.server import PreviewServer, Site
from generator.serve.status import State, Status
from tests.site_content import many_posts, write_content

TITLE = '<h1 dir="{{ post.title_direction }}"'  # the default post.html's title, as a template edit finds it

REPO = Path(__file__).resolve().parents[1]
BASE_URL = "https://user.github.io/mirror/"
SCRIPT = b"__newsmirror/reload.js"
POST = "news-archive/story-0003/index.html"


def make_project(root: Path, posts: int = 12) -> Path:
    """A project as a user has it: content, its own copy of the theme, and newsmirror.toml."""
    documents, names = many_posts(posts)
    write_content(root / "content", documents, names)
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "static", root / "static")
    (root / "newsmirror.toml").write_text(f'[site]\nbase_url = "{BASE_URL}"\n\n[build]\njobs = 1\n')
    return root / "newsmirror.toml"


@contextmanager
def serving(config_file: Path, port: int = 0) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`serve` in a process of its own, as a user runs it; yields its URL once the first build is served. Ctrl-C
    reaches it as from a terminal, even when the tests run in the background, which ignores SIGINT."""
    code = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "from pathlib import Path; from generator.config import load_config; "
            "from generator.serve import serve; path = Path(sys.argv[1]); "
            "sys.exit(serve(load_config(path), int(sys.argv[2]), False, "
            "reload_config=lambda: load_config(path), config_file=path))")
    process = subprocess.Popen([sys.executable, "-c", code, str(config_file), str(port)], cwd=REPO, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = ""
        while not line.startswith("serving "):  # after the first build's summary
            line = process.stdout.readline()
            assert line, process.stderr.read()
        yield line.split(" at ")[1].split()[0], process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=20)


def get(url: str, path: str) -> tuple[int, dict[str, str], bytes]:
    """A request for `path` exactly as written: no client normalises away `..` or `%2e`."""
    host, port = url.split("/")[2].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


class Events:
    """The server-sent events of a running server, read in a thread."""

    def __init__(self, url: str) -> None:
        host, port = url.split("/")[2].split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=60)
        self.connection.request("GET", base_path(BASE_URL) + "__newsmirror/events")
        self.response = self.connection.getresponse()
        assert self.response.getheader("Content-Type") == "text/event-stream"

    def next(self, timeout: float = 60) -> dict[str, object]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:  # the server's keep-alive comments come between events
            line = self.response.readline().decode()
            if line.startswith("data: "):
                return json.loads(line[len("data: "):])
        raise AssertionError("no event in time")

    def until(self, accept, timeout: float = 60) -> dict[str, object]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            state = self.next(end - time.monotonic())
            if accept(state):
                return state
        raise AssertionError("no such event in time")


# The page as sent: the script added, the policy widened for it and for nothing else.

def test_script_goes_after_the_policy_and_into_head() -> None:
    page = (b'<!doctype html><html><head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" '
            b'content="default-src \'none\'; style-src \'self\'; img-src \'self\' data:; base-uri \'none\'">\n'
            b'<title>x</title></head><body><p>x</p></body></html>')
    sent = inject(page, "/mirror/__newsmirror/reload.js", "1.2")
    assert sent.index(b"Content-Security-Policy") < sent.index(SCRIPT) < sent.index(b"</head>")
    assert b'<script src="/mirror/__newsmirror/reload.js" data-build="1.2" defer></script>' in sent
    assert (b'content="default-src \'none\'; style-src \'self\'; img-src \'self\' data:; base-uri \'none\'; '
            b'script-src \'self\'; connect-src \'self\'"') in sent
    assert sent.count(b"<script") == 1


def test_widened_policy_keeps_every_source_it_allowed() -> None:
    assert widen("default-src 'self' https://cdn.example") == "default-src 'self' https://cdn.example"
    assert widen("default-src https://cdn.example; img-src *") == (
        "default-src https://cdn.example; img-src *; script-src https://cdn.example 'self'; "
        "connect-src https://cdn.example 'self'")
    assert widen("script-src 'none'; connect-src https://api.example") == (
        "script-src 'self'; connect-src https://api.example 'self'")
    assert widen("img-src 'self'") == "img-src 'self'"  # nothing restricts scripts: nothing to add


def test_page_without_head_still_gets_the_script() -> None:
    assert inject(b"<p>x</p></body>", "/s.js", "1").startswith(b'<p>x</p><script src="/s.js"')
    assert inject(b"<p>x</p>", "/s.js", "1").startswith(b"<p>x</p><script")


# The server alone, on a built site.

@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("served")
    config = load_config(make_project(root))
    assert run_build(config).problems == []
    (root / "secret.txt").write_text("outside the site")
    (root / "site" / "news-archive" / "out.txt").symlink_to(root / "secret.txt")
    (root / "site" / "news-archive" / "outdir").symlink_to(root, target_is_directory=True)
    return root


@pytest.fixture(scope="module")
def server(built: Path) -> Iterator[tuple[str, Status]]:
    status = Status(State("7.1"))
    preview = PreviewServer(0, Site(built / "site", "/mirror/"), status)
    thread = threading.Thread(target=preview.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{preview.server_port}/mirror/", status
    status.stop()
    preview.shutdown()
    preview.server_close()


def test_site_is_served_under_the_base_url_path(server, built: Path) -> None:
    url, _ = server
    status, headers, _ = get(url, "/")
    assert status == 302 and headers["Location"] == "/mirror/"
    assert get(url, "/mirror")[1]["Location"] == "/mirror/"
    assert get(url, "/mirror/news-archive/story-0003")[1]["Location"] == "/mirror/news-archive/story-0003/"
    status, headers, body = get(url, "/mirror/" + POST)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert b'<h1 dir="auto">Story 0003</h1>' in body and SCRIPT in body and b'data-build="7.1"' in body
    on_disk = (built / "site" / POST).read_bytes()
    assert SCRIPT not in on_disk
    assert body.replace(b"; script-src 'self'; connect-src 'self'", b"").replace(
        b'<script src="/mirror/__newsmirror/reload.js" data-build="7.1" defer></script>\n', b"") == on_disk
    assert get(url, "/mirror/css/site.css")[2] == (built / "site" / "css" / "site.css").read_bytes()
    assert get(url, "/index.html")[0] == 404  # the site is not at the root


def test_missing_page_gets_the_sites_404_page_with_the_script(server) -> None:
    status, _, body = get(server[0], "/mirror/no/such/page/")
    assert status == 404 and b"<title>" in body and SCRIPT in body


@pytest.mark.parametrize("path", [
    "/mirror/../secret.txt", "/mirror/%2e%2e/secret.txt", "/mirror/%2E%2E%2Fsecret.txt", "/mirror/..%2fsecret.txt",
    "/mirror/news-archive/..%2f..%2fsecret.txt", "/mirror/%2e%2e%5csecret.txt", "/mirror/..\\secret.txt",
    "/mirror/news-archive/out.txt", "/mirror/news-archive/outdir/secret.txt", "/mirror/%252e%252e/secret.txt",
    "/mirror//../secret.txt", "/mirror/%00/../secret.txt", "/mirror/%ff%fe", "//mirror/../../secret.txt",
])
def test_nothing_outside_the_site_is_served(server, path: str) -> None:
    status, _, body = get(server[0], path)
    assert status in (302, 404) and b"outside the site" not in body


def test_events_tell_the_current_build_then_each_new_one(server) -> None:
    url, status = server
    events = Events(url)
    assert events.next() == {"build": "7.1", "errors": []}
    status.publish(State("7.1", ("content/x.md: field 'date': not an ISO 8601 date: 'soon'",)))
    assert events.next()["errors"] == ["content/x.md: field 'date': not an ISO 8601 date: 'soon'"]
    status.publish(State("7.2"))
    assert events.next() == {"build": "7.2", "errors": []}
    assert get(url, "/mirror/__newsmirror/reload.js")[1]["Content-Type"].startswith("text/javascript")


# The whole command: builds, rebuilds after edits, keeps the last good site, stops on Ctrl-C.

def test_edits_rebuild_and_a_broken_template_keeps_the_last_good_site(tmp_path: Path) -> None:
    config_file = make_project(tmp_path)
    post_file = tmp_path / "content" / "news-archive" / "story-0003.md"
    template = tmp_path / "templates" / "post.html"
    with serving(config_file) as (url, process):
        events = Events(url)
        first = events.next()
        post_file.write_text(post_file.read_text().replace("title: Story 0003", "title: Edited Story"))
        edited = events.until(lambda state: state["build"] != first["build"])
        assert edited["errors"] == [] and b'<h1 dir="auto">Edited Story</h1>' in get(url, "/mirror/" + POST)[2]

        good = template.read_text()
        template.write_text(good.replace("{{ post.title }}", "{{ post.title | no_such_filter }}"))
        broken = events.until(lambda state: state["errors"])
        assert broken["build"] == edited["build"]  # open pages are not reloaded into a broken site
        assert "post.html" in broken["errors"][0]
        assert b'<h1 dir="auto">Edited Story</h1>' in get(url, "/mirror/" + POST)[2]

        template.write_text(good.replace(TITLE, TITLE.replace('<h1', '<h1 class="fixed"')))
        fixed = events.until(lambda state: state["build"] != edited["build"])
        assert fixed["errors"] == [] and b'<h1 class="fixed" dir="auto">Edited Story</h1>' in get(url, "/mirror/" + POST)[2]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        err = process.stderr.read()
    assert "Traceback" not in err and "post.html" in err
    assert not [p for p in (tmp_path / "site").rglob("*.html") if SCRIPT in p.read_bytes()]


def test_a_templates_folder_made_while_serving_is_watched_from_then_on(tmp_path: Path) -> None:
    """Serving with the default theme, the user makes the templates folder and copies a template in to edit."""
    config_file = make_project(tmp_path)
    shutil.rmtree(tmp_path / "templates")
    theme_post = (REPO / "templates" / "post.html").read_text()
    template = tmp_path / "templates" / "post.html"
    with serving(config_file) as (url, process):
        events = Events(url)
        first = events.next()
        template.parent.mkdir()
        template.write_text(theme_post.replace(TITLE, TITLE.replace('<h1', '<h1 class="copied"')))
        copied = events.until(lambda state: b'<h1 class="copied"' in get(url, "/mirror/" + POST)[2])
        template.write_text(theme_post.replace(TITLE, TITLE.replace('<h1', '<h1 class="edited"')))
        edited = events.until(lambda state: state["build"] != copied["build"]
                              and b'<h1 class="edited"' in get(url, "/mirror/" + POST)[2])
        shutil.rmtree(template.parent)  # back to the default theme, and the folder is awaited again
        events.until(lambda state: b'<h1 dir="auto"' in get(url, "/mirror/" + POST)[2])
        template.parent.mkdir()
        template.write_text(theme_post.replace(TITLE, TITLE.replace('<h1', '<h1 class="again"')))
        events.until(lambda state: b'<h1 class="again"' in get(url, "/mirror/" + POST)[2])
        assert first["build"] != copied["build"] != edited["build"]
    assert "Traceback" not in process.stderr.read()


def test_bad_front_matter_and_config_errors_show_and_clear(tmp_path: Path) -> None:
    config_file = make_project(tmp_path)
    post_file = tmp_path / "content" / "news-archive" / "story-0003.md"
    good_post, good_config = post_file.read_text(), config_file.read_text()
    with serving(config_file) as (url, process):
        events = Events(url)
        first = events.next()
        post_file.write_text(good_post.replace("date: '", "date: ['", 1))
        broken = events.until(lambda state: state["errors"])
        assert "story-0003.md" in broken["errors"][0] and broken["build"] == first["build"]
        post_file.write_text(good_post)
        fixed = events.until(lambda state: state["build"] != first["build"])
        assert fixed["errors"] == []

        config_file.write_text(good_config.replace("jobs = 1", "jobs = 'many'"))
        broken = events.until(lambda state: state["errors"])
        assert "jobs" in broken["errors"][0] and broken["build"] == fixed["build"]
        config_file.write_text(good_config.replace("[site]", '[site]\ntitle = "Renamed Mirror"'))
        renamed = events.until(lambda state: state["build"] != fixed["build"])
        assert renamed["errors"] == [] and b"Renamed Mirror" in get(url, "/mirror/")[2]
    assert "Traceback" not in process.stderr.read()


def test_a_busy_port_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = load_config(make_project(tmp_path, posts=2))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert serve(config, port, False) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"127.0.0.1:{port}" in err and "--port" in err
    assert not (tmp_path / "site").exists()  # nothing built for a server that could not start


def test_base_path_of_base_url() -> None:
    assert base_path("https://user.github.io/mirror/") == "/mirror/"
    assert base_path("https://user.github.io/mirror") == "/mirror/"
    assert base_path("https://news.example/") == "/" and base_path("") == "/"
