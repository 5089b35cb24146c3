"""An import streams its input: memory holds a few hundred bytes per post, not the posts themselves.

Saved REST responses carry much more than the mirror keeps (`yoast_head` alone is often 10-60 KB of
HTML per post), so an importer that held every item would grow with the input by that much."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.importer import ImportOptions, run_import

REPO = Path(__file__).resolve().parent.parent
PADDING = 64 * 1024  # bytes of unconverted fields per post, as a plugin's SEO head adds
PER_FILE = 100

PEAK = """
import resource, sys
from pathlib import Path
from generator.importer import ImportOptions, run_import
result = run_import([Path(sys.argv[1])], Path(sys.argv[2]), ImportOptions(workers=1))
assert not result.problems, result.problems
print(len(result.posts), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def post(ident: int) -> dict[str, object]:
    return {"id": ident, "type": "post", "status": "publish", "slug": f"post-{ident}",
            "link": f"https://news.example/post-{ident}/", "date": "2024-05-01T10:00:00",
            "modified": "2024-05-02T10:00:00", "title": {"rendered": f"Post {ident}"},
            "content": {"rendered": f"<p>Body of post {ident}, with <a href=\"/x/\">a link</a>.</p>"},
            "excerpt": {"rendered": ""},
            "yoast_head": f"<meta name=\"post\" content=\"{ident}\">" + "y" * PADDING}


def write_posts(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    for start in range(0, count, PER_FILE):
        page = [post(i) for i in range(start + 1, min(start + PER_FILE, count) + 1)]
        (folder / f"posts__page={start // PER_FILE + 1}.json").write_text(json.dumps(page), encoding="utf-8")
    return folder


def peak_kb(tmp_path: Path, count: int) -> int:
    """The largest resident set of a fresh process that imports `count` posts in one job."""
    source = write_posts(tmp_path / f"in-{count}", count)
    run = subprocess.run([sys.executable, "-c", PEAK, str(source), str(tmp_path / f"content-{count}")],
                         capture_output=True, text=True, cwd=REPO, timeout=120, check=True)
    imported, peak = run.stdout.split()
    assert int(imported) == count
    return int(peak)


def test_an_import_s_memory_does_not_grow_with_the_size_of_its_input(tmp_path: Path) -> None:
    small, large = peak_kb(tmp_path, 300), peak_kb(tmp_path, 1200)
    # Holding the 900 more posts would take 900 * 64 KB = 56 MB more; what an import keeps of each of
    # these posts (its key, digest and report) is about 1 KB, plus the noise of the allocator.
    assert large - small < 16 * 1024, f"peak {small} KB for 300 posts, {large} KB for 1,200"


def test_a_post_saved_twice_is_imported_from_its_latest_copy_once_read_back(tmp_path: Path) -> None:
    old, new = post(7), post(7)
    new["modified"], new["title"] = "2024-06-01T10:00:00", {"rendered": "Post 7, corrected"}
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.json").write_text(json.dumps([new, post(8)]), encoding="utf-8")
    (source / "b.json").write_text(json.dumps([old]), encoding="utf-8")
    result = run_import([source], tmp_path / "content", ImportOptions(workers=1))
    assert sorted(p.path for p in result.posts) == ["post/post-7.md", "post/post-8.md"]
    assert "title: Post 7, corrected" in (tmp_path / "content" / "post" / "post-7.md").read_text(encoding="utf-8")
    assert [p.file for p in result.posts if p.id == 7] == [str(source / "a.json")]


def test_the_spool_leaves_no_file_behind(tmp_path: Path) -> None:
    source = write_posts(tmp_path / "in", 3)
    run_import([source], tmp_path / "content", ImportOptions(workers=1))
    cache = tmp_path / "content" / ".newsmirror-cache"
    assert sorted(p.name for p in cache.iterdir()) == [".gitignore", "import.json"]
