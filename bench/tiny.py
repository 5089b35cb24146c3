"""Many tiny WordPress posts, for the limit of issue 5: 100,000 posts import and build in bounded time and memory.

    .venv/bin/python bench/tiny.py bench/out/tiny/json --posts 100000
    /usr/bin/time -v .venv/bin/newsmirror -q import bench/out/tiny/json --content bench/out/tiny/content
    /usr/bin/time -v .venv/bin/newsmirror -q build --content bench/out/tiny/content --out bench/out/tiny/site

Each post is one sentence in one paragraph, filed under one of 50 `regions` terms, one post a day
backwards from 2026; files hold 1,000 posts each. The same --posts always gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta
from pathlib import Path

PER_FILE = 1000
REGIONS = 50
START = datetime(2026, 1, 1, 9, 30)


def tiny_post(n: int) -> dict:
    when = (START - timedelta(days=n)).isoformat()
    region = n % REGIONS + 1
    return {
        "id": n + 1, "type": "post", "status": "publish", "slug": f"tiny-{n + 1}",
        "date": when, "date_gmt": when, "modified": when, "modified_gmt": when,
        "link": f"https://news.example/{n + 1}/", "guid": {"rendered": f"https://news.example/?p={n + 1}"},
        "title": {"rendered": f"Tiny post {n + 1}"},
        "content": {"rendered": f"<p>Post number {n + 1} says one short thing.</p>\n"},
        "excerpt": {"rendered": f"<p>Post number {n + 1}.</p>\n"},
        "regions": [region], "class_list": [f"post-{n + 1}", f"regions-region-{region}"],
        "_links": {"wp:term": [{"taxonomy": "regions", "embeddable": True,
                                "href": f"https://news.example/wp-json/wp/v2/regions?post={n + 1}"}]},
    }


def write(folder: Path, posts: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, posts, PER_FILE):
        items = [tiny_post(n) for n in range(start, min(start + PER_FILE, posts))]
        (folder / f"posts-{start // PER_FILE + 1:04d}.json").write_text(json.dumps(items), encoding="utf-8")
    terms = [{"id": r, "taxonomy": "regions", "slug": f"region-{r}", "name": f"Region {r}"}
             for r in range(1, REGIONS + 1)]
    (folder / "regions.json").write_text(json.dumps(terms), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--posts", type=int, default=100_000)
    args = parser.parse_args()
    write(args.folder, args.posts)


if __name__ == "__main__":
    main()
