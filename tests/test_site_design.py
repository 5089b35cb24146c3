"""The default theme: contrast AA in both colour schemes, nothing from the network, accessible page structure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pygments.styles import get_style_by_name
from pygments.token import Error, Whitespace

from generator.render.markdown import CODE_STYLES
from tests.conftest import REPO
from tests.site_reading import page

CSS = (REPO / "static/css/site.css").read_text(encoding="utf-8")
AA = 4.5


def luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def scheme(block: str) -> dict[str, str]:
    return dict(re.findall(r"--(\w+):\s*(#[0-9a-fA-F]{3,6})", block))


def schemes() -> dict[str, dict[str, str]]:
    light = scheme(CSS.split("@media (prefers-color-scheme: dark)")[0])
    dark = {**light, **scheme(CSS.split("@media (prefers-color-scheme: dark)")[1].split("}")[0])}
    return {"light": light, "dark": dark}


@pytest.mark.parametrize("name", ["light", "dark"])
def test_text_colours_meet_wcag_aa_on_every_background(name: str) -> None:
    colours = schemes()[name]
    for foreground in ("text", "muted", "link"):
        for background in ("bg", "panel"):
            ratio = contrast(colours[foreground], colours[background])
            assert ratio >= AA, f"{name}: --{foreground} on --{background} is {ratio:.2f}:1"


@pytest.mark.parametrize("style", CODE_STYLES)
def test_code_colours_meet_wcag_aa(style: str) -> None:
    pygments_style = get_style_by_name(style)
    for token, definition in pygments_style:
        if definition["color"] and token not in Whitespace and token not in Error:
            ratio = contrast(definition["color"], pygments_style.background_color)
            assert ratio >= AA, f"{style}: {token} is {ratio:.2f}:1"


def test_theme_loads_nothing_from_the_network() -> None:
    for path in [*(REPO / "static").rglob("*"), *(REPO / "templates").rglob("*")]:
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"@import|@font-face|url\(|https?://", text), path


def test_scripts_come_only_from_the_sites_files_and_reach_nothing_else() -> None:
    """The one script tag loads the files a page names (only the search page names any), none is inline, and
    the search client uses none of the ways a script reaches the network or runs strings as code."""
    for path in (REPO / "templates").rglob("*.html"):
        tags = re.findall(r"<script[^>]*>.*?</script>", path.read_text(encoding="utf-8"), flags=re.S)
        assert tags in ([], ['<script src="{{ src }}" defer></script>']), path
    client = re.sub(r"/\*.*?\*/|//[^\n]*", "", (REPO / "static/js/search.js").read_text(encoding="utf-8"), flags=re.S)
    assert "createElement('script')" in client  # what it does instead, so the pattern below is read from code
    assert not re.search(r"\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|WebAssembly|\bimport\(|"
                         r"\beval\(|new Function|innerHTML|outerHTML|insertAdjacentHTML|document\.write", client)


def test_dark_scheme_and_print_stylesheet_exist() -> None:
    assert "@media (prefers-color-scheme: dark)" in CSS
    print_rules = CSS.split("@media print")[1]
    assert ".site-header nav" in print_rules and "display: none" in print_rules


def test_every_page_has_landmarks_a_skip_link_one_h1_and_headings_in_order(sample_site: Path) -> None:
    for file in sample_site.rglob("*.html"):
        html = page(sample_site, file.relative_to(sample_site).as_posix())
        assert html.find("header") and html.find("main", id="main") and html.find("footer"), file
        assert html.find("a", class_="skip")["href"] == "#main"
        levels = [int(h.name[1]) for h in html.find_all(re.compile(r"^h[1-6]$"))]
        assert levels[0] == 1 and levels.count(1) == 1, file
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (file, levels)
        assert all(img.get("alt") is not None for img in html.find_all("img")), file
