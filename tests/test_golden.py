"""The built sample site, compared byte for byte with a reviewed copy in tests/golden/site.

Regenerate after an intended change, then review `git diff tests/golden`:
    .venv/bin/newsmirror --config tests/golden/newsmirror.toml build
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.builder import run_build
from generator.config import load_config
from tests.site_reading import tree

GOLDEN = Path(__file__).parent / "golden"


def test_sample_site_matches_the_golden_copy(tmp_path: Path) -> None:
    config = load_config(GOLDEN / "newsmirror.toml")
    config = dataclasses.replace(config, paths=dataclasses.replace(config.paths, output=str(tmp_path / "site")))
    assert run_build(config).problems == []
    built, golden = tree(tmp_path / "site"), tree(GOLDEN / "site")
    assert sorted(built) == sorted(golden)
    for path in golden:
        assert built[path] == golden[path], f"{path} differs from the golden copy"
