"""A sync killed with SIGKILL at any moment leaves no half-written file, and the next sync ends with
exactly the content an uninterrupted sync writes, fetching again only what it had not stored."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.store import history
from tests.conftest import content_tree, without_log
from tests.fake_wordpress import FakeWordPress, generated_site

POSTS = 300
KILLS = 5


def sync_command(config: Path, url: str, content: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "--quiet", "--config", str(config), "sync", url,
            "--content", str(content), "--no-media"]


def test_sync_killed_at_random_moments_resumes_to_the_same_content(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The posts come out as an uninterrupted sync writes them; the change log may miss what a run
    killed between placing posts and writing the log had changed, and never holds anything else."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796000000")  # every run dated alike, as one run would be
    config = tmp_path / "newsmirror.toml"
    config.write_text("[sync]\nrequest_interval = 0\n")
    site = generated_site(POSTS)
    with FakeWordPress(site) as wp:
        wp.fail("_embed=1", delay=0.3, times=-1)  # slow batches, so that kills land while fetching too
        reference = tmp_path / "reference"
        started = time.perf_counter()
        subprocess.run(sync_command(config, wp.url, reference), check=True, timeout=300)
        duration = time.perf_counter() - started
        whole = set(content_tree(reference).items())

        content = tmp_path / "content"
        rng = random.Random(14822)
        for _ in range(KILLS):
            process = subprocess.Popen(sync_command(config, wp.url, content))
            time.sleep(rng.uniform(0.2, duration))
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
            files = {(path, data) for path, data in content_tree(content).items()
                     if not Path(path).name.startswith(".")}
            assert files <= whole, "a file is neither absent nor as the uninterrupted sync wrote it"
        batches = wp.count("_embed=1")
        subprocess.run(sync_command(config, wp.url, content), check=True, timeout=300)
        resumed_batches = wp.count("_embed=1") - batches
    # The log may lack every run: when each kill came before its run wrote the log, and the last one after its
    # run had placed every post, the resumed run has nothing left to log (README, "Changes").
    reference_log = content_tree(reference).pop("changes.yaml")
    assert without_log(content) == without_log(reference)
    assert logged_posts(content) <= logged_posts(reference) and reference_log
    assert not list(content.rglob(".*.tmp"))
    assert resumed_batches <= POSTS // 100


def logged_posts(content: Path) -> set[tuple[str, str, str]]:
    return {(run.run, post.action, post.path) for run in history.read(content) for post in run.posts}
