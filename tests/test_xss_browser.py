"""Known XSS vectors (tests/cases/xss/vectors.txt) in every field of a post, built into a site and opened in
Chromium from file://: none may run, with the site's Content-Security-Policy, and with the policy turned
off, which leaves the sanitizer alone. Two control tests show that the trap does catch vectors that run,
and that the policy alone stops them too, so neither layer hides behind the other.

The trap: an init script replaces alert, confirm, prompt and print in every frame and document with
functions that report to the test, and a dialog that still opens is reported too. Every page of the site
is opened, and every link on it that acts in place is clicked: a fragment, or an address that is neither
a page nor the web (javascript:, data:, mailto: and the like). Links in a post's body and source line
are clicked with the mouse, which hovers and focuses them first; the others by script. Links to pages
are not clicked, as the test opens every page anyway, and a link to the web runs nothing on this page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from generator.builder import run_build
from generator.convert.document import Source
from generator.render import markdown as markdown_module
from generator.render.sanitize import Sanitized
from tests.conftest import REPO
from tests.site_content import config, post, write_content
from tests.test_browser import chromium
from tests.test_security_fuzz import unsafe_markup

VECTORS = REPO / "tests" / "cases" / "xss" / "vectors.txt"
BASE_URL = "https://mirror.example/"
START = datetime(2024, 1, 1, 9, 0, tzinfo=timezone.utc)
TRAP = """
(() => {
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => window.__ran(name + '(' + args.join(',') + ')');
  }
  document.addEventListener('securitypolicyviolation',
    e => window.__blocked(e.violatedDirective + ' ' + e.blockedURI));
})();
"""
# Clicks, by script, each link that acts in place outside a post's body and source line, and marks
# those inside them for the mouse.
CLICK_IN_PLACE = """
() => {
  let clicked = 0, marked = 0;
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    const url = new URL(a.href, location.href);
    const here = url.href.includes('#') && url.href.split('#')[0] === location.href.split('#')[0];
    if (!here && ['file:', 'http:', 'https:'].includes(url.protocol)) continue;
    if (a.closest('.body, .source')) { a.setAttribute('data-mouse', ''); marked++; } else { a.click(); clicked++; }
  }
  return [clicked, marked];
}
"""
GROUPS = 8  # term names: each holds the vectors of its group, so 8 term pages show them all


def load_vectors(path: Path = VECTORS) -> list[tuple[str, str]]:
    """(name, vector) pairs: the text after each `=== name` line, up to the next; the header is comments."""
    text = path.read_text(encoding="utf-8")
    parts = re.split(r"^=== (.+)\n", text[text.index("\n=== ") + 1:], flags=re.MULTILINE)
    return [(name, vector.removesuffix("\n")) for name, vector in zip(parts[1::2], parts[2::2], strict=True)]


def hostile_site(folder: Path, vectors: list[tuple[str, str]]) -> Path:
    """A site whose post i carries vector i in its body (as a block and inline), title, summary, author and
    source URL; term names hold the vectors too, a group of them each. Posts of a group share their term,
    so related posts list each other's titles. One list page holds every post."""
    documents, names = [], {}
    for i, (name, vector) in enumerate(vectors):
        body = f"Vector {i}: {name}.\n\n{vector}\n\nInline, {vector} and after.\n"
        documents.append(post(f"vector-{i:03d}", START + timedelta(hours=i), title=vector, summary=vector,
                              author=vector, body=body, taxonomies={"tags": [f"group-{i % GROUPS}"]},
                              source=Source(i + 1, vector, f"https://example.com/?p={i + 1}")))
    for group in range(GROUPS):
        names[("tags", f"group-{group}")] = " ".join(vector for _, vector in vectors[group::GROUPS])
    content = write_content(folder / "content", documents, names)
    result = run_build(config(folder, content, site={"base_url": BASE_URL}, build={"posts_per_page": 500}))
    # The vectors' relative links sit in posts whose source is no web address: they are shown as text, and said;
    # so are sources that are no web address (`javascript:`).
    assert [p for p in result.problems
            if "relative to the original site" not in p.message and p.field != "source.url"] == []
    return folder / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def vectors() -> list[tuple[str, str]]:
    return load_vectors()


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory, vectors: list[tuple[str, str]]) -> Path:
    return hostile_site(tmp_path_factory.mktemp("xss"), vectors)


