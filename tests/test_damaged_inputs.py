"""Real inputs damaged the ways the wild damages them (tests/tools/damage.py: a field of a wrong JSON type, an address
urlsplit refuses, a date no calendar has, a file cut short, bytes of another encoding): the import never stops with a
traceback, names each problem by its file, and imports the rest. Each fault the damage found has its own test here,
then the class of damage is tried on generated inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.importer import ImportOptions, run_import
from generator.sources.linked_addresses import learnt
from generator.sources.static_copy import origin
from tests.test_import_feeds import _static_copy

ONE = ImportOptions(workers=1)
REFUSED = ["http://[x/", "https://[dock/x", "//[::1", "http://[::g]/"]  # what urlsplit raises ValueError for


def _imported(tmp_path: Path, data: object, name: str = "in.json") -> list[str]:
    """The problems of importing `data` saved as JSON, each as the one line the user reads."""
    (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    result = run_import([tmp_path / name], tmp_path / "content", ONE)
    assert all(p.file for p in result.problems)
    return [str(p) for p in result.problems]


@pytest.mark.parametrize("home", REFUSED)
def test_a_static_copys_feed_naming_a_home_urlsplit_refuses_is_read_as_naming_none(tmp_path: Path, home: str) -> None:
    """The copy's feeds' `<link>` names the site's address; `http://[x/` there stopped the import (ValueError:
    Invalid IPv6 URL)."""
    imported = []
    for named in (home, ""):
        copy = _static_copy(tmp_path / f"copy{len(imported)}")
        feed = copy / "feed" / "index.xml"
        feed.write_text(feed.read_text(encoding="utf-8").replace("<link>./../index.html</link>",
                                                                 f"<link>{named}</link>", 1), encoding="utf-8")
        content = tmp_path / f"content{len(imported)}"
        run_import([copy], content, ONE)
        imported.append(sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md")))
    assert origin(home) == ""
    assert imported[0] == imported[1] and "post/high-tide.md" in imported[0]


@pytest.mark.parametrize("home", REFUSED)
def test_a_dump_whose_home_urlsplit_refuses_learns_no_addresses(home: str) -> None:
    """wp_options' `home` is where a dump's custom types' addresses are learnt under; `http://[x/` there stopped the
    import of the dump."""
    rows = [{"ID": "1", "post_name": "a", "post_type": "post", "post_status": "publish", "post_parent": "0",
             "post_content": f'<a href="{home}news/nickel/">x</a>'},
            {"ID": "2", "post_name": "nickel", "post_type": "news", "post_status": "publish", "post_parent": "0",
             "post_content": ""}]
    assert learnt(rows, {}, {"home": home, "permalink_structure": "/%postname%/"}) == {}
