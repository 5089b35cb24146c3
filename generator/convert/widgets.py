"""Plugins' and themes' widgets in a post, which a mirror leaves out or keeps as text: tables of contents (the
build makes its own), screen-reader text, share bars, lists the live site made of its own posts, page builders'
site menus, cookie plugins' consent controls, forms' controls and auto-inserted keyword links."""

from __future__ import annotations

import re
from collections.abc import Callable

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import decompose_with_emptied, elements, has_class, may_contain, may_hold

PLUGIN_TOC_CLASSES = frozenset({
    "wp-block-rank-math-toc-block",  # Rank Math
    "ez-toc-container", "ez-toc-v2_0_17",  # Easy Table of Contents
    "toc_container",  # Table of Contents Plus
    "lwptoc",  # LuckyWP
    "wp-block-yoast-seo-table-of-contents",  # Yoast
    "simpletoc", "wp-block-simpletoc-toc",  # SimpleTOC
    # Block plugins' own, whose links lead to ids their script gives the headings (Spectra's): left as a list of
    # dead links under "Table Of Contents".
    "wp-block-uagb-table-of-contents",  # Spectra
    "wp-block-kadence-tableofcontents",  # Kadence Blocks
    "ub_table-of-contents",  # Ultimate Blocks
})
PLUGIN_TOC_IDS = frozenset({"rank-math-toc", "ez-toc-container", "toc_container"})
SCREEN_READER_CLASSES = frozenset({"sr-only", "screen-reader-text", "visually-hidden", "screen-reader-only",
                                   "visuallyhidden", "assistive-text", "element-invisible",
                                   # Elementor's: each social icon's name ("Facebook-f"), a carousel's "Previous"
                                   # and "Next", a form field's label its placeholder shows instead.
                                   "elementor-screen-only"})
# Elementor names each social icon after its glyph's class (`fab fa-facebook-f` → "Facebook-f", `fab fa-linkedin-in`
# → "Linkedin-in", JetKit's `jki jki-facebook-2-light` → "Jki-facebook-2-light"): the words that say which icon set
# drew it, and how (`-f`, `-square`, `-2-light`), are no part of the network's name, which the link shows.
SOCIAL_ICON_CLASSES = frozenset({"elementor-social-icon"})
ICON_SET = re.compile(r"^(?:jki|fa[bsrl]?|eicon|icofont|ti|bi|ri|lni|ion|icon)-", re.IGNORECASE)
GLYPH_VARIANT = re.compile(r"-(?:f|in|p|g|square|alt|official|circle|sign|plane|play|light|fill(?:ed)?|line|o|plain"
                           r"|solid|regular|rounded?|outline|\d+)$", re.IGNORECASE)
NETWORK_NAMES = {"linkedin": "LinkedIn", "youtube": "YouTube", "whatsapp": "WhatsApp", "tiktok": "TikTok",
                 "github": "GitHub", "gitlab": "GitLab", "soundcloud": "SoundCloud", "wordpress": "WordPress",
                 "x-twitter": "X", "google-plus": "Google+", "vk": "VK"}
SHARE_CLASSES = frozenset({"sharedaddy", "sd-sharing-enabled", "addtoany_share_save_container", "a2a_kit",
                           "heateor_sss_sharing_container", "shareaholic-canvas", "social-share",
                           "sharing-buttons", "jp-relatedposts", "et_social_inline",
                           "ctf-tweet-actions",  # Smash Balloon's Reply / Retweet / Like under each tweet of a feed
                           # Like and reaction buttons, whose counts were votes on the live site ("Happy 100 %"):
                           # WP ULike's, Booster Extension's (of many news themes), a theme's like button.
                           "wpulike", "booster-reactions-block", "vm-like-button",
                           # Share bars whose links go by their address (share_links.py) but whose counts and
                           # labels stayed ("12 SHARES", "7 Shares", "Share this:"): Mashshare's, Social Warfare's,
                           # Grow's (Mediavine), Simple Share Buttons Adder's, ShareThis', Easy Social Share Buttons'.
                           "mashsb-container", "swp_social_panel", "dpsp-content-wrapper", "ssba-wrap",
                           "sharethis-inline-share-buttons", "essb_links",
                           # Print Friendly & PDF's button, over or under every post ("Print Friendly, PDF & Email",
                           # a picture of the words from its CDN), which printed the live page, and BestWebSoft's
                           # PDF & Print's ("image_pdf", "image_print") and Facebook Button's ("Fb-Button", its
                           # picture linked to facebook.com, over 74 of 1,189 stories an aggregator republished).
                           "printfriendly", "pdfprnt-buttons", "fcbkbttn_buttons_block"})
# A cookie plugin's controls that a cookie policy shows, each acting on the consent the browser keeps for the live
# site: Complianz's button that opens its banner again and the status beside it ("Manage Consent  Current status:
# Accepted", the choice of whoever saved the page; `cmplz_revoke_link`, in its `cmplz-manage-consent-container`),
# Cookie Notice's "Revoke cookies" (`[cookies_revoke]`), GDPR Cookie Consent's "Cookie settings" (`[cookie_settings]`).
CONSENT_CONTROL_CLASSES = frozenset({"cmplz-manage-consent-container", "cc-revoke-custom", "cmplz-status-accepted",
                                     "cmplz-status-denied", "cn-revoke-cookie", "cli_settings_button"})
