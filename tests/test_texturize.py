"""An export's text curled as WordPress shows it (wptexturize): quotes, apostrophes, dashes, primes."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.texturize import texturize
from generator.importer import run_import
from generator.store.documents import loads
from tests.test_wxr import attachment, export, item

CASES = [
    # Quotes open after a space, a bracket or the start, and close before a space or punctuation.
    ('She said "go" and left.', "She said &#8220;go&#8221; and left."),
    ("('fine')", "(&#8216;fine&#8217;)"),
    ("the crew's boat, 'cause 'twas late", "the crew&#8217;s boat, &#8217;cause &#8217;twas late"),
    ("Class of '87, the '90s", "Class of &#8217;87, the &#8217;90s"),
    ('A plank 6\' long, a pipe 2" wide', "A plank 6&#8242; long, a pipe 2&#8243; wide"),
    ('"a 3\' gap"', "&#8220;a 3&#8242; gap&#8221;"),
    ('"1984"', "&#8220;1984&#8221;"),
    # Dashes, ellipses, the trade mark and "times"; but never an internationalised host's `xn--`, nor 0x10.
    ("Ports -- and docks --- wait - here...", "Ports &#8212; and docks &#8212; wait &#8211; here&#8230;"),
    ("pages 10--12 of xn--bcher-kva.example", "pages 10&#8211;12 of xn--bcher-kva.example"),
    ("Net (tm) of 4x4 and 0x10", "Net &#8482; of 4&#215;4 and 0x10"),
    # Tags, comments, attributes and code stay as typed.
    ('<a href="/a--b" title="it\'s">Tom\'s</a>', '<a href="/a--b" title="it\'s">Tom&#8217;s</a>'),
    ("<!-- wp:paragraph {\"x\":\"y--z\"} --><p>it's</p><!-- /wp:paragraph -->",
     "<!-- wp:paragraph {\"x\":\"y--z\"} --><p>it&#8217;s</p><!-- /wp:paragraph -->"),
    ('<pre>x = "a" -- y</pre> "b"', '<pre>x = "a" -- y</pre> &#8220;b&#8221;'),
    ("<p><code>a's</code> <kbd>--x</kbd> <tt>'t'</tt> b's</p>",
     "<p><code>a's</code> <kbd>--x</kbd> <tt>'t'</tt> b&#8217;s</p>"),
    ("<script>var s = 'a--b';</script>", "<script>var s = 'a--b';</script>"),
    ("<math><mn>2</mn><mo>-</mo><mi>x</mi></math> - y", "<math><mn>2</mn><mo>-</mo><mi>x</mi></math> &#8211; y"),
    # A shortcode's tag stays as typed, and so do an embed's address, a [code] block and Jetpack's $latex.
    ('[caption id="x" align="alignleft"]<img src="a.jpg"> Ana\'s boat[/caption]',
     '[caption id="x" align="alignleft"]<img src="a.jpg"> Ana&#8217;s boat[/caption]'),
    ("[embed]https://vimeo.com/1--2'x[/embed] 'ok'", "[embed]https://vimeo.com/1--2'x[/embed] &#8216;ok&#8217;"),
    ("[code]a -- 'b'[/code] isn't", "[code]a -- 'b'[/code] isn&#8217;t"),
    ('[sourcecode language="py"]x = "a" -- 1[/sourcecode] [php]echo "hi";[/php] "ok"',
     '[sourcecode language="py"]x = "a" -- 1[/sourcecode] [php]echo "hi";[/php] &#8220;ok&#8221;'),
    ("As the report says [Source] -- it's \"final\"",
     "As the report says [Source] &#8212; it&#8217;s &#8220;final&#8221;"),
    # Words in brackets that open with a capital are text, but for a tag with attributes (a shortcode so named).
    ('Boats [Update 3 May: "late" ferry] sail', "Boats [Update 3 May: &#8220;late&#8221; ferry] sail"),
    ('[HDquiz quiz="12"] "ok"', '[HDquiz quiz="12"] &#8220;ok&#8221;'),
    ("[CODE]var a='x';[/CODE] 'ok'", "[CODE]var a='x';[/CODE] &#8216;ok&#8217;"),
    ("$latex f'(x) -- 2x3$ isn't", "$latex f'(x) -- 2x3$ isn&#8217;t"),
    ("[vc_raw_html]JT1x2Rn--'Q'[/vc_raw_html] 9x9", "[vc_raw_html]JT1x2Rn--'Q'[/vc_raw_html] 9&#215;9"),
    # A web address in the text stays one a reader can follow; an embed block's is its player's.
    ('see "http://tides.example/4x4-crew--list/" now', "see &#8220;http://tides.example/4x4-crew--list/&#8221; now"),
    ("Best practices: http://tides.exa...", "Best practices: http://tides.exa&#8230;"),
    ('<div class="wp-block-embed__wrapper">\nhttps://tides.example/2x2-rowing/\n</div>',
     '<div class="wp-block-embed__wrapper">\nhttps://tides.example/2x2-rowing/\n</div>'),
    # After the end of a link or of emphasis the word goes on: an apostrophe, a closing quote.
    ("<em>Ana</em>'s boat", "<em>Ana</em>&#8217;s boat"),
    ("the prompt '<code>$</code>'.", "the prompt &#8216;<code>$</code>&#8217;."),
    ('added "<code>Detail = 0</code>" to it', "added &#8220;<code>Detail = 0</code>&#8221; to it"),
    ("grep -v '[a-z]' | sort", "grep -v &#8216;[a-z]&#8217; | sort"),
    ("[caption id=\"1\"]'Dusk' at the pier[/caption]", "[caption id=\"1\"]&#8216;Dusk&#8217; at the pier[/caption]"),
    ('He wrote "<a href="/x">this</a>".', "He wrote &#8220;<a href=\"/x\">this</a>&#8221;."),
    ("<p>one<br />'two'</p>", "<p>one<br />&#8216;two&#8217;</p>"),
]


@pytest.mark.parametrize(("typed", "shown"), CASES)
def test_text_is_curled_as_wordpress_shows_it(typed: str, shown: str) -> None:
    assert texturize(typed) == shown


CURLED = re.compile(r"&#(?:8216|8217|8220|8221|8242|8243|8211|8212|8230|8482|215);|\(tm\)|['\".x-]")
PIECES = st.lists(st.one_of(st.text(alphabet=st.sampled_from("ab 9x'\".-()\n"), max_size=12),
                            st.sampled_from(["<em>", "</em>", "<p>", "</p>", "<br />", '<a href="/q\'--">', "</a>",
                                             "<pre>", "</pre>", "<code>", "</code>", "[caption id='1']",
                                             "[/caption]", "<!-- c -- 'd' -->", "$latex a'--b$"])),
                  max_size=14)


@settings(max_examples=300, deadline=None)
@given(PIECES)
def test_curling_changes_only_quotes_dashes_and_dots_and_never_a_tag_or_code(pieces: list[str]) -> None:
    html = "".join(pieces)
    shown = texturize(html)
    assert CURLED.sub("", shown) == CURLED.sub("", html)
    tags = re.compile(r"<[^>]*>|\[/?caption[^\]]*\]")
    assert tags.findall(shown) == tags.findall(html)
    if "<pre>" not in html and "<code>" not in html:
        return
    code = re.compile(r"<(pre|code)>(?:(?!</?(?:pre|code)>).)*</\1>", re.DOTALL)
    assert code.findall(shown) == code.findall(html)


@pytest.mark.parametrize("unit", ["'", '"a ', "<", "[a '", "[a <'", "$latex '", "<!-- -'", "a'b ", "'99' ",
                                  "</em>'s ", " - ", "9x", "<pre>'", "http://a.example/1x2 'q' ", "http://",
                                  "[A '", "[Ab c='", "[CODE '", "[Sourcecod '"])
def test_hostile_text_is_curled_in_linear_time(unit: str) -> None:
    started = time.process_time()
    texturize(unit * 100_000)
    assert time.process_time() - started < 4


def test_an_exports_title_body_and_summary_are_curled_as_rest_serves_them(tmp_path: Path) -> None:
    """An export holds what the author typed; WordPress, and so REST, shows it curled: read from an export the
    post showed `It's "done" - 9x9` where the same post read from REST showed `It’s “done” – 9×9`."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "It's \"done\" -- finally", "Ana's boat -- 4x4 -- left...\n\n<pre>a -- 'b'</pre>")))
    run_import([path], tmp_path / "content")
    post = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert post.title == "It’s “done” — finally"
    assert post.body == "Ana’s boat — 4×4 — left…\n\n```\na -- 'b'\n```\n"
    # An automatic summary is made of the text without its tags, then curled, code and all, as in WordPress.
    assert post.summary == "Ana’s boat — 4×4 — left… a — ‘b’"


