"""After posts moved (output/moves.py), the posts whose neighbours, family or translations changed are found by
comparing only the moved posts' old and new neighbours where no post has a family or translation: the same
set as comparing every post of both groupings."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from generator.output import moves


def _grouping(files: list[str], types: dict[str, str], parents: dict[str, str]) -> dict[str, Any]:
    """The parts of model_snapshot.values that moves reads: posts newest first, and each one's neighbours of
    its type and its parent and children, by position, as model._relations makes them."""
    older_newer: list[list[int | None]] = [[None, None] for _ in files]
    by_type: dict[str, list[int]] = {}
    for position, file in enumerate(files):
        by_type.setdefault(types[file], []).append(position)
    for positions in by_type.values():
        for i, position in enumerate(positions):
            older_newer[position] = [positions[i + 1] if i + 1 < len(positions) else None,
                                     positions[i - 1] if i > 0 else None]
    at = {file: position for position, file in enumerate(files)}
    parent_of = [at.get(parents.get(file, "")) for file in files]
    children_of: list[list[int]] = [[] for _ in files]
    for position, parent in enumerate(parent_of):
        if parent is not None:
            children_of[parent].append(position)
    return {"posts": files, "relations": [older_newer, [], [], [], parent_of, children_of, []]}


def _every_post_compared(old: dict[str, Any], new: dict[str, Any]) -> set[str]:
    before = moves._surroundings(old)
    return {file for file, shown in moves._surroundings(new).items() if before.get(file) != shown}


@given(st.data())
def test_the_moved_posts_neighbours_are_the_posts_whose_surroundings_changed(data: st.DataObject) -> None:
    count = data.draw(st.integers(1, 30))
    files = [f"news/{n}.md" for n in range(count)]
    types = {file: data.draw(st.sampled_from(["post", "page"])) for file in files}
    family = data.draw(st.booleans())
    parents = {file: data.draw(st.sampled_from(files)) for file in files[:3]} if family else {}
    moved = data.draw(st.lists(st.sampled_from(files), max_size=4, unique=True))
    order = [file for file in files if file not in moved]
    for file in moved:  # each moved post put elsewhere in the order, as a new date would
        order.insert(data.draw(st.integers(0, len(order))), file)
    old, new = _grouping(files, types, parents), _grouping(order, types, parents)
    assert moves._surroundings_changed(old, new, frozenset(moved)) == _every_post_compared(old, new)


def test_a_post_moved_far_changes_its_own_and_its_old_and_new_neighbours_surroundings() -> None:
    files = [f"news/{n}.md" for n in range(10_000)]
    types = dict.fromkeys(files, "post")
    order = files[:5000] + files[5001:9000] + [files[5000]] + files[9000:]
    old, new = _grouping(files, types, {}), _grouping(order, types, {})
    assert moves._surroundings_changed(old, new, frozenset([files[5000]])) == {
        files[4999], files[5000], files[5001], files[8999], files[9000]}