CONSENT_CONTROL_IDS = frozenset({"cmplz-manage-consent-container"})
# The estimate a plugin's filter puts before every post's text and excerpt ("Reading Time: < 1 minute"): Reading
# Time WP's (`rt-reading-time`, the older `span-reading-time`), Read Meter's, Booster Extension's and Yoast's. Not
# the author's words: it opened every post of a site and every summary on its cards ("Reading Time: 3 minutes She
# was a natural…").
READING_TIME_CLASSES = frozenset({"rt-reading-time", "span-reading-time", "bsf-rt-reading-time",
                                  "booster-read-block",  # Booster Extension's, of many news themes
                                  "yoast-reading-time__wrapper"})  # Yoast SEO's block
# WordPress's own widgets that list the site's posts, pages, terms, comments and menus, put into a page's text by a
# plugin that shows any widget by a shortcode (amr's `[do_widget]`, a magazine's author page: its tag cloud of 63
# tags) or a page builder's element of a widget (Elementor's `wp-widget-…`): as live as the blocks below. Not the
# text, HTML and picture widgets, which hold what the author wrote.
CORE_LISTING_WIDGETS = frozenset({
    *(f"widget_{name}" for name in ("recent_entries", "archive", "categories", "tag_cloud", "recent_comments",
                                    "calendar", "meta", "pages", "nav_menu")),
    *(f"elementor-widget-wp-widget-{name}" for name in ("recent-posts", "archives", "categories", "tag_cloud",
                                                         "recent-comments", "calendar", "meta", "pages",
                                                         "nav_menu"))})
# Blocks WordPress fills in when it shows the page (dynamic blocks), with lists the live site made of its own posts,
# pages, terms, menus and comments: REST content holds them as they stood that day, an export nothing; the mirror
# makes its own lists and menus. The RSS block lists another site's feed. Jetpack's Related Posts block saves only
# its heading, which Jetpack's list follows on the live page: in an export it stood over nothing ("More like this").
SITE_LISTING_CLASSES = frozenset({"wp-block-latest-posts", "wp-block-query", "wp-block-archives", "wp-block-categories",
                                  "wp-block-latest-comments", "wp-block-page-list", "wp-block-tag-cloud",
                                  "wp-block-calendar", "wp-block-navigation", "wp-block-loginout",
                                  "wp-block-jetpack-related-posts", *CORE_LISTING_WIDGETS})
# A page builder's menu widget: the site's own menu, drawn into a page laid out on a blank canvas (its copy for phones,
# its logo, its toggle and its close button "X" inside it), which the live site's script opened and closed. Its links
# lead to the live site's pages; the mirror has its own navigation, and the page's table of contents.
SITE_MENU_CLASSES = frozenset({"elementor-widget-nav-menu",  # Elementor Pro
                               "elementor-widget-n-menu",  # Elementor Pro's newer Menu widget (`mega-menu`)
                               "elementor-widget-ekit-nav-menu",  # ElementsKit
                               "hfe-nav-menu",  # Elementor Header & Footer Builder
                               "elementor-widget-jkit_nav_menu", "jkit-nav-menu",  # Jeg Elementor Kit
                               "et_pb_menu", "et_pb_fullwidth_menu"})  # Divi's menu modules
