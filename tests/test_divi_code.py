"""Divi's code module made whole again (convert/page_builders.py, `_divi_code`) in time linear in its code: 100,000
tags never closed, and 100,000 of Divi's line-break comments."""

from __future__ import annotations

import time

from generator.convert.context import Context
from generator.convert.page_builders import element


def test_hostile_code_takes_linear_time() -> None:
    for code in ("<a" * 100_000, "<!-- [et_pb_line_break_holder] -->" * 100_000, "<b title=”x”>" * 100_000,
                 "<!–- [et_pb_br_holder" * 100_000, "<pee" * 100_000):
        started = time.process_time()
        assert element("et_pb_code", {}, code, Context()).startswith("<div>")
        assert time.process_time() - started < 2


def test_the_code_gets_its_lines_and_straight_quotes_back() -> None:
    code = '<iframe<!-- [et_pb_line_break_holder] --> src=&#8221;https://example.org/&#8221;></iframe>'
    assert element("et_pb_code", {}, code, Context()) == '<div><iframe\n src="https://example.org/"></iframe></div>'
