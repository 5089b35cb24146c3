"""One WordPress REST item (a post of any type, or a term) to the content format."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert import shortcodes
from generator.convert.addresses import absolute, as_browsers_read, host_of, page_address
from generator.convert.built_locally import local_and_public_homes
from generator.convert.bylines import byline
from generator.convert.cleanup import WHITESPACE
from generator.convert.context import Context, Losses, Media, Settings
from generator.convert.control_chars import readable, readable_item
from generator.convert.copy_excerpts import automatic
from generator.convert.custom_fields import with_fields
from generator.convert.document import Document, Image, Source, Term
from generator.convert.feed_dates import feed_date, named_offset
from generator.convert.fragment_text import shown_text, simple_text
from generator.convert.latex import latex_in_text
from generator.convert.local_copies import local_copy_of
from generator.convert.markdown import INVISIBLE, html_to_markdown
from generator.convert.mojibake import repaired
from generator.convert.multilingual import Languages, post_in_language
from generator.convert.post_language import post_language, post_translations
from generator.convert.relative_links import relative_links
from generator.convert.short_descriptions import with_short_description
from generator.convert.sized_featured import sized_featured_url
from generator.convert.slugs import safe_slug
from generator.convert.stand_in_dates import date_stand_in
from generator.convert.stripped_breaks import restored_breaks
from generator.convert.summary_lead import without_dropped_lead
from generator.convert.summary_menus import without_menu_words
from generator.convert.summary_spaces import spaced_as_shown
from generator.convert.summary_unseen import without_unseen_words
from generator.convert.unlikely import (address_problem, date_problem, id_problem, is_term_object,
                                        reference_problems, term_list_problems, term_names)
from generator.convert.widgets import READING_TIME_CLASSES, SCREEN_READER_CLASSES
from generator.convert.wp_render import render_content, rendered, rendered_media
from generator.sources import coauthors
from generator.sources.site_clues import seo_said
from generator.sources.wxr_items import SYNTHETIC_BASE, slug_of
from generator.problems import ItemError, quoted

# What follows a taxonomy's prefix in class_list where it names no slug: a term's id (`category-26`), or what is left
# of a slug in another script once its escapes are dropped (`tag-----6-`), which no slug is (WordPress's slugs
# neither start nor end with a dash, nor hold two in a row).
NO_SLUG_CLASS = re.compile(r"[0-9]+|-.*|.*-|.*--.*", re.DOTALL)
# REST field names of the two built-in taxonomies, and the class_list prefix WordPress gives each.
BUILTIN_REST_KEYS = {"categories": "category", "tags": "post_tag"}
CLASS_PREFIX = {"category": "category-", "post_tag": "tag-"}
# Post types and taxonomies name folders of the content and the site: WordPress keeps them to at
# most 20 (types) or 32 (taxonomies) characters of lowercase letters, digits, - and _.
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
SEO_TERM_KEYS = {"category": "articleSection", "post_tag": "keywords"}  # schema.org's names for them
SLUG_DROPPED = re.compile(r"[^a-z0-9 _-]")
SLUG_DASHES = re.compile(r"[\s-]+")
META_AUTHOR = re.compile(r"""<meta name=\\?["']author\\?["'] content=\\?["']([^"'<>\\]{1,300})""")
# A "read more" link that says no more than that the text goes on: `[…]`, `...`, `(…)`.
ELLIPSIS = re.compile(r"\s*[\[(]?\s*(?:…|\.{3})\s*[\])]?\s*")
# Only screen readers hear it; "Continue reading"; a plugin's reading-time estimate (see READING_TIME_CLASSES).
HIDDEN_IN_TEXT = SCREEN_READER_CLASSES | READING_TIME_CLASSES | {"more-link"}


@dataclass(frozen=True)
class Lookups:
    """Names found beside the posts: saved term, taxonomy, user and media endpoints."""

    terms: Mapping[tuple[str, int], Term] = field(default_factory=dict)  # (taxonomy, id) -> term
    taxonomies: Mapping[str, str] = field(default_factory=dict)  # REST base -> taxonomy name
    users: Mapping[int, str] = field(default_factory=dict)  # id -> display name
    media: Mapping[int, Media] = field(default_factory=dict)
    # Where an import holds posts of several sites whose ids clash (category 5 is "Mining" on one, "Politics" on the
    # other): each site's names, and those for a post whose site is not known (see site_names.py).
    sites: Mapping[str, Lookups] = field(default_factory=dict)
    unclaimed: Lookups | None = None

    def of(self, data: Mapping[str, Any]) -> Lookups:
        """The names for the post `data`: its site's, where the import holds several whose ids clash, else all."""
        if self.unclaimed is None:
            return self
        return self.sites.get(host_of(data.get("link"))) or self.unclaimed


@dataclass(frozen=True)
class Converted:
    document: Document
    terms: list[Term]
    losses: Losses
    warnings: list[tuple[str, str]]  # (field, message): imported anyway, but the input was wrong
    finished: object = None  # what convert_all's `finish` made of the document; `document` then has no body


# Fields in which plugins give a post's featured image's address: Jetpack's, then REST API Featured Image's
# and others' (`featured_image_src`, `featured_image_url`), and Featured Image from URL's (`fimg_url`).
PLUGIN_FEATURED_URLS = ("jetpack_featured_media_url", "featured_image_src", "featured_image_url", "fimg_url")
# Where scripts that save a site's posts write the featured image's address (camelCase is JavaScript's).
SCRIPT_FEATURED_URLS = (*PLUGIN_FEATURED_URLS, "featuredImage", "featured_image", "featured_media_url",
                        "featuredImageUrl")
ADDRESS_LIKE = re.compile(r"(?:https?:)?/\S")  # an address or a path on the site, not "None" or an upload folder
# Words, a blank line, words: the paragraphs of a post's raw `post_content`, which a script saved as it is in place of
# REST's `content.rendered` (WordPress's wpautop makes <p> of them; they ran together into one paragraph). Rendered
# HTML never has text on both sides of a blank line outside its tags.
RAW_PARAGRAPHS = re.compile(r"[^>\s][^\S\n]*\n[^\S\n]*\n\s*[^<\s]")
PARAGRAPH_TAG = re.compile(r"<p[\s>]", re.IGNORECASE)  # what rendered HTML (a v1 API's `content` string) holds


def to_term(data: dict[str, Any]) -> Term:
    ident, parent, name = data.get("id"), data.get("parent"), data.get("name")
    slug, _ = safe_slug(_string(data, "slug"))
    return Term(taxonomy=_name(data, "taxonomy"), slug=slug,
                name=readable(repaired(html.unescape(name))) if isinstance(name, str) and name.strip() else None,
                id=ident if _is_int(ident) else None,
                parent=parent if _is_int(parent) and parent > 0 else None)


def to_user(data: dict[str, Any]) -> tuple[int, str] | None:
    ident, name = data.get("id"), data.get("name")
    if not _is_int(ident) or not isinstance(name, str) or not name:
        return None
    return ident, readable(repaired(html.unescape(name)))


def to_media(data: dict[str, Any]) -> tuple[int, Media] | None:
    ident, url = data.get("id"), data.get("source_url")
    if not _is_int(ident) or not isinstance(url, str) or not url:
        return None
    alt = data.get("alt_text") if isinstance(data.get("alt_text"), str) else ""
    caption = html_to_text(_rendered_or_empty(rendered_media(data), "caption"))
    credit = _credit(data)
    if credit and credit not in caption:
        caption = f"{caption} — {credit}" if caption else credit
    return ident, Media(url, alt, caption)


def _credit(data: dict[str, Any]) -> str:
    """The photographer's or agency's credit a news theme or plugin serves beside the attachment's caption, in its
    `media_credit` field: a string (Largo's, of the nonprofit newsrooms' theme), or Media Credit's object, whose
    `rendered` (or `plaintext`) holds the credit as the plugin prints it under the picture."""
    value = data.get("media_credit")
    if isinstance(value, dict):
        value = next((value[key] for key in ("rendered", "plaintext") if isinstance(value.get(key), str)), "")
    return html_to_text(value) if isinstance(value, str) else ""


def to_document(data: dict[str, Any], lookups: Lookups = Lookups(), settings: Settings = Settings()) -> Converted:
    """The post as a Document, every term it names, what conversion lost, and input faults."""
    data, encoded_twice, mended = readable_item(data)
    data, held = post_in_language(data, settings.language)
    data = rendered(data)
    warnings: list[tuple[str, str]] = []
    title = html_to_text(_rendered(data, "title"))
    slug = _post_slug(data, warnings)
    # Read as a browser would follow them: a search-and-replace over a saved crawl can leave `https:/\host/`.
    link = as_browsers_read(_optional_string(data, "link"))
    if (problem := address_problem(link)) is not None:
        warnings.append(("link", f"{problem}; the post is saved without its address"))
        link = ""
    guid = as_browsers_read(html.unescape(_rendered(data, "guid", required=False)))
    address = page_address(link, settings.site, guid)
    ctx = Context(title=title or _title_of(slug), base_url=address, keep_keyword_links=settings.keep_keyword_links,
                  media=lookups.media, words=settings.site_words(), built_at=local_and_public_homes(link, guid))
    _note_languages_and_title(data, held, title, ctx)
    if encoded_twice:
        ctx.losses.note(loss.ENCODED_TWICE, f"in {', '.join(encoded_twice)}")
    if mended:
        ctx.losses.note(loss.CONTROL_CHARACTERS, f"in {', '.join(mended)}")
    terms = post_terms(data, lookups, ctx.losses)
    warnings += term_list_problems(data, sorted({*BUILTIN_REST_KEYS, *lookups.taxonomies}))
    warnings += reference_problems(data)
    taxonomies: dict[str, list[str]] = {}
    for term in terms:
        taxonomies.setdefault(term.taxonomy, []).append(term.slug)
    saved_body = _saved_body(data, ctx)
    body_html = with_short_description(saved_body or "", _rendered(data, "excerpt", required=False),
                                       _type(data) if "type" in data else "")
    content = with_fields(body_html, data, ctx)
    if saved_body is None and content == body_html and not _picture_alone(data, lookups, address):
        # no body, no excerpt, no field a reader saw and no picture
        raise ItemError("content", "missing: its type has no editor, or the response was saved trimmed "
                                   "(?_fields=); nothing to import")
    language = post_language(data, terms)
    if not _dated(data, "date") and not _dated(data, "date_gmt") \
            and (stand_in := date_stand_in(data, link, _rendered(data, "content", required=False))):
        data = {**data, **stand_in.fields}
        warnings.append(("date", stand_in.note))
    elif data.get("date") is None and data.get("date_gmt") is None:
        raise ItemError("date", NO_DATE)
    date = _local_time(data, "date", warnings)
    updated = _local_time(data, "modified", warnings) if _dated(data, "modified") else date
    warnings += [(name, f"{problem}; imported as it is") for name, value in (("date", date), ("modified", updated))
                 if (problem := date_problem(value)) and (name == "date" or updated != date)]
    body = html_to_markdown(content, ctx)
    if not link and (relative := relative_links(body)):
        warnings.append(("body", f"{relative} link(s) or image(s) relative to a site whose address the input does "
                                 "not name (a dump without `home` in wp_options, a post saved without its link): "
                                 "the build will show them as text; import again with `--site URL`, the site's "
                                 "address"))
    excerpt = _rendered(data, "excerpt", required=False) or automatic(data, content)
    summary = html_to_text(shortcodes.strip_known(excerpt), address)
    summary, seen = without_unseen_words(summary, content)  # seen: the content as the summary is compared with it
    summary = without_menu_words(summary, ctx.menu_words)
    summary = spaced_as_shown(summary, seen)
    document = Document(
        title=ctx.title,
        slug=slug,
        type=_type(data) if "type" in data else "post",
        date=date,
        updated=updated,
        summary=_worded(without_dropped_lead(summary, body, seen)),
        taxonomies={tax: tuple(sorted(set(slugs))) for tax, slugs in sorted(taxonomies.items())},
        source=Source(id=_post_id(data), url=address if link else "",
                      guid=absolute(guid, address) if guid else address if link else "", parent=_parent(data),
                      order=_menu_order(data)),
        body=body,
        author=byline(_author(data, lookups, ctx.losses)),
        image=_featured_image(data, lookups, address, ctx.losses),
        language=language,
        translations=post_translations(data, language),
    )
    return Converted(document, terms, ctx.losses, warnings)


def _worded(summary: str) -> str:
    """The summary, or none where it holds no word: a script's excerpt of a post with no text is "..." (40 posts of a
    village's news), which cards and feeds showed as the post's summary."""
    return summary if any(character.isalnum() for character in summary) else ""


def _saved_body(data: dict[str, Any], ctx: Context) -> str | None:
    """The post's rendered content; where the response was saved without it but with its excerpt (a listing's
    `?_fields=id,title,excerpt,link`, a theme that strips bodies from the API), the excerpt, noted: the post's
    page shows what the crawl holds of it, under its title and link, rather than the post being left out. None
    where it has neither: a post of a type with no editor (a directory's entry, whose page showed its custom
    fields), which its fields alone may make."""
    if "content" in data:
        content = data["content"]
        if not isinstance(content, str):
            return _rendered(data, "content")
        mended = restored_breaks(content)  # a script's `rnrn`: `post_content` as it is, whatever tags it holds
        # A script saved `post_content` as it is: paragraphs apart, none of them a <p> yet.
        if mended != content or RAW_PARAGRAPHS.search(content) and not PARAGRAPH_TAG.search(content):
            return render_content(mended, _post_id(data), {})
        return content
    summary = _rendered_or_empty(data, "excerpt")
    if not html_to_text(summary):
        return None
    ctx.losses.note(loss.SUMMARY_AS_BODY)
    if "<" not in summary:  # no link to take out (and bs4 would warn of text that looks like a file's name)
        return summary
    soup = BeautifulSoup(summary, "html.parser")
    for link in [t for t in soup.find_all("a") if _links_to(t, ctx.base_url)]:
        link.decompose()  # "Continue reading": the post's page on the live site, whose body the crawl lacks
    return str(soup)


def _note_languages_and_title(data: dict[str, Any], held: Languages, title: str, ctx: Context) -> None:
    """What the post lost of its languages (convert/multilingual.py) and of its title, among its losses."""
    if held.left_out:
        ctx.losses.note(loss.OTHER_LANGUAGES, ", ".join(held.left_out))
    if held.longer:
        ctx.losses.note(loss.SHORTER_LANGUAGE, f"kept {held.kept}, {', '.join(held.longer)} holds far more text")
    if not title:  # a page needs a title to be listed and linked; WordPress shows "(no title)"
        ctx.losses.note(loss.UNTITLED, ctx.title)
    elif isinstance(data.get("title"), dict) and data["title"].get("raw") == "":  # an export's untitled post
        ctx.losses.note(loss.MADE_TITLE, title)


def html_to_text(fragment: str, own_page: str = "") -> str:
    """Titles and excerpts are HTML with entities; readers see plain text, without what only a
    screen reader hears or a "Continue reading" link: WordPress's `more-link`, or any link to the post's
    own page (`own_page`), as themes add one to the excerpt under a class of their own (`read-more`)."""
    if "<" not in fragment and "&" not in fragment:
        return WHITESPACE.sub(" ", latex_in_text(fragment)).strip(" " + INVISIBLE)
    text = simple_text(fragment)
    if text is not None:  # most titles and excerpts: no tree needed
        return WHITESPACE.sub(" ", latex_in_text(text)).strip(" " + INVISIBLE)
    soup = BeautifulSoup(fragment, "html.parser")
    # What find_all(class_=…) finds, without bs4's filter machinery.
    for tag in [t for t in soup.descendants if isinstance(t, Tag) and
                (_hidden_in_text(t.get("class")) or _links_to(t, own_page))]:
        if tag.name == "a" and ELLIPSIS.fullmatch(marker := tag.get_text()):
            tag.replace_with(marker.strip())  # a linked "[…]" still says the text goes on (374 of a blog's 561)
        else:
            tag.decompose()
    return WHITESPACE.sub(" ", latex_in_text(shown_text(soup))).strip(" " + INVISIBLE)


def _links_to(tag: Tag, page: str) -> bool:
    """Whether the tag is a link to `page` or a place in it (`#more-12`), relative or not, or a permalink
    (`rel="bookmark"`): a theme's excerpt filter may link the loop's post, not this one, when REST renders it; or
    its page on the machine the site was made on (local_copies.py)."""
    if tag.name != "a":
        return False
    rel = tag.get("rel")
    if "bookmark" in ((rel,) if isinstance(rel, str) else rel or ()):
        return True
    href = tag.get("href") if page else None
    if not isinstance(href, str) or not href.strip():
        return False
    return _page_of(absolute(href.strip(), page)) == _page_of(page) or local_copy_of(href.strip(), page)


def _page_of(url: str) -> str:
    return url.partition("#")[0].rstrip("/").lower()


def _hidden_in_text(classes: object) -> bool:
    return not HIDDEN_IN_TEXT.isdisjoint((classes,) if isinstance(classes, str) else classes or ())


def post_terms(data: dict[str, Any], lookups: Lookups, losses: Losses) -> list[Term]:
    """Terms from `_embedded`, then saved term endpoints, then `class_list`; the rest is reported."""
    embedded = embedded_terms(data)
    rest_keys = _rest_taxonomy_keys(data, lookups)
    known = set(rest_keys.values()) | set(lookups.taxonomies.values()) | {t.taxonomy for t in embedded}
    class_slugs = _class_list_slugs(data, sorted(known))
    terms = list(embedded)
    for key, taxonomy in sorted(rest_keys.items()):
        terms.extend(_given_terms(data[key], taxonomy))
        ids = [i for i in data.get(key) or () if _is_int(i)]
        known = {t.id for t in embedded if t.taxonomy == taxonomy}
        saved = [lookups.terms[(taxonomy, i)] for i in ids if i not in known and (taxonomy, i) in lookups.terms]
        terms.extend(saved)
        unresolved = [i for i in ids if i not in known and (taxonomy, i) not in lookups.terms]
        have = {t.slug for t in terms if t.taxonomy == taxonomy}
        guessed = [s for s in class_slugs.get(taxonomy, []) if s not in have]
        # An id is tied to a class_list slug only when there is no doubt which slug it is.
        paired = unresolved[0] if len(unresolved) == 1 and len(guessed) == 1 else None
        named = seo_term_names(data, taxonomy) if guessed else {}
        terms.extend(Term(taxonomy, slug, name=named.get(slug), id=paired) for slug in guessed)
        for ident in unresolved[len(guessed):]:
            losses.note(loss.UNRESOLVED_TERM, f"{taxonomy} {ident}")
    return _unique_terms(terms)


def seo_term_names(data: dict[str, Any], taxonomy: str) -> dict[str, str]:
    """slug -> name of the post's categories (schema's `articleSection`) or tags (`keywords`), as Yoast writes
    them into each post it serves, where the name gives the slug WordPress would make of it: the names of
    terms known only by their `class_list` slug, in a crawl without `_embed` or term endpoints."""
    key = SEO_TERM_KEYS.get(taxonomy)
    yoast = data.get("yoast_head_json") if key else None
    schema = yoast.get("schema") if isinstance(yoast, dict) else None
    graph = schema.get("@graph") if isinstance(schema, dict) else None
    names: dict[str, str] = {}
    for node in graph if isinstance(graph, list) else ():
        said = node.get(key) if isinstance(node, dict) else None
        for name in said if isinstance(said, list) else ():
            if isinstance(name, str) and name.strip():
                names.setdefault(wordpress_slug(name), readable(html.unescape(name)).strip())
    return names


def wordpress_slug(name: str) -> str:
    """The slug WordPress makes of an ASCII name, as sanitize_title does ("Rock 'n' Roll 2.0" ->
    `rock-n-roll-2-0`); a name in another script gives "", as WordPress percent-encodes those."""
    name = html.unescape(name)
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    if len(text) < len(name) / 2:
        return ""
    text = SLUG_DROPPED.sub("", text.replace(".", "-"))
    return SLUG_DASHES.sub("-", text).strip("-")


def _given_terms(values: list[Any], taxonomy: str) -> list[Term]:
    """Terms a theme's own endpoint gives whole in the field of their ids, as `get_the_category()` returns them
    (WP_Term: `term_id`, `slug`, `name`, `parent`, `taxonomy`), or by their names alone (see _named_term)."""
    whole = [to_term({"id": item.get("term_id"), "taxonomy": item.get("taxonomy") or taxonomy, "slug": item["slug"],
                      "name": item.get("name"), "parent": item.get("parent")})
             for item in values if is_term_object(item)]
    return whole + [term for term in (_named_term(item, taxonomy) for item in term_names(values)) if term]


def _named_term(name: str, taxonomy: str) -> Term | None:
    """A term known by its name alone, its slug the one WordPress makes of it (`Ferry times` -> `ferry-times`,
    `Ya Renkler` -> `ya-renkler`; a name in another script its words joined, as WordPress's percent-encoded slug
    reads): such terms were passed over, each post named."""
    shown = readable(repaired(html.unescape(name))).strip()
    slug, _ = safe_slug(slug_of(shown))
    return Term(taxonomy, slug, name=shown) if slug else None


def _unique_terms(terms: list[Term]) -> list[Term]:
    seen: dict[tuple[str, str], Term] = {}
    for term in terms:
        seen[(term.taxonomy, term.slug)] = term.merged_into(seen.get((term.taxonomy, term.slug)))
    return list(seen.values())


def embedded_terms(data: dict[str, Any]) -> list[Term]:
    embedded = data.get("_embedded")
    groups = embedded.get("wp:term") if isinstance(embedded, dict) else None
    terms = []
    for group in groups if isinstance(groups, list) else ():
        for item in group if isinstance(group, list) else ():
            # As a term without a slug, one whose taxonomy is no name (a number) names nothing the post can file under.
            taxonomy = item.get("taxonomy") if isinstance(item, dict) else None
            if isinstance(taxonomy, str) and NAME.match(taxonomy) and isinstance(item.get("slug"), str):
                terms.append(to_term(item))
    return terms


def embedded_authors(data: dict[str, Any]) -> list[tuple[int, str]]:
    """(id, name) of each author in the post's `_embedded`."""
    embedded = data.get("_embedded")
    authors = embedded.get("author") if isinstance(embedded, dict) else None
    found = (to_user(a) for a in (authors if isinstance(authors, list) else ()) if isinstance(a, dict))
    return [user for user in found if user]


def _rest_taxonomy_keys(data: dict[str, Any], lookups: Lookups) -> dict[str, str]:
    """REST field name -> taxonomy name, from the post's own `_links`, its fields and saved taxonomies."""
    keys = {k: v for k, v in BUILTIN_REST_KEYS.items() if k in data}
    keys.update({k: v for k, v in lookups.taxonomies.items() if k in data})
    links = data.get("_links")
    for link in (links.get("wp:term") or []) if isinstance(links, dict) else []:
        if isinstance(link, dict) and NAME.match(str(link.get("taxonomy"))):
            keys[_rest_base(str(link.get("href", ""))) or link["taxonomy"]] = link["taxonomy"]
    return {k: v for k, v in keys.items() if isinstance(data.get(k), list)}


def _rest_base(href: str) -> str:
    """`…/wp-json/wp/v2/news-type?post=7` and, with plain permalinks, `…?rest_route=/wp/v2/news-type&post=7`."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return ""
    # parse_qs costs more than the rest of a post's terms; only a query that may name rest_route needs it.
    query = parts.query
    route = parse_qs(query).get("rest_route", [parts.path])[0] if "rest_route" in query or "%" in query else parts.path
    return route.rstrip("/").rsplit("/", 1)[-1]


def _class_list_slugs(data: dict[str, Any], taxonomies: list[str]) -> dict[str, list[str]]:
    """`news-type-ree-news` is taxonomy `news-type`, term `ree-news`: the longest known prefix wins. A class that
    ends in digits alone (`category-26`, `tag-145`) names the term by its id: WordPress writes the id where the slug
    makes no class, a slug in another script (`%d8%b4…`, whose escapes a class drops) or one of digits; where some
    of such a slug is left (`tag-----6-`), it is no slug either (NO_SLUG_CLASS). Taken for slugs, they were a second
    category "26" and tags "145" and "6" on the posts of an Arabic site whose categories were read."""
    prefixes = sorted(((CLASS_PREFIX.get(t, f"{t}-"), t) for t in taxonomies), key=lambda p: -len(p[0]))
    found: dict[str, list[str]] = {}
    for css_class in _class_list(data):
        if not isinstance(css_class, str):
            continue
        for prefix, taxonomy in prefixes:
            if css_class.startswith(prefix) and len(css_class) > len(prefix):
                if not NO_SLUG_CLASS.fullmatch(css_class, len(prefix)):
                    found.setdefault(taxonomy, []).append(safe_slug(css_class[len(prefix):])[0])
                break
    return found


def _class_list(data: dict[str, Any]) -> list[Any]:
    """`class_list` is a PHP array: after WooCommerce or a theme filters classes out of it, its keys have
    gaps (0, 1, 2, 4…) and PHP's JSON encoder writes it as an object, whose values are the classes."""
    classes = data.get("class_list")
    if isinstance(classes, dict):
        return list(classes.values())
    return classes if isinstance(classes, list) else []


def _author(data: dict[str, Any], lookups: Lookups, losses: Losses) -> str:
    """The writers Co-Authors Plus or PublishPress Authors credit through their `author` taxonomy
    (sources/coauthors.py) or PublishPress Authors lists in its `authors` field, else the user from `_embedded`, else the saved users, else what an SEO plugin wrote
    into the post. An id that none names is reported, as an unresolved term is: a crawl without `/wp/v2/users` (or
    whose users answered `rest_user_invalid_id`) and without such a plugin shows no author."""
    credited = [term.name for term in embedded_terms(data) if term.taxonomy == coauthors.TAXONOMY and term.name]
    credited = credited or _listed_authors(data)
    if credited:  # a byline plugin's writers, whom the page bylines instead of the user who posted it
        return ", ".join(dict.fromkeys(credited))
    embedded = embedded_authors(data)
    if embedded:
        return embedded[0][1]
    ident = data.get("author")
    named = _named_author(ident) if isinstance(ident, dict) else ""  # a script saved the user whole in the post
    if named:
        return named
    if _is_int(ident) and ident in lookups.users:
        return lookups.users[ident]
    said = _seo_author(data)
    if not said and _is_int(ident) and ident > 0:  # 0: no author, as WordPress gives posts a plugin inserted
        losses.note(loss.UNRESOLVED_AUTHOR, str(ident))
    return said


def _named_author(user: dict[str, Any]) -> str:
    """The display name of a user a script saved in the post's `author` in place of its id (as `_embed` gives it:
    `name`, or `display_name` as PHP's WP_User has it); these posts were bylined to no one, without a word."""
    name = next((user[key] for key in ("name", "display_name") if isinstance(user.get(key), str)), "")
    return readable(repaired(html.unescape(name))).strip()


def _listed_authors(data: dict[str, Any]) -> list[str]:
    """The writers PublishPress Authors lists in its own field of each post (`"authors": [{"term_id": 7,
    "display_name": "Ana Sousa", …}]`), in its order: a crawl made without `_embed`, or whose `author` taxonomy is
    not served, has them nowhere else. Only a list of such entries is that field."""
    listed = data.get("authors")
    if not isinstance(listed, list) or not listed or not all(
            isinstance(entry, dict) and isinstance(entry.get("display_name"), str) for entry in listed):
        return []
    names = (readable(repaired(html.unescape(entry["display_name"]))).strip() for entry in listed)
    return [name for name in names if name]


def _seo_author(data: dict[str, Any]) -> str:
    """The author's name Yoast writes into each post it serves (`yoast_head_json.author`, WordPress's display
    name, as `_embed` gives it), or the `<meta name="author">` of the head HTML it or another plugin adds."""
    return readable(seo_said(data, "author", META_AUTHOR)).strip()


def _featured_image(data: dict[str, Any], lookups: Lookups, address: str, losses: Losses) -> Image | None:
    """From `_embedded`, else the saved media, else the address a plugin put beside the id; its URL read
    against the post's, as the body's are. An id that none of them names is reported."""
    embedded = data.get("_embedded")
    media = embedded.get("wp:featuredmedia") if isinstance(embedded, dict) else None
    if isinstance(media, list) and media and isinstance(media[0], dict):
        found = to_media(media[0])
        if found:
            return Image(absolute(found[1].url, address), found[1].alt, found[1].caption)
    # The WP REST API plugin's betas (2015-2016, before WordPress 4.7 took it in) named the id `featured_image`.
    ident = data.get("featured_media", data.get("featured_image"))
    if not _is_int(ident) or ident <= 0:
        return _saved_featured_url(data, address)
    saved = lookups.media.get(ident)
    if saved:
        return Image(absolute(saved.url, address), saved.alt, saved.caption)
    url = _plugin_featured_url(data)
    if url:
        return Image(absolute(url, address))
    losses.note(loss.UNRESOLVED_FEATURED, str(ident))
    return None


def _picture_alone(data: dict[str, Any], lookups: Lookups, address: str) -> bool:
    """Whether a post with no body, summary or fields is a picture under its title, as a type with no editor shows
    it (a foundation's monthly newsletter, an image): its response is whole (`?_fields=`, which trims a response,
    drops its `_links`) and its featured image is one the import can show. It is imported with its title and picture,
    as a post of an empty body is, where it was left out as nothing to import."""
    return isinstance(data.get("_links"), dict) and _is_int(data.get("featured_media")) \
        and _featured_image(data, lookups, address, Losses()) is not None


def _saved_featured_url(data: dict[str, Any], address: str) -> Image | None:
    """A post a script saved without the id REST gives (no `featured_media` at all), but with its featured image's
    address under a name of its own (`"featuredImage": "https://…/picture.jpg"`): those posts had no picture."""
    if "featured_media" in data:  # REST's own answer: 0 is a post without a picture, whatever else it holds
        return None
    url = next((data[key].strip() for key in SCRIPT_FEATURED_URLS if isinstance(data.get(key), str)), "")
    return Image(absolute(url, address)) if ADDRESS_LIKE.match(url) else None


def _plugin_featured_url(data: dict[str, Any]) -> str:
    """A crawl without `_embed` or `/wp/v2/media` may still hold the featured image's address: Jetpack adds
    `jetpack_featured_media_url`, Better REST API Featured Images `better_featured_image.source_url`, other
    plugins a field of their own (PLUGIN_FEATURED_URLS), block plugins its sizes (sized_featured.py); and Yoast's
    `yoast_head_json` gives it as the post's og:image (Yoast's first choice for a post that has a featured image,
    after an image set for sharing by hand)."""
    better = data.get("better_featured_image")
    for url in (*(data.get(name) for name in PLUGIN_FEATURED_URLS),
                better.get("source_url") if isinstance(better, dict) else None, sized_featured_url(data)):
        if isinstance(url, str) and url.strip():
            return url.strip()
    yoast = data.get("yoast_head_json")
    images = yoast.get("og_image") if isinstance(yoast, dict) else None
    first = images[0] if isinstance(images, list) and images else None
    url = first.get("url") if isinstance(first, dict) else None
    return url.strip() if isinstance(url, str) else ""


def _title_of(slug: str) -> str:
    """`home` -> "Home": a title for a post that has none."""
    words = slug.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _parent(data: dict[str, Any]) -> int:
    """The id of the page a page is under: REST gives `parent` as a number, an export `wp:post_parent` as text."""
    value = data.get("parent")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    return value if _is_int(value) and value > 0 else 0


def _menu_order(data: dict[str, Any]) -> int:
    """Where a page stands among those beside it (`menu_order`, which may be negative); 0 when not given."""
    value = data.get("menu_order")
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value)
    return value if _is_int(value) else 0


