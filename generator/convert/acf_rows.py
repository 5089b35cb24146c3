"""ACF's repeater fields as an export's and a dump's custom fields hold them, folded into their rows.

ACF keeps a repeater as its number of rows under its name (`tour_itinerary` = `3`; its key `_tour_itinerary` =
`field_…` is not kept) and each row's fields under the repeater's name, the row's number and the field's name
(`tour_itinerary_0_itinerary_time` = `9 AM`). Shown one by one, each field was labelled with the row's number
("Tour itinerary 0 itinerary time: 9 AM", 25 such lines on a tour operator's page); folded, the repeater shows under
its own label as a list, a row an item, each of its fields under its own name (convert/custom_fields.py). A field
named so without a count of rows under the repeater's name, and a first row (`address_1_line`), stays a field.

ACF's Flexible Content is kept so too, but for its rows' layouts under its name in place of a count, a list in PHP's
serialization (`single_blocks` = `a:3:{i:0;s:7:"content";i:1;s:10:"blockquote";…}`). Folded, it is the list of
rows REST's `acf` gives, each naming its layout (`acf_fc_layout`), which convert/custom_fields.py shows as the
post's sections: before, a magazine's article built of them stood as fields labelled by number ("Single blocks 0
content field: …").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from generator.convert import php_values

ROW = re.compile(r"(?P<repeater>.+?)_(?P<index>[0-9]{1,4})_(?P<field>.+)")  # ACF writes ASCII digits
ROW_COUNT = re.compile(r"[0-9]{1,9}")  # (`²` is a digit to str.isdigit, and no number to int)
MOST_ROWS = 1000  # a count above this is no repeater's
LAYOUT_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")  # a Flexible Content layout's name, as ACF makes it of its label
LAYOUT_KEY = "acf_fc_layout"  # the key by which each row of REST's Flexible Content names its layout


@dataclass(frozen=True)
class Rows:
    """A repeater's rows, each its fields' names and values in the order they were saved."""
    rows: tuple[tuple[tuple[str, Any], ...], ...]


def folded(values: Mapping[str, Any]) -> dict[str, Any]:
    """`values` with each ACF repeater's rows in one Rows under its name, where its count stood, and neither the
    rows' fields nor ACF's keys of them apart."""
    first = {row["repeater"] for row in map(ROW.fullmatch, values) if row and row["index"] == "0"}
    counts = {key: int(value) for key, value in values.items()
              if key in first and isinstance(value, str) and ROW_COUNT.fullmatch(value.strip())
              and 0 < int(value) <= MOST_ROWS}
    layouts = {key: names for key in first - counts.keys() if (names := _layout_names(values.get(key)))}
    counts.update((key, len(names)) for key, names in layouts.items())
    if not counts:
        return dict(values)
    rows: dict[str, dict[int, list[tuple[str, Any]]]] = {key: {} for key in counts}
    kept: dict[str, Any] = {}
    for key, value in values.items():
        row = ROW.fullmatch(key.removeprefix("_"))
        if row and row["repeater"] in counts and int(row["index"]) < counts[row["repeater"]]:
            if not key.startswith("_"):  # `_tour_itinerary_0_itinerary_time` is ACF's key of the field
                rows[row["repeater"]].setdefault(int(row["index"]), []).append((row["field"], value))
            continue
        kept[key] = value
    for key in counts:
        if key in layouts:  # each row under its layout's name, as REST gives them, in the order of the layouts
            kept[key] = [{LAYOUT_KEY: name, **dict(rows[key].get(index, ()))}
                         for index, name in enumerate(layouts[key])]
        else:
            kept[key] = Rows(tuple(tuple(fields) for _, fields in sorted(rows[key].items())))  # where its count was
    return kept


def _layout_names(value: Any) -> list[str] | None:
    """The layouts of Flexible Content's rows, where the value is their list as PHP serializes it; else None (a
    checkbox's choices are such a list too, but no rows are saved under its name)."""
    if not isinstance(value, str) or not value.startswith("a:"):
        return None
    array = php_values.flat_array(value)
    if not array or len(array) > MOST_ROWS or list(array) != [str(index) for index in range(len(array))]:
        return None
    names = list(array.values())
    return names if all(LAYOUT_NAME.fullmatch(name) for name in names) else None


def list_html(rows: list[list[tuple[str, str]]]) -> str:
    """Rows of fields shown as words, each a label and its HTML, as a list, a row an item."""
    return "<ul>" + "".join("<li>" + "; ".join(f"<strong>{escape(name, quote=False)}:</strong> {html}"
                                               for name, html in row) + "</li>" for row in rows) + "</ul>"
