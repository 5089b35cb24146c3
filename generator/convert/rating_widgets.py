"""Visitors' star ratings that plugins print into a post's content, which a mirror cannot take votes for: kk Star
Ratings' stars over "Rate this post" or "4.2/5 - (15 votes)" (`kk-star-ratings`, which its default settings add to
every post, so a REST crawl's content holds it), Rate My Post's "Click on a star to rate it! … No votes so far!"
(`rmp-widgets-container`), YASR's visitors' votes, WP-PostRatings' stars over "(No Ratings Yet)" or "Loading…", and
the "User Rating: 2.54 ( 4 votes)" line of TieLabs' Taqyeem (the review box of the Jannah and Sahifa news themes),
under the author's own scores. Each stood as a line of words in the story. They go as the forms they are (the
shortcodes of these plugins go so, shortcode_handlers.RATINGS); an author's own rating of what the post reviews
(YASR's overall rating, Taqyeem's scores) is content and stays."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

WIDGET_CLASSES = frozenset({"kk-star-ratings", "rmp-widgets-container", "rmp-rating-widget", "rmp-results-widget",
                            "yasr-visitor-votes", "gdrts-rating-block"})
# WP-PostRatings' box: its class is an everyday name, so only with the id the plugin gives it (`post-ratings-123`).
POST_RATINGS_CLASSES = frozenset({"post-ratings", "post-ratings-loading"})
POST_RATINGS_ID = re.compile(r"post-ratings-[0-9]+(?:-loading)?")
# Taqyeem's visitors' line: its box's class is an everyday name too, so only with the stars or score Taqyeem puts
# in it (`user-rate` with the average as `data-rate`, `taq-score`); the review box around it is the author's.
TAQYEEM_CLASSES = frozenset({"user-rate-wrap"})
TAQYEEM_INNER = frozenset({"user-rate", "taq-score", "user-rating-text"})
MARKED = WIDGET_CLASSES | POST_RATINGS_CLASSES | TAQYEEM_CLASSES


def drop_rating_widgets(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, MARKED):
        return
    for tag in elements(soup):
        if has_class(tag, WIDGET_CLASSES) or _post_ratings(tag) or _taqyeem_votes(tag):
            ctx.losses.note(loss.FORM, "a visitors' rating widget")
            tag.decompose()


def _post_ratings(tag: Tag) -> bool:
    return has_class(tag, POST_RATINGS_CLASSES) and POST_RATINGS_ID.fullmatch(str(tag.get("id") or "")) is not None


def _taqyeem_votes(tag: Tag) -> bool:
    return has_class(tag, TAQYEEM_CLASSES) and any(
        has_class(inner, TAQYEEM_INNER) for inner in tag.descendants if isinstance(inner, Tag))
