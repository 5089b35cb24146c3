"""The compiled engine (render/engine.py) against the reference, markdown-it-py: for every body the engine
takes, the same HTML after sanitizing, the same headings and the same notes, byte for byte. Bodies are every
WordPress sample converted as the import converts it, every conversion case, a generated corpus, and random
Markdown made of the constructs news bodies hold."""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from generator.render import engine
from generator.render.local_links import local_pages
from generator.render.markdown import MarkdownRenderer
from generator.render.remote_media import media_key, media_value
from tests.conftest import SHARED, need_shared
from tests.word_retention import block_documents, rest_documents

pytestmark = pytest.mark.skipif(engine._Compiled is None, reason="markdown-it-pyrs is not installed")

CASES = Path(__file__).parent / "cases" / "convert"
SAMPLES = SHARED / "samples"
PAGE = "news-archive/this-post/index.html"
SITE = "https://example.com/news/"
# Lookups as a site gives them: two mirrored posts and one mirrored image.
PAGES = {"example.com/news/story-1": "news-archive/story-1/index.html",
         "example.com/news/story-2": "news-archive/story-2/index.html",
         media_key("https://example.com/up/1.jpg"): media_value("one-1a2b3c4d.jpg", 640, 360)}


def differences(bodies: Iterable[tuple[str, str, str | None]]) -> tuple[list[str], int]:
    """(name, what differs) of every body whose two renderings differ, and how many the engine took."""
    compiled, reference = MarkdownRenderer(PAGES), MarkdownRenderer(PAGES, compiled=False)
    found, taken = [], 0
    for name, body, source in bodies:
        fast = compiled._fast(body, PAGE, source)
        if fast is None:
            continue
        taken += 1
        slow = reference.render(body, PAGE, source)
        for field in ("html", "headings", "notes"):
            if getattr(fast, field) != getattr(slow, field):
                found.append(f"{name}: {field}: {getattr(fast, field)!r} != {getattr(slow, field)!r}")
    return found, taken


def test_every_conversion_case_renders_the_same() -> None:
    found, taken = differences((p.name, p.read_text(encoding="utf-8"), SITE + "x/")
                               for p in sorted(CASES.glob("*.md")))
    assert found == []
    assert taken >= 20, "the engine took too few cases for the test to mean anything"


def test_every_sample_renders_the_same() -> None:
    need_shared(SAMPLES)
    posts = [*rest_documents([SAMPLES / "wp-rest"]), *block_documents(SAMPLES)]
    found, taken = differences((p.name, p.body, p.address or SITE + "x/") for p in posts)
    assert found == []
    assert taken >= 50


def test_a_generated_corpus_renders_the_same(tmp_path: Path) -> None:
    write_corpus(tmp_path, 150, seed=5)
    found, taken = differences((p.name, p.body, p.address) for p in rest_documents([tmp_path]))
    assert found == []
    assert taken >= 100, "generated news bodies are the engine's case: it must take most of them"


PIECES = ["Plain words & more", "*em*", "**strong**", "`code`", "~~gone~~", "[story](https://example.com/news/story-1/)",
          "[other](https://example.com/news/story-2/#part)", "[away](https://reuters.com/x)", "[rel](../up/)",
          "[top](#background)", "![pic](https://example.com/up/1.jpg)", "![remote *pic*](https://e.com/2.png \"T\")",
          "[![in link](https://e.com/3.png)](https://e.com/)", "[![](https://example.com/up/1.jpg)](/x/)",
          "![](https://e.com/4.png)", "![rel](x.jpg)", "\\{#not}", "A & B", "&copy; &#8217;", "é “quoted”",
          "[mail](mailto:a@b.c)", "https://bare.example/", "[x](/a b)", "[ref][r]", "a\\\nb", "hard  \nbreak",
          "[home server](http://[2409:8a6c:2050:ba60::1]:5244)"]
BLOCKS = ["## Heading {#background}", "## Heading", "### Heading *em* `c` {#h%41}", "# Main", "## main",
          "Setext\n------", "- item {}\n- item {}", "1. first {}\n2. second {}", "> quote {}", "---",
          "| a | b |\n|:-|-:|\n| {} | {} |", "```python\nx = 'a' & 1 > 2\n```", "```\nplain\n```", "    indented",
          "```nosuchlanguage\ncode\n```", "[r]: https://example.com/news/story-1/ \"Title\"", "{}\n{}"]


