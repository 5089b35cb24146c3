"""The command line as a user meets it: help, exit codes, one line per problem, never a traceback."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import __version__, cli
from generator.cli import _parser, main
from generator.problems import Problem, told
from tests.conftest import REPO, rest_item


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_every_command_and_option_has_help() -> None:
    parser = _parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in [("newsmirror", parser), *commands.choices.items()]:
        for action in sub._actions:
            assert action.help, f"{name}: {action.option_strings or action.dest} has no help"


@pytest.mark.parametrize("args", [["--help"], ["import", "--help"], ["build", "--help"]])
def test_help_prints_and_exits_zero(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 0
    assert "usage: newsmirror" in capsys.readouterr().out


def test_version_via_python_dash_m(tmp_path: Path) -> None:
    done = run("--version", cwd=tmp_path)
    assert (done.returncode, done.stdout.strip()) == (0, f"newsmirror {__version__}")


def test_import_goes_on_past_bad_items_and_exits_one(tmp_path: Path) -> None:
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "good.json").write_text(json.dumps([rest_item(), rest_item(id=8, slug="../escape")]))
    (saved / "broken.json").write_text("{")
    done = run("import", str(saved), "--content", str(tmp_path / "content"), cwd=tmp_path)
    assert done.returncode == 1
    assert (tmp_path / "content" / "post" / "hello.md").is_file()
    lines = done.stderr.splitlines()
    assert any(line.endswith("broken.json: not valid JSON: line 1 column 2: Expecting property name "
                             "enclosed in double quotes") for line in lines)
    assert any("good.json: item 8: field 'slug': '../escape' is not a safe file name; saved as 'escape'"
               in line for line in lines)
    assert "Traceback" not in done.stderr
    assert (tmp_path / "content" / "post" / "escape.md").is_file()
    assert not (tmp_path / "escape.md").exists()


def test_many_alike_problems_are_summed_up_so_that_the_others_stand_out(tmp_path: Path) -> None:
    """A crawl that saved each post to a file of its own, of a type with no editor, fails once per file: the
    first three are told, then how many more, which --verbose lists; a problem of another kind still shows."""
    saved = tmp_path / "saved"
    for number in range(1, 41):
        item = {key: value for key, value in rest_item(id=number, slug=f"member-{number}").items()
                if key not in ("content", "excerpt")}
        (saved / "wp-json/wp/v2/team" / str(number)).mkdir(parents=True)
        (saved / "wp-json/wp/v2/team" / str(number) / "index.json").write_text(json.dumps(item))
    (saved / "broken.json").write_text("{")
    done = run("import", str(saved), "--content", str(tmp_path / "content"), cwd=tmp_path)
    lines = done.stderr.splitlines()
    assert done.returncode == 1
    assert sum("field 'content': missing" in line for line in lines) == 3
    assert "newsmirror: … and 37 more like these (--verbose lists them all)" in lines
    assert any(line.endswith("broken.json: not valid JSON: line 1 column 2: Expecting property name "
                             "enclosed in double quotes") for line in lines)
    assert lines[-1] == "newsmirror: 41 problem(s); everything else was processed"
    verbose = run("import", "-v", str(saved), "--content", str(tmp_path / "content"), cwd=tmp_path)
    assert sum("field 'content': missing" in line for line in verbose.stderr.splitlines()) == 40


def test_problems_alike_but_for_their_numbers_are_summed_up_and_six_are_not() -> None:
    relative = [Problem(f"post/p{n}.md", field="body", message=f"{n} link(s) relative to the original site are "
                        "shown as text") for n in range(1, 8)]
    clash = Problem("pages.json", "12", "slug", "'about' is taken by another post; saved as 'about-12'")
    lines = told([relative[0], clash, *relative[1:]], "--verbose lists them all")
    assert lines == [str(relative[0]), str(clash), str(relative[1]), str(relative[2]),
                     "… and 4 more like these (--verbose lists them all)"]
    assert told(relative[:6], "") == list(map(str, relative[:6]))


def test_problems_alike_but_for_the_values_they_quote_are_summed_up() -> None:
    """A converter's export without slugs: every post is named from its title, each a line of its own."""
    named = [Problem("export.xml", str(n), "wp:post_name", f"missing; made from the title: {slug!r}")
             for n, slug in enumerate(["abelhas", "jardim", "corrida", "trem", "l'amour", "natação", "pablo-picasso"])]
    assert told(named, "--verbose lists them all") == [*map(str, named[:3]),
                                                      "… and 4 more like these (--verbose lists them all)"]


