"""A live WordPress site read through its REST API: where the API is, its post types and taxonomies,
which posts a curated query selects, and those posts with the names of their terms, authors and media.

Nothing here writes a file; sync.py decides what to keep.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

from generator.problems import Problem
from generator.sources.http import PAGE_WANTED, Client, FetchError, Response
from generator.sources import wp_live_index
from generator.sources.footer_markup import only_footer_markup
from generator.sources.php_messages import blank_php_messages, only_php_messages
from generator.sources.wp_json import DESIGN, RECORD, RECORD_TYPES, SKIPPED, is_design_type, page_title

PER_PAGE = 100  # WordPress's largest page
API_LINK = re.compile(r'<([^>]+)>\s*;\s*rel="?https://api\.w\.org/"?', re.IGNORECASE)
LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
API_REL = re.compile(r"""\brel\s*=\s*["']?https://api\.w\.org/["'\s>]""", re.IGNORECASE)
HREF = re.compile(r"""\bhref\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
LISTED_FIELDS = "id,slug,modified,modified_gmt,date_gmt"
ANY_STATUS = frozenset(range(200, 600))
CLOSED_STATUSES = frozenset({401, 403, 404})  # a route closed to visitors, or taken out of the API
# The codes of the refusals that close the whole REST API to visitors (WordPress's rest_authentication_errors, as
# Disable REST API, Force Login and their like answer every route), unlike one route's (rest_forbidden).
LOCKED_OUT = frozenset({"rest_login_required", "rest_not_logged_in", "rest_cannot_access"})  # get_json explains an error status itself
# PHP files saved with a byte order mark print it before the JSON, once per file a site includes.
BOM_OR_SPACE = "\ufeff \t\r\n"
HTML_INSTEAD = ("a security plugin, a bot check (such as Cloudflare's) or maintenance mode answers instead of the "
                "REST API: sync again later, or ask the site's owner to let newsmirror through")
CUT_SHORT = "the answer was cut short or mangled (a PHP error or timeout on the site?): sync again later"
QUERY_IGNORED = ("a cache in front of the site seems to ignore the query string: ask the site's owner to keep "
                 "the REST API out of it")
CLOSED = ("the site's REST API is closed to visitors (a security plugin or setting): ask its owner to open "
          "/wp/v2 to anonymous reads, or import an export of the site instead")
REFUSED = "the site's firewall refused newsmirror: ask its owner to allow it, or sync again later"
NO_ROUTE = ("the site's REST API does not serve this route (a post type or taxonomy needs show_in_rest): "
            "check the source's URL and types")
LACKING = (f"missing, or not of WordPress's type, in the listing of posts ({LISTED_FIELDS}), which sync needs to "
           "tell new and changed posts: a plugin on the site seems to strip it from the REST API; ask the site's "
           "owner to keep it, or import an export of the site instead")
# Types every site has that are not posts a reader would want mirrored.
INTERNAL_TYPES = frozenset({"attachment", "nav_menu_item"})
# A source's query parameters that choose no posts: how the API is reached, and how a page of it is laid out.
NOT_SELECTING = frozenset({"rest_route", "_embed", "_fields", "_locale", "context", "per_page", "page", "orderby",
                           "order"})

PagesRead = Callable[[int, int], None]  # (pages read, pages) while a listing is read


@dataclass(frozen=True)
class Api:
    """The REST API root: `https://site/wp-json/`, or `https://site/?rest_route=/` without pretty permalinks."""

    root: str
    per_page: int = PER_PAGE  # the largest page the site serves (page_limit)

    def url(self, route: str, params: Mapping[str, str] | None = None) -> str:
        route = route.strip("/")
        query = dict(params or {})
        if "rest_route=" in self.root:
            query = {"rest_route": f"/{route}", **query}
            return f"{self.root.split('?', 1)[0]}?{urlencode(query, safe='/,')}"
        return self.root + route + (f"?{urlencode(query, safe=',')}" if query else "")


@dataclass(frozen=True)
class Target:
    """A source as given: a site root, or a REST collection URL that already names the API and a post type."""

    site: str
    api: Api | None = None
    rest_base: str | None = None


@dataclass
class Embedding:
    """Whether posts are still asked for with `_embed`. Once a batch failed with it and not without, the site's
    plugins fail on what it embeds, for its other post types too: asked again, each type's first batch cost the
    round of retries (15 s a type, every sync)."""

    on: bool = True
    refused: str = ""  # "url: HTTP 403 code" where the site refused `_embed` itself (a firewall's rule), not failed


@dataclass(frozen=True)
class Site:
    api: Api
    types: dict[str, str]  # post type -> rest_base
    taxonomies: dict[str, str]  # taxonomy -> rest_base
    described: Any  # the /wp/v2/taxonomies response, which the import needs to read term fields
    type_taxonomies: dict[str, frozenset[str]] = field(default_factory=dict)  # post type -> its taxonomies' rest_bases
    described_types: Any = None  # the /wp/v2/types response, whose names the import keeps (store/labels.py)
    hierarchical: frozenset[str] = frozenset()  # rest_bases of the taxonomies whose terms have parents
    # rest_base -> its collection, for the taxonomies with a `rest_namespace` of their own (not wp/v2)
    term_routes: dict[str, str] = field(default_factory=dict)
    embedding: Embedding = field(default_factory=Embedding)  # what fetching its posts learns, for the whole run
    withheld: tuple[str, ...] = ()  # "url: HTTP 401 code" of /wp/v2/types or /taxonomies, refused to visitors

    def collection(self, route: str) -> str:
        """Where the terms of a taxonomy (by rest_base), the users or the media are served."""
        return self.term_routes.get(route, f"wp/v2/{route}")

    def filtered_for(self, post_type: str, params: Mapping[str, str]) -> dict[str, str] | None:
        """The query for one post type; None when it asks for a term of a taxonomy the type lacks.
        WordPress ignores a filter by such a taxonomy, so the query would select every post of the
        type, where none can have the term."""
        bases = self.type_taxonomies.get(post_type)
        lacking = set(self.taxonomies.values()) - bases if bases is not None else set()
        return None if lacking & set(params) else dict(params)


@dataclass(frozen=True)
class Listed:
    """A post as the cheap listing shows it: enough to tell whether it is new, changed or gone."""

    id: int
    slug: str
    modified: str  # local time, as WordPress compares `modified_after`
    modified_gmt: str
    date_gmt: str


@dataclass
class Listing:
    posts: dict[int, Listed] = field(default_factory=dict)
    total: int | None = None  # X-WP-Total of the first page
    complete: bool = True  # every page read, and as many posts as the site counted
    problems: list[Problem] = field(default_factory=list)
    per_page: int = PER_PAGE  # the largest page the site served (smaller_page)
    closed: FetchError | None = None  # the first page's refusal: the collection is closed to visitors, or gone


def parse_source(url: str) -> Target:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"expected an http(s) URL of a WordPress site or REST collection, got {url!r}")
    selecting = sorted(set(parse_qs(parts.query, keep_blank_values=True)) - NOT_SELECTING)
    if selecting:  # a collection's address copied with its filter, which sync reads no more than other queries
        raise ValueError(f"its query selects posts ({', '.join(selecting)}), which sync does not read from an "
                         "address: it would mirror every post of the collection; give the address without the query, "
                         "and the selection as a [[sources]] entry's include, exclude, search, after or before")
    route = parse_qs(parts.query).get("rest_route", [""])[0]
    if route:
        api = Api(urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "rest_route=/", "")))
        return Target(api.root.split("?", 1)[0], api, _rest_base(route))
    before, marker, after = parts.path.partition("/wp-json/")
    if not marker and parts.path.rstrip("/").endswith("/wp-json"):
        before, marker, after = parts.path.rstrip("/")[:-len("/wp-json")], "/wp-json/", ""
    if marker:
        site = urlunsplit((parts.scheme, parts.netloc, before + "/", "", ""))
        return Target(site, Api(site + "wp-json/"), _rest_base(after))
    return Target(urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", "")))


def _rest_base(route: str) -> str | None:
    """`wp/v2/news-archive` names a collection; `wp/v2` or the index names none."""
    pieces = [p for p in route.strip("/").split("/") if p]
    return pieces[2] if len(pieces) == 3 and pieces[:2] == ["wp", "v2"] else None


def get_json(client: Client, url: str) -> tuple[Any, Response]:
    response = client.get(url, accept=ANY_STATUS)
    if response.status != 200:
        raise FetchError(url, _failure(response), response.status)
    try:
        text = response.body.decode("utf-8").lstrip(BOM_OR_SPACE)
    except UnicodeDecodeError as e:
        raise FetchError(url, f"not UTF-8 text (byte {e.start})") from None
    text = blank_php_messages(text)
    try:
        return json.loads(text), response
    except json.JSONDecodeError as e:
        if e.msg == "Extra data" and (only_php_messages(text, e.pos) or only_footer_markup(text, e.pos)):
            return json.loads(text[:e.pos]), response
        if text.startswith("<") and not text.startswith("<br"):  # PHP starts its own errors with <br />
            raise FetchError(url, f"an HTML page{page_title(text)} came where JSON was expected: {HTML_INSTEAD}") from None
        raise FetchError(url, f"not valid JSON: line {e.lineno} column {e.colno}: {e.msg}: {CUT_SHORT}") from None


def _failure(response: Response) -> str:
    """What an error answer means for a reader of the site, and what to do about it."""
    status, body = response.status, response.body[:4096].decode("utf-8", "replace")
    code, explained = _wp_error(body)
    said = f" {code}" + (f": {explained}" if explained else "") if code else page_title(body)
    attempts = f" (after {response.attempts} attempts)" if response.attempts > 1 else ""
    return f"HTTP {status}{said}{attempts}: {_advice(status, code)}"


def _wp_error(body: str) -> tuple[str, str]:
    """WordPress's error code and message, with what it said of each parameter it refused."""
    try:
        error = json.loads(body.lstrip(BOM_OR_SPACE))
    except json.JSONDecodeError:
        return "", ""
    if not isinstance(error, dict) or not error.get("code"):
        return "", ""
    data = error.get("data")
    params = data.get("params") if isinstance(data, dict) else None
    said = [str(error.get("message", "")), *(params.values() if isinstance(params, dict) else [])]
    return str(error["code"]), " ".join("; ".join(s for s in said if s).split())[:240]


def _advice(status: int, code: str) -> str:
    if status in (401, 403):
        return CLOSED if code.startswith("rest_") or status == 401 else REFUSED
    if status == 404:
        return NO_ROUTE if code == "rest_no_route" else "no such address: check the source's URL"
    if status == 429:
        return "the site still limits requests: raise [sync] request_interval, or sync again later"
    if status >= 500:
        return "the site kept failing: sync again later; what was fetched is kept"
    return "the site refused the query: check the source's URL and curation"


INDEX_KEYS = ("name", "description", "url", "home", "gmt_offset", "timezone_string")  # the index's own, not its routes


def discover(client: Client, target: Target) -> Api:
    """The API root: as the URL names it, else as the site's front page links it (`Link` header, or
    `<link>` in its HTML, which a page cache may serve without the header), else whichever of
    `/wp-json/` and `/?rest_route=/` answers as an API index."""
    if target.api is not None:
        return target.api
    linked = _linked_api(client, target.site)
    if linked is not None:
        return linked
    site = target.site.rstrip("/") + "/"
    answers, failing = [], []
    for api in (Api(site + "wp-json/"), Api(site + "?rest_route=/")):
        try:
            index, response = get_json(client, api.url(""))
        except FetchError as e:
            if e.status in (401, 403):
                raise  # the API is there but closed, which "not found" would hide
            answers.append(f"{api.url('')} answered {e.message.split(':')[0]}")
            failing += [e] if e.status >= 429 or e.unreachable else []
            continue
        if isinstance(index, dict) and ("routes" in index or "namespaces" in index):
            # Where the index was found after redirects: a site that moved is read where it is now.
            moved = response.url != api.url("") and "rest_route=" not in api.root
            return Api(response.url.split("?", 1)[0].rstrip("/") + "/") if moved else api
        answers.append(f"{api.url('')} answered JSON that is not an API index")
    if len(failing) == len(answers):
        # A site that is down, busy or not reached (its certificate refused), whose address may well be right: its
        # own answer says why, where "no WordPress REST API found: the front page links none" hid it.
        raise failing[-1]
    raise FetchError(target.site, "no WordPress REST API found: the front page links none, "
                                  f"{' and '.join(answers)}: check that the URL is the WordPress site's address")


def _linked_api(client: Client, site: str) -> Api | None:
    try:
        front = client.get_once(site, PAGE_WANTED)
    except FetchError:
        return None  # the front page is only a hint; the usual places are tried next
    found = API_LINK.search(front.headers.get("Link", ""))
    if found is None:
        page = front.body[:262144].decode("utf-8", "replace")
        tag = next((t for t in LINK_TAG.findall(page) if API_REL.search(t)), "")
        found = HREF.search(tag)
    if found is None:
        return None
    root = urljoin(front.url, html.unescape(found.group(1)).strip())
    return Api(root if "rest_route=" in root else root.rstrip("/") + "/")


def site_index(client: Client, api: Api) -> dict[str, Any] | None:
    """What the API index says of the site (its name, tagline, address, time zone), as an import reads a saved
    index; None where the index cannot be read, which costs the mirror nothing but the site's own title."""
    try:
        index, _ = get_json(client, api.url(""))
    except FetchError:
        return None
    if not isinstance(index, dict) or not ("routes" in index or "namespaces" in index):
        return None
    return {**{key: index[key] for key in INDEX_KEYS if key in index}, "routes": {}}


def find_site(client: Client, target: Target) -> Site:
    """The site's API, found (discover) and described, else where else it may answer (_elsewhere); when none
    answers, the first answer is the one to report."""
    api = discover(client, target)
    try:
        return describe(client, api)
    except FetchError as e:
        for other in _elsewhere(api, target, failing=e.unreachable or e.status >= 429):
            try:
                return describe(client, other)
            except FetchError:
                continue
        raise e from None


def _elsewhere(api: Api, target: Target, failing: bool) -> list[Api]:
    """Where the API may answer when `api` did not. WordPress names its API `/wp-json/` (in its `Link` header and
    `<link>`) whenever pretty permalinks are on in its settings, even where the web server does not route that
    path to WordPress (nginx without its `try_files`, an `.htaccess` lost in a move) or a security rule blocks it:
    `?rest_route=/` reaches the same API through index.php (not worth asking of a host that is down or busy). And
    it names the host of its address setting, which behind a proxy or on a copy of the site may be one this
    machine cannot reach (`http://10.0.0.5:8080/`): the API of the site as given is asked for at its usual places."""
    found = []
    if not failing and "rest_route=" not in api.root:
        before, marker, _ = api.root.rpartition("/wp-json/")
        found.append(Api((before + "/" if marker else target.site.rstrip("/") + "/") + "?rest_route=/", api.per_page))
    if target.api is None and urlsplit(api.root).netloc.lower() != urlsplit(target.site).netloc.lower():
        site = target.site.rstrip("/") + "/"
        found += [Api(site + "wp-json/"), Api(site + "?rest_route=/")]
    return found


def describe(client: Client, api: Api) -> Site:
    """The site's post types and taxonomies. A site that keeps `/wp/v2/types` or `/wp/v2/taxonomies` from visitors (a
    security plugin) while it serves its posts is described from its API index (wp_live_index), and `withheld` says
    what it refused: its types' and taxonomies' names, which the import would have taken, are then not known."""
    withheld: list[str] = []
    index = _index_once(client, api)
    types = _described(client, api, "types", index, withheld)
    taxonomies = _described(client, api, "taxonomies", index, withheld)
    if not isinstance(types, dict) or not isinstance(taxonomies, dict):
        raise FetchError(api.url("wp/v2/types"), "expected the post types and taxonomies as JSON objects")
    bases = _rest_bases(taxonomies)
    type_taxonomies = {slug: frozenset(bases[t] for t in value["taxonomies"] if isinstance(t, str) and t in bases)
                       for slug, value in types.items()
                       if isinstance(value, dict) and isinstance(value.get("taxonomies"), list)}
    hierarchical = frozenset(base for slug, base in bases.items() if taxonomies[slug].get("hierarchical") is True)
    term_routes = {bases[slug]: route for slug, route in _routes(taxonomies, bases).items() if route != bases[slug]}
    refused = {w.split(": ")[0] for w in withheld}
    return Site(api, _routes(types, _rest_bases(types)), bases,
                None if api.url("wp/v2/taxonomies") in refused else taxonomies, type_taxonomies,
                None if api.url("wp/v2/types") in refused else types, hierarchical, term_routes,
                withheld=tuple(withheld))


def route_refused(error: FetchError) -> bool:
    """Whether WordPress refused a route to visitors (401, 403) or said it has none (404 `rest_no_route`), as a
    security plugin does, rather than the web server's 404 page for an API it does not route at all, or a refusal of
    every route (LOCKED_OUT), which the API index would only repeat."""
    said = error.message.split(": ")[0]
    if error.status in (401, 403):
        return said.rsplit(" ", 1)[-1] not in LOCKED_OUT
    return error.status == 404 and " rest_" in said


def _index_once(client: Client, api: Api) -> Callable[[], Any]:
    """The API index, asked for at most once, and only when needed."""
    asked: list[Any] = []

    def index() -> Any:
        if not asked:
            asked.append(get_json(client, api.url(""))[0])
        return asked[0]
    return index


def _described(client: Client, api: Api, kind: str, index: Callable[[], Any], withheld: list[str]) -> Any:
    """`/wp/v2/types` or `/wp/v2/taxonomies`; where the site refuses it and its API index answers, what the index
    lists, and the refusal in `withheld`."""
    try:
        return get_json(client, api.url(f"wp/v2/{kind}"))[0]
    except FetchError as e:
        if not route_refused(e):
            raise
        try:
            listed = index()
        except FetchError:
            raise e from None  # no API here at all: find_site asks where else it may answer
        if not isinstance(listed, dict) or not ("routes" in listed or "namespaces" in listed):
            raise
        withheld.append(f"{e.url}: {e.message.split(': ')[0]}")
        return wp_live_index.described(listed, kind)


def _rest_bases(described: dict[str, Any]) -> dict[str, str]:
    return {slug: value["rest_base"] for slug, value in sorted(described.items())
            if isinstance(value, dict) and isinstance(value.get("rest_base"), str) and value["rest_base"]}


def _routes(described: dict[str, Any], bases: dict[str, str]) -> dict[str, str]:
    """Post type or taxonomy -> its rest_base, prefixed with its own namespace where it has one (WordPress
    5.9's `rest_namespace`, which both have) rather than wp/v2."""
    routes = dict(bases)
    for slug, base in bases.items():
        namespace = described[slug].get("rest_namespace")
        if isinstance(namespace, str) and namespace.strip("/") not in ("", "wp/v2"):
            routes[slug] = f"{namespace.strip('/')}/{base}"
    return routes


def _collection(rest_base: str) -> str:
    return rest_base if "/" in rest_base else f"wp/v2/{rest_base}"


def post_url(api: Api, rest_base: str, post_id: int) -> str:
    """Where the API serves one post."""
    return api.url(f"{_collection(rest_base)}/{post_id}")


def post_types(site: Site, wanted: Sequence[str], rest_base: str | None) -> tuple[dict[str, str], list[str]]:
    """The post types to read -> their rest_base: those named, else the one a collection URL names,
    else every type of posts (not attachments, menus, the editor's wp_* types, nor the types that hold
    plugins' records or the site's design, whose posts the import skips)."""
    if wanted:
        missing = [t for t in wanted if t not in site.types]
        known = ", ".join(sorted(site.types))
        return ({t: site.types[t] for t in wanted if t in site.types and not _not_posts(t)},
                [f"types: the site has no post type {t!r} in its REST API (it has: {known}); a type is there only "
                 "if registered with show_in_rest" for t in missing] + _refused(t for t in wanted if t in site.types))
    if rest_base is not None:
        found = {t: b for t, b in site.types.items() if b == rest_base}
        refused = _refused(found)
        return ({} if refused else found), refused or ([] if found else
                                                       [f"the site has no post type served at {rest_base!r}"])
    found = {t: b for t, b in site.types.items()
             if t not in INTERNAL_TYPES and not t.startswith("wp_") and not _not_posts(t)}
    return found, [] if found else [f"the site lists no post types at {site.api.url('wp/v2/types')}"]


def _not_posts(post_type: str) -> str:
    """What a type's posts are, when the import skips them: a plugin's records (forms, their entries, orders,
    galleries' settings), which a site that shows them in REST serves to anyone, or the site's design."""
    return SKIPPED[RECORD] if post_type in RECORD_TYPES else SKIPPED[DESIGN] if is_design_type(post_type) else ""


def _refused(types: Iterable[str]) -> list[str]:
    return [f"types: the posts of {t!r} are each {_not_posts(t)}, not a post of the site: newsmirror does not "
            "mirror them; leave the type out" for t in types if _not_posts(t)]


def term_ids(client: Client, site: Site, slugs: Mapping[str, Sequence[str]], key: str
             ) -> tuple[dict[str, list[int]], list[str]]:
    """{taxonomy: [term slugs]} -> {rest_base: [term ids]}, as the REST filters take them."""
    found: dict[str, list[int]] = {}
    problems = []
    for taxonomy, wanted in sorted(slugs.items()):
        base = site.taxonomies.get(taxonomy) or (taxonomy if taxonomy in site.taxonomies.values() else None)
        if base is None:
            problems.append(f"{key}.{taxonomy}: the site has no such taxonomy in its REST API "
                            f"(it has: {', '.join(sorted(site.taxonomies))}); a taxonomy is there only if "
                            "registered with show_in_rest")
            continue
        url = site.api.url(site.collection(base), {"slug": ",".join(wanted), "per_page": str(min(len(wanted), PER_PAGE)),
                                             "_fields": "id,slug"})
        terms, _ = get_json(client, url)
        ids = {t.get("slug"): t.get("id") for t in terms if isinstance(t, dict)} if isinstance(terms, list) else {}
        problems.extend(f"{key}.{taxonomy}: the site has no term {slug!r}" for slug in wanted if slug not in ids)
        found[base] = sorted(i for s, i in ids.items() if s in wanted and isinstance(i, int))
    return found, problems


def smaller_page(error: FetchError, per_page: int) -> int | None:
    """The largest page the site serves, when it refused `per_page` as too large: WordPress says so ("per_page
    must be between 1 (inclusive) and 50 (inclusive)", in the site's language) where a plugin lowered its 100."""
    said = error.message.rsplit("per_page", 1)[-1] if error.status == 400 and "per_page" in error.message else ""
    largest = max(map(int, re.findall(r"\d+", said)), default=0)  # the range's end
    return largest if 1 <= largest < per_page else None


def list_posts(client: Client, api: Api, rest_base: str, params: Mapping[str, str],
               modified_after: str = "", pages_read: PagesRead | None = None) -> Listing:
    """Every post the query selects (or only those modified after a time), by id: pages of (up to) 100 ids,
    dates and slugs. Ordered by id, which edits do not move, so the pages hold still while read.
    `pages_read` hears (pages read, pages) after each page, once the site has said how many there are."""
    query = {**params, "_fields": LISTED_FIELDS, "per_page": str(api.per_page), "orderby": "id", "order": "asc"}
    if modified_after:
        query["modified_after"] = modified_after
    listing, page, pages = Listing(per_page=api.per_page), 1, None
    while pages is None or page <= pages:
        url = api.url(_collection(rest_base), {**query, "page": str(page)})
        try:
            data, response = get_json(client, url)
            if not isinstance(data, list):
                raise FetchError(url, "expected a JSON list of posts")
        except FetchError as e:
            smaller = smaller_page(e, api.per_page) if page == 1 else None
            if smaller is not None:
                return list_posts(client, replace(api, per_page=smaller), rest_base, params, modified_after,
                                  pages_read)
            if page > 1 and e.status == 400:
                # WordPress's answer past the last page: of a site that does not say how many there are,
                # or of one that lost posts while the pages were read, when a post may have moved onto a
                # page already read; that listing is not whole, but nothing failed.
                listing.complete &= pages is None
                break
            listing.problems.append(Problem(e.url, message=e.message))
            listing.complete = False
            if pages is None:
                listing.closed = e if e.status in CLOSED_STATUSES else None
                return listing  # how many pages are left is not known
            page += 1
            continue
        if page == 1:
            # A proxy may strip these headers; then pages are read until one is short.
            pages = _count(response.headers, "X-WP-TotalPages")
            listing.total = _count(response.headers, "X-WP-Total")
        if page > 1 and _repeats(listing, data):
            listing.problems.append(Problem(url, message=f"the posts of an earlier page again: {QUERY_IGNORED}"))
            listing.complete = False
            break  # every further page would be the same, and without a page count, endless
        _add_listed(listing, data, url)
        if pages_read is not None and pages:
            pages_read(page, pages)
        if not data:
            # The end, whatever the site said of its pages (a cache or plugin may overstate them, and answer
            # every page past the posts with an empty list); not at the first short page, though: a site may
            # serve fewer than asked without saying so (_still_wanted).
            break
        page += 1
    if listing.total is not None and len(listing.posts) != listing.total and not modified_after:
        listing.complete = False  # posts came or went while the pages were read
    return listing


def _repeats(listing: Listing, data: list[Any]) -> bool:
    listed = [post.get("id") for post in data if isinstance(post, dict)]
    return bool(listed) and all(i in listing.posts for i in listed)


def count_posts(client: Client, api: Api, rest_base: str, params: Mapping[str, str]) -> int | None:
    """How many posts the query selects, from one request for one id."""
    url = api.url(_collection(rest_base), {**params, "_fields": "id", "per_page": "1"})
    try:
        _, response = get_json(client, url)
    except FetchError:
        return None
    return _count(response.headers, "X-WP-Total")


def _count(headers: Mapping[str, str], name: str) -> int | None:
    value = headers.get(name, "").strip()
    return int(value) if value.isdigit() else None


def _add_listed(listing: Listing, data: list[Any], url: str) -> None:
    """The page's posts into the listing. Posts that lack a field are one Problem per field, which names
    them: a site whose plugin strips a field from its REST API lacks it in every post, and one line per
    post of a site of thousands would bury the advice."""
    lacking: dict[str, list[str]] = {}
    for i, post in enumerate(data):
        listed = _listed(post)
        if isinstance(listed, Listed):
            listing.posts[listed.id] = listed
        else:
            named = post.get("id") if isinstance(post, dict) and isinstance(post.get("id"), int) else f"#{i}"
            lacking.setdefault(listed, []).append(str(named))
    for name, items in lacking.items():
        more = f" and {len(items) - 1} more" if len(items) > 1 else ""
        listing.problems.append(Problem(url, items[0] + more, name, LACKING))
        listing.complete = False


def _listed(post: Any) -> Listed | str:
    """The post as listed, or the name of the first field it lacks."""
    if not isinstance(post, dict):
        return "id"
    kinds = {"id": int, "slug": str, "modified": str, "modified_gmt": str, "date_gmt": str}
    lacking = next((name for name, kind in kinds.items()
                    if not isinstance(post.get(name), kind) or isinstance(post.get(name), bool)), None)
    return lacking or Listed(post["id"], post["slug"], post["modified"], post["modified_gmt"], post["date_gmt"])


def fetch_posts(client: Client, api: Api, rest_base: str, ids: Sequence[int], embedding: Embedding | None = None
                ) -> Iterator[tuple[list[int], list[dict[str, Any]], list[Problem]]]:
    """The full posts with `_embed`, a page of ids per request, with a Problem for what could not be fetched.

    `_embed` runs every plugin's filters on every author, term and image a post links, and on some
    sites that ends in a server error: a batch that fails so is asked again without, and so are the
    batches after it (their names are then fetched by id), and those of the other types that share
    `embedding`. A batch the site still fails on is asked for
    in halves (_isolated), as one post whose page crashes a plugin must not cost the 99 others. A post
    the site lists but does not serve by id is in no batch's answer (see _still_wanted)."""
    embedding = embedding if embedding is not None else Embedding()
    size, pending = api.per_page, list(ids)
    while pending:
        batch, pending = pending[:size], pending[size:]
        try:
            posts = _posts(client, api, rest_base, batch, embedding.on)
        except FetchError as e:
            failed = e
        else:
            pending, size = _still_wanted(batch, posts, pending, size)
            yield batch, posts, []
            continue
        posts = (_posts_without_embed(client, api, rest_base, batch) if embedding.on and _embed_failed(failed)
                 else None)
        embedding.on = embedding.on and posts is None
        if posts is not None and failed.status < 500:
            embedding.refused = f"{api.url(_collection(rest_base), {'_embed': '1'})}: {failed.message.split(': ')[0]}"
        if posts is not None:
            pending, size = _still_wanted(batch, posts, pending, size)
            yield batch, posts, []
        elif failed.status >= 500 and len(batch) > 1:
            yield batch, *_isolated(client, api, rest_base, batch, embedding.on, failed)
        else:
            yield batch, [], [Problem(failed.url, message=failed.message)]


def _embed_failed(error: FetchError) -> bool:
    """Whether a batch asked for with `_embed` may be served without it: a server error in what it embeds, or a
    firewall's rule against the parameter (400, 401 or 403 for `_embed` alone; asked again, the site tells)."""
    return error.status >= 500 or error.status in (400, 401, 403)


def _still_wanted(batch: list[int], served: list[dict[str, Any]], pending: list[int], size: int
                  ) -> tuple[list[int], int]:
    """The ids left to ask for, and how many to ask for at once, after a request for `batch` was answered
    with `served`. A site that serves some of a batch but not all serves no more at once, without saying
    so: a theme's pre_get_posts hook that sets posts_per_page for every query, the REST API's too, is
    common. The rest are asked for again, as many at once as it served. Of a batch it serves none of,
    the posts are not served by id at all (deleted or unpublished since they were listed): left out. Only
    what was asked for counts as served, so a site that answers with other objects (a cache that ignores
    the query) is not asked the same batch forever: each request asked again has served one id at least."""
    got = {item.get("id") for item in served} & set(batch)
    left = [i for i in batch if i not in got]
    if not got or not left:
        return pending, size
    return left + pending, len(got)


def _isolated(client: Client, api: Api, rest_base: str, batch: list[int], embed: bool, failed: FetchError
              ) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The posts of a batch the site failed on (`failed`), asked for in halves down to the posts it fails
    on alone, each then a Problem. When both halves of a batch fail, the site is failing, not a post:
    the batch is one Problem, so a site that is down costs two requests per batch, not two hundred."""
    if len(batch) == 1:
        return [], [Problem(failed.url, f"post {batch[0]}", message=f"{failed.message} (the site fails on "
                                                                      "this post alone; the others were fetched)")]
    halves, posts, problems, errors = (batch[:len(batch) // 2], batch[len(batch) // 2:]), [], [], []
    for half in halves:
        try:
            posts += _posts(client, api, rest_base, half, embed)
        except FetchError as e:
            errors.append((half, e))
    if len(errors) == 2 or any(e.status < 500 for _, e in errors):
        return posts, [Problem(failed.url, message=failed.message)]
    for half, error in errors:
        found, missing = _isolated(client, api, rest_base, half, embed, error)
        posts, problems = posts + found, problems + missing
    return posts, problems


def _posts_without_embed(client: Client, api: Api, rest_base: str, batch: list[int]) -> list[dict[str, Any]] | None:
    try:
        return _posts(client, api, rest_base, batch, embed=False)
    except FetchError:
        return None  # the site fails without `_embed` too: the first error says more


def _posts(client: Client, api: Api, rest_base: str, batch: list[int], embed: bool) -> list[dict[str, Any]]:
    query = {"include": ",".join(map(str, batch)), "per_page": str(api.per_page), **({"_embed": "1"} if embed else {})}
    url = api.url(_collection(rest_base), query)
    data, _ = get_json(client, url)
    if not isinstance(data, list):
        raise FetchError(url, "expected a JSON list of posts")
    posts = [post for post in data if isinstance(post, dict)]
    if any(post.get("id") not in batch for post in posts):
        raise FetchError(url, f"posts that were not asked for: {QUERY_IGNORED}")
    return posts


def name_lookups(site: Site, posts: Sequence[dict[str, Any]]) -> dict[str, list[int]]:
    """What posts need named: route -> ids of terms, users and media. A post without `_embedded` needs them
    all; one with it, the terms of hierarchical taxonomies, as `_embed` serves terms in the `embed` context,
    which leaves out their `parent` (an import of a crawl that saved /wp/v2/categories knows it), and its featured
    image where `_embedded` lacks it."""
    wanted: dict[str, set[int]] = {}
    for post in posts:
        embedded = "_embedded" in post
        for base in site.taxonomies.values():
            ids = post.get(base)
            if isinstance(ids, list) and (not embedded or base in site.hierarchical):
                wanted.setdefault(base, set()).update(i for i in ids if isinstance(i, int))
        if not embedded and isinstance(post.get("author"), int) and post["author"] > 0:
            wanted.setdefault("users", set()).add(post["author"])
        # The REST API plugin's betas (before WordPress 4.7) named the featured image's id `featured_image`, and
        # their `_embed` left it out: its picture was lost to a sync where an import of a crawl found it.
        media = post.get("featured_media", post.get("featured_image"))
        if isinstance(media, int) and media > 0 and not (embedded and _embeds_media(post["_embedded"])):
            wanted.setdefault("media", set()).add(media)
    return {route: sorted(ids) for route, ids in sorted(wanted.items()) if ids}


def _embeds_media(embedded: Any) -> bool:
    """Whether a post's `_embedded` holds its featured image, as `wp:featuredmedia` or, in the REST API plugin's
    betas, under its link's full name."""
    return isinstance(embedded, dict) and any(key in embedded for key in ("wp:featuredmedia",
                                                                            "https://api.w.org/featuredmedia"))


def embeds_refused(posts: Sequence[dict[str, Any]]) -> dict[str, str]:
    """route -> the refusal (`HTTP 401 rest_user_cannot_view`) `_embed` put where a post's authors (`users`), featured
    image (`media`) or terms (their taxonomy's rest_base) would be: a site that keeps a route from visitors (a
    security plugin or setting) or has removed it (404 rest_no_route) embeds its answer in their place."""
    found: dict[str, str] = {}
    for post in posts:
        embedded, links = post.get("_embedded"), post.get("_links")
        if not isinstance(embedded, dict):
            continue
        for key, route in (("author", "users"), ("wp:featuredmedia", "media")):
            for value in embedded.get(key) if isinstance(embedded.get(key), list) else []:
                said = _refusal(value)
                if said:
                    found.setdefault(route, said)
        named = links.get("wp:term") if isinstance(links, dict) and isinstance(links.get("wp:term"), list) else []
        groups = embedded.get("wp:term") if isinstance(embedded.get("wp:term"), list) else []
        for group, link in zip(groups, named):
            said = _refusal(group)
            href = link.get("href") if isinstance(link, dict) else None
            if said and isinstance(href, str):
                found.setdefault(_route_of(href), said)
    return found


def _refusal(value: Any) -> str:
    """`HTTP 401 rest_forbidden` for an error WordPress embedded in place of an object; '' for anything else."""
    if not isinstance(value, dict) or "code" not in value or "id" in value:
        return ""
    data = value.get("data")
    status = data.get("status") if isinstance(data, dict) else None
    return f"HTTP {status} {value['code']}" if isinstance(status, int) else str(value["code"])


def _route_of(href: str) -> str:
    """A taxonomy's rest_base from its terms' link: `…/wp/v2/tags?post=7`, `…?rest_route=/wp/v2/tags&post=7`."""
    parts = urlsplit(href)
    route = parse_qs(parts.query).get("rest_route", [parts.path])[0]
    return route.rstrip("/").rsplit("/", 1)[-1]


def fetch_by_id(client: Client, site: Site, route: str, ids: Sequence[int]
                ) -> Iterator[list[dict[str, Any]] | FetchError]:
    """Terms (route: their taxonomy's rest_base), users or media by id, 100 per request (or as many as the
    site serves: _still_wanted)."""
    api = site.api
    size, pending = api.per_page, list(ids)
    while pending:
        batch, pending = pending[:size], pending[size:]
        url = api.url(site.collection(route), {"include": ",".join(map(str, batch)), "per_page": str(api.per_page)})
        try:
            data, _ = get_json(client, url)
        except FetchError as e:
            yield e
            continue
        found = [obj for obj in data if isinstance(obj, dict)] if isinstance(data, list) else []
        pending, size = _still_wanted(batch, found, pending, size)
        yield found
