"""Numbers a page's script shows only when it runs: animated counters and progress bars.

A page builder saves a counter at the number it counts from, and its script counts up to the real one as the
visitor scrolls to it: Elementor's `<span class="elementor-counter-number" data-to-value="123"
data-delimiter=",">0</span>`, jQuery countTo's `<span data-from="0" data-to="250">0</span>` (which many themes
use), Avada's `<span class="display-counter" data-value="75">0</span>`. The mirror runs no script: it showed
"0 K Trusted Clients" where the site showed "123K Trusted Clients". A progress bar (`role="progressbar"`, as
Elementor's skill bars are, or `<progress>`) shows how full it is by its length alone, which Markdown cannot
draw: "JavaScript" lost its 75%. A visit counter a remote service fills (busuanzi, which Chinese blogs paste into
posts and footers: `本站总访问量 <span id="busuanzi_value_site_pv"></span> 次`) has no number to show: its sentence
showed "total visits  times", counting nothing.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold, tags_in

# Where a counter keeps the number its script counts to.
COUNT_TO = ("data-to-value", "data-to")  # Elementor; jQuery countTo
COUNT_TO_NAMES = frozenset(COUNT_TO)
# The counters that name their target `data-value`: Avada's counter box; ElementsKit's fun fact and progress bar
# (`<span class="number-percentage" data-value="250" data-animation-duration="3500">0</span>`), which Exclusive
# Addons' progress bar shares.
VALUE_COUNTER_CLASSES = frozenset({"display-counter", "number-percentage"})
# Premium Addons' counter shows its number in `<span class="premium-counter-init">0</span>`, inside the box that holds
# its settings (`<div class="premium-counter" data-to-value="350" data-delimiter=",">`).
BOXED_COUNTER_CLASSES = frozenset({"premium-counter-init"})
COUNTER_BOX_CLASSES = frozenset({"premium-counter"})
# Elementor lays a counter's prefix, number and suffix out in a flex box, which shows no space between them.
FLEX_COUNTER_CLASSES = frozenset({"elementor-counter-number-wrapper"})
NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
# Block plugins' counters keep the number they end at on their box, and their number is a child the script fills:
# Kadence Blocks' count-up (`data-end` on the block; its `<div class="kb-count-up-number">` empty, and its
# `data-prefix` and `data-suffix` printed by the script alone), Getwid's (`data-end` on its wrapper, `<span
# class="wp-block-getwid-counter__number">0</span>`) and Ultimate Blocks' (`data-end_num`, `<span
# class="ub_counter-number">0</span>`). A mirror of a Kadence page showed "Happy clients" with no number over it.
END_HOLDERS = ("data-end", "data-end_num")
END_HOLDER_NAMES = frozenset(END_HOLDERS)
NUMBER_CLASS = re.compile(r"[-_]number$")
# busuanzi's and Vercount's (a stand-in for it) slots for a count, and the elements their snippets wrap a
# counter's sentence in, which their script shows once it has the number.
REMOTE_COUNT = re.compile(r"(?:busuanzi|vercount)_value_\w+")
REMOTE_COUNTER = re.compile(r"(?:busuanzi|vercount)_container_\w+")
# A block that holds a counter's sentence and nothing more: a few words around each count ("本站总访客数 … 人",
# "Total visits … times").
COUNTER_BLOCKS = ("p", "div", "li", "section", "footer", "center", "td")
COUNTER_WORDS = 40
SEPARATORS = re.compile(r"[\s,.'’]")


def counters_at_their_end(soup: BeautifulSoup, ctx: Context) -> None:
    """A counter shows the number its script ends at, grouped by its `data-delimiter` as Elementor groups it
    (`1,250`); its prefix and suffix touch it ("$123M"), as the site's flex box showed them."""
    if not may_hold(soup, FLEX_COUNTER_CLASSES | VALUE_COUNTER_CLASSES, attributes=COUNT_TO_NAMES | END_HOLDER_NAMES):
        return
    for tag in tags_in(soup):
        if any(name in tag.attrs for name in END_HOLDERS):
            _ended_counter(tag)
            continue
        if has_class(tag, FLEX_COUNTER_CLASSES):
            for child in list(tag.contents):
                if isinstance(child, NavigableString) and not child.strip():
                    child.extract()
            continue
        settings = _settings_holder(tag)
        target = _count_target(tag, settings)
        if target is None or any(isinstance(child, Tag) for child in tag.contents):
            continue
        shown = SEPARATORS.sub("", tag.get_text())
        if shown and not NUMBER.match(shown):  # words, not a number a script counts: not a counter
            continue
        tag.string = _grouped(target, str(settings.get("data-delimiter") or ""))


