"""The sanitizer's shortcut for the compiled engine's HTML (sanitize.known_clean): wherever it answers, it gives
the sanitizer's bytes; it answers for news bodies; and it never answers for markup the allowlist would change."""

from __future__ import annotations

import random

import pytest

from bench.corpus import write_corpus
from generator.language.words import Words
from generator.render import engine
from generator.render.sanitize import known_clean, sanitize
from tests.test_engine_differential import PAGE, PAGES, PIECES, differences, random_body
from tests.word_retention import rest_documents

pytestmark = pytest.mark.skipif(engine._Compiled is None, reason="markdown-it-pyrs is not installed")

# Links and text whose sanitizing is not plain: addresses the sanitizer's URL parser refuses or reads as
# another scheme, references and no-break spaces its serializer rewrites, attributes it drops.
HOSTILE = ["[ip](http://1.2.3.4/)", "[bad ip](http://256.1.1.1/x)", "[puny](https://xn--bcher-kva.example/)",
           "[bad puny](https://xn--zz.example/)", "[port](http://a.com:99999/)", "[p](http://a.com:8080/x)",
           "[ftp](ftp://x.y/)", "[js](javascript:alert(1))", "[irc](irc://x/y)", "[up](HTTP://A.COM/)",
           '[t](https://a.com/ "q\\"uote & \'s\' >")', "no\u00a0break", "[nb](https://a.com/\u00a0x)",
           "![d](data:image/png;base64,AAAA)", "![s](data:text/html;base64,AAAA)", "[pr](//evil.com/)",
           "![pr](//e.com/a.png)", "[colon](a:b)", "[frag](#frag:colon)", "[under](https://a_b.com/)",
           "[local](http://localhost/)", "[dot](https://a.com./x)", "[hy](https://-a-.com/)",
           "[user](https://u@a.com/)",
           "[q](https://a.com/?a=1&b=\"2\")", "'single' \"double\"", "[tel](tel:+1234)", "[m](mailto:a@b.c)",
           "![t](x.png \"a \u00a0 title\")", "[bs](https://a.com\\x)", "[empty]()",
           "`a\u00a0\"b\"`", "\ufeffbom \x0c\x7f\x85\u2028\x01\u00ad\ufdd0 controls",
           '[c](https://a.com/\x7f\x85 "t\x0c\u2028")']
BLOCKS = ["```python\nprint('a' \"b\" & 1)\n```", "```js\nx = \"b>\" && 'y'\n```", "1. a\n2. b",
          "12345. big start", "| a | b |\n|:-:|--|\n| 'x' | \"y\" |", "## Title \"quoted\" & 'single'",
          "## Id {#a&b}", "## Id {#it's}"]


def hostile_body(rng: random.Random) -> str:
    parts = [random_body(rng), rng.choice(HOSTILE)]
    if rng.random() < 0.5:
        parts.append(rng.choice(BLOCKS))
    return "\n\n".join(parts) + "\n"


def compared(bodies, source: str | None) -> tuple[list[str], int, int]:
    """(bodies where the shortcut's bytes differ, bodies the engine took, bodies the shortcut answered)."""
    compiled = engine.Engine()
    wrong, taken, answered = [], 0, 0
    for body in bodies:
        fast = compiled.fast_html(body, PAGE, source, PAGES, Words("en"))
        if fast is None:
            continue
        taken += 1
        known = known_clean(fast.html)
        if known is not None:
            answered += 1
            if known != sanitize(fast.html, surrogates=False).html:
                wrong.append(body)
    return wrong, taken, answered


@pytest.mark.parametrize("source", ["https://example.com/news/this-post/", None])
def test_the_shortcut_gives_the_sanitizers_bytes_for_hostile_bodies(source: str | None) -> None:
    rng = random.Random(11)
    wrong, taken, answered = compared((hostile_body(rng) for _ in range(600)), source)
    assert wrong[:3] == []
    assert taken == 600 and answered > 150, "too few bodies took the shortcut for the test to mean anything"


def test_the_shortcut_answers_for_news_bodies(tmp_path) -> None:
    write_corpus(tmp_path, 60, seed=3)
    wrong, taken, answered = compared((p.body for p in rest_documents([tmp_path])), "https://example.com/x/")
    assert wrong == []
    assert answered == taken > 40


@pytest.mark.parametrize("html", [
    '<p><a href="javascript:alert(1)">x</a></p>\n', '<p><img src="https://e.com/a.png" alt="" /></p>\n',
    '<p><script>x</script></p>\n', '<div class="x">y</div>\n', '<p onclick="x">y</p>\n', '<p>a &copy; b</p>\n',
    '<p><a href="ftp://x.y/">x</a></p>\n', '<p><span>x</span /></p>\n', '<p title="a&quot;b">x</p>\n',
    '<p><a href="https://a.com:99999/">x</a></p>\n', '<ol start="12345">\n<li>x</li>\n</ol>\n'])
def test_the_shortcut_leaves_what_the_allowlist_changes_to_the_sanitizer(html: str) -> None:
    assert known_clean(html) is None
    assert known_clean('<p><a href="https://a.com/">x</a> &amp; <em>"y"</em>\xa0</p>\n') == \
        '<p><a href="https://a.com/">x</a> &amp; <em>"y"</em>&nbsp;</p>\n'


def test_emphasis_nested_near_the_depth_limit_renders_as_the_reference_renders_it() -> None:
    # The engine takes these (no run of marks), and the shortcut must leave the deepest to the sanitizer.
    found, taken = differences((f"depth {n}", "*a " * n + "x" + " b*" * n + "\n", None) for n in (97, 98, 99, 130))
    assert found == []
    assert taken == 4
