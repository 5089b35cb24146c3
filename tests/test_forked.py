"""Work made in a forked child beside other work (output/forked.py): the result this process would make, made in
another; made here when the child fails; no child left behind; and the whole plan's pages by URL found so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.output import forked, stages
from generator.render import local_links
from tests.site_reading import tree
from tests.test_incremental import Project


@pytest.fixture(autouse=True)
def _no_threads(monkeypatch) -> None:
    # Other tests leave servers' daemon threads in this process; the child touches no lock of theirs.
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)


def test_the_result_is_made_in_a_child() -> None:
    parent = os.getpid()
    with forked.beside(lambda: {"pid": os.getpid(), "made": ("a", 1, [2.5, None], {"x"})}) as later:
        made = later.result()
    assert made["pid"] != parent and made["made"] == ("a", 1, [2.5, None], {"x"})


def test_a_child_that_fails_leaves_the_work_to_this_process() -> None:
    parent = os.getpid()

    def fails_in_the_child() -> int:
        if os.getpid() != parent:
            raise OSError("the child fails")
        return os.getpid()

    with forked.beside(fails_in_the_child) as later:
        assert later.result() == parent
    with forked.beside(lambda: object()) as later:  # what marshal cannot send is made here too
        assert later.result() is not None


def test_no_child_is_left_when_the_work_around_it_fails() -> None:
    children = []
    with pytest.raises(RuntimeError):
        with forked.beside(lambda: sum(range(10**6))) as later:
            children.append(later.child[0])
            raise RuntimeError("the plan failed")
    with pytest.raises(ChildProcessError):  # reaped already
        os.waitpid(children[0], os.WNOHANG)


def test_without_a_fork_the_work_is_made_here(monkeypatch) -> None:
    monkeypatch.setattr(forked, "may_fork", lambda: False)
    with forked.beside(os.getpid) as later:
        assert later.child is None and later.result() == os.getpid()


def test_a_whole_plan_finds_the_posts_pages_by_url_in_a_child(tmp_path: Path, monkeypatch) -> None:
    """The pages of posts by their URL, a quarter of a whole plan at 10,000 posts, are found beside the rest of it,
    and the site is the one built with them found here."""
    monkeypatch.setattr(stages, "LOCAL_BESIDE_FROM", 1)
    parent, found_in = os.getpid(), []

    def local_pages(site):
        if os.getpid() == parent:
            found_in.append("here")
        return local_links.local_pages(site)

    monkeypatch.setattr(stages, "local_pages", local_pages)

    def built(name: str, jobs: int) -> dict:
        project = Project(tmp_path / name, posts=12)
        project.settings["build"]["jobs"] = jobs
        project.build()
        return tree(project.root / "site")

    beside = built("beside", 2)
    assert found_in == []
    assert built("one job", 1) == beside and found_in == ["here"]  # one job: all of the plan in this process
    monkeypatch.setattr(forked, "may_fork", lambda: False)
    assert built("no fork", 2) == beside and found_in == ["here"] * 2
