"""A `]]>` inside an export's CDATA (older WordPress did not split it) is read as the post's text, and an `&` outside
CDATA that begins no reference (a value WordPress wrote unescaped, or cut inside `&amp;`) as the text `&`."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from generator.sources.wxr_cdata import CdataMender

SCRIPT = b'<script type="text/javascript">// <![CDATA[\nad = 1;\n// ]]></script>'


def mended(data: bytes, cuts: list[int] | None = None) -> bytes:
    """`data` fed to one mender in pieces cut at `cuts`."""
    mender, at, out = CdataMender(), 0, []
    for cut in sorted(set(cuts or [])):
        out.append(mender.feed(data[at:cut]))
        at = max(at, cut)
    out.append(mender.feed(data[at:], final=True))
    return b"".join(out)


def values(data: bytes) -> list[bytes]:
    """The text of each CDATA value as an XML parser reads it: split sections joined."""
    return [b"".join(re.findall(rb"<!\[CDATA\[(.*?)\]\]>", m, re.S))
            for m in re.findall(rb"<content:encoded>(.*?)</content:encoded>", data, re.S)]


def test_a_script_wrapped_in_cdata_by_the_editor_stays_the_posts_text() -> None:
    data = b"<content:encoded><![CDATA[" + SCRIPT + b" after]]></content:encoded>"
    assert values(mended(data)) == [SCRIPT + b" after"]
    assert mended(data).count(b"]]></content:encoded>") == 1


def test_what_wordpress_splits_now_and_pretty_printed_ends_are_left_as_they_are() -> None:
    for data in (b"<content:encoded><![CDATA[a]]]]><![CDATA[>b]]></content:encoded>",
                 b"<wp:status>\n\t<![CDATA[ publish ]]>\n\t</wp:status>",
                 b"<title>No CDATA ]]&gt; here</title>",
                 b"<title><![CDATA[Rock]]> &amp; roll</title>"):  # text after a section, as hand-made exports write
        assert mended(data) == data


@given(st.lists(st.sampled_from([SCRIPT, b"text", b"]]>", b"</p>", b"</content:encoded", b" ", b"<![CDATA["]),
                max_size=8),
       st.lists(st.integers(min_value=0, max_value=400), max_size=6))
def test_a_value_reads_the_same_however_the_file_is_cut_into_chunks(parts: list[bytes], cuts: list[int]) -> None:
    text = b"".join(parts)
    data = (b"<item><title><![CDATA[T]]></title>\n<content:encoded><![CDATA[" + text
            + b"]]></content:encoded>\n<wp:status><![CDATA[publish]]></wp:status></item>")
    whole = mended(data)
    assert mended(data, cuts) == whole
    assert whole.count(b"\n") == data.count(b"\n")
    if b"</content:encoded" not in text and not re.search(rb"\]\]>\s*<!\[CDATA\[", text):  # else it is ambiguous
        assert values(whole) == [text]


# WordPress 3.x wrote a comment's author URL as stored, escaped by esc_url, and the database cut it at 200 characters.
CUT_URL = b"<wp:comment_author_url>http://e.com/bp?C=m+b&amp;lbp=1&amp;PGID=yp4.1331&am</wp:comment_author_url>"


def test_an_ampersand_that_begins_no_reference_outside_cdata_is_text() -> None:
    assert mended(CUT_URL) == CUT_URL.replace(b"&am<", b"&amp;am<")
    assert mended(b"<link>http://e.com/?a=1&b=2</link>") == b"<link>http://e.com/?a=1&amp;b=2</link>"
    for data in (b"<title>Rock &amp; roll &#38; &#x26; &lt;3</title>",  # references stay references
                 b"<content:encoded><![CDATA[a & b &am]]></content:encoded>"):  # CDATA holds text as it is
        assert mended(data) == data


@given(st.lists(st.sampled_from([b"&", b"amp", b";", b"#38", b"x", b"<![CDATA[", b"]]>", b"</a>", b" "]), max_size=10),
       st.lists(st.integers(min_value=0, max_value=120), max_size=6))
def test_references_read_the_same_however_the_file_is_cut_into_chunks(parts: list[bytes], cuts: list[int]) -> None:
    data = b"<a>" + b"".join(parts) + b"</a>"
    whole = mended(data)
    assert mended(data, cuts) == whole


def test_a_reference_is_never_split_by_a_chunks_end() -> None:
    for data in (b"<a>&amp;</a>", b"<a>x &#x26;&lt;</a><b><![CDATA[&]]></b>", b"<a>&amp</a>"):
        whole = mended(data)
        assert all(mended(data, [cut]) == whole for cut in range(len(data) + 1)), data
