"""Write a big WordPress export and measure the peak memory of reading or importing it.

    python bench/wxr_export.py write /tmp/wxr/big.xml --megabytes 1024
    python bench/wxr_export.py read /tmp/wxr/big.xml           # the reader alone (read_export)
    python bench/wxr_export.py import /tmp/wxr/big.xml /tmp/wxr/content --workers 1

Prints items, seconds (wall and CPU) and the process's peak RSS (ru_maxrss, which includes any
worker processes only through `children`).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="https://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>ana</wp:author_login>
<wp:author_display_name><![CDATA[Ana]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>port</wp:category_nicename>
<wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Port]]></wp:cat_name></wp:category>
"""
PARAGRAPH = ("The harbour authority said the new terminal would handle twice the containers of the old one, "
             "and that the cranes ordered last year arrive in spring.\n\n")


def post(ident: int, paragraphs: int) -> str:
    body = PARAGRAPH * paragraphs + f'[caption id="attachment_{ident + 1}" width="300"]<img src="https://bench.' \
        f'example/u/{ident}.jpg" alt="x" /> A crane[/caption]\n\n[gallery]\n\nLast line of post {ident}.'
    return f"""<item><title><![CDATA[Post {ident}]]></title><link>https://bench.example/?p={ident}</link>
<dc:creator>ana</dc:creator><guid isPermaLink="false">https://bench.example/?p={ident}</guid>
<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{ident}</wp:post_id><wp:post_date>2024-03-01 12:00:00</wp:post_date>
<wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt><wp:post_name>post-{ident}</wp:post_name>
<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>
<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>
<category domain="category" nicename="port"><![CDATA[Port]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{ident + 1}</wp:meta_value></wp:postmeta></item>
<item><title>{ident + 1}</title><wp:post_id>{ident + 1}</wp:post_id><wp:post_date>2024-03-01 12:00:00</wp:post_date>
<wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt><wp:status>inherit</wp:status>
<wp:post_parent>{ident}</wp:post_parent><wp:post_type>attachment</wp:post_type>
<wp:post_mime_type>image/jpeg</wp:post_mime_type>
<wp:attachment_url>https://bench.example/u/{ident}.jpg</wp:attachment_url></item>
"""


def write(path: Path, megabytes: int, paragraphs: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    limit, ident = megabytes * 1024 * 1024, 2
    with path.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        while f.tell() < limit:
            f.write(post(ident, paragraphs))
            ident += 2
        f.write("</channel>\n</rss>\n")
    print(f"wrote {path}: {path.stat().st_size / 1e6:.0f} MB, {ident // 2 - 1} posts and as many attachments")


def report(label: str, count: int, started: float, cpu: float) -> None:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{label}: {count} items in {time.perf_counter() - started:.1f} s wall, "
          f"{own.ru_utime + own.ru_stime - cpu:.1f} s CPU; peak RSS {own.ru_maxrss / 1024:.0f} MB "
          f"(largest worker {children.ru_maxrss / 1024:.0f} MB)")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("write", "read", "import"))
    parser.add_argument("export", type=Path)
    parser.add_argument("content", type=Path, nargs="?", default=Path("/tmp/wxr/content"))
    parser.add_argument("--megabytes", type=int, default=1024)
    parser.add_argument("--paragraphs", type=int, default=40, help="paragraphs per post (40 is about 7 kB)")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    if args.action == "write":
        write(args.export, args.megabytes, args.paragraphs)
        return
    started, usage = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    if args.action == "read":
        from generator.sources.wxr import read_export
        problems: list[object] = []
        count = sum(1 for _ in read_export(args.export, problems))  # type: ignore[arg-type]
        report(f"read_export ({len(problems)} problems)", count, started, cpu)
    else:
        from generator.importer import ImportOptions, run_import
        result = run_import([args.export], args.content, ImportOptions(workers=args.workers))
        report(f"run_import ({len(result.problems)} problems)", len(result.posts), started, cpu)


if __name__ == "__main__":
    main(sys.argv[1:])
