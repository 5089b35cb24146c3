"""PHP's serialize() of a flat array, as ACF's link field sits in an export's or a dump's custom fields."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.php_values import flat_array


def serialized(items: dict[str, str]) -> str:
    """What PHP's serialize() writes for an array of strings: each length in bytes of UTF-8."""
    def string(text: str) -> str:
        return f's:{len(text.encode("utf-8"))}:"{text}";'
    return f"a:{len(items)}:{{" + "".join(string(k) + string(v) for k, v in items.items()) + "}"


@given(st.dictionaries(st.text(max_size=8), st.text(max_size=30), max_size=6))
def test_a_serialized_array_of_strings_reads_back_whole(items: dict[str, str]) -> None:
    assert flat_array(serialized(items)) == items


def test_numbers_flags_and_null_are_read_and_nesting_or_wrong_lengths_are_not() -> None:
    assert flat_array('a:3:{i:0;i:-7;s:1:"b";b:1;s:1:"n";N;}') == {"0": "-7", "b": "1", "n": ""}
    for text in ('a:1:{s:1:"a";a:0:{}}', 'a:1:{s:2:"a";s:1:"b";}', 'a:2:{s:1:"a";s:1:"b";}', "a:1:{", "s:1:\"a\";",
                 'a:1:{s:1:"a";s:1:"b";}tail', 'O:8:"stdClass":0:{}'):
        assert flat_array(text) is None


def test_a_long_or_hostile_value_is_read_in_linear_time() -> None:
    started = time.process_time()
    assert flat_array("a:9999:{" + 's:1:"a";' * 100_000) is None
    assert flat_array(serialized({"url": "x" * 1_000_000})) == {"url": "x" * 1_000_000}
    assert flat_array('a:1:{s:999999999:"' + "x" * 100_000) is None
    assert time.process_time() - started < 2
