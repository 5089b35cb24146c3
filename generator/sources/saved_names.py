"""The names another API gives the fields of an object read as a REST post, kept for messages.

WooCommerce's products, The Events Calendar's events and WordPress.com's v1.1 posts are read as the posts
`/wp/v2/` would give (sources/woocommerce.py, tribe_events.py, wpcom_v1.py); a message about a field names it as the
saved file does (`date_created`, `url`, `URL`), which the user can find there, not as the REST post has it. The
reader puts the names under SAVED_AS in the post it makes; wp_json.RawItem takes them out and keeps them.
"""

from __future__ import annotations

SAVED_AS = "_saved_as"