# A news theme's heading module, a block of its own right before a list of posts or a feed it titles (JNews' Heading
# element over Feedzy's list of another site's feed: "اخبار محلية", local news), which stood over nothing once the
# list went. JNews' own post blocks hold theirs, and it goes with them.
LISTING_HEADING_CLASSES = frozenset({"jeg_block_heading"})
# The RSS block and widget, and Feedzy's lists of another site's feed items (its shortcode's and its block's: their
# titles, pictures, dates and first words), which a news site's front page may be made of.
FEED_CLASSES = frozenset({"wp-block-rss", "feedzy-rss", "widget_rss", "elementor-widget-wp-widget-rss"})
# A Query Loop block's parts that WordPress fills in when it shows the page: the posts (its post template), its
# pager, its "no results" words, the archive's title and count. The author may put blocks of their own in it
# beside them (a FAQ after the list of posts, in a Hindi tech news site's post), which the live page showed.
QUERY_CLASSES = frozenset({"wp-block-query"})
QUERY_LIVE_CLASSES = frozenset({"wp-block-post-template", "wp-block-query-pagination", "wp-block-query-no-results",
                                "wp-block-query-title", "wp-block-query-total"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# The boxes of related posts a plugin or a news theme puts into the text itself, by the_content's filter (under it,
# or between two paragraphs: "Related Posts:", "Baca Juga", "مقالات مرتبط"): each is a list the live site chose of
# its own posts that day, by tags or views, with their pictures, titles and the box's arrows. Contextual Related
# Posts', YARPP's, Related Posts for WordPress', Related Posts Thumbnails', Related Posts by Taxonomy's, WordPress
# Related Posts', and the inline boxes of news themes: JNews', Publisher's, Soledad's (`penci-ilrltpost-insert`,
# "Relacionadas"), tagDiv Newspaper's. In a mirror it stood as a heading and a list inside the story. So does the
# box a Vietnamese news site's editor puts between paragraphs (`medium-insert-insertrelatenews`, "CÓ THỂ BẠN QUAN
# TÂM": you may be interested), pasted with each article a sports site copied from it (14 of its 55 posts).
RELATED_POSTS_CLASSES = frozenset({"crp_related", "yarpp-related", "rp4wp-related-posts", "relpost-thumb-wrapper",
                                   "rpbt_shortcode", "wp_rp_wrap", "jnews_inline_related_post_wrapper",
                                   "jnews_inline_related_post", "bs-irp", "penci-ilrltpost-insert",
                                   "penci-ilrltpost-beaf", "penci-inline-related-posts", "td_block_related_posts",
                                   "medium-insert-insertrelatenews"})
# Jannah's box of related posts, which it puts between two paragraphs of a post's text ("Related Articles", four
# cards): 387 of a Nigerian tech blog's 443 posts held it in the middle of their text.
RELATED_POSTS_IDS = frozenset({"inline-related-post"})
# tagDiv's blocks (Newspaper's, Newsmag's `td_block_wrap`) that list the site's posts, each post one of its modules
# (`td_module_2`, `td_module_flex_1`, `td_module_mx5`), of which a page laid out with tagDiv Composer is made ("Bài
# viết mới nhất", the latest posts, in a column beside a contact page's text). The same wrapper holds the author's
# own text and HTML blocks, which list no module and stay.
TAGDIV_BLOCKS = frozenset({"td_block_wrap"})
TAGDIV_MODULE = re.compile(r"td_module_\w+")
# tagDiv's title module, a block of its own right before one of those lists ("Latest blog posts" over a spa's posts
# in its footer's page), which stood over nothing once the list went.
TAGDIV_TITLE_CLASSES = frozenset({"tdm_block_column_title"})
# Page builders' and block plugins' own widgets listing the site's posts (their titles, dates, authors, excerpts
# and "Read more" links), which the live site fills in whenever it shows the page, as it fills the blocks above:
# Elementor's Posts, Archive Posts and Loop Grid and the addons' post grids (Premium Addons, Essential Addons,
# Ultimate Addons, JetElements), Divi's Blog module, Beaver Builder's post grid, slider and carousel, Spectra's and
# Kadence's post blocks, Newspack's (the news sites' platform) homepage articles and carousel, Thrive Architect's
# Post List and its WooCommerce shop (a Vietnamese shop's page of advice ending in its products and its latest
# posts, with their prices, stars and authors' pictures), and the JNews news theme's post blocks (`jeg_postblock_2`…,
# of which its front pages are built: each a heading and the cards of its latest posts). A crawl saved the
# list of that day: a page whose only content was a driving school's "Blogs" list showed the cards of the posts it
# listed that day, which the mirror lists itself.
BUILDER_LISTING_CLASSES = frozenset({
    "elementor-widget-posts", "elementor-widget-archive-posts", "elementor-widget-loop-grid",
    "elementor-widget-loop-carousel", "elementor-widget-premium-addon-blog", "elementor-widget-eael-post-grid",
    "elementor-widget-uael-posts", "elementor-widget-jet-posts",
    "et_pb_posts", "et_pb_blog_grid_wrapper",
    "fl-module-post-grid", "fl-module-post-slider", "fl-module-post-carousel",
    "wp-block-uagb-post-grid", "wp-block-uagb-post-carousel", "wp-block-kadence-posts",
    "wp-block-newspack-blocks-homepage-articles", "wp-block-newspack-blocks-carousel",
    "tcb-post-list", "tcb-woo-shop",
    "jeg_postblock",
})
# The links WordPress's paginate_links() writes under a list of posts ("1 2 … 9 Next »"), each of class
# `page-numbers`: a theme's or builder's own listing inside a page (a blog grid shortcode, a portfolio) carries its
# pager, whose links lead to the live list's next pages (`/blog/page/2/`, in a crawl of the API even
# `/wp-json/wp/v2/pages/634/page/2/`), which the mirror has not got: it makes its own lists. A page number, an arrow
# or "Next »" is a few characters.
PAGER_CLASSES = frozenset({"page-numbers"})
PAGER_WORDS = 24
PAGER_NEVER = frozenset({"img", "picture", "video", "iframe", "table"})  # what no pager holds: a card, a picture
# What holds a pager's links and is left empty without them: its list, the theme's `nav` and `div` around it.
PAGER_HOLDERS = frozenset({"ul", "ol", "li", "div", "nav", "p", "span"})
# The "+" or chevron a collapsible section's heading shows, as its script opens it (WordPress 6.9's accordion
# block): drawn for the eye only (`aria-hidden`), and in the heading's text it would end the title ("Hours?+").
TOGGLE_ICON_CLASSES = frozenset({"wp-block-accordion-heading__toggle-icon"})
# What a filterable gallery's or portfolio's buttons hold, Isotope's and MixItUp's selector of the items they
# show (`data-filter=".web-design"`, `"*"` or `"all"` for every item), as themes and Essential Addons write them.
FILTER_ATTRIBUTE = frozenset({"data-filter"})
FILTER_SELECTOR = re.compile(r"\s*(?:\*|all|\.[\w-].*)\s*", re.IGNORECASE | re.DOTALL)
# The containers such buttons leave empty, which go with them.
FILTER_HOLDERS = frozenset({"ul", "ol", "li", "div", "nav", "p", "span"})
# An icon font's glyphs sit in Unicode's Private Use Area (Elementor's star U+E934, Font Awesome's U+F005): without
# the site's font, which the mirror does not load, each shows as an empty box.
ICON_GLYPHS = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]")
# Slider Revolution's box for a slider it cannot find ("There is nothing to show here! Slider with alias home-4 not
# found."): its script hides it from visitors, but REST content holds it, and the mirror runs no script.
PLUGIN_ERROR_CLASSES = frozenset({"rs_error_message_box"})
# A form's spam traps, fields its style sheet hides from people so that only robots fill them: WPForms' honeypot,
# Gravity Forms' ("This field is for validation purposes and should be left unchanged."), Formidable's ("If you
# are human, leave this field blank."), Akismet's in Contact Form 7 and Jetpack forms (a label "Δ"). Their labels
# ("Email", "Comments") showed in the mirror as fields of the form that no one saw.
FORM_TRAP_CLASSES = frozenset({"wpforms-field-hp", "gform_validation_container", "frm_verify",
                               "akismet-fields-container"})
# The answers a form's script shows once it is sent, kept hidden by the theme's stylesheet until then: Avada's
# ("Your message was sent", "There was an error trying to send your message"), which ended a Vietnamese estate
# site's pages as their last two paragraphs. Gone with their words, as the traps are.
FORM_NOTICE_CLASSES = frozenset({"form-submission-notices", "fusion-form-response"})
# What a form hides with its own style is a trap too (MC4WP's "Leave this field empty if you're human", Mailchimp's
# field placed at `left: -5000px`), or a message its script shows once it is sent ("Thank you!"), or a step not
# reached yet: none of it is a reader's to see, and the mirror cannot send the form.
FORM_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top)\s*:\s*-\d{4,}px",
                               re.IGNORECASE)