def test_build_goes_on_past_a_bad_post_and_exits_one(tmp_path: Path) -> None:
    content = tmp_path / "content" / "post"
    content.mkdir(parents=True)
    (content / "bad.md").write_text("---\ntitle: T\n---\nBody\n")
    assert run("import", str(_saved(tmp_path)), "--content", str(tmp_path / "content"), cwd=tmp_path).returncode == 0
    done = run("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 1
    assert f"{content / 'bad.md'}: field 'slug': missing" in done.stderr
    # The command ends without freeing what it made (cli.run), once what it printed is written out.
    assert done.stdout.startswith("built ") and done.stdout.endswith(" files written, 0 unchanged, 0 removed\n")
    assert (tmp_path / "out" / "post" / "hello" / "index.html").is_file()


def test_configuration_errors_exit_two_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "newsmirror.toml").write_text("[site]\ntitle = 1\n")
    done = run("build", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "newsmirror: error: newsmirror.toml: site.title: expected a string, got an integer"


@pytest.mark.parametrize("args", [["import"], ["publish"], ["build", "--nope"], ["import", "missing.json"],
                                  ["build", "--content", "missing"], ["build", "--base-url", "example.com"]])
def test_usage_errors_exit_two(args: list[str], tmp_path: Path) -> None:
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr


def test_importing_a_web_address_points_to_sync(tmp_path: Path) -> None:
    done = run("import", "https://news.example/wp-json/wp/v2/posts", cwd=tmp_path)
    assert (done.returncode, done.stderr.strip()) == (2, (
        "newsmirror: error: import: https://news.example/wp-json/wp/v2/posts: a web address, not a saved file or "
        "folder; `newsmirror sync https://news.example/wp-json/wp/v2/posts` fetches a live site"))


def test_refuses_to_replace_a_folder_that_is_not_a_build(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "precious.txt").write_text("keep me")
    done = run("build", "--content", str(REPO / "content"), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2 and "refusing to replace it" in done.stderr
    assert (tmp_path / "out" / "precious.txt").read_text() == "keep me"


def test_options_work_before_or_after_the_command(tmp_path: Path) -> None:
    for args in (["--quiet", "build"], ["build", "--quiet"]):
        done = run(*args, "--content", str(REPO / "content"), "--out", str(tmp_path / "out"), cwd=tmp_path)
        assert (done.returncode, done.stdout) == (0, "")


def _saved(tmp_path: Path) -> Path:
    path = tmp_path / "hello.json"
    path.write_text(json.dumps(rest_item()))
    return path


def _imported(tmp_path: Path) -> list[str]:
    """A content folder with one post; the arguments that build it."""
    assert run("import", str(_saved(tmp_path)), "--content", str(tmp_path / "content"), cwd=tmp_path).returncode == 0
    return ["build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "out")]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_an_error_not_a_silent_success(tmp_path: Path) -> None:
    """`check` prints its summary unflushed: the command writes it out itself before it exits (cli.run), as
    Python's own exit would, and says when it cannot."""
    assert run(*_imported(tmp_path), cwd=tmp_path).returncode == 0
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "generator", "check", str(tmp_path / "out")], cwd=tmp_path,
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, env=buffered)
    assert (done.returncode, done.stderr) == (120, "newsmirror: error: <stdout>: No space left on device\n")


def test_a_build_with_its_output_closed_still_builds_and_succeeds(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "generator", *_imported(tmp_path)], cwd=tmp_path,
                          preexec_fn=lambda: os.close(1), stderr=subprocess.PIPE, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (0, "")
    assert (tmp_path / "out" / "post" / "hello" / "index.html").is_file()


def test_a_profiled_run_writes_its_profile(tmp_path: Path) -> None:
    """A profiler writes its data at exit: under one the command exits as Python does."""
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(tmp_path / "build.prof"), "-m", "generator",
                           *_imported(tmp_path)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "build.prof").stat().st_size > 0


