"""Which custom fields of a post may hold what its page shows a reader, by their keys alone.

WordPress hides a key that starts with `_` from its custom-fields box: plugins and WordPress keep their
bookkeeping there (`_edit_lock`, `_thumbnail_id`, `_wp_page_template`, `_elementor_data`). Some themes hide
their own post type's fields the same way, because a box of their own edits them, and print them on the
page: such a key is named after the type (`_team_member_job` of a `team_member`, `_project_client` of a
`portfolio_project`). Which of the remaining values are words and which are settings is the convert stage's
question (convert/custom_fields.py); this only keeps an export's post item from carrying what never shows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping


def own_prefixes(post_type: str) -> tuple[str, ...]:
    """The prefixes a theme gives its type's fields: the type's name (`g5_job_`), and its last word
    (`project_` of `portfolio_project`); longest first, so that the longest one is dropped from a label."""
    name = post_type.lstrip("_")
    last = name.rsplit("_", 1)[-1] if "_" in name else ""
    return tuple(f"{p}_" for p in dict.fromkeys((name, last)) if p)


BUILT_IN_TYPES = frozenset({"post", "page"})  # WordPress's own: a private `_post_…` key is no theme's field
# Keys that WordPress and common plugins keep in sight (not private) for their own work and never print in the
# post: footnotes (the footnotes block shows them), comment and spam services' threads, sharing to social
# networks and its failures ("Invalid / expired Token"), search engines' titles and descriptions, geotags,
# podcast enclosures, share buttons' caches (Easy Social Share Buttons, MashShare), featured images by URL,
# internal-link counts (Link Whisper), Thrive's editor, and the page settings of themes seen in real exports
# (Ocean WP, Astra, Revolution Slider).
PLUGIN_KEYS = ("footnotes", "akismet_", "dsq_", "duoshuo_", "publicize_", "jetpack_", "advanced_seo_",
               "rank_math_", "aktt_", "twitter_", "has_been_twittered", "email_notification_", "jabber_", "geo_",
               "hc_", "reblog_", "is_reblog", "timeline_notification", "enclosure", "sharing_disabled",
               "switch_like_status", "spay_", "wpcom_", "ocean_", "ast-", "astra-", "site-", "theme-",
               "stick-header", "slide_template", "rs_page_", "essb_", "mashsb_", "fifu_", "wpil_", "seo_", "keywords",
               "tve_", "yoast_", "_yoast")


# ACF 4 kept each field's definition in a field of its field group's post (type `acf`), under the field's key.
ACF_FIELD_KEY = re.compile(r"field_[0-9a-f]{13}")


# WooCommerce's prices of a product, private keys its page shows (`_price` is the one of these in force).
PRODUCT_PRICES = ("_regular_price", "_sale_price")
# Private keys of other plugins' types that their pages print: WP Job Manager's job's place, employer, salary, how to
# apply and closing day (`_job_location` = `Leeds`, `_application` = `jobs@example.org`), under every job listing.
PRINTED_PRIVATE_KEYS = {"product": PRODUCT_PRICES,
                        "job_listing": ("_job_location", "_company_name", "_company_tagline", "_company_website",
                                        "_job_salary", "_application", "_job_expires")}


def is_reader_key(key: str, post_type: str) -> bool:
    """Whether the key is one a reader's page may show: not private, or private but the type's own, or one its
    plugin prints (PRINTED_PRIVATE_KEYS)."""
    if key in PRINTED_PRIVATE_KEYS.get(post_type, ()):
        return True
    if not key.startswith("_"):
        return bool(key.strip()) and not key.startswith(PLUGIN_KEYS) and not ACF_FIELD_KEY.fullmatch(key)
    if post_type in BUILT_IN_TYPES or key.startswith("__"):
        return False
    return any(key[1:].startswith(prefix) for prefix in own_prefixes(post_type))


def reader_fields(post_type: str, meta: Mapping[str, str]) -> dict[str, str]:
    """The export's fields of the post whose keys a reader's page may show, in the export's order."""
    return {key: value for key, value in meta.items() if is_reader_key(key, post_type) and value.strip()}
