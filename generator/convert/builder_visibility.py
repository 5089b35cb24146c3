"""Page builders' elements saved as shortcodes that the live page did not show on a desktop screen.

A builder's editor hides an element per kind of screen, or switches it off, in its shortcode's attributes:
Divi and its forks (Mharty's `mhc_`) with `disabled_on="phone|tablet|desktop"` (`off|off|on`: the copy made for
phones and tablets, beside the desktop's `on|on|off`) and `disabled="on"` (an element switched off, which the
builder renders for no reader), WPBakery with `disable_element="yes"` (a row switched off) and its columns'
`offset="vc_hidden-lg"`, Avada with `hide_on_mobile`, the screen sizes an element shows on (without
`large-visibility`, not on a desktop's). Rendered, such an element carries the builder's "hidden on desktop"
class or is not there at all; unrendered, the mirror would show both copies, and text no reader saw.
What such an element makes is wrapped in a "hidden on desktop" class, so that drop_hidden_on_desktop
(responsive.py) drops it as it drops a rendered one: counted, unless it is all the post holds.
"""

from __future__ import annotations

from html import escape

from generator.convert.responsive import HIDDEN_ON_DESKTOP

HIDDEN_CLASS = "vc_hidden-lg"  # WPBakery's own, one of HIDDEN_ON_DESKTOP
# Attributes that hold classes the builder writes onto the element (WPBakery's `el_class` and its columns'
# `offset`, Divi's `module_class`).
CLASS_KEYS = ("offset", "el_class", "module_class", "css_class", "class")


def hidden_on_desktop(named: dict[str, str]) -> bool:
    """Whether an element's attributes (quotes straightened, entities decoded) hide it on a desktop screen."""
    screens = named.get("disabled_on", "").split("|")
    if len(screens) == 3 and screens[2].strip() == "on":  # Divi: phone|tablet|desktop
        return True
    if named.get("disabled", "").strip() == "on" or named.get("disable_element", "").strip() == "yes":
        return True
    shown_on = named.get("hide_on_mobile", "")
    if "visibility" in shown_on and "large-visibility" not in shown_on:  # Avada 5+; older ones said yes or no
        return True
    return any(not HIDDEN_ON_DESKTOP.isdisjoint(named.get(key, "").split()) for key in CLASS_KEYS)


def marked_hidden(made: str) -> str:
    """What a hidden element made, in a block that drop_hidden_on_desktop recognises."""
    return f'<div class="{escape(HIDDEN_CLASS)}">{made}</div>' if made.strip() else made