# A form's request to turn JavaScript on, in the language of the site (WPForms' "Please enable JavaScript in your
# browser to complete this form.", its <noscript> copy left bare where a page builder's copy stripped its box):
# a short line that names JavaScript, which only made sense on the original site.
SCRIPT_NOTICE = re.compile(r"javascript", re.IGNORECASE)
SCRIPT_NOTICE_LENGTH = 160
# A form's check that a person sends it: Divi's sum (`<span class="et_pb_contact_captcha_question">4 + 10</span> =`,
# new digits at each visit, so a sync saw the page changed every time), Really Simple CAPTCHA's picture, a captcha
# plugin's question. Nothing to answer offline; with the "=" or "?" it leaves, it goes.
CAPTCHA_CLASS = re.compile(r"captcha", re.IGNORECASE)
CAPTCHA_LEFTOVER = re.compile(r"[\s=?:*]*")
CAPTCHA_NODES = 40
FORM_WRAPPER_CLASSES = frozenset({"wpcf7"})  # a form plugin's box around its <form> and the form's messages
# A form that asks for a password signs a member in (or up): a membership plugin's wall in place of a post's text
# (ARMember's "Please Log In", "* Email Address", "* Password", "Remember me", "Forgot Password?", which ended two
# of a film site's posts and made its login page), WooCommerce's account form. Its words are the site's doors, not
# the post's; a mirror has no members, so the form goes whole. A protected post's password form never reaches here
# (such posts are not imported unless asked for, see importer.py).
SIGN_IN_FIELD = {"type": re.compile(r"\A\s*password\s*\Z", re.IGNORECASE)}
# Auto-inserted keyword links point at whatever the plugin chose, not at what the author wrote.
KEYWORD_LINK_CLASSES = frozenset({"wpil_keyword_link", "ilj-link", "internal-link-juicer"})
# Hatena Blog and Hatena Diary linked every word their dictionary knew to its keyword page (`<a class="keyword"
# href="http://d.hatena.ne.jp/keyword/jdk">`), in code listings and halfway through words too ("[ディレクト](…)リ");
# posts moved from Hatena to WordPress keep them. Only such a class on a link to that dictionary is one.
HATENA_KEYWORD_CLASSES = frozenset({"keyword", "okeyword"})
HATENA_KEYWORD_PAGE = re.compile(r"(?:https?:)?//d\.hatena\.ne\.jp/keyword/", re.IGNORECASE)


def drop_plugin_toc(soup: BeautifulSoup, ctx: Context) -> None:
    _drop_marked(soup, ctx, PLUGIN_TOC_CLASSES, loss.PLUGIN_TOC, PLUGIN_TOC_IDS)


def drop_plugin_errors(soup: BeautifulSoup, ctx: Context) -> None:
    """A plugin's message to the site's editors that something it shows is missing; noted with its words, which
    name what was missing."""
    _drop_marked(soup, ctx, PLUGIN_ERROR_CLASSES, loss.PLUGIN_ERROR, said=True)


def drop_screen_reader_text(soup: BeautifulSoup, ctx: Context) -> None:
    """Text such as " (opens in a new tab)" is for screen readers on the original site only. In a link that
    shows only an icon (a social links block's `<svg>` and `<span class="screen-reader-text">Mastodon</span>`)
    it was the link's name: it stays as the link's label, which name_icon_links writes."""
    if not may_hold(soup, SCREEN_READER_CLASSES):
        return
    named = [(link, tag.get_text(" ", strip=True)) for tag in elements(soup) if has_class(tag, SCREEN_READER_CLASSES)
             and (link := tag.find_parent("a")) is not None and not link.get("aria-label") and not link.get("title")]
    _drop_marked(soup, ctx, SCREEN_READER_CLASSES, loss.SCREEN_READER, said=True, keep=_says_what_glyphs_show)
    for link, words in named:
        # A link that is screen-reader text itself (`<a class="sr-only">`) went with it.
        if words and not link.__dict__.get("_decomposed") and not link.get_text(strip=True):
            link["aria-label"] = social_icon_name(words) if has_class(link, SOCIAL_ICON_CLASSES) else words