UNNAMED_STATUSES = frozenset({"draft", "auto-draft", "pending"})


def _post_slug(data: dict[str, Any], warnings: list[tuple[str, str]]) -> str:
    raw = data.get("slug")
    if not isinstance(raw, str) or not raw.strip():
        ident = _integer(data, "id")
        if data.get("status") in UNNAMED_STATUSES:  # a draft's address is `?p=<id>` until it is published
            return str(ident)
        # A post saved without its id either (`?_fields=title,content,date`) has one made for it, which named it
        # `1181689591686.md`: WordPress names a published post from its title, as an export's reader does.
        made = slug_of(html_to_text(_rendered_or_empty(data, "title"))) if ident >= SYNTHETIC_BASE else ""
        named = safe_slug(made)[0] if made else ""
        if named:
            warnings.append(("slug", f"missing; made from the title: {named!r}"))
            return named
        warnings.append(("slug", f"missing; used the id {ident}"))
        return str(ident)
    slug, why = safe_slug(raw)
    if why:
        warnings.append(("slug", f"{quoted(raw)} {why}; saved as {quoted(slug)}"))
    return slug


# A post saved without its date (a copy's page of a WordPress page, which most themes print none on), where
# nothing else gives one: said so, rather than the field's "expected a string, got nothing".
NO_DATE = ("missing, and nothing in the post names a day to stand in for it (its time of update, its address, "
           "its pictures' upload month): passed over")


