"""A type's folder of content/ that cannot be listed (chmod 000, another owner's): the build stopped (exit 2) on
its PermissionError; now it names the folder, builds the other posts and exits 1, every build until it is mended.
The OSError is injected: root, which this machine may run as, opens any folder."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import refuse_listing
from tests.site_content import post, write_content

WHEN = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)


def test_a_folder_of_posts_that_cannot_be_listed_is_named_and_the_rest_built(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    content = write_content(tmp_path / "content", [post("kept", WHEN), post("locked", WHEN, type="page")])
    refuse_listing(monkeypatch, "page")
    for _ in range(2):  # a clean build, then one with nothing to do
        assert main(["build", "--content", str(content), "--out", str(tmp_path / "site")]) == 1
        err = capsys.readouterr().err
        assert f"{content}/page: cannot list this folder (Permission denied); its posts were left out" in err
    assert (tmp_path / "site" / "news-archive" / "kept" / "index.html").is_file()
    assert not (tmp_path / "site" / "page").exists()