def social_icon_name(words: str) -> str:
    """The network an Elementor social icon's name (see SOCIAL_ICON_CLASSES) stands for; a name of several words
    is one the editor typed, and stays."""
    name = words.strip()
    if " " in name:
        return words
    name = ICON_SET.sub("", name)
    while (shorter := GLYPH_VARIANT.sub("", name)) != name and shorter:
        name = shorter
    return NETWORK_NAMES.get(name.lower()) or name.replace("-", " ").capitalize()


def _says_what_glyphs_show(tag: Tag) -> bool:
    """Screen-reader text beside icon-font glyphs (an Elementor star rating's "4.8/5" after its stars drawn in
    the site's font) says what they showed, which the mirror cannot: it stays, as drop_icon_glyphs expects."""
    return tag.parent is not None and ICON_GLYPHS.search(tag.parent.get_text()) is not None


def drop_share_widgets(soup: BeautifulSoup, ctx: Context) -> None:
    _drop_marked(soup, ctx, SHARE_CLASSES, loss.SHARE_WIDGET)


def drop_consent_controls(soup: BeautifulSoup, ctx: Context) -> None:
    """A mirror keeps no consent and shows no banner: the policy's text stays, its controls go."""
    _drop_marked(soup, ctx, CONSENT_CONTROL_CLASSES, loss.CONSENT_CONTROL, CONSENT_CONTROL_IDS, said=True)


def drop_reading_times(soup: BeautifulSoup, ctx: Context) -> None:
    _drop_marked(soup, ctx, READING_TIME_CLASSES, loss.READING_TIME)


def drop_site_listings(soup: BeautifulSoup, ctx: Context) -> None:
    """Latest posts, a query loop, archives, categories…, as a REST response rendered them; as an export
    gives the same post, which holds only the blocks' names. So do page builders' and tagDiv's lists of posts, and
    the boxes of related posts that plugins and news themes put into the text."""
    _open_query_loops(soup, ctx)
    listings = SITE_LISTING_CLASSES | BUILDER_LISTING_CLASSES | RELATED_POSTS_CLASSES
    headings = _headings_over(soup, listings | FEED_CLASSES) + _tagdiv_titles(soup)
    _drop_marked(soup, ctx, listings, loss.LIVE_LISTING, RELATED_POSTS_IDS)
    _drop_marked(soup, ctx, TAGDIV_BLOCKS, loss.LIVE_LISTING, keep=_lists_no_tagdiv_posts)
    _drop_marked(soup, ctx, FEED_CLASSES, loss.LIVE_FEED)
    for heading in headings:
        heading.decompose()
    _drop_related_counts(soup, ctx)


def _tagdiv_titles(soup: BeautifulSoup) -> list[Tag]:
    """tagDiv's title modules right before one of its blocks of posts, which they title alone."""
    if not may_hold(soup, TAGDIV_TITLE_CLASSES):
        return []
    return [before for block in elements(soup) if has_class(block, TAGDIV_BLOCKS) and not _lists_no_tagdiv_posts(block)
            and (before := _block_before(block)) is not None and has_class(before, TAGDIV_TITLE_CLASSES)]


def _lists_no_tagdiv_posts(block: Tag) -> bool:
    return not any(TAGDIV_MODULE.fullmatch(name) for tag in elements(block) for name in tag.get("class") or ())


# ESPN's articles hold a box of related stories between two paragraphs, headed by their count and "Related"; a
# site that copied an article (a news aggregator's 800, 264 of them with one) kept the box's words as a paragraph
# of their own, "2 Related", its links lost. A paragraph of nothing else is that box's head: no sentence reads so.
RELATED_COUNT = re.compile(r"\s*\d{1,2} Related\s*")