def _local_time(data: dict[str, Any], name: str, warnings: list[tuple[str, str]]) -> datetime:
    """WordPress gives local time and UTC side by side; their difference is the site's offset. A
    difference of a day or more is a WordPress oddity (a GMT date kept from the draft): the offset of
    the other date stands in, and the input is named, unless the UTC time is the other date's to the
    second: then WordPress never updated it (a post edited by a plugin writing `post_modified` alone), the
    other offset is certainly right, and there is nothing to look at."""
    gmt_value = _dated(data, f"{name}_gmt")
    if not _dated(data, name) and gmt_value:
        return _parse_time(data, f"{name}_gmt").replace(tzinfo=timezone.utc)
    local = _parse_time(data, name)
    if not gmt_value:  # UTC, unless the date names its offset (a date saved from a feed, or by another tool)
        return local.replace(tzinfo=named_offset(_string(data, name)) or timezone.utc)
    minutes = _offset_minutes(data, name)
    if minutes is None:
        other = "modified" if name == "date" else "date"
        minutes = _offset_minutes(data, other) if _dated(data, other) and _dated(data, f"{other}_gmt") else None
        if minutes is None or name != "modified" or data.get(f"{name}_gmt") != data.get(f"{other}_gmt"):
            warnings.append((f"{name}_gmt", f"differs from {name} by more than a day; used "
                                            + (f"the UTC offset of {other}" if minutes is not None else "UTC")))
    return local.replace(tzinfo=timezone(timedelta(minutes=minutes or 0)))


