"""Tabs, as each panel under its tab's label.

A theme's or builder's tabs (`role="tab"`, Bootstrap's `data-toggle="tab"`) show one panel at a time, chosen by
clicking its tab. The mirror, without the script, shows every panel, and the row of tabs stood apart from them:
before them as a list of links into the page, or after them (a testimonial slider's row of faces came under the
last quote, each face far from its words), or twice where the builder repeats each label before its panel for
phones (Elementor: "Mission Vision", then "Mission", its text, "Vision", its text). Each panel opens with its
tab's label (words in bold, or the tab's picture), and the row of tabs goes. A tab whose panel the post does not
hold (the live page loaded it by script when clicked) goes: its label stood alone on a line, over nothing.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, may_hold
from generator.convert.structure import BLOCK_NAMES

TAB_ATTRIBUTES = frozenset({"role", "data-toggle", "data-bs-toggle", "data-tab"})
SLIDE_NUMBER = re.compile(r"\d{0,2}")  # what a slider's dots show, which the sliders that render them mark as tabs
# Block plugins' tabs name their panel by its number, not its id: Kadence's `<a href="#tab-fares" data-tab="1">`
# leads to its own list item, and its panel is `<div class="… kt-inner-tab-1">`; Spectra's `<a role="tab"
# href="#uagb-tabs__tab0" data-tab="0">` to no element, its panel `<div class="… uagb-inner-tab-0"
# aria-labelledby="uagb-tabs__tab0">`. The mirror showed Kadence's labels as a list of links to themselves over
# panels without titles, and Spectra's panels without their labels, which went as labels of nothing.
TAB_NUMBER = re.compile(r"\d{1,3}")
PANEL_NUMBER = re.compile(r"(?:^|[-_])tab-(\d{1,3})$")
SHOWN = ("img", "picture", "svg", "video", "audio", "iframe", "embed", "object", "canvas", "table", "hr")
NUMBERED_PANEL_LEVELS = 6  # how far up from its tab a numbered panel's tabs block is looked for


def tabs_as_sections(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, attributes=TAB_ATTRIBUTES):
        return
    tabs = [tag for tag in elements(soup) if _is_tab(tag) and not any(_is_tab(up) for up in tag.parents)]
    if not tabs:
        return
    by_id = {str(tag["id"]): tag for tag in elements(soup) if tag.get("id")}
    labelled = {str(tag["aria-labelledby"]).strip(): tag for tag in elements(soup) if tag.get("aria-labelledby")}
    numbered = _numbered_panels(soup) if any(_tab_number(tab) is not None for tab in tabs) else {}
    rows: dict[int, Tag] = {}  # the boxes of the tabs that went, which go too when nothing else is left in them
    for tab in tabs:
        panel = next((by_id[name] for name in _targets(tab) if name in by_id and by_id[name] is not tab
                      and not _inside(tab, by_id[name]) and not _inside(by_id[name], tab)), None)
        panel = panel or next((labelled[name] for name in (*_targets(tab), str(tab.get("id") or ""))
                               if name in labelled and labelled[name] is not tab and not _inside(tab, labelled[name])
                               and not _inside(labelled[name], tab)), None) or _numbered_panel(tab, numbered)
        if panel is None and (not any(_targets(tab)) or not _is_marked_tab(tab)):
            continue  # a tab that names no panel, or one known by its number alone whose panel is not found
        if not isinstance(tab.parent, BeautifulSoup):  # not the post's own root
            rows[id(tab.parent)] = tab.parent
        if panel is None or _shows_nothing(panel):
            # its panel, which the live page loaded by script, is not in the post, or holds nothing the mirror shows
            # (a Kadence tab of a post grid its PHP filled, in an export): a label of nothing
            tab.decompose()
            continue
        before = panel.find_previous_sibling(True)
        if before is not tab and isinstance(before, Tag) and _is_tab(before) and _words(before) == _words(tab):
            tab.decompose()  # the label for phones, which stands before its panel, is the one kept
            continue
        if SLIDE_NUMBER.fullmatch(_words(tab)) and tab.find("img") is None:
            tab.decompose()  # a slider's dot or number (`<button role="tab">2</button>`), which names no slide
            continue
        label = _label(soup, tab, panel)
        if before is tab:  # the tab stands before its panel already (an accordion's title, a label for phones)
            tab.replace_with(label)
        else:
            panel.insert_before(label)
        tab.decompose()
    for row in rows.values():
        if not row.__dict__.get("_decomposed") and not row.get_text(strip=True) and row.find("img") is None:
            row.decompose()


def _is_tab(tag: Tag) -> bool:
    return _is_marked_tab(tag) or (tag.name in ("a", "button") and _tab_number(tag) is not None)


def _is_marked_tab(tag: Tag) -> bool:
    return tag.get("role") == "tab" or "tab" in (tag.get("data-toggle"), tag.get("data-bs-toggle"))


def _tab_number(tag: Tag) -> str | None:
    number = str(tag.get("data-tab") or "").strip()
    return number if TAB_NUMBER.fullmatch(number) else None


def _numbered_panels(soup: BeautifulSoup) -> dict[str, list[Tag]]:
    """The elements whose class ends in `tab-N`, by N: read in one walk, not once for each tab."""
    found: dict[str, list[Tag]] = {}
    for tag in elements(soup):
        for name in tag.get("class") or ():
            ending = PANEL_NUMBER.search(name)
            if ending is not None:
                found.setdefault(ending[1], []).append(tag)
                break
    return found


def _numbered_panel(tab: Tag, numbered: dict[str, list[Tag]]) -> Tag | None:
    """The panel a tab names by its number (see TAB_NUMBER): the first element of the tabs block around it whose
    class ends in `tab-N`, which neither holds the tab nor is inside it."""
    number = _tab_number(tab)
    candidates = numbered.get(number, []) if number is not None else []
    box: Tag | None = tab.parent
    for _ in range(NUMBERED_PANEL_LEVELS if candidates else 0):
        if not isinstance(box, Tag) or isinstance(box, BeautifulSoup):
            return None
        found = next((tag for tag in candidates if _inside(tag, box) and not _inside(tab, tag)
                      and not _inside(tag, tab)), None)
        if found is not None:
            return found
        box = box.parent
    return None


def _targets(tab: Tag) -> list[str]:
    """The ids a tab names as its panel's: its `aria-controls`, then the `#id` it or a link in it leads to (a
    theme's `aria-controls` may name the tab itself)."""
    link = tab if tab.get("href") else tab.find("a", href=True)
    href = str(link.get("href", "")) if link is not None else ""
    return [str(tab.get("aria-controls") or "").strip(), href[1:].strip() if href.startswith("#") else ""]


def _label(soup: BeautifulSoup, tab: Tag, panel: Tag) -> Tag:
    """A paragraph of the tab's label: its words in bold, or its picture; a label that is a heading already (an
    accordion's `<div role="tab"><h4>…</h4></div>`) as it is. Links into the panel are unwrapped."""
    blocks = tab.find(BLOCK_NAMES) is not None
    label = soup.new_tag("div" if blocks else "p")
    holder = label
    if not blocks and tab.find("img") is None:
        holder = soup.new_tag("strong")
        label.append(holder)
    for child in list(tab.contents):
        holder.append(child.extract())
    target = panel.get("id")
    for link in label.find_all("a", href=f"#{target}"):
        link.unwrap()
    return label


def _shows_nothing(panel: Tag) -> bool:
    return not panel.get_text(strip=True) and panel.find(SHOWN) is None


def _inside(tag: Tag, box: Tag) -> bool:
    return any(parent is box for parent in tag.parents)


def _words(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())
