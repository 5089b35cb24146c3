"""Compare markdown-it-py, Python-Markdown and mistune on what markdownify emits: prints one
Markdown table of CommonMark spec pass rate, speed, features and word fidelity on a real post.
Needs no network; see bench/README.md."""

import argparse
import difflib
import html
import json
import random
import re
import statistics
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import markdown
import markdownify
import mistune
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.footnote import footnote_plugin
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

NAMES = ("markdown-it-py", "Python-Markdown", "mistune")
POST = "wp-rest/news-archive-14822.json"


def pygmentize(code, lang):
    """Highlighted code, or None for the renderer's plain code block.  Starting with "<pre"
    makes markdown-it-py use it verbatim rather than nest it in its own <pre><code>."""
    try:
        lexer = get_lexer_by_name(lang)
    except ClassNotFound:  # also raised for an empty info string
        return None
    body = highlight(code, lexer, HtmlFormatter(nowrap=True))
    return f'<pre class="highlight"><code class="language-{lang}">{body}</code></pre>\n'


class PygmentsRenderer(mistune.HTMLRenderer):
    def block_code(self, code, info=None):
        return pygmentize(code, info.split()[0] if info else "") or super().block_code(code, info)


def spec_renderers():
    """Each renderer in its most CommonMark-like configuration."""
    mist = mistune.create_markdown(escape=False)  # plugins=None: no GFM extras
    # markdown.markdown builds a fresh instance per call, so no state leaks between examples.
    return dict(zip(NAMES, (MarkdownIt("commonmark").render, markdown.markdown, mist), strict=True))


def site_renderers(probe_plugins=False):
    """As newsmirror would use them; probe_plugins adds what only the feature probes need."""
    mdit = MarkdownIt("commonmark", {"highlight": lambda code, lang, _: pygmentize(code, lang)})
    mdit.enable("table")
    exts = ["toc", "tables", "fenced_code", "codehilite"]
    plugins = ["table"]
    if probe_plugins:
        mdit.use(attrs_block_plugin).use(footnote_plugin)
        exts, plugins = exts + ["attr_list", "footnotes"], plugins + ["footnotes"]
    pymd = markdown.Markdown(extensions=exts)
    mist = mistune.create_markdown(renderer=PygmentsRenderer(escape=False), plugins=plugins)
    # reset() drops the toc/footnote state a Markdown instance keeps from the previous document.
    return dict(zip(NAMES, (mdit.render, lambda text: pymd.reset().convert(text), mist), strict=True))


# --- 1. CommonMark correctness ---------------------------------------------------------------

BLOCK_TAGS = frozenset("address article aside blockquote body caption col colgroup dd div dl dt"
                       " fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr iframe"
                       " li nav ol p pre section table tbody td tfoot th thead tr ul".split())