@pytest.mark.parametrize(("language", "title", "body"), [
    ("de-DE", "Ein „Test“", "Es gibt’s – „hier“ und ‚dort‘\n"),
    ("fr-FR", "Ein « Test »", "Es gibt’s – « hier » und ‘dort’\n"),
    ("es_ES", "Ein «Test»", "Es gibt’s – «hier» und ‘dort’\n"),
    ("zh-Hans", "Ein “Test”", "Es gibt’s – “hier” und ‘dort’\n"),
    ("pt_BR", "Ein “Test”", "Es gibt’s – “hier” und ‘dort’\n"),
    ("ru-RU", "Ein «Test»", "Es gibt’s – «hier» und ‘dort’\n"),
    ("pl-PL", "Ein „Test”", "Es gibt’s – „hier” und 'dort’\n"),
    ("ro_RO", "Ein „Test”", "Es gibt’s – „hier” und ‘dort’\n"),
    ("es-CO", "Ein “Test”", "Es gibt’s – “hier” und ‘dort’\n"),
    ("ja", "Ein “Test”", "Es gibt’s – “hier” und ‘dort’\n"),
    ("cs-CZ", "Ein „Test“", "Es gibt’s – „hier“ und ‚dort‘\n"),
    ("nb-NO", "Ein «Test»", "Es gibt’s – «hier» und ‘dort’\n"),
    ("el", 'Ein "Test"', "Es gibt's - \"hier\" und 'dort'\n"),
    # WordPress.com's exports name the language alone: an Italian blog's `it` kept its straight quotes.
    ("it", "Ein “Test”", "Es gibt’s – “hier” und ‘dort’\n"),
    ("de", "Ein „Test“", "Es gibt’s – „hier“ und ‚dort‘\n"),
    ("fr", "Ein « Test »", "Es gibt’s – « hier » und ‘dort’\n"),
    ("no", "Ein «Test»", "Es gibt’s – «hier» und ‘dort’\n"),
])
def test_a_site_in_another_language_is_curled_with_its_own_marks(tmp_path: Path, language: str, title: str,
                                                                 body: str) -> None:
    """German WordPress curls quotes as „…“, French as « … » (the translations' own strings): such a site's text
    took English marks; a language whose marks are not known here stays as its authors typed it."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, 'Ein "Test"', "Es gibt's - \"hier\" und 'dort'")).replace(
        "<wp:wxr_version>", f"<language>{language}</language><wp:wxr_version>"))
    run_import([path], tmp_path / "content")
    post = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert (post.title, post.body) == (title, body)


def test_an_exports_gallery_and_featured_image_captions_are_curled_as_wordpress_shows_them(tmp_path: Path) -> None:
    """gallery_shortcode and REST's media caption show an attachment's caption curled (wptexturize), its smilies
    emoji: read from an export, `[gallery]` and a featured picture showed `The crew's "last" run -- 1998 :)`
    (round 53d)."""
    path = tmp_path / "export.xml"
    caption = "The crew's \"last\" run -- 1998 :)"
    path.write_text(export(item(5, "Boats", "[gallery]", meta={"_thumbnail_id": "11"})
                           + attachment(11, 5, "https://example.com/u/b.jpg", alt="Boat", caption=caption)))
    run_import([path], tmp_path / "content")
    post = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    shown = "The crew’s “last” run — 1998 \U0001f642"
    assert shown in post.body and "crew's" not in post.body
    assert post.image is not None and post.image.caption == shown


def test_wordpress_is_spelled_as_wordpress_spells_it_in_titles_and_text(tmp_path: Path) -> None:
    """capital_P_dangit: "Wordpress" in a title, and after a space, a tag, a bracket or a quote in the text."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Moving off Wordpress", 'I left Wordpress ("Wordpress" too) at wordpress.org '
                                                          "and <b>Wordpress</b>.")))
    run_import([path], tmp_path / "content")
    post = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert post.title == "Moving off WordPress"
    assert post.body == "I left WordPress (“WordPress” too) at wordpress.org and **WordPress**.\n"
