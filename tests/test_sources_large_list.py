"""A large crawl saved as one JSON list of posts is read a post at a time: the import held every post of such a file
at once (658 MB for 10,000 posts in one 118 MB file, against 155 MB saved a page per file). Read either way, a file
gives the same items and the same problems."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from pathlib import Path
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.corpus import rest_posts
from generator.problems import Problem
from generator.sources.json_list import CHUNK
from generator.sources.saved import iter_items
from generator.sources.wp_json import LARGE_FILE, UNREAD, RawItem, items_in, large_list, listed_items, load


def read_whole(path: Path) -> tuple[list[RawItem], list[Problem]]:
    data, problems = load(path)
    if data is UNREAD:
        return [], problems
    items, found = items_in(path, data)
    return items, problems + found


def read_listed(path: Path, chunk: int) -> tuple[list[RawItem], list[Problem]] | None:
    objects = large_list(path, from_bytes=0, chunk=chunk)
    if objects is None:
        return None
    problems: list[Problem] = []
    return list(listed_items(path, objects, problems)), problems


def shown(read: tuple[list[RawItem], list[Problem]]) -> tuple[list[tuple[Any, ...]], list[Problem]]:
    items, problems = read
    return [(i.file, i.index, i.kind, i.data) for i in items], problems


TEXT = st.sampled_from(["", "News", "<p>Caf\u00e9 \U0001f600</p>", "\\ud83d", "\ud800", "a\nb", "\\x"])
VALUE = st.recursive(st.none() | st.booleans() | st.integers(-5, 99) | TEXT,
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8)
POST = st.fixed_dictionaries(
    {"id": st.integers(1, 9) | st.none(), "type": st.sampled_from(["post", "page", "table", "tribe_events"])},
    optional={"title": st.fixed_dictionaries({"rendered": TEXT}), "content": st.fixed_dictionaries({"rendered": TEXT}),
              "slug": TEXT, "ID": st.integers(1, 9), "post_title": TEXT, "extra": VALUE})

# A WordPress.com v1 post and an event of The Events Calendar, which are read as REST posts.
V1_POST = st.fixed_dictionaries({"ID": st.integers(1, 9), "URL": TEXT, "content": TEXT, "title": TEXT})
EVENT = st.fixed_dictionaries({"id": st.integers(1, 9), "global_id": TEXT, "start_date": st.just("2024-05-01 10:00:00"),
                               "utc_start_date": st.just("2024-05-01 08:00:00"), "title": TEXT, "description": TEXT})
# A WooCommerce product and customer as its own API gives them, read as a REST post and a record.
PRODUCT = st.fixed_dictionaries({"id": st.integers(1, 9), "name": TEXT, "permalink": TEXT, "date_created": TEXT,
                                 "description": TEXT, "short_description": TEXT, "price": TEXT, "sku": TEXT},
                                optional={"price_html": TEXT, "images": VALUE, "categories": VALUE, "attributes": VALUE})
CUSTOMER = st.fixed_dictionaries({"id": st.integers(1, 9), "email": TEXT, "billing": VALUE, "shipping": VALUE})
# Mostly posts, so that most files are read an object at a time.
ITEM = st.one_of(POST, POST, V1_POST, EVENT, PRODUCT, CUSTOMER, VALUE)


@settings(max_examples=300, deadline=None)
@given(values=st.lists(st.lists(ITEM, min_size=1, max_size=4) | ITEM, min_size=1, max_size=3),
       ascii_only=st.booleans(), indent=st.sampled_from([None, 1]), between=st.sampled_from(["", "\n", " "]),
       after=st.sampled_from(["", "", "", "\n", " </id>", ",", "x"]), bom=st.booleans(), chunk=st.integers(1, 40),
       packed=st.booleans())
def test_posts_read_one_at_a_time_are_what_reading_the_file_whole_gives(
        tmp_path_factory: Any, values: list[Any], ascii_only: bool, indent: int | None, between: str, after: str,
        bom: bool, chunk: int, packed: bool) -> None:
    """Lists and objects, one after another or alone, with lone surrogates, WordPress.com, event and WooCommerce
    objects among them, and text after them, gzipped or not; decoded a few characters at a time, so that chunks end
    anywhere, within a character's bytes too."""
    path = tmp_path_factory.mktemp("saved") / ("posts.json.gz" if packed else "posts.json")
    text = between.join(json.dumps(value, ensure_ascii=ascii_only, indent=indent) for value in values) + after
    data = b"\xef\xbb\xbf" * bom + text.replace('"\\\\ud83d"', '"\\ud83d"').encode("utf-8", "surrogatepass")
    path.write_bytes(gzip.compress(data) if packed else data)
    listed = read_listed(path, chunk)
    if listed is not None:
        assert shown(listed) == shown(read_whole(path))


