"""A taxonomy that has a post type's name (WordPress lets plugins register both: a shop's `seting` type and
`seting` taxonomy) gets a folder of its own, `seting-terms/`, where the type's list and the taxonomy's index both
claimed `seting/index.html`, so one of them was left out and the build ended with a problem."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.builder import run_build
from generator.convert.document import Source
from generator.model import taxonomy_folders
from tests.conftest import content_tree
from tests.site_content import config, post, write_content

WHEN = datetime(2024, 5, 1, 9, tzinfo=timezone.utc)


def test_a_taxonomy_named_as_a_post_type_takes_a_folder_of_its_own() -> None:
    assert taxonomy_folders(["category", "seting"], {"post", "seting"}) == {"category": "category",
                                                                           "seting": "seting-terms"}
    # Told apart as paths are on macOS and Windows disks; a folder another taxonomy has is not taken.
    assert taxonomy_folders(["Seting", "seting-terms"], {"seting"}) == {"Seting": "Seting-terms-terms",
                                                                        "seting-terms": "seting-terms"}


NAMES = st.text(alphabet="abST-é", min_size=1, max_size=6)


@given(names=st.lists(NAMES, unique=True, max_size=5), types=st.sets(NAMES, max_size=5))
def test_every_folder_is_apart_from_every_type_and_other_folder(names: list[str], types: set[str]) -> None:
    folders = taxonomy_folders(names, types)
    keys = [folder.casefold() for folder in folders.values()]
    assert len(set(keys)) == len({name.casefold() for name in names})
    assert not set(keys) & {name.casefold() for name in types}
    assert all(folders[name] == name for name in names if name.casefold() not in {t.casefold() for t in types})


def shop(tmp_path: Path) -> Path:
    def item(slug: str, number: int, **fields: object):
        return post(slug, WHEN.replace(day=number), source=Source(number, f"https://shop.example/{slug}/",
                                                                   f"https://shop.example/?p={number}"), **fields)
    return write_content(tmp_path / "content", [
        item("lamp", 1, type="seting", taxonomies={"seting": ["red"]}),
        item("chair", 2, type="seting", taxonomies={"seting": ["red", "oak"]}),
        item("news", 3, type="post", body="See [the red ones](https://shop.example/seting/red/).\n"),
    ], {("seting", "red"): "Red", ("seting", "oak"): "Oak"})


def test_a_shop_whose_type_and_taxonomy_share_a_name_builds_both(tmp_path: Path) -> None:
    result = run_build(config(tmp_path, shop(tmp_path)))
    site = tmp_path / "site"
    assert result.problems == []
    assert "Lamp" in (site / "seting/index.html").read_text() and "Chair" in (site / "seting/index.html").read_text()
    assert "Red" in (site / "seting-terms/index.html").read_text()
    assert "Chair" in (site / "seting-terms/oak/index.html").read_text()
    assert 'href="../../seting-terms/red/index.html"' in (site / "seting/lamp/index.html").read_text()
    # WordPress's own link to the term, in a post, leads to its page in the mirror.
    assert 'href="../../seting-terms/red/index.html"' in (site / "post/news/index.html").read_text()


def test_a_rebuild_from_the_saved_grouping_gives_the_same_site(tmp_path: Path) -> None:
    content = shop(tmp_path)
    run_build(config(tmp_path, content))
    (content / "seting/lamp.md").write_text((content / "seting/lamp.md").read_text().replace("Summary", "Words"))
    again = run_build(config(tmp_path, content))
    alone = shutil.copytree(content, tmp_path / "clean/content", ignore=shutil.ignore_patterns(".newsmirror-cache"))
    clean = run_build(config(tmp_path / "clean", alone))
    assert again.problems == clean.problems == []
    assert content_tree(tmp_path / "site") == content_tree(tmp_path / "clean/site")