# MySQL's zero date, which WordPress keeps for a date never set (a post inserted without `post_modified`, a
# draft's `post_date_gmt`) and its REST API writes as PHP reads it: year -1, November 30th.
ZERO_DATES = frozenset({"-0001-11-30T00:00:00", "0000-00-00T00:00:00", "0000-00-00 00:00:00"})


def _dated(data: dict[str, Any], name: str) -> bool:
    """Whether the field holds a date, not nothing or WordPress's zero date."""
    value = data.get(name)
    return bool(value) and not (isinstance(value, str) and value in ZERO_DATES)


def _offset_minutes(data: dict[str, Any], name: str) -> int | None:
    minutes = round((_parse_time(data, name) - _parse_time(data, f"{name}_gmt")).total_seconds() / 60)
    return minutes if abs(minutes) < 24 * 60 else None


def _parse_time(data: dict[str, Any], name: str) -> datetime:
    value = _string(data, name)
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        pass
    when = feed_date(value)  # a script that saved the posts from a feed kept its dates
    if when is None:
        raise ItemError(name, f"not an ISO 8601 date: {value!r}")
    return when


def _rendered(data: dict[str, Any], name: str, required: bool = True) -> str:
    value = data.get(name)
    if value is None and not required:
        return ""
    if isinstance(value, dict):
        value = value.get("rendered")
        name = f"{name}.rendered"
    if not isinstance(value, str):
        raise ItemError(name, f"expected a string, got {_kind(value)}")
    return value