# Vectors that run in Chromium when nothing stops them: a script, a handler, a link clicked, a frame.
SETTLE_MS = 100
LIVE = ["script element", "img onerror", "link javascript:", "iframe srcdoc script", "svg onload",
        "link onclick", "details ontoggle"]


@pytest.fixture(scope="module")
def unsanitized_site(tmp_path_factory: pytest.TempPathFactory, vectors: list[tuple[str, str]]) -> Path:
    """The live vectors built with the sanitizer switched off, to show what the trap and the policy catch. The
    switch is undone as soon as the site is built: a module's fixture lives until the module's last test, and a
    test worker that built this site first then built `xss_site` without the sanitizer too."""
    live = [v for v in vectors if v[0] in LIVE]
    assert len(live) == len(LIVE)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown_module, "sanitize", lambda html, surrogates=True: Sanitized(html, False))
        # Resolving links against the post's URL also takes away an href that cannot work, `javascript:`
        # among them: off too, for the control.
        patch.setattr(markdown_module, "resolve_links", lambda state: None)
        patch.setattr(markdown_module, "settle_fragments", lambda html: html)
        return hostile_site(tmp_path_factory.mktemp("unsanitized"), live)


@dataclass
class Visit:
    ran: list[str] = field(default_factory=list)  # "page: what ran"
    blocked: list[str] = field(default_factory=list)  # what the policy refused
    pages: int = 0
    clicks: int = 0


def visit_site(browser: Any, site: Path, policy: bool = True, posts_only: bool = False) -> Visit:
    """Open every page of `site` (or only its posts), click its links in place, and gather whatever ran or
    the policy refused."""
    visit = Visit()
    context = browser.new_context(bypass_csp=not policy)
    # No network: a web address that something asks for answers with a bare page.
    context.route(re.compile(r"^(https?|wss?)://"), lambda route: route.fulfill(
        status=200, content_type="text/html", body="<p>outside</p>"))
    context.expose_binding("__ran", lambda source, what: visit.ran.append(f"{source['frame'].url}: {what}"))
    context.expose_binding("__blocked", lambda source, what: visit.blocked.append(f"{source['frame'].url}: {what}"))
    context.add_init_script(TRAP)
    page = context.new_page()
    page.on("dialog", lambda dialog: (visit.ran.append(f"{page.url}: dialog {dialog.message}"), dialog.dismiss()))
    pages = sorted((site / "news-archive").rglob("*.html") if posts_only else site.rglob("*.html"))
    for path in pages:
        _visit_page(page, path.as_uri(), visit)
    context.close()
    return visit


def _visit_page(page: Any, url: str, visit: Visit) -> None:
    page.goto(url)
    visit.pages += 1
    clicked, marked = page.evaluate(CLICK_IN_PLACE)
    visit.clicks += clicked + marked
    for i in range(marked):
        page.locator("a[data-mouse]").nth(i).click(force=True, timeout=5000)
    if clicked + marked:
        # A clicked `javascript:` address runs as a navigation task, after the click returns: without this pause
        # the next page's load could come first, and a vector that ran went unseen (1 control run in 3).
        page.wait_for_timeout(SETTLE_MS)
    if page.url.split("#")[0] != url:
        visit.ran.append(f"{url}: navigated to {page.url}")


def test_the_corpus_holds_at_least_sixty_distinct_vectors(vectors: list[tuple[str, str]]) -> None:
    names = [name for name, _ in vectors]
    assert len(vectors) >= 60 and len(set(names)) == len(names)
    assert all(vector.strip() for _, vector in vectors)