class Normalizer(HTMLParser):
    """Canonical form of an HTML fragment, modelled on the spec's own test/normalize.py.

    Renderers legitimately differ in markup a browser shows identically, so we: sort attributes;
    decode entities and re-escape only <, > and & (`&quot;`, `&#34;` and `"` agree); read `<br />`
    as `<br>`; collapse whitespace runs outside <pre>; drop whitespace next to block tags (newlines
    between `</li>` and `<li>`, a final newline).  Text inside <pre> and URLs are compared as written.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.in_pre, self.after_block = "", 0, True

    def _boundary(self, tag):
        if tag in BLOCK_TAGS and not self.in_pre:
            self.out = self.out.rstrip()
        self.after_block = tag in BLOCK_TAGS

    def handle_starttag(self, tag, attrs):
        self._boundary(tag)
        self.out += f"<{tag}" + "".join(f' {k}="{html.escape(v or "")}"' for k, v in sorted(attrs)) + ">"
        self.in_pre += tag == "pre"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self._boundary(tag)
        self.out += f"</{tag}>"
        self.in_pre -= tag == "pre"

    def handle_data(self, data):
        if not self.in_pre:
            data = re.sub(r"\s+", " ", data)
            data = data.lstrip() if self.after_block else data
        self.out += html.escape(data, quote=False)
        self.after_block = False

    # Raw HTML constructs are kept verbatim so that a renderer dropping them is caught.
    def handle_comment(self, data):
        self.out += f"<!--{data}-->"

    def handle_pi(self, data):
        self.out += f"<?{data}>"

    def handle_decl(self, data):
        self.out += f"<!{data}>"

    unknown_decl = handle_decl  # <![CDATA[...]]>: any stable spelling will do, both sides get it


def normalize(fragment):
    parser = Normalizer()
    parser.feed(fragment)
    parser.close()
    return parser.out.strip()


def spec_row(spec_path):
    if spec_path is None:
        print("No --spec given: skipping the CommonMark row (see bench/README.md).", file=sys.stderr)
        return "CommonMark examples passed", dict.fromkeys(NAMES, "skipped (no --spec)")
    examples = json.loads(spec_path.read_text(encoding="utf-8"))
    # The JSON carries no version; markdown-it-py ships spec.md, whose front matter has it.
    spec_md = spec_path.with_name("spec.md")
    front_matter = spec_md.read_text(encoding="utf-8")[:500] if spec_md.exists() else ""
    version = re.search(r"^version: '?([\d.]+)", front_matter, re.M)
    cases = [(ex["markdown"], normalize(ex["html"])) for ex in examples]
    cells = {}
    for name, render in spec_renderers().items():
        ok = sum(normalize(render(source)) == want for source, want in cases)
        cells[name] = f"{ok}/{len(cases)} ({100 * ok / len(cases):.1f}%)"
    return f"CommonMark {version.group(1) if version else '(version ?)'} examples passed", cells


# --- 2. Speed ------------------------------------------------------------------------------------

def to_markdown(source_html):
    return markdownify.markdownify(source_html, heading_style="ATX", bullets="-")


def wordpress_sources(samples):
    post = json.loads((samples / POST).read_text(encoding="utf-8"))["content"]["rendered"]
    return [post] + [p.read_text(encoding="utf-8") for p in sorted((samples / "blocks").glob("*.html"))]


WORDS = ("market government minister report growth energy city council investors policy rare earth"
         " supply chain quarter analysts said would could percent billion officials election trade"
         " mining copper lithium region board shares price demand the a of and to in for on with by"
         " from that this is was as at new after over under").split()


def synthetic_doc(rng):
    """One news article of roughly 800-1500 prose words, in the Markdown shapes markdownify writes."""
    def sentence(n):
        words = [rng.choice(WORDS) for _ in range(n)]
        i = rng.randrange(n)
        markup = rng.choice(["*{0}*", "**{0}**", "[{0}](https://example.com/{0})", "{0}"])
        words[i] = markup.format(words[i])
        return " ".join(words).capitalize() + "."

    target, parts, words = rng.randint(800, 1400), [], 0  # 1400: the last block may overshoot
    while words < target:
        roll = rng.random()
        if not parts or roll < 0.12:
            block = f"{rng.choice(['##', '##', '###'])} {sentence(5)}"
        elif roll < 0.22:
            block = "\n".join(f"- {sentence(6)}" for _ in range(rng.randint(3, 6)))
        elif roll < 0.25:
            rows = [f"| {rng.choice(WORDS)} | {rng.randint(1, 999)} | {rng.random():.2f} |"
                    for _ in range(5)]
            block = "\n".join(["| name | count | share |", "| --- | --- | --- |", *rows])
        elif roll < 0.28:
            lines = (f"{w} = fetch('{w}', limit={rng.randint(1, 99)})" for w in rng.sample(WORDS, 6))
            parts.append("```python\n" + "\n".join(lines) + "\n```")
            continue  # code is not prose: it doesn't count towards the word target
        else:
            block = " ".join(sentence(rng.randint(8, 20)) for _ in range(rng.randint(2, 5)))
        parts.append(block)
        words += len(block.split())
    return "\n\n".join(parts) + "\n"


def ms_per_doc(renderers, docs, runs):
    """Median of `runs` whole-corpus passes, so a GC pause or a cold cache doesn't count.
    Renderers take turns within each round: load from other processes hits them alike."""
    timings = {name: [] for name in renderers}
    for _ in range(runs):
        for name, render in renderers.items():
            start = time.perf_counter()
            for doc in docs:
                render(doc)
            timings[name].append(time.perf_counter() - start)
    return {name: f"{statistics.median(t) * 1000 / len(docs):.3f}" for name, t in timings.items()}


# --- 3. Features ---------------------------------------------------------------------------------

# (row, probe inputs, check on the rendered HTML, note per renderer); "yes" when any input passes.
# Both heading-id spellings are tried because we decide what our markdownify step writes.
FEATURES = [
    ("heading `{#id}` kept / TOC", ["## Title {#keep}\n", "{#keep}\n## Title\n"],
     lambda h: 'id="keep"' in h and "{#" not in h,
     ["`{#id}` on the line above (attrs_block); trailing form needs a small core rule; TOC: walk tokens",
      "attr_list `## T {#id}`; toc ext gives `md.toc` / `md.toc_tokens`",
      "no `{#id}` syntax; `mistune.toc` hook makes `toc_N` ids and a TOC"]),
    ("Pygments hook", ["```python\nx = 1\n```\n"], lambda h: '<span class="n">x</span>' in h,
     ["`highlight` option", "codehilite extension", "override `block_code`"]),
    ("GFM pipe tables", ["| a | b |\n| --- | --- |\n| 1 | 2 |\n"], lambda h: "<td>2</td>" in h,
     ["`enable('table')`", "tables extension", "`table` plugin"]),
    ("footnotes", ["Text[^1].\n\n[^1]: Note.\n"], lambda h: "[^1]" not in h and "Note." in h,
     ["mdit_py_plugins.footnote", "footnotes extension", "`footnotes` plugin"]),
]


def feature_rows():
    renderers = site_renderers(probe_plugins=True)
    for label, inputs, check, notes in FEATURES:
        yield label, {name: ("yes" if any(check(render(i)) for i in inputs) else "no") + f": {note}"
                      for (name, render), note in zip(renderers.items(), notes, strict=True)}


# --- 4. Fidelity ---------------------------------------------------------------------------------

def visible_words(fragment):
    return BeautifulSoup(fragment, "html.parser").get_text(" ").split()


def fidelity(source_html, rendered_html):
    """"yes" when the rendered page shows the source's words in the same order, else the first change."""
    src, out = visible_words(source_html), visible_words(rendered_html)
    matcher = difflib.SequenceMatcher(None, src, out, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not changes:
        return f"yes ({len(src)} words)"
    _, i1, i2, j1, j2 = changes[0]
    return f"no: {len(changes)} changes, first at word {i1}: {src[i1:i2]} -> {out[j1:j2]}"


# --- Report --------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spec", type=Path, help="CommonMark spec JSON, e.g. tests/test_cmark_spec/"
                        "commonmark.json from the markdown-it-py sdist; without it that row is skipped")
    parser.add_argument("--samples", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "samples")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    rows = dict([spec_row(args.spec)])
    renderers = site_renderers()
    sources = wordpress_sources(args.samples)
    rng = random.Random(14822)  # fixed seed: the same synthetic corpus on every run
    corpora = {"WordPress samples": [to_markdown(s) for s in sources],
               "synthetic news": [synthetic_doc(rng) for _ in range(200)]}
    for corpus, docs in corpora.items():
        label = f"ms/doc, {corpus} ({len(docs)} docs, median of {args.runs} runs)"
        rows[label] = ms_per_doc(renderers, docs, args.runs)
    rows.update(feature_rows())
    post = sources[0]
    rows[f"{POST}: all words kept in order"] = {
        name: fidelity(post, render(to_markdown(post))) for name, render in renderers.items()}

    print("| measure | " + " | ".join(NAMES) + " |")
    print("| --- |" + " --- |" * len(NAMES))
    for label, cells in rows.items():
        print(f"| {label} | " + " | ".join(cells[n].replace("|", "\\|") for n in NAMES) + " |")


if __name__ == "__main__":
    main()
