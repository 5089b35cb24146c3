"""Bodies past the render limits: the page is still built, and every build, clean, incremental or unchanged,
prints one line naming the post's file and exits 1, until the post is fixed."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from tests.site_content import post, write_content

WHEN = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)
HUGE = "A line of a very long post.\n" * 25_000  # 700,000 characters: past the 500,000 rendered as Markdown
DEEP = "<div>" * 150 + "deep text" + "</div>" * 150 + "\n"  # past the 100 levels of HTML kept


def build(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(tmp_path / "content"),
                           "--out", str(tmp_path / "site")], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)


def body_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "field 'body'" in line]


def test_limits_are_reported_by_every_build_until_the_post_is_fixed(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", [post("huge", WHEN, body=HUGE), post("deep", WHEN, body=DEEP),
                                                   post("fine", WHEN)])
    first = build(tmp_path)
    assert first.returncode == 1, first.stderr
    lines = body_lines(first.stderr)
    assert len(lines) == 2, first.stderr
    assert ("content/news-archive/huge.md: field 'body': 700,000 characters are over the 500,000 that are "
            "rendered as Markdown") in lines[1]
    assert "plain text" in lines[1]
    assert "content/news-archive/deep.md: field 'body': HTML nested more than 100 levels" in lines[0]
    assert "Traceback" not in first.stderr
    page = (tmp_path / "site" / "news-archive" / "huge" / "index.html").read_text(encoding="utf-8")
    assert page.count("A line of a very long post.") == 25_000
    assert "deep text" in (tmp_path / "site" / "news-archive" / "deep" / "index.html").read_text(encoding="utf-8")

    unchanged = build(tmp_path)
    assert (unchanged.returncode, body_lines(unchanged.stderr)) == (1, lines)

    (content / "news-archive" / "fine.md").write_text(
        (content / "news-archive" / "fine.md").read_text(encoding="utf-8") + "An edit.\n", encoding="utf-8")
    edited = build(tmp_path)
    assert (edited.returncode, body_lines(edited.stderr)) == (1, lines)

    write_content(content, [post("huge", WHEN, body="Now short.\n"), post("deep", WHEN, body="Now flat.\n")])
    fixed = build(tmp_path)
    assert (fixed.returncode, body_lines(fixed.stderr)) == (0, []), fixed.stderr
