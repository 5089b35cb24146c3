"""The sanitizer's allowlist as a reader meets it: what legitimate posts use survives rendering, what could
run script, load from the network, submit a form or restyle the page does not; and bodies that are huge
or nested very deep render in bounded time, with one line saying what was refused."""

from __future__ import annotations

import re
import time
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.markdown import MAX_BODY_CHARACTERS, MAX_NESTING, MarkdownRenderer
from generator.render.nesting import MAX_DEPTH, flatten_deeper_than, limit_nesting
from generator.render.sanitize import (CLEANER, LONE_SURROGATE, QUOTED_IN_TAG, _escape_quoted,
                                       escape_brackets_in_attributes, replace_lone_surrogates, sanitize)

render = MarkdownRenderer().render

# A pass quadratic in the tags takes minutes on these inputs, a linear one a second: a bound this loose tells
# them apart on a machine loaded by other work too (a 2 s bound failed under a load of 15 on 2 cores).
SLOW = 15


@pytest.mark.parametrize(("markdown", "kept"), [
    ("## Supply {#supply-chain}\n", '<h2 id="supply-chain">Supply</h2>'),
    ("[web](https://e.com/a?b=1&c=2) [plain](http://e.com/)\n",
     '<a href="https://e.com/a?b=1&amp;c=2">web</a> <a href="http://e.com/">plain</a>'),
    ("[desk](mailto:desk@example.com)\n", '<a href="mailto:desk@example.com">desk</a>'),
    # What an application opens: an old download page's file server and torrent, a call, a chat, a calendar.
    ("[GNU](ftp://ftp.gnu.org/gnu/) [iso](magnet:?xt=urn:btih:c12f&dn=ubuntu) [call](sip:ana@e.com)\n",
     '<a href="ftp://ftp.gnu.org/gnu/">GNU</a> <a href="magnet:?xt=urn:btih:c12f&amp;dn=ubuntu">iso</a> '
     '<a href="sip:ana@e.com">call</a>'),
    ('<a href="webcal://e.com/cal.ics">cal</a> <a href="xmpp:ana@e.com">chat</a>\n',
     '<a href="webcal://e.com/cal.ics">cal</a> <a href="xmpp:ana@e.com">chat</a>'),
    # A messenger: a small business's "Book on Viber", "Write on WhatsApp", "Telegram" buttons.
    ("[Viber](viber://chat?number=+15550100000) [WhatsApp](whatsapp://send?phone=15550100000) "
     "[Telegram](tg://resolve?domain=example_shop)\n",
     '<a href="viber://chat?number=+15550100000">Viber</a> <a href="whatsapp://send?phone=15550100000">WhatsApp</a> '
     '<a href="tg://resolve?domain=example_shop">Telegram</a>'),
    ("## Supply {#supply}\n\n[up](../other/index.html) [here](#supply)\n",
     '<a href="../other/index.html">up</a> <a href="#supply">here</a>'),
    ("![Chart](img/chart.png \"Output\")\n", '<img src="img/chart.png" alt="Chart" title="Output">'),
    ('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot" width="10" height="10">\n',
     '<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot" width="10" height="10">'),
    ("![Pit](https://e.com/pit.jpg)\n",
     '<span class="remote-media">Image: Pit — <a href="https://e.com/pit.jpg">open original</a></span>'),
    ('<table><tr><th colspan="2" scope="col">Metal</th></tr><tr><td rowspan="2" align="right">1</td></tr></table>\n',
     '<table tabindex="0"><tbody><tr><th colspan="2" scope="col">Metal</th></tr>'
     '<tr><td rowspan="2" align="right">1</td></tr></tbody></table>'),
    ("| a | b |\n|:--|--:|\n| 1 | 2 |\n", '<th align="left">a</th>\n<th align="right">b</th>'),
    ("```python\nx = 1\n```\n",
     '<pre tabindex="0" class="highlight"><code class="language-python"><span class="n">x</span>'),
    ("Text[^1].\n\n[^1]: The note.\n",
     '<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>'),
    ("Text[^1].\n\n[^1]: The note.\n",
     '<li id="fn1" class="footnote-item"><p>The note. <a href="#fnref1" class="footnote-backref">↩︎</a></p>'),
    ("<details>\n<summary>More</summary>\n\nHidden text.\n\n</details>\n",
     "<details>\n<summary>More</summary>\n<p>Hidden text.</p>\n</details>"),
    ("H<sub>2</sub>O and 10<sup>3</sup>\n", "H<sub>2</sub>O and 10<sup>3</sup>"),
    ("> Quoted\n", "<blockquote>\n<p>Quoted</p>\n</blockquote>"),
    ('<figure><img src="a.png" alt="A"><figcaption>Caption</figcaption></figure>\n',
     '<figure><img src="a.png" alt="A"><figcaption>Caption</figcaption></figure>'),
    ('<p lang="zh" dir="ltr"><ruby>稀土<rt>xītǔ</rt></ruby></p>\n',
     '<p lang="zh" dir="ltr"><ruby>稀土<rt>xītǔ</rt></ruby></p>'),
    ('<ol start="3"><li>three</li></ol>\n', '<ol start="3"><li>three</li></ol>'),
    # A tag written in an attribute stays text, with its brackets as references, as HTML now serializes them.
    ('[x](u "<script>alert(1)</script>")\n', '<a href="u" title="&lt;script&gt;alert(1)&lt;/script&gt;">x</a>'),
])
def test_what_legitimate_posts_use_survives(markdown: str, kept: str) -> None:
    assert kept in render(markdown).html


