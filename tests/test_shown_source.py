"""render.offline_links.shown_source passes an ASCII address without brackets over without taking it apart: it
must give what taking every address apart gave."""

from urllib.parse import urlsplit

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.render.offline_links import shown_source


def _taken_apart(source_url: str) -> str:
    try:
        urlsplit(source_url.strip())
    except ValueError:
        return ""
    return source_url


ADDRESS_PARTS = st.sampled_from(["http://", "https://", "//", "[", "]", "::1", "v1.x", "example.com", "/", "?", "#",
                                 ":", "@", " ", "\t", "ｅ", "\uff03", "℀", "a", "1"])


@settings(max_examples=500)
@given(st.one_of(st.text(), st.lists(ADDRESS_PARTS).map("".join)))
@example("https://[::1]/x")
@example("https://[bad/x")
@example("http://ex]ample.com/")
@example("https://exa\u2100mple.com/")
@example(" https://example.com/a?b#c ")
def test_shown_source_is_what_urlsplit_allows(source_url: str) -> None:
    assert shown_source(source_url) == _taken_apart(source_url)