def random_body(rng: random.Random) -> str:
    blocks = []
    for _ in range(rng.randint(1, 12)):
        block = rng.choice(BLOCKS + ["{}"] * 6)
        while "{}" in block:
            block = block.replace("{}", " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 4))), 1)
        blocks.append(block)
    return "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize("source", [SITE + "this-post/", None, "not a url"])
def test_random_bodies_render_the_same(source: str | None) -> None:
    rng = random.Random(7)
    found, taken = differences((f"random {n}", random_body(rng), source) for n in range(400))
    assert found[:5] == []
    assert taken == 400


def test_what_the_engine_leaves_to_the_reference() -> None:
    renderer = MarkdownRenderer(PAGES)
    for body in ["<b>raw</b>", "note[^1]\n\n[^1]: x", "<https://auto.link/>", "> " * 30 + "deep", "[" * 40,
                 "lone \ud800 surrogate", "![caught with $2.8m \\[Twitter\\]](https://e.com/5.png)"]:
        assert renderer._fast(body, PAGE, SITE) is None, body
    assert renderer._fast("plain *text*", PAGE, SITE) is not None
    # The engine drops escaped brackets from an image's alt text; the reference keeps them.
    alt = MarkdownRenderer(PAGES).render("![caught with $2.8m \\[Twitter\\]](https://e.com/5.png)", PAGE, SITE).html
    assert "[Twitter]" in alt
    assert local_pages  # the lookups above are shaped as local_links makes them


@pytest.mark.parametrize(("body", "alt"), [("![file\\_name](x.png)", "Image: file_name —"),
                                          ("![Tom &amp; Jerry](x.png)", "Image: Tom &amp; Jerry —"),
                                          ("![&copy; 2024 \\*AFP](x.png)", "Image: © 2024 *AFP —")])
def test_an_alt_text_with_an_escape_or_a_reference_keeps_it(body: str, alt: str) -> None:
    # The engine dropped escaped marks and character references from an image's alt text ("filename", "Tom  Jerry"):
    # such a body takes the reference, which keeps them.
    assert MarkdownRenderer(PAGES)._fast(body, PAGE, SITE) is None
    assert alt in MarkdownRenderer(PAGES).render(body, PAGE, SITE).html


@pytest.mark.parametrize("body", ["[guide](https://tutorial.هاكنتوش.com/EFI-setup/#pc)",
                                  "## [guide](https://tutorial.هاكنتوش.com)", "![](https://例え.jp/a.png) é"])
def test_a_host_in_its_own_script_renders_as_the_reference_renders_it(body: str) -> None:
    # The compiled parser percent-encodes such a host; the reference writes it in punycode, as browsers send it.
    compiled, reference = MarkdownRenderer(PAGES), MarkdownRenderer(PAGES, compiled=False)
    assert compiled.render(body, PAGE, SITE) == reference.render(body, PAGE, SITE)
    assert "xn--" in compiled.render(body, PAGE, SITE).html


@pytest.mark.parametrize("body", ["[Update: it`s done]", "A stray mark [` in text", "[`]", "[a\nb`",
                                  "```\ncode\n```\n\nsee [it`s"])
def test_a_body_the_engine_would_panic_on_takes_the_reference_without_a_word_on_the_terminal(
        body: str, capfd: pytest.CaptureFixture[str]) -> None:
    # A backtick left open after a `[` panics markdown-it 0.6's code span scanner; the panic is caught, but Rust
    # printed it and its backtrace on the terminal first, once per such post.
    compiled, reference = MarkdownRenderer(PAGES), MarkdownRenderer(PAGES, compiled=False)
    assert compiled.render(body, PAGE, SITE) == reference.render(body, PAGE, SITE)
    assert "panicked" not in capfd.readouterr().err


def test_a_body_the_engine_panics_on_renders_as_the_reference_renders_it() -> None:
    # markdown-it 0.6's code span scanner indexes past its end on this mojibake (test_security_fuzz found it): pyo3
    # raises the panic as a BaseException, which crashed the build instead of handing the body to the reference.
    body = "[Ë_`Ãâ|…à\U0009cb5dJ\n"
    compiled, reference = MarkdownRenderer(PAGES), MarkdownRenderer(PAGES, compiled=False)
    assert compiled._fast(body, PAGE, SITE) is None
    assert compiled.render(body, PAGE, SITE) == reference.render(body, PAGE, SITE)