def test_lists_and_objects_are_read_one_at_a_time_and_anything_else_whole(tmp_path: Path) -> None:
    for name, text in [("empty", "[]"), ("values", '[{"id": 1}, 2]'), ("object", '{"id": 1}'),
                       ("pages", '[[{"id": 1}]]'), ("cut", '[{"id": 1}, {"id"'), ("comma", '[{"id": 1},]'),
                       ("tags", '[{"id": 1}]</id>'), ("jsonp", 'f([{"id": 1}])'), ("none", " "),
                       ("deep", '[{"id": 1}, ' + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "]")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert large_list(tmp_path / name, from_bytes=0, chunk=3) is None, name
    for name, text, count in [("list", ' \n[ {"id": 1} ,\n{"id": 2}]\n', 2), ("lines", '{"id": 1}\n{"id": 2}\n', 2),
                              ("pages", '[{"id": 1}][{"id": 2}, {"id": 3}]{"id": 4}', 4),
                              ("marked", '\ufeff[{"id": 1}, {"id": "\u00e9t\u00e9"}]', 2)]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert len(large_list(tmp_path / name, from_bytes=0, chunk=3) or []) == count, name


def test_a_file_rewritten_while_its_posts_are_read_is_named(tmp_path: Path) -> None:
    path = tmp_path / "posts.json"
    path.write_text(json.dumps([{"id": 1, "type": "post"}, {"id": 2, "type": "post"}]), encoding="utf-8")
    objects = large_list(path, from_bytes=0)
    assert objects is not None
    path.write_text(json.dumps([{"id": 10, "type": "post"}, {"id": 2, "type": "post"}]), encoding="utf-8")
    problems: list[Problem] = []
    assert [item.data["id"] for item in listed_items(path, objects, problems)] == []
    assert [p.message for p in problems] == ["changed while it was read (byte 1): the posts after that place were not "
                                             "read; import it again"]


def traced_peak(read: Callable[[], int]) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = read()
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_large_crawl_in_one_file_is_read_without_holding_its_posts(tmp_path: Path) -> None:
    posts = rest_posts(100, 0)
    copies = LARGE_FILE // len(json.dumps(posts)) + 1
    path = tmp_path / "posts.json"
    path.write_text(json.dumps(posts * copies), encoding="utf-8")
    # Its posts whole take some five times the file: 87 MB for this one of 16 MB.
    count, peak = traced_peak(lambda: sum(1 for _ in iter_items([path], [])))
    assert (count, peak < 4 * CHUNK) == (copies * 100, True)
    # Decoded a megabyte at a time, the first pass takes a few megabytes, whatever the file's size.
    count, peak = traced_peak(lambda: len(large_list(path, chunk=1 << 20) or []))
    assert (count, peak < 4 << 20) == (copies * 100, True)
    objects = large_list(path)
    assert objects is not None
    count, peak = traced_peak(lambda: sum(1 for _ in listed_items(path, objects, [])))
    assert (count, peak < 1 << 20) == (copies * 100, True)


def test_a_large_gzipped_crawl_is_read_without_unpacking_it_whole(tmp_path: Path) -> None:
    """Crawls kept for research are often gzipped JSON Lines (`posts.jsonl.gz`): 10,000 posts in one such file
    (20 MB, 118 MB unpacked) took 690 MB to import, 162 MB read so."""
    posts = rest_posts(100, 0)
    copies = LARGE_FILE // len(json.dumps(posts)) + 1
    path = tmp_path / "posts.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(json.dumps(post) for post in posts * copies).encode(), 1))
    count, peak = traced_peak(lambda: len(large_list(path, from_bytes=0, chunk=1 << 20) or []))
    assert (count, peak < 4 << 20) == (copies * 100, True)
    objects = large_list(path, from_bytes=0)
    assert objects is not None
    count, peak = traced_peak(lambda: sum(1 for _ in listed_items(path, objects, [])))
    assert (count, peak < 1 << 20) == (copies * 100, True)
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 2])  # a download that stopped
    problems: list[Problem] = []
    assert large_list(cut, from_bytes=0) is None and list(iter_items([cut], problems)) == []
    assert [p.message for p in problems] == ["gzip data cut short: the download stopped before its end"]


def test_a_large_file_of_wp_posts_rows_is_read_as_rows(tmp_path: Path) -> None:
    """Rows are told by every row's columns: a large list whose first object is a row goes to the rows' reader."""
    rows = [{"ID": n, "post_title": f"Row {n}", "post_name": f"row-{n}", "post_type": "post", "post_status": "publish",
             "post_date": "2024-01-01 10:00:00", "post_content": "words " * 2_000} for n in range(1, 1_400)]
    path = tmp_path / "wp_posts.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert path.stat().st_size >= LARGE_FILE
    problems: list[Problem] = []
    posts = [item for item in iter_items([path], problems) if item.kind == "post"]
    assert problems == [] and len(posts) == len(rows)
    assert posts[0].data["title"]["rendered"] == "Row 1" and posts[0].data["slug"] == "row-1"