def _drop_related_counts(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_contain(soup, " Related"):
        return
    for paragraph in [p for p in elements(soup, "p") if RELATED_COUNT.fullmatch(p.get_text())]:
        if paragraph.find(["a", "img"]) is None:
            paragraph.decompose()
            ctx.losses.note(loss.LIVE_LISTING)


def _headings_over(soup: BeautifulSoup, listings: frozenset[str]) -> list[Tag]:
    """The headings that stand right before a listing about to go, with nothing between, and title nothing else:
    the listing's own title, which stood alone over nothing once it went. A news theme's heading module
    (LISTING_HEADING_CLASSES) titles its block alone; an author's heading over one of WordPress's listing blocks,
    only where nothing of its own follows the listings under it (see _titles_only), and then a rule over it goes
    too where it would be left at the end of the text or over another rule."""
    if not may_hold(soup, LISTING_HEADING_CLASSES | SITE_LISTING_CLASSES | FEED_CLASSES):
        return []
    found: dict[int, Tag] = {}
    for tag in elements(soup):
        if not has_class(tag, listings) or (before := _block_before(tag)) is None:
            continue
        if has_class(before, LISTING_HEADING_CLASSES):
            found[id(before)] = before
        elif has_class(tag, SITE_LISTING_CLASSES | FEED_CLASSES) and before.name in HEADINGS \
                and _titles_only(before, after := _after_listings(tag, listings)):
            found[id(before)] = before
            rule = _block_before(before)
            if rule is not None and rule.name == "hr" and (after is None or _is_rule(after)):
                found[id(rule)] = rule
    return list(found.values())


def _titles_only(heading: Tag, after: PageElement | None) -> bool:
    """Whether an author's heading right before a listing titles it alone: after the listing, and any listings
    right after it, come a heading of its level or above, a rule, or the end of the text ("Что говорят соседи"
    over a residents' site's Latest Comments block, a rule, then "Публикации" over its Latest Posts)."""
    if after is None or _is_rule(after):
        return True
    return isinstance(after, Tag) and after.name in HEADINGS and after.name <= heading.name


def _is_rule(node: PageElement) -> bool:
    return isinstance(node, Tag) and node.name == "hr"


def _after_listings(listing: Tag, listings: frozenset[str]) -> PageElement | None:
    """What follows a listing and any listings right after it: an element, words, or None at the end of the text."""
    after = _node_after(listing)
    while isinstance(after, Tag) and has_class(after, listings):
        after = _node_after(after)
    return after


def _node_after(tag: Tag) -> PageElement | None:
    """The element or words just after `tag`, or after the outermost of its holders that it closes; None at the end
    of the text."""
    node = tag
    while True:
        after = node.next_sibling
        while isinstance(after, NavigableString) and not after.strip():
            after = after.next_sibling
        if after is not None:
            return after
        if node.parent is None or node.parent.parent is None:
            return None
        node = node.parent


def _block_before(tag: Tag) -> Tag | None:
    """The element just before `tag`, or before the outermost of its holders that it opens (a builder's column and
    wrapper around a shortcode's list); None where words come between."""
    node = tag
    while True:
        before = node.previous_sibling
        while isinstance(before, NavigableString) and not before.strip():
            before = before.previous_sibling
        if before is not None or node.parent is None or node.parent.parent is None:
            return before if isinstance(before, Tag) else None
        node = node.parent


def _open_query_loops(soup: BeautifulSoup, ctx: Context) -> None:
    """A Query Loop that holds blocks of the author's beside its live parts loses only those parts, and its box:
    what the author wrote in it stays. One that holds nothing else, or only a heading over its posts ("Latest
    news"), goes whole with the other listings."""
    if not may_hold(soup, QUERY_CLASSES):
        return
    for query in elements(soup):
        if not has_class(query, QUERY_CLASSES) or not _holds_own_blocks(query):
            continue
        for part in [tag for tag in query.find_all(True) if has_class(tag, QUERY_LIVE_CLASSES)]:
            if not part.__dict__.get("_decomposed"):  # not inside a part taken out before it
                ctx.losses.note(loss.LIVE_LISTING)
                part.decompose()
        query.unwrap()


def _holds_own_blocks(tag: Tag) -> bool:
    """Whether `tag` holds words outside headings, or a picture, that are not in a Query Loop's live parts."""
    for child in tag.children:
        if isinstance(child, Tag):
            if has_class(child, QUERY_LIVE_CLASSES) or child.name in HEADINGS:
                continue
            if child.name == "img" or _holds_own_blocks(child):
                return True
        elif type(child) is NavigableString and child.strip():  # words, not a comment
            return True
    return False


def drop_site_menus(soup: BeautifulSoup, ctx: Context) -> None:
    """Each menu's words are kept aside, for the summary that holds them (summary_menus)."""
    _drop_marked(soup, ctx, SITE_MENU_CLASSES, loss.SITE_MENU, words=ctx.menu_words)


def drop_listing_pagers(soup: BeautifulSoup, ctx: Context) -> None:
    """A live list's pager (see PAGER_CLASSES) goes with the holders it leaves empty, noted once per pager. They
    are taken out last first: each leaves its holder's later children where they were (a pager's links taken out
    in order, each moving every link after it, took time growing with the square of their number)."""
    if not may_hold(soup, PAGER_CLASSES):
        return
    known: dict[int, bool] = {}
    tops: dict[int, Tag] = {}
    pagers = {id(top): top for top in (_outermost(tag, known, tops) for tag in elements(soup) if _is_pager_link(tag))}
    for pager in reversed(pagers.values()):
        ctx.losses.note(loss.LISTING_PAGER)
        pager.decompose()


def _outermost(tag: Tag, known: dict[int, bool], tops: dict[int, Tag]) -> Tag:
    """`tag`, or the outermost of its holders that hold nothing but a pager (memoized in `tops`)."""
    climbed = []
    while id(tag) not in tops and tag.parent is not None and tag.parent.parent is not None \
            and _pager_only(tag.parent, known):
        climbed.append(tag)
        tag = tag.parent
    top = tops.get(id(tag), tag)
    for below in (*climbed, tag):
        tops[id(below)] = top
    return top


def _is_pager_link(tag: Tag) -> bool:
    """A page number, an arrow or "Next »" of paginate_links(), or the list it writes them in."""
    if not has_class(tag, PAGER_CLASSES) or any(inner.name in PAGER_NEVER for inner in tag.descendants
                                                  if isinstance(inner, Tag)):
        return False
    return tag.name in ("ul", "ol") or (tag.name in ("a", "span") and len(tag.get_text(strip=True)) <= PAGER_WORDS)


def _pager_only(tag: Tag, known: dict[int, bool]) -> bool:
    """Whether `tag` holds nothing but a pager's links: no words and no element of its own (memoized in `known`,
    so that a holder of many links is looked through once)."""
    if id(tag) not in known:
        known[id(tag)] = _is_pager_link(tag) or (tag.name in PAGER_HOLDERS and all(
            _pager_only(child, known) if isinstance(child, Tag) else not str(child).strip()
            for child in tag.children))
    return known[id(tag)]


def drop_toggle_icons(soup: BeautifulSoup, ctx: Context) -> None:
    """The mirror shows a collapsible section open: its toggle's icon goes, and nothing of the text with it."""
    if not may_hold(soup, TOGGLE_ICON_CLASSES):
        return
    for tag in elements(soup):
        if has_class(tag, TOGGLE_ICON_CLASSES):
            tag.decompose()


def drop_filter_controls(soup: BeautifulSoup, ctx: Context) -> None:
    """A filterable gallery's buttons ("All / Web Design / Logo Design") showed the items of one category at a
    time, by script; in the mirror every item shows, and they are words that do nothing, repeated over each
    grid. They go, with the list or row they leave empty. One that links somewhere (a category's page) stays."""
    if not may_hold(soup, attributes=FILTER_ATTRIBUTE):
        return
    for tag in elements(soup):
        selector = tag.get("data-filter")
        if not isinstance(selector, str) or not FILTER_SELECTOR.fullmatch(selector):
            continue
        # A button holds a word or two; an element with a picture or a sentence in it is none.
        if tag.find(("img", "picture", "video", "iframe", "table")) is not None or len(tag.get_text(strip=True)) > 40:
            continue
        if tag.name == "a" and tag.get("href", "").strip().strip("#") and not tag["href"].startswith("javascript:"):
            continue
        decompose_with_emptied(tag, FILTER_HOLDERS)


def drop_icon_glyphs(soup: BeautifulSoup, ctx: Context) -> None:
    """An element that shows nothing but icon-font glyphs (an Elementor star rating's `<i>&#xE934;</i>`, a link's
    `<i class="fa">&#xf09a;</i>`) loses them; what names it stays (the rating's "4.8/5", a link's aria-label).
    Glyphs among words are left alone: a character of a private font written into a sentence may be its word; so is
    code, whose every character is what was written (a listing's line of one such character lost its code block)."""
    if not ICON_GLYPHS.search(soup.get_text()):
        return
    for node in soup.find_all(string=ICON_GLYPHS):
        holder = node.parent
        if holder is not None and not ICON_GLYPHS.sub("", holder.get_text()).strip() \
                and node.find_parent(("pre", "code")) is None:
            node.replace_with(NavigableString(ICON_GLYPHS.sub("", node)))


def _drop_marked(soup: BeautifulSoup, ctx: Context, classes: frozenset[str], kind: str,
                 ids: frozenset[str] = frozenset(), said: bool = False,
                 keep: Callable[[Tag], bool] = lambda tag: False, words: list[tuple[str, ...]] | None = None) -> None:
    """Drops every tag with one of `classes` or `ids` but those `keep` keeps, noting each as a loss of `kind`
    (with its words, if `said`), and its words in `words`, where given."""
    if not may_hold(soup, classes, ids):
        return
    for tag in elements(soup):
        if (has_class(tag, classes) or tag.get("id") in ids) and not keep(tag):
            ctx.losses.note(kind, tag.get_text(" ", strip=True) if said else "")
            if words is not None:
                words.append(tuple(tag.get_text(" ").split()))
            tag.decompose()


# What a browser starts on a line of its own: a break right after one, or first in one, ends an empty line.
LINE_HOLDERS = frozenset({"p", "div", "li", "dt", "dd", "td", "th", "form", "fieldset", "section", "article",
                          "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "ul", "ol",
                          "table", "tr", "header", "footer", "aside", "nav", "main", "address", "details", "summary",
                          "pre", "hr"})
EMPTY_INLINE = frozenset({"span", "label", "strong", "b", "em", "i"})  # a control's wrapper, left empty


def drop_forms(soup: BeautifulSoup, ctx: Context) -> None:
    """A mirror cannot submit anything; a form's visible text is kept, its controls are not. A select's
    choices, in a form or not (a shop's sorting and filters), are text a reader needs, in the line of its
    label: `a / b / c`, never run together. A control goes as the space it took between the labels around it
    (`<label>Name *</label><input><label>Phone *</label>`, as a page builder's copy of a form keeps them). What
    the form hides from people (FORM_TRAP_CLASSES, FORM_HIDDEN_STYLE) goes with its words, and so does its
    request to turn JavaScript on (SCRIPT_NOTICE). A form to sign in (SIGN_IN_FIELD) goes whole."""
    for select in elements(soup, "select"):
        choices = [o.get_text(" ", strip=True) for o in select.find_all("option") if o.get("value", "x") != ""]
        select.replace_with(f" {' / '.join(c for c in choices if c)} ")
    for form in elements(soup, "form"):
        if form.find("input", attrs=SIGN_IN_FIELD) is not None:
            ctx.losses.note(loss.FORM, form.get("action", ""))
            form.decompose()
    for form in [*elements(soup, "form"), *_forms_stripped(soup)]:
        ctx.losses.note(loss.FORM, form.get("action", ""))
        for part in elements(form):
            if (has_class(part, FORM_TRAP_CLASSES) or has_class(part, FORM_NOTICE_CLASSES)
                    or FORM_HIDDEN_STYLE.search(part.get("style") or "")):
                part.replace_with(" ")
            elif any(CAPTCHA_CLASS.search(name) for name in part.get_attribute_list("class", []) or ()):
                _empty(_captcha_line(part, form))
        for notice in form.find_all(string=SCRIPT_NOTICE):
            if len(notice.strip()) < SCRIPT_NOTICE_LENGTH:
                notice.replace_with(" ")
        for control in elements(form, "input", "textarea", "button"):
            control.replace_with(ControlSpace(" "))
        for br in elements(form, "br"):
            if _ends_empty_line(br):
                br.decompose()
        for space in form.find_all(string=lambda text: isinstance(text, ControlSpace)):
            space.replace_with(" ")  # the converter writes plain strings only
        form.name = "div"


def _captcha_line(captcha: Tag, form: Tag) -> Tag:
    """The captcha with the label it is in ("Type the letters you see", Contact Form 7's), and the elements around
    it inside `form` that show nothing else but its leftovers (CAPTCHA_LEFTOVER: Divi's "=", a question mark, a
    required field's star) and controls."""
    line = next((parent for parent in captcha.parents if parent is form or parent.name == "label"), form)
    line = captcha if line is form else line
    while isinstance(line.parent, Tag) and line.parent is not form and _only_leftovers(line.parent, line):
        line = line.parent
    return line


def _empty(tag: Tag) -> None:
    """`tag` made a space in place (replacing each of many in a long line would search the line each time); a
    picture or a field, which holds nothing, is made a span to hold it."""
    if not tag.contents:
        tag.name = "span"
    tag.attrs = {}
    tag.clear()
    tag.append(" ")


def _only_leftovers(parent: Tag, line: Tag) -> bool:
    """Whether `parent` shows nothing but `line` and CAPTCHA_LEFTOVER, in a few nodes (CAPTCHA_NODES) as a captcha's
    line has: a look at a long paragraph stops there, so that many captchas in one are not each read to its end."""
    count = 0
    for node in parent.descendants:
        count += 1
        if count > CAPTCHA_NODES:
            return False
        if isinstance(node, NavigableString) and not CAPTCHA_LEFTOVER.fullmatch(node) and not _inside(node, line):
            return False
    return True


def _inside(node: NavigableString, tag: Tag) -> bool:
    return any(parent is tag for parent in node.parents)


def _forms_stripped(soup: BeautifulSoup) -> list[Tag]:
    """Contact Form 7's wrappers that hold their form's labels and fields but no `<form>`, which WordPress
    strips from the content of an author who may not post unfiltered HTML: the form they held."""
    if not may_hold(soup, FORM_WRAPPER_CLASSES):
        return []
    return [tag for tag in elements(soup, "div")
            if has_class(tag, FORM_WRAPPER_CLASSES) and tag.find("form") is None]


class ControlSpace(NavigableString):
    """The space a form's control took, told from a space the author typed."""


def _ends_empty_line(br: Tag) -> bool:
    """Whether a break in a form ends a line that showed nothing but a control, or opens its block. wpautop
    breaks the line after each control that a form's HTML put on a line of its own (a theme's search form
    saved in an export, its checkboxes in `<li><label><input>`): with the controls gone, each such break
    would be an empty line, a backslash alone on its line in Markdown, or a list item opening on one. An
    empty line the author made between two lines of words (`Phone<br><br>Note`) stays."""
    node: Tag = br
    control = False
    while True:
        before = node.previous_sibling
        while _shows_nothing(before):
            control = control or isinstance(before, ControlSpace) or (
                isinstance(before, Tag) and before.find(string=lambda s: isinstance(s, ControlSpace)) is not None)
            before = before.previous_sibling
        if before is None:
            if node.parent is None or node.parent.name in LINE_HOLDERS:
                return True
            node = node.parent
            continue
        return control and isinstance(before, Tag) and (before.name == "br" or before.name in LINE_HOLDERS)


def _shows_nothing(node: object) -> bool:
    """White space, or an inline element left empty but for it (a control's wrapper)."""
    if isinstance(node, NavigableString):
        return not node.strip()
    return (isinstance(node, Tag) and node.name in EMPTY_INLINE and not node.get_text(strip=True)
            and node.find(True) is None)


def unwrap_keyword_links(soup: BeautifulSoup, ctx: Context) -> None:
    if ctx.keep_keyword_links or not may_hold(soup, KEYWORD_LINK_CLASSES | HATENA_KEYWORD_CLASSES):
        return
    for tag in elements(soup, "a"):
        if is_keyword_link(tag):
            tag.unwrap()


def is_keyword_link(tag: Tag) -> bool:
    """Whether a link is one a plugin or a blog service inserted by keyword."""
    if has_class(tag, KEYWORD_LINK_CLASSES):
        return True
    return has_class(tag, HATENA_KEYWORD_CLASSES) and bool(HATENA_KEYWORD_PAGE.match(tag.get("href", "").strip()))