def test_no_vector_runs_with_the_sites_policy(browser: Any, xss_site: Path, vectors: list) -> None:
    visit = visit_site(browser, xss_site)
    print(f"\n{len(vectors)} vectors, {visit.pages} pages, {visit.clicks} clicks, with the policy: "
          f"{len(visit.ran)} ran, {len(visit.blocked)} refused by the policy")
    assert visit.ran == []
    # The sanitizer left nothing that the policy had to refuse.
    assert visit.blocked == []


def test_no_vector_runs_on_the_sanitizer_alone(browser: Any, xss_site: Path, vectors: list) -> None:
    """Post pages only: elsewhere the vectors are text that the templates escape, policy or not."""
    visit = visit_site(browser, xss_site, policy=False, posts_only=True)
    print(f"\n{len(vectors)} vectors, {visit.pages} pages, {visit.clicks} clicks, without the policy: "
          f"{len(visit.ran)} ran")
    assert visit.ran == []


def test_control_the_trap_catches_vectors_that_run(browser: Any, unsanitized_site: Path) -> None:
    """Without sanitizer and policy, the live vectors do run, and the test sees each of them."""
    visit = visit_site(browser, unsanitized_site, policy=False, posts_only=True)
    post_pages = {f"vector-{i:03d}" for i in range(len(LIVE))}
    caught = {page for page in post_pages if any(f"/{page}/" in line for line in visit.ran)}
    assert caught == post_pages, visit.ran


def test_control_the_policy_alone_stops_them(browser: Any, unsanitized_site: Path) -> None:
    visit = visit_site(browser, unsanitized_site, posts_only=True)
    assert visit.ran == []
    assert visit.blocked  # the policy, not luck, stopped them


FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "form", "input", "button", "svg", "math", "base",
                  "frame", "frameset", "style", "template", "textarea", "select", "isindex", "noscript", "link"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        refresh = tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh"
        if tag in FORBIDDEN_TAGS or refresh:
            self.found.append(f"<{tag}>")


def test_built_pages_hold_no_script_handler_or_script_url(xss_site: Path) -> None:
    """What the fuzz tests assert too, checked on every page built from the corpus, and in the body no form,
    frame, foreign content, style, refresh or base either (the head holds the site's own stylesheets)."""
    problems = []
    for path in sorted(xss_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        tags = _Tags()
        body = html.split("</head>", 1)[1]
        if path == xss_site / "search.html":  # the search page's own form and scripts, not a post's
            body = body.split("<main", 1)[0]
        body = re.sub(r'<form class="search-box".*?</form>', "", body, flags=re.S)  # the header's search box
        tags.feed(body)
        problems += [f"{path.relative_to(xss_site)}: {found}" for found in tags.found + unsafe_markup(html)]
    assert problems == []


ATOM = "{http://www.w3.org/2005/Atom}"
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def test_feeds_carry_hostile_titles_names_and_summaries_as_text(xss_site: Path, vectors: list) -> None:
    """An XML parser reads back exactly the text that was written: nothing became markup or broke the feed."""
    text = [NOT_XML.sub("", vector) for _, vector in vectors]
    entries = ElementTree.parse(xss_site / "feed.xml").getroot().findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        i = int(entry.findtext(f"{ATOM}id").rsplit("=", 1)[1]) - 1
        assert entry.findtext(f"{ATOM}title") == text[i]
        assert entry.findtext(f"{ATOM}summary") == text[i]
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == text[i]
        assert [c.get("label") for c in entry.findall(f"{ATOM}category")] == [" ".join(text[i % GROUPS::GROUPS])]
    for feed in xss_site.rglob("feed.xml"):
        ElementTree.parse(feed)  # every term's feed is well-formed too
    ElementTree.parse(xss_site / "sitemap.xml")