def _rendered_or_empty(data: dict[str, Any], name: str) -> str:
    try:
        return _rendered(data, name, required=False)
    except ItemError:
        return ""


def _type(data: dict[str, Any]) -> str:
    return _checked_name("type", type_folder(_string(data, "type")))


def type_folder(post_type: str) -> str:
    """WordPress lets a plugin name its type with a leading _ (`_cty_people`); a folder named so would
    be no posts to the build (and none to GitHub Pages), so the type's folder goes without it."""
    return post_type.lstrip("_")


def _name(data: dict[str, Any], field: str) -> str:
    return _checked_name(field, _string(data, field))


def _checked_name(field: str, value: str) -> str:
    if not NAME.match(value):
        raise ItemError(field, f"{value!r} is not a WordPress name (lowercase letters, digits, - and _)")
    return value


def _string(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise ItemError(name, f"expected a string, got {_kind(value)}")
    return value


def _optional_string(data: dict[str, Any], name: str) -> str:
    return _string(data, name) if data.get(name) is not None else ""


def _integer(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if not _is_int(value):
        raise ItemError(name, f"expected an integer, got {_kind(value)}")
    return value


def _post_id(data: dict[str, Any]) -> int:
    """The post's id, which names its files and links: one no WordPress has is refused."""
    value = _integer(data, "id")
    if (problem := id_problem(value)) is not None:
        raise ItemError("id", problem)
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _kind(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__