def test_import_summary_report_status_and_prune_options(tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps([rest_item(content={"rendered": '<iframe src="https://vimeo.com/1"></iframe>'}),
                                 rest_item(id=8, slug="draft", status="draft")]))
    content = str(tmp_path / "content")
    done = run("import", str(saved), "--content", content, "--report", str(tmp_path / "r.json"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "imported 1 posts: 1 new, 0 updated, 0 renamed, 0 unchanged; skipped 1; terms updated",
        "dropped or approximated: 1 iframe made a link",
        f"changes logged in {content}/changes.yaml: 1 (`newsmirror changes` tells them)"]
    assert json.loads((tmp_path / "r.json").read_text())["totals"] == {"iframe made a link": 1}
    done = run("import", str(saved), "--content", content, "--status", "publish,draft", cwd=tmp_path)
    assert "1 new, 0 updated, 0 renamed, 1 unchanged" in done.stdout
    saved.write_text(json.dumps([rest_item()]))
    done = run("import", str(saved), "--content", content, "--prune", cwd=tmp_path)
    assert "pruned 1 posts no longer in the input" in done.stdout
    assert not (tmp_path / "content" / "post" / "draft.md").exists()


@pytest.mark.parametrize("args", [["sync"], ["sync", "not-a-url"], ["sync", "ftp://example.org/"]])
def test_sync_usage_errors_exit_two(args: list[str], tmp_path: Path) -> None:
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("newsmirror: error: sync: ")
    assert "Traceback" not in done.stderr


def test_sync_reports_a_failed_request_by_url_and_exits_one(tmp_path: Path) -> None:
    from tests.fake_wordpress import FakeWordPress, generated_site
    (tmp_path / "newsmirror.toml").write_text('[sync]\nrequest_interval = 0\nretries = 0\n'
                                              '[[sources]]\nname = "news"\nurl = "URL"\n')
    with FakeWordPress(generated_site(150)) as wp:
        (tmp_path / "newsmirror.toml").write_text((tmp_path / "newsmirror.toml").read_text().replace("URL", wp.url))
        wp.fail("&page=2", status=503)
        done = run("sync", "news", cwd=tmp_path)
        again = run("sync", "--dry-run", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0].startswith(f"newsmirror: {wp.url}wp-json/wp/v2/news-archive?_fields=")
    assert "&page=2: HTTP 503" in done.stderr.splitlines()[0]
    assert done.stdout.splitlines()[0] == f"news: 100 posts selected of 150 on {wp.url}: 100 added, 0 updated, 0 removed"
    assert len(list((tmp_path / "content" / "news-archive").iterdir())) == 100
    assert again.returncode == 0
    assert again.stdout.splitlines()[0] == (f"news: 150 posts selected of 150 on {wp.url}: would add 50, "
                                            f"would update 0, would remove 0")


def test_import_site_gives_hostless_posts_their_address(tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps([rest_item(link="/2024/hello/", guid={"rendered": "/?p=7"},
                                           content={"rendered": '<p><a href="/about/">About</a></p>'})]))
    (tmp_path / "newsmirror.toml").write_text('[import]\nsite = "https://example.org/"\n')
    from_config = run("import", str(saved), "--content", str(tmp_path / "a"), cwd=tmp_path)
    from_option = run("import", str(saved), "--content", str(tmp_path / "b"), "--site", "https://example.net/",
                      cwd=tmp_path)
    assert from_config.returncode == from_option.returncode == 0
    assert "[About](https://example.org/about/)" in (tmp_path / "a" / "post" / "hello.md").read_text()
    assert "[About](https://example.net/about/)" in (tmp_path / "b" / "post" / "hello.md").read_text()


def test_progress_is_a_bar_with_counts_and_time_left_on_a_terminal_and_silent_in_ci(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    printer = cli._Printer(quiet=False, verbose=False)
    printer.live = True  # as on a terminal outside CI
    for done in range(0, 51, 10):
        printer.progress("render", done, 50)
        time.sleep(0.12)  # longer than the bar's refresh interval
    printer.end_progress()
    drawn = capsys.readouterr().err
    assert "render" in drawn and "50/50" in drawn and "<00:00" in drawn  # counts, then the time left
    monkeypatch.setenv("CI", "true")
    quiet = cli._Printer(quiet=False, verbose=False)
    quiet.progress("render", 10, 50)
    quiet.end_progress()
    assert capsys.readouterr().err == ""


def test_changes_reports_what_a_reimport_saw_dated_by_source_date_epoch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    saved, content = tmp_path / "posts.json", tmp_path / "content"
    saved.write_text(json.dumps([rest_item(id=1, slug="a", title={"rendered": "Quotas cut"}),
                                 rest_item(id=2, slug="b")]))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796000000")  # 2026-11-30
    assert main(["import", str(saved), "--content", str(content)]) == 0
    saved.write_text(json.dumps([rest_item(id=1, slug="a", title={"rendered": "Quotas cut again"},
                                           modified="2026-12-09T08:00:00", modified_gmt="2026-12-09T08:00:00")]))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796800000")  # 2026-12-09
    assert main(["import", str(saved), "--content", str(content)]) == 0
    capsys.readouterr()
    assert main(["changes", "--content", str(content), "--since", "2026-12-01"]) == 0
    report = capsys.readouterr().out
    assert "updated post/a.md: title (+1 -0 words)\n    title: Quotas cut{+ again+}\n" in report
    assert "removed post/b.md: removed upstream (kept; --prune deletes)" in report
    assert "added" not in report  # the first import, before --since
    assert "  first: '2026-11-30'" in (content / "post" / "b.md").read_text()
    assert main(["changes", "--content", str(content), "--since", "yesterday"]) == 2


def test_serve_on_a_busy_port_says_so_in_one_line_and_builds_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = main(["serve", "--port", str(port), "--content", str(REPO / "content"),
                       "--out", str(tmp_path / "site")])
    errors = capsys.readouterr().err.splitlines()
    assert status == 2 and len(errors) == 1 and f"127.0.0.1:{port}" in errors[0] and "--port" in errors[0]
    assert not (tmp_path / "site").exists()


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """`newsmirror check | head -1` printed "newsmirror: error: : Broken pipe" and exited 2."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("".join(f'<a href="/{i}">x</a>' for i in range(50)))
    read, write = os.pipe()
    os.close(read)
    with open(write, "w", buffering=1) as closed:  # line-buffered: each problem line is written at once
        monkeypatch.setattr(sys, "stdout", closed)
        assert main(["check", str(tmp_path / "site")]) == cli.SIGPIPE_EXIT
    assert capsys.readouterr().err == ""


def test_an_error_with_no_file_to_name_is_one_line_without_an_empty_name(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A full disk while writing an open file (the import's spool) printed "newsmirror: error: : No space left"."""
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli, "run_build", full)
    assert main(["build", "--content", str(REPO / "content"), "--out", str(tmp_path / "site")]) == 2
    assert capsys.readouterr().err == "newsmirror: error: No space left on device\n"


def test_check_of_a_file_says_it_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site.zip").write_bytes(b"PK")
    assert main(["check", str(tmp_path / "site.zip")]) == 2
    assert capsys.readouterr().err == f"newsmirror: error: check: {tmp_path / 'site.zip'}: a file, not a site's folder\n"


def test_ctrl_c_while_python_imports_the_command_says_interrupted_without_a_traceback(tmp_path: Path) -> None:
    """Ctrl-C in the tenth of a second Python spends importing newsmirror printed Python's own traceback. A
    module that raises KeyboardInterrupt on import (tomllib, which the configuration imports) stands in for
    the key press, at the same place every time."""
    (tmp_path / "tomllib.py").write_text("raise KeyboardInterrupt\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)])}
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120, env=env)
    assert (result.returncode, result.stderr) == (130, "newsmirror: interrupted\n")
