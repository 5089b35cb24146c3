"""A date for a post saved without one, from what else the saved post says.

A crawl saved with `?_fields=id,title,content` (or a script that kept only those) holds no `date` or `date_gmt`,
and every post was refused ("field 'date': expected a string, got nothing"): nothing imported. What else a post
says of its date stands in, named on the post's line of problems: its time of update, else the day its address
names (`/2024/05/12/slug/`, the permalinks of most news sites), else the month its first picture was uploaded in
(`/wp-content/uploads/2024/05/`, WordPress's folder for the month a file was added), its first day; else, for a
copy's page that prints no date, the date of the post nearest it by id (sources/copy_dates.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.sources.copy_dates import NEARBY_DATE
from generator.sources.date_clues import ADDRESS_DATE, UPLOAD_MONTH

SET_DATE = re.compile(r"[12][0-9]{3}-")


@dataclass(frozen=True)
class StandIn:
    fields: dict[str, str]  # `date`, and `date_gmt` where known, in ISO 8601 as REST writes them
    note: str  # what the post's line of problems says of it


def date_stand_in(data: dict[str, Any], link: str, content: str) -> StandIn | None:
    """The date to read where `date` and `date_gmt` hold none; None where nothing else names one."""
    if _iso(data.get("modified")):
        utc = {"date_gmt": data["modified_gmt"]} if _iso(data.get("modified_gmt")) else {}
        fields = {"date": data["modified"], **utc}
        return StandIn(fields, "missing; its time of update, modified, stands in")
    if _iso(data.get("modified_gmt")):
        return StandIn({"date_gmt": data["modified_gmt"]}, "missing; its time of update, modified_gmt, stands in")
    match = ADDRESS_DATE.search(link)
    if match:
        day = match[3] or "01"
        return StandIn({"date": f"{match[1]}-{match[2]}-{day}T00:00:00"},
                       f"missing; the {'day' if match[3] else 'month'} its address names stands in")
    match = UPLOAD_MONTH.search(content)
    if match:
        return StandIn({"date": f"{match[1]}-{match[2]}-01T00:00:00"},
                       "missing; the month its first picture was uploaded in stands in")
    return _nearby(data.get(NEARBY_DATE))


def _nearby(said: object) -> StandIn | None:
    """The date of the post nearest by id, which a copy's reader gives a page that prints none
    (sources/copy_dates.py)."""
    if not isinstance(said, dict) or not _iso(said.get("date")) or not isinstance(said.get("note"), str):
        return None
    return StandIn({name: said[name] for name in ("date", "date_gmt") if _iso(said.get(name))}, said["note"])


def _iso(value: object) -> bool:
    """A date WordPress set (`2024-05-12T08:00:00`), not nothing or its zero dates (`0000-00-00…`, `-0001-…`)."""
    return isinstance(value, str) and SET_DATE.match(value) is not None