@pytest.mark.parametrize(("markdown", "gone"), [
    ('<p onclick="alert(1)" onmouseover="alert(2)">x</p>\n', "on"),
    ('<a href="javascript:alert(1)">x</a>\n', "javascript"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>\n', "ascript"),
    ('<a href=" &#14; JaVaScRiPt:alert(1)">x</a>\n', "alert"),
    ('<a href="vbscript:msgbox(1)">x</a>\n', "vbscript"),
    ('<a href="data:text/html,x">x</a>\n', "data:"),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">\n', "data:"),
    ("[x](javascript:alert(1))\n", "href"),
    ('<form action="/x"><input name="q"><button>Go</button></form>\n', "<form"),
    ('<iframe src="page.html"></iframe><object data="o.pdf"></object><embed src="e.swf">\n', "src"),
    ('<svg onload="alert(1)"><circle r="1"/></svg><math><mi>x</mi></math>\n', "<svg"),
    ('<meta http-equiv="refresh" content="0;url=https://e.com/">\n', "<meta"),
    ('<base href="https://e.com/">\n', "<base"),
    ('<link rel="stylesheet" href="x.css"><style>body{display:none}</style>\n', "display"),
    ('<div style="background:url(x.png)">a</div><p style="width:expression(alert(1))">b</p>\n', "style"),
    ("<script>alert(1)</script>\n", "alert"),
    ('<a href="x.html" target="_blank" rel="opener">x</a>\n', "target"),
    ('<span class="site-header skip">fake chrome</span>\n', "class"),
    ('<img src="//e.com/x.png">\n', "<img"),
])
def test_what_could_run_load_or_restyle_is_dropped(markdown: str, gone: str) -> None:
    assert gone not in render(markdown).html.replace("<p>", "").replace("</p>", "")


def test_text_of_dropped_tags_is_kept() -> None:
    assert render("<center><font color=red>Breaking</font> news</center>\n").html == "Breaking news\n"


def test_a_body_cannot_close_the_page_around_it() -> None:
    html = render("</div></article></main><p>After</p>\n").html
    assert "</div>" not in html and "</main>" not in html and "<p>After</p>" in html


def test_sanitizing_is_deterministic() -> None:
    body = '<p title="a" lang="en">x<img alt="b" src="c.png"></p>\n' * 3
    assert len({render(body).html for _ in range(3)}) == 1


def test_a_body_over_the_size_limit_is_shown_as_plain_text_with_a_note() -> None:
    body = "<script>alert(1)</script> *not emphasis*\n\n" * (MAX_BODY_CHARACTERS // 40)
    started = time.process_time()
    rendered = render(body)
    assert time.process_time() - started < SLOW
    assert rendered.html.startswith('<div class="plain-text">&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis*')
    assert rendered.notes == (f"{len(body):,} characters are over the 500,000 that are rendered as Markdown; "
                              "shown as plain text",)


def test_a_long_text_in_a_script_of_several_bytes_a_letter_is_rendered_as_markdown() -> None:
    """A law of 300,000 Georgian letters is 0.9 MB of UTF-8: counted in bytes it was over the limit and shown as
    plain text, its headings and lists as written marks. The parser reads characters, and so does the limit."""
    body = "## მუხლი\n\n" + "- განათლების კანონი და მისი მიზნები\n" * 9_000
    assert len(body) < MAX_BODY_CHARACTERS < len(body.encode())
    rendered = render(body)
    assert rendered.notes == () and rendered.html.startswith("<h2") and rendered.html.count("<li>") == 9_000


def test_a_twenty_megabyte_body_renders_in_bounded_time_and_memory() -> None:
    tracemalloc.start()
    started = time.process_time()
    try:
        rendered = render("[" * 20_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.process_time() - started < SLOW
    assert peak < 100_000_000  # the body's 20 MB, its escaped copy, and little more
    assert len(rendered.notes) == 1 and "20,000,000 characters" in rendered.notes[0]


@pytest.mark.parametrize("unit", ["<ab:c>", "[a]: /u\n", "*a* ", "_a_\n"])
def test_a_body_just_under_the_limit_of_many_links_or_marks_renders_in_bounded_time(unit: str) -> None:
    """Autolinks once cost a copy of the block's remaining tokens each (a minute at this size); link definitions
    one after another, and emphasis, cost the compiled engine time growing faster than their number (minutes)."""
    body = unit * ((MAX_BODY_CHARACTERS - 10) // len(unit))
    started = time.process_time()
    rendered = render(body)
    assert time.process_time() - started < SLOW
    assert rendered.notes == ()


def test_pictures_pasted_into_a_body_do_not_count_towards_the_limit() -> None:
    """A screenshot pasted into the editor is inlined as base64, often larger than the limit by itself: the post
    around it stays Markdown, with its pictures, however many there are."""
    picture = "data:image/png;base64," + "iVBORw0KGgo+/=" * 30_000  # 420 KB each
    body = "".join(f"Part {n} in *emphasis*.\n\n![Chart {n}]({picture})\n\n" for n in range(3))
    started = time.process_time()
    rendered = render(body)
    assert time.process_time() - started < SLOW
    assert rendered.notes == ()
    assert rendered.html.count("<em>emphasis</em>") == 3 and rendered.html.count(f'src="{picture}"') == 3


def test_what_a_body_holds_besides_its_pictures_still_counts() -> None:
    picture = "![a](data:image/gif;base64,R0lGOD==)"
    rendered = render((picture + " [" * 10 + "\n") * (MAX_BODY_CHARACTERS // 40))
    assert len(rendered.notes) == 1 and "shown as plain text" in rendered.notes[0]


def test_a_body_just_under_the_limit_is_rendered_as_markdown() -> None:
    rendered = render("*word* " + "word " * ((MAX_BODY_CHARACTERS - 10) // 5))
    assert rendered.notes == () and rendered.html.startswith("<p><em>word</em> word word")


MARKDOWN_NOTE = f"Markdown nested more than {MAX_NESTING} levels deep; the deeper part is left out"
HTML_NOTE = f"HTML nested more than {MAX_DEPTH} levels deep; the deeper part is shown as text"


@pytest.mark.parametrize(("body", "notes"), [
    ("> " * 10_000 + "deep\n", (MARKDOWN_NOTE,)),
    ("- " * 10_000 + "deep\n", (MARKDOWN_NOTE,)),
    ("".join("  " * i + "- item\n" for i in range(500)), (MARKDOWN_NOTE,)),
    ("<div>" * 10_000 + "deep" + "</div>" * 10_000 + "\n", (HTML_NOTE,)),
    ("<div>\n" * 10_000, (HTML_NOTE,)),
    ("<span>" * 10_000 + "deep\n", (HTML_NOTE,)),
    ("*" * 10_000 + "deep" + "*" * 10_000 + "\n", (HTML_NOTE,)),
    ("[" * 10_000 + "deep" + "](x)" * 10_000 + "\n", ()),
    ("> " * 15 + "shallow enough\n", ()),
])
def test_deep_nesting_renders_quickly_with_a_note(body: str, notes: tuple) -> None:
    started = time.process_time()
    rendered = render(body)
    assert time.process_time() - started < SLOW
    assert max_depth(rendered.html) <= MAX_DEPTH + 2
    assert rendered.notes == notes


def test_a_million_nested_tags_are_flattened_in_linear_time() -> None:
    started = time.process_time()
    html, flattened = limit_nesting("<div>" * 200_000 + "text" + "</div>" * 200_000, MAX_DEPTH)
    assert flattened and time.process_time() - started < SLOW
    assert html == "<div>" * MAX_DEPTH + "text" + "</div>" * MAX_DEPTH
    started = time.process_time()
    assert "text" in sanitize("<div>" * 200_000 + "text").html
    assert time.process_time() - started < SLOW


@pytest.mark.parametrize("unit", ["<div/>", "<form><div></form>", "<span><div></span>", "<b><div></b>",
                                  "<div><table></div>", "<p><table><p>", "<li><ul>", "<svg><div>"])
def test_markup_that_parsers_keep_open_is_counted_as_open(unit: str) -> None:
    """End tags a browser ignores, and `/>` on an element that is not void, must not hide depth from
    the count, or the sanitizer's parser would be handed deep markup after all."""
    started = time.process_time()
    clean = sanitize(unit * (MAX_BODY_CHARACTERS // len(unit)))
    assert time.process_time() - started < SLOW
    assert clean.flattened


def test_sloppy_but_ordinary_html_is_not_flattened() -> None:
    """Paragraphs and list items left open, and table cells closed by the next one, are closed as browsers
    close them, so a long post of such HTML keeps its markup."""
    html = "<p>One<p>Two<ul><li>a<li>b</ul><table><tr><td>1<td>2<tr><td>3</table><dl><dt>t<dd>d</dl>" * 500
    assert limit_nesting(html, MAX_DEPTH) == (html, False)


def test_flattening_keeps_the_text_and_cannot_make_new_tags() -> None:
    html, flattened = limit_nesting("<b><i><<u>script>alert(1)</u></i></b>after", 2)
    assert flattened and html == "<b><i>&lt;script>alert(1)</i></b>after"


def test_markup_within_the_limit_is_untouched() -> None:
    html = "<div><p>a<br>b</p><ul><li>x</li></ul></div>" * 5
    assert limit_nesting(html, 4) == (html, False)


def test_many_headings_with_one_text_get_unique_ids_quickly() -> None:
    started = time.process_time()
    headings = render("## Update\n\n" * 20_000).headings
    assert time.process_time() - started < SLOW
    assert [h.id for h in headings[:3]] == ["update", "update-2", "update-3"]
    assert len({h.id for h in headings}) == 20_000


def max_depth(html: str) -> int:
    depth = deepest = 0
    for closing, name in re.findall(r"<(/?)([a-z][a-z0-9]*)[^>]*>", html):
        if name in ("br", "hr", "img", "wbr", "col"):
            continue
        depth += -1 if closing else 1
        deepest = max(deepest, depth)
    return deepest


markup = st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<td>",
                                   "<table>", "</table>", "<b>", "</B>", "<B>", "</b>", "<br>", "<img/>", "<div/>",
                                   "<form>", "</form>", "<svg>", "</span>", "text", "<", "</", ">"]),
                  max_size=40).map("".join)


@settings(max_examples=1000, deadline=None)
@given(markup, st.integers(0, 6))
def test_the_shortcut_past_the_nesting_scan_changes_nothing(html: str, max_depth: int) -> None:
    """limit_nesting skips the exact scan only where that scan would leave the markup as it is."""
    assert limit_nesting(html, max_depth) == flatten_deeper_than(html, max_depth)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from('<>"=a \ud800\udfff\ufffdé'), max_size=30))
def test_surrogates_and_brackets_in_attributes_are_replaced_only_where_they_are(text: str) -> None:
    html = f'<a title="{text}" href="#x">{text}</a><img alt="{text}">'
    assert replace_lone_surrogates(html) == LONE_SURROGATE.sub("\ufffd", html)
    clean = CLEANER.clean(LONE_SURROGATE.sub("\ufffd", html))
    assert escape_brackets_in_attributes(clean) == QUOTED_IN_TAG.sub(_escape_quoted, clean)
