"""What changed upstream: each post's `mirror:` provenance, content/changes.yaml, and the
`newsmirror changes` report, over real imports of generated sites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.changes_report import parse_since, report, use_colour
from generator.import_result import run_time
from generator.importer import ImportOptions, run_import
from generator.store.documents import loads
from generator.store.history import HistoryError, LOG
from tests.conftest import content_tree, rest_item

FIRST, SECOND, THIRD = "2026-12-03T21:55:08Z", "2026-12-10T08:00:00Z", "2026-12-17T08:00:00Z"
PARAGRAPHS = ["Lithium prices fell for the third week in a row.",
              "Miners in the region expect a slow recovery next year.",
              "Analysts point to weak demand from battery makers."]


def item(n: int, **fields: object) -> dict[str, object]:
    body = "".join(f"<p>{p} (post {n})</p>" for p in PARAGRAPHS)
    base = dict(id=n, slug=f"post-{n}", type="news-archive", title={"rendered": f"Post number {n}"},
                content={"rendered": body}, link=f"https://example.com/post-{n}/",
                guid={"rendered": f"https://example.com/?p={n}"})
    return rest_item(**(base | fields))


def modified(when: str) -> dict[str, str]:
    return {"modified": when, "modified_gmt": when}


def save(folder: Path, items: list[dict[str, object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "news-archive.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


def imported(source: Path, content: Path, now: str, **options: object) -> object:
    result = run_import([source], content, ImportOptions(now=now, **options))
    assert result.problems == []
    return result


def three_changes(items: list[dict[str, object]]) -> list[dict[str, object]]:
    """Post 2 retitled, post 3 with one paragraph edited, post 4 taken down."""
    changed = [dict(i) for i in items if i["id"] != 4]
    changed[1] |= {"title": {"rendered": "Post number 2, corrected"}, **modified("2026-12-09T10:00:00")}
    edited = PARAGRAPHS[1].replace("a slow recovery", "a quick and strong recovery")
    changed[2] |= {"content": {"rendered": f"<p>{PARAGRAPHS[0]} (post 3)</p><p>{edited} (post 3)</p>"
                                           f"<p>{PARAGRAPHS[2]} (post 3)</p>"},
                   **modified("2026-12-09T11:00:00")}
    return changed


def mirror(content: Path, path: str) -> dict[str, object]:
    text = (content / path).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))["mirror"]


@pytest.mark.parametrize("count, workers", [(8, 1), (70, 2)], ids=["one process", "worker processes"])
def test_a_title_a_paragraph_and_a_removal_upstream_are_recorded_in_the_files_the_log_and_the_report(
        tmp_path: Path, count: int, workers: int) -> None:
    content, items = tmp_path / "content", [item(n) for n in range(1, count + 1)]
    imported(save(tmp_path / "in1", items), content, FIRST, workers=workers)
    assert mirror(content, "news-archive/post-1.md") == {"first": "2026-12-03"}
    before = content_tree(content)

    result = imported(save(tmp_path / "in2", three_changes(items)), content, SECOND, workers=workers)

    after = content_tree(content)
    assert sorted(p for p in after if after[p] != before.get(p)) == [
        LOG, "news-archive/post-2.md", "news-archive/post-3.md", "news-archive/post-4.md"]
    assert mirror(content, "news-archive/post-2.md") == {"first": "2026-12-03", "revisions": [
        {"date": "2026-12-10", "modified": "2026-12-09T10:00:00+00:00", "changed": ["title"],
         "summary": "title changed"}]}
    assert mirror(content, "news-archive/post-3.md")["revisions"][0]["summary"] == \
        "body: 1 paragraph changed, +3 -1 words"
    assert mirror(content, "news-archive/post-4.md") == {"first": "2026-12-03", "removed": "2026-12-10"}
    assert [(c.action, c.path) for c in result.changes] == [
        ("updated", "news-archive/post-2.md"), ("updated", "news-archive/post-3.md"),
        ("removed", "news-archive/post-4.md")]
    assert report(content, parse_since("2026-12-04")).splitlines() == [
        "2026-12-10T08:00:00Z: 1 removed, 2 updated",
        "updated news-archive/post-2.md: title (+2 -1 words)",
        "    title: Post number [-2-]{+2, corrected+}",
        "updated news-archive/post-3.md: body (+3 -1 words)",
        "    Miners in the region expect a [-slow-]{+quick and strong+} recovery next year. (post 3)",
        "removed news-archive/post-4.md: removed upstream (kept; --prune deletes)",
    ]


def test_the_same_input_again_changes_no_byte_and_writes_no_run(tmp_path: Path) -> None:
    content, items = tmp_path / "content", [item(n) for n in range(1, 6)]
    imported(save(tmp_path / "in1", items), content, FIRST)
    imported(save(tmp_path / "in2", three_changes(items)), content, SECOND)
    before = content_tree(content)
    times = {p: p.stat().st_mtime_ns for p in content.rglob("*.*")}
    imported(save(tmp_path / "in2", three_changes(items)), content, THIRD)
    assert content_tree(content) == before
    (content / ".newsmirror-cache").rename(tmp_path / "cache")  # converted again, not vouched for by the cache
    imported(save(tmp_path / "in2", three_changes(items)), content, THIRD)
    assert content_tree(content) == before
    assert {p: p.stat().st_mtime_ns for p in content.rglob("*.md")} == {p: t for p, t in times.items()
                                                                        if p.suffix == ".md"}


def test_a_post_that_comes_back_is_restored_and_pruning_says_which_it_deleted(tmp_path: Path) -> None:
    content, items = tmp_path / "content", [item(n) for n in range(1, 6)]
    imported(save(tmp_path / "in", items), content, FIRST)
    imported(save(tmp_path / "in", items[1:]), content, SECOND)
    imported(save(tmp_path / "in", items), content, THIRD)
    assert mirror(content, "news-archive/post-1.md") == {"first": "2026-12-03", "revisions": [
        {"date": "2026-12-17", "modified": "2024-07-01T12:00:00+02:00", "changed": ["restored"],
         "summary": "back upstream"}]}
    result = imported(save(tmp_path / "in", items[2:]), content, "2026-12-24T08:00:00Z", prune=True)
    assert not (content / "news-archive/post-1.md").exists()
    assert report(content).splitlines()[:3] == [
        "2026-12-24T08:00:00Z: 2 pruned",
        "pruned news-archive/post-1.md: removed upstream, deleted by --prune",
        "pruned news-archive/post-2.md: removed upstream, deleted by --prune"]
    assert [c.action for c in result.changes] == ["pruned", "pruned"]
    assert "2026-12-17T08:00:00Z: 1 restored" in report(content).splitlines()


def test_a_renamed_post_keeps_its_history(tmp_path: Path) -> None:
    content, items = tmp_path / "content", [item(n) for n in range(1, 4)]
    imported(save(tmp_path / "in", items), content, FIRST)
    items[0] = items[0] | {"slug": "post-one", **modified("2026-12-09T10:00:00")}
    result = imported(save(tmp_path / "in", items), content, SECOND)
    assert not (content / "news-archive/post-1.md").exists()
    assert mirror(content, "news-archive/post-one.md")["first"] == "2026-12-03"
    assert mirror(content, "news-archive/post-one.md")["revisions"][0]["changed"] == ["slug"]
    assert report(content).splitlines()[:2] == [
        "2026-12-10T08:00:00Z: 1 renamed", "renamed news-archive/post-1.md -> news-archive/post-one.md: slug"]
    assert [p.action for p in result.posts] == ["renamed", "unchanged", "unchanged"]


def test_history_and_revisions_are_bounded(tmp_path: Path) -> None:
    content = tmp_path / "content"
    for n, day in enumerate(range(1, 6)):
        post = item(1, title={"rendered": f"Title {n}"}, **modified(f"2026-12-0{day}T10:00:00"))
        imported(save(tmp_path / "in", [post]), content, f"2026-12-0{day}T12:00:00Z", history=3, revisions=2)
    runs = yaml.safe_load((content / LOG).read_text(encoding="utf-8"))["runs"]
    assert [r["run"] for r in runs] == ["2026-12-05T12:00:00Z", "2026-12-04T12:00:00Z", "2026-12-03T12:00:00Z"]
    assert mirror(content, "news-archive/post-1.md") == {"first": "2026-12-01", "revisions": [
        {"date": "2026-12-05", "modified": "2026-12-05T10:00:00+00:00", "changed": ["title"],
         "summary": "title changed"},
        {"date": "2026-12-04", "modified": "2026-12-04T10:00:00+00:00", "changed": ["title"],
         "summary": "title changed"}]}


def test_two_runs_at_the_same_time_give_the_same_bytes(tmp_path: Path) -> None:
    trees = []
    for name in ("a", "b"):
        content, items = tmp_path / name / "content", [item(n) for n in range(1, 6)]
        imported(save(tmp_path / name / "in1", items), content, FIRST)
        imported(save(tmp_path / name / "in2", three_changes(items)), content, SECOND)
        trees.append(content_tree(content))
    assert trees[0] == trees[1] and LOG in trees[0]


def test_without_a_run_time_nothing_new_is_recorded(tmp_path: Path) -> None:
    content, items = tmp_path / "content", [item(n) for n in range(1, 4)]
    run_import([save(tmp_path / "in", items)], content)
    assert "mirror:" not in (content / "news-archive/post-1.md").read_text(encoding="utf-8")
    run_import([save(tmp_path / "in", three_changes(items))], content)
    assert not (content / LOG).exists()


def test_a_file_newsmirror_converts_otherwise_is_no_change_upstream(tmp_path: Path) -> None:
    content = tmp_path / "content"
    imported(save(tmp_path / "in", [item(1)]), content, FIRST)
    log = (content / LOG).read_bytes()
    result = imported(save(tmp_path / "in", [item(1, content={"rendered": "<p>Other</p>"})]), content, SECOND)
    assert [p.action for p in result.posts] == ["updated"] and result.changes == []
    assert mirror(content, "news-archive/post-1.md") == {"first": "2026-12-03"}
    assert (content / LOG).read_bytes() == log


def test_the_run_time_is_source_date_epoch_when_set_else_the_clock() -> None:
    assert run_time(1796334908, 0.0) == run_time(None, 1796334908.9) == FIRST


def test_the_report_filters_by_date_colours_only_when_asked_and_speaks_json(tmp_path: Path) -> None:
    content, items = tmp_path / "content", [item(n) for n in range(1, 6)]
    imported(save(tmp_path / "in1", items), content, FIRST)
    imported(save(tmp_path / "in2", three_changes(items)), content, SECOND)
    assert report(content).splitlines()[-6:] == [
        "2026-12-03T21:55:08Z: 5 added", *(f"added news-archive/post-{n}.md: Post number {n}" for n in range(1, 6))]
    assert report(content, parse_since("2026-12-11")) == \
        f"no changes recorded since 2026-12-11 in {content / LOG}\n"
    coloured = report(content, parse_since("2026-12-10"), colour=True)
    assert "\x1b[32m2, corrected\x1b[0m" in coloured and "[-" not in coloured
    data = json.loads(report(content, parse_since("2026-12-10"), "json"))
    assert [(p["action"], p["path"], p.get("changed")) for p in data["runs"][0]["posts"]] == [
        ("updated", "news-archive/post-2.md", ["title"]), ("updated", "news-archive/post-3.md", ["body"]),
        ("removed", "news-archive/post-4.md", None)]
    assert data["runs"][0]["posts"][1]["diff"][0]["old"] == [f"{PARAGRAPHS[1]} (post 3)"]
    assert (use_colour(True, {}), use_colour(True, {"NO_COLOR": "1"}), use_colour(False, {})) == (True, False, False)
    with pytest.raises(ValueError, match="--since: expected a date"):
        parse_since("last week")


def test_an_unreadable_log_is_named_and_left_alone(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / LOG).write_text("runs: {broken", encoding="utf-8")
    with pytest.raises(HistoryError, match="changes.yaml: cannot read"):
        report(content)
    result = run_import([save(tmp_path / "in", [item(1)])], content, ImportOptions(now=FIRST))
    assert [p.file for p in result.problems] == [str(content / LOG)]
    assert (content / LOG).read_text(encoding="utf-8") == "runs: {broken"


def test_a_post_written_before_provenance_was_kept_gains_it_when_it_changes_or_goes(tmp_path: Path) -> None:
    content = tmp_path / "content"
    run_import([save(tmp_path / "in", [item(1)])], content)
    imported(save(tmp_path / "in", [item(1, title={"rendered": "New"}, **modified("2026-12-09T10:00:00"))]),
             content, SECOND)
    document = loads((content / "news-archive/post-1.md").read_text(encoding="utf-8"))
    assert document.mirror is not None and document.mirror.first == ""
    assert [r.changed for r in document.mirror.revisions] == [("title",)]
    run_import([save(tmp_path / "in", [item(2)])], content)
    imported(save(tmp_path / "in", [item(3)]), content, THIRD)
    assert mirror(content, "news-archive/post-2.md") == {"removed": "2026-12-17"}


def test_a_post_edited_by_hand_is_not_rewritten_when_it_is_gone_upstream(tmp_path: Path) -> None:
    content = tmp_path / "content"
    imported(save(tmp_path / "in", [item(1), item(2)]), content, FIRST)
    edited = content / "news-archive/post-2.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("summary: Sum", "summary:   Sum"), encoding="utf-8")
    before = edited.read_bytes()
    result = imported(save(tmp_path / "in", [item(1)]), content, SECOND)
    assert edited.read_bytes() == before and result.missing == [edited] and result.changes == []


@pytest.mark.parametrize("slug", ["post-1", "post-one"], ids=["in place", "renamed"])
def test_a_mirror_block_broken_by_hand_is_named_and_its_file_left_alone(tmp_path: Path, slug: str) -> None:
    """Rewriting the file would throw its history away unsaid: the post is reported, naming the file
    and field, and kept as it is until the block is mended or deleted."""
    content, items = tmp_path / "content", [item(n) for n in range(1, 4)]
    imported(save(tmp_path / "in", items), content, FIRST)
    broken = content / "news-archive/post-1.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("mirror:\n  first: '2026-12-03'", "mirror: 12"))
    before = content_tree(content)
    items[0] = items[0] | {"slug": slug, "title": {"rendered": "Retitled"}, **modified("2026-12-09T10:00:00")}
    result = run_import([save(tmp_path / "in", items)], content, ImportOptions(now=SECOND))
    assert [(p.field, p.message.split(": ", 1)[0]) for p in result.problems] == [("mirror", str(broken))]
    assert "mend or delete its mirror: block" in result.problems[0].message
    assert content_tree(content)[broken.relative_to(content).as_posix()] == before["news-archive/post-1.md"]
    broken.write_text(broken.read_text(encoding="utf-8").replace("mirror: 12\n", ""))
    imported(save(tmp_path / "in", items), content, SECOND)
    assert loads((content / f"news-archive/{slug}.md").read_text(encoding="utf-8")).title == "Retitled"