def _ended_counter(box: Tag) -> None:
    """A block plugin's counter (see END_HOLDERS): its number element shows the number its box ends at, grouped by
    the box's `data-separator` unless its `data-use-grouping` is off, between the box's `data-prefix` and
    `data-suffix`. A box whose number element holds words or tags is left as it is."""
    end = next((str(box[name]).strip() for name in END_HOLDERS if NUMBER.match(str(box.get(name, "")).strip())), None)
    number = next((t for t in tags_in(box) if any(NUMBER_CLASS.search(c) for c in t.get("class") or ())), None)
    if end is None or number is None or any(isinstance(child, Tag) for child in number.contents):
        return
    shown = SEPARATORS.sub("", number.get_text())
    if shown and not NUMBER.match(shown):
        return
    grouping = str(box.get("data-use-grouping", "true")).lower() != "false"
    separator = str(box.get("data-separator") or "") if grouping else ""
    number.string = f"{box.get('data-prefix') or ''}{_grouped(end, separator)}{box.get('data-suffix') or ''}"


def _settings_holder(tag: Tag) -> Tag:
    """The element that holds a counter's settings: the counter, or Premium Addons' box around its number."""
    if has_class(tag, BOXED_COUNTER_CLASSES):
        box = next((up for up in tag.parents if has_class(up, COUNTER_BOX_CLASSES)), None)
        return box if box is not None else tag
    return tag


def _count_target(tag: Tag, settings: Tag) -> str | None:
    names = COUNT_TO + (("data-value",) if has_class(tag, VALUE_COUNTER_CLASSES) else ())
    for name in names:
        value = settings.get(name)
        if isinstance(value, str) and NUMBER.match(value.strip()):
            return value.strip()
    return None


def _grouped(number: str, delimiter: str) -> str:
    """`1250` as `1,250` with a delimiter of `,`; decimals stay as written."""
    if not delimiter:
        return number
    sign = number[0] if number[0] in "+-" else ""
    whole, dot, decimals = number.lstrip("+-").partition(".")
    head = len(whole) % 3 or 3  # in slices, not a loop inserting each group first: a number may be 10,000 digits
    groups = [whole[:head], *(whole[start:start + 3] for start in range(head, len(whole), 3))]
    return sign + delimiter.join(groups) + dot + decimals


BAR_ATTRIBUTES = frozenset({"role", "value"})


def progress_bars_show_their_value(soup: BeautifulSoup, ctx: Context) -> None:
    """A progress bar whose words do not say how full it is gets its percentage after them: "JavaScript 75%".
    A `<progress>` element's words are what browsers too old to draw it showed: the percentage replaces them."""
    if not may_hold(soup, attributes=BAR_ATTRIBUTES):  # no bar's role, nor any <progress> with a value
        return
    for tag in elements(soup):
        reading = _reading(tag)
        if reading is None:
            continue
        value, percent = reading
        if tag.name == "progress":
            tag.string = f"{percent}%"
            continue
        text = tag.get_text()
        if re.search(rf"(?<![\d.]){re.escape(percent)}\s*%|(?<![\d.]){re.escape(value)}(?![\d.])", text):
            continue  # its words say it already ("75%", "Step 3 of 5")
        words = [node for node in tag.descendants if isinstance(node, NavigableString) and node.strip()]
        if words:
            words[-1].insert_after(NavigableString(f" {percent}%"))
        else:
            tag.append(NavigableString(f"{percent}%"))


def _reading(tag: Tag) -> tuple[str, str] | None:
    """The bar's value as written and how full it is, in whole percent."""
    if tag.name == "progress":
        value, low, high = tag.get("value"), "0", tag.get("max") or "1"
    elif tag.get("role") == "progressbar":
        value, low, high = tag.get("aria-valuenow"), tag.get("aria-valuemin") or "0", tag.get("aria-valuemax") or "100"
    else:
        return None
    try:
        now, least, most = float(str(value)), float(str(low)), float(str(high))
    except ValueError:
        return None
    if most <= least:
        return None
    share = max(0.0, min(1.0, (now - least) / (most - least)))
    return str(value).strip(), str(round(share * 100))


def drop_remote_counters(soup: BeautifulSoup, ctx: Context) -> None:
    """A visit counter a remote service fills goes with its sentence: the element its snippet wraps it in, else
    the block that holds its sentence alone; where that block says more, only the empty count goes."""
    seen = getattr(soup, "seen_ids", None)  # a parsed post's ids, which spare the walk when none is a counter's
    if seen is not None and not any(REMOTE_COUNT.fullmatch(ident) for ident in seen):
        return
    for slot in elements(soup):
        if not REMOTE_COUNT.fullmatch(str(slot.get("id", ""))) or slot.get_text(strip=True):
            continue
        sentence = _counter_sentence(slot)
        for count in [slot] if sentence is slot else sentence.find_all(id=REMOTE_COUNT):
            ctx.losses.note(loss.VISIT_COUNTER, str(count.get("id", "")))
        sentence.decompose()


def _counter_sentence(slot: Tag) -> Tag:
    for holder in slot.parents:
        if not isinstance(holder, Tag) or holder.name == "[document]":
            break
        if REMOTE_COUNTER.fullmatch(str(holder.get("id", ""))):
            return holder
        if holder.name in COUNTER_BLOCKS:
            counts = sum(1 for tag in holder.find_all(id=REMOTE_COUNT))
            shown = "".join(holder.get_text().split())
            return holder if len(shown) <= COUNTER_WORDS * counts else slot
    return slot
