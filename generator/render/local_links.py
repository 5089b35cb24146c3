"""Links between mirrored posts stay in the mirror.

A link in a body to the original URL of a post that is in the site becomes a relative link to that
post's page, so a reader offline follows it; a link to anything else stays as it is. URLs are
compared after normalising what WordPress sites vary on: scheme, host case, `www.`, the trailing
slash and percent-encoding. WordPress also reaches a post by its id (`/?p=123`, `/?page_id=123`,
which is what its guid usually is) and a custom type's post by `/?<type>=<slug>`: these find the post
too, on the host of its URL or its guid. A site that moved keeps its earlier address in the guids
WordPress wrote then (`http://old.example/?p=73`, never changed), and its older posts link to each other
there: a post's path finds it on those hosts too. A link written as the site writes its own links
(`../other/index.html`, in a hand-written post) finds the page at that path.

A link to a path that no post has, right under the site's home or under a date there (`/slug/`,
`/2014/03/09/slug/`), finds the post whose slug its last part is, when one post alone has that slug
(`guess_key`): WordPress answers such an address with that post (redirect_guess_404_permalink), so the links
a site wrote before it changed its permalinks still lead to their posts there.

A link to the site's archive of a category, tag or other term (`/category/news/`, `/tag/lithium/`,
`/?tag=lithium`, `/?category_name=news`; a subcategory's `/category/news/markets/`) becomes a link to that term's
page, on any host of the site and under its home: the host's root, or the folder its top-level pages are in
(`https://host/blog/about/` is home `/blog`).
"""

from __future__ import annotations

from collections import Counter

from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

from generator import urls
from generator.model import Post, Site

# The host in the keys of addresses with none (see _hostless): no web address has it, and, unlike a key that
# starts with '/', no key of a page or picture (page_key, remote_media.media_key) can start with it.
NO_HOST = "~"
# Query parameters by which WordPress finds a post from its id, whatever the permalink settings.
ID_PARAMETERS = ("p", "page_id")
# The query parameter by which it finds a post of a type from its slug; a custom type's is its name.
SLUG_PARAMETERS = {"post": "name", "page": "pagename"}
# The most earlier hosts of the site a post's path is listed under: those its guids name most.
FORMER_HOSTS = 4
# Page paths are listed under keys that no URL's key can be (those start with a host name); see page_key.
PAGE_KEY = "/page "
# Where WordPress puts a term's archive under the site's home by default, and the query that finds it:
# `/category/<slug>/` and `?category_name=<slug>`; another taxonomy's are under its own name.
ARCHIVE_BASES = {"category": "category", "post_tag": "tag"}
ARCHIVE_QUERIES = {"category": "category_name", "post_tag": "tag"}


def source_key(url: str) -> str | None:
    """What two URLs of the same post have in common, or None for a URL that names no web page."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "") or not (parts.hostname or _hostless(url, parts)):
        return None
    host = (parts.hostname or NO_HOST).removeprefix("www.")
    if port not in (None, 80, 443):
        host += f":{port}"
    post_id = _post_id(parts.query)
    if post_id is not None:
        return f"{host}?p={post_id}"
    query = f"?{unquote(parts.query)}" if parts.query else ""
    return host + unquote(parts.path).rstrip("/") + query


def _hostless(url: str, parts: SplitResult) -> bool:
    """Whether `url` is a path from a site's root with no host (`/2016/03/slug/`, `/?p=12`): how a crawl whose saver
    made every address relative to the site names its posts and links. Its key is its path on the host
    of NO_HOST, which no web address has, so it finds only posts whose source.url has no host either."""
    return not parts.scheme and not parts.netloc and url.strip().startswith("/")


def _post_id(query: str) -> str | None:
    """The id in `p=123` or `page_id=123`, which lead to that post on any path of its site."""
    if "=" not in query:
        return None
    for name, value in parse_qsl(query):
        if name in ID_PARAMETERS and value.isdigit():
            return str(int(value))
    return None


def identity(post: Post) -> tuple[str, str, str, str, str, str, bool]:
    """All of a post that local_pages reads."""
    source = post.source
    return (urls.post(post), source.url, source.guid, repr(source.id), post.type, post.slug, bool(source.parent))


def inputs(site: Site) -> tuple[list[tuple], list[tuple[str, str, str]]]:
    """All that local_pages(site) reads: the same inputs give the same pages, whatever the posts' dates."""
    terms = [(taxonomy.wordpress_name, listing.term.slug, urls.term(listing.term))
             for taxonomy in site.taxonomies for listing in taxonomy.terms]
    return sorted(map(identity, site.posts)), terms


def local_pages(site: Site) -> dict[str, str]:
    """Normalised original URL -> page path of every post; of two posts with one URL, the one whose `identity`
    (page path first) sorts first. Not the newest: then a date moved could change the pages (see `inputs`).

    Every post's own URL is listed before any other way to reach a post (its guid, its id, its type and
    slug), so that a guid or an id never takes the URL of another post."""
    posts = [post for _, _, post in sorted((identity(post), n, post) for n, post in enumerate(site.posts))]
    # Each post's URL and guid are parsed once here (parsing is most of the work: a full build waits for it).
    found = [(post, urls.post(post), source_key(post.source.url), source_key(post.source.guid)) for post in posts]
    pages: dict[str, str] = {}
    for _, page, url_key, _ in found:
        if url_key is not None:
            pages.setdefault(url_key, page)
    former = _former_hosts([(url_key, guid_key) for _, _, url_key, guid_key in found])
    for post, page, url_key, guid_key in found:
        for key in _other_keys(post, url_key, guid_key) + _on_hosts(url_key, former):
            pages.setdefault(key, page)
        pages[page_key(page)] = page
    homes = _homes([(post, url_key) for post, _, url_key, _ in found])
    for key, page in _guesses(found, homes, former):
        pages.setdefault(key, page)
    for taxonomy in site.taxonomies:
        name = taxonomy.wordpress_name  # WordPress's links name it so, whatever folder its pages are in
        base, query = ARCHIVE_BASES.get(name, name), ARCHIVE_QUERIES.get(name, name)
        for listing in taxonomy.terms:
            page, slug = urls.term(listing.term), listing.term.slug
            for home in homes:
                pages.setdefault(f"{home}/{base}/{slug}", page)
                pages.setdefault(f"{home}?{query}={slug}", page)
    return pages


def _homes(found: list[tuple[Post, str | None]]) -> list[str]:
    """The keys of the site's home on each host of its posts: the host's root, and the folder that holds its
    top-level pages (`host/blog` of `host/blog/about`), where a site lives in a folder."""
    homes = {_host(url_key) for _, url_key in found if url_key is not None and "?" not in url_key}
    return sorted(homes | _page_homes(found))


def _page_homes(found: list[tuple[Post, str | None]]) -> set[str]:
    """The keys of the places that hold a top-level page of the site: `host/blog` of `host/blog/about`, `host` of
    `host/about`."""
    return {url_key[:-len(post.slug) - 1] for post, url_key in found
            if url_key is not None and "?" not in url_key and post.type == "page" and not post.source.parent
            and url_key.endswith("/" + post.slug)}


def _guesses(found: list[tuple[Post, str, str | None, str | None]], homes: list[str],
             former: list[str]) -> list[tuple[str, str]]:
    """The keys by which guess_key finds a post: its slug under each home of the site on the hosts of its URL and
    guid, and under those homes' folders on the site's earlier hosts; for each slug that one post alone has (of
    two, WordPress's guess could lead to either). A host's root is no home of a site in a folder there, unless a
    top-level page is at the root too."""
    # A root that holds a top-level page of its own stays a home beside a folder: a multilingual site's
    # language folder (WPML's and Polylang's `/en/`) is no site in a folder, and its links to `/slug/` reach a post
    # saved from that folder (`/en/slug/`), one id at two addresses.
    rooted = _page_homes([(post, url_key) for post, _, url_key, _ in found])
    homes = [home for home in homes
             if "/" in home or home in rooted or not any(other.startswith(home + "/") for other in homes)]
    folders = {home[len(_host(home)):] for home in homes}
    slugs = Counter(post.slug.lower() for post, _, _, _ in found)
    guesses = []
    for post, page, url_key, guid_key in found:
        slug = post.slug.lower()
        if slugs[slug] > 1 or slug.isdigit():
            continue
        hosts = {_host(key) for key in (url_key, guid_key) if key is not None}
        places = {home for home in homes if _host(home) in hosts}
        places |= {host + folder for host in former for folder in folders}
        guesses += [(f"{home} slug {slug}", page) for home in sorted(places)]
    return guesses


def guess_key(key: str) -> str | None:
    """The key of the post that a link's key, a path no post has, may still lead to: that of the slug its last
    part is, under the home its path leaves after that part and the date before it (see the module's
    docstring); None for a key with a query and for a last part of digits."""
    if "?" in key:
        return None
    head, _, slug = key.rpartition("/")
    while head.rpartition("/")[2].isdigit():
        head = head.rpartition("/")[0]
    return f"{head} slug {slug.lower()}" if head and slug and not slug.isdigit() else None


def archive_key(key: str) -> str | None:
    """A subcategory's archive (`host/category/news/markets`) is found by its own slug (`host/category/markets`),
    as WordPress finds it; None for any other key."""
    head, found, tail = key.partition("/category/")
    if not found or "/" not in tail or "?" in tail:
        return None
    return f"{head}/category/{tail.rsplit('/', 1)[1]}"


def _host(key: str) -> str:
    return key.split("/", 1)[0].split("?", 1)[0]


def _former_hosts(keys: list[tuple[str | None, str | None]]) -> list[str]:
    """The hosts the site had before, most named first: those of the guids WordPress wrote (`host?p=12`) that no
    post's URL has."""
    current = {_host(url_key) for url_key, _ in keys if url_key is not None}
    named = Counter(_host(guid_key) for _, guid_key in keys if guid_key is not None and "?p=" in guid_key)
    return [host for host, _ in named.most_common() if host not in current][:FORMER_HOSTS]


def _on_hosts(url_key: str | None, hosts: list[str]) -> list[str]:
    """The keys of the post's path on each of `hosts`."""
    if url_key is None or not hosts:
        return []
    rest = url_key[len(_host(url_key)):]
    return [host + rest for host in hosts] if rest.startswith("/") and rest.strip("/") else []


def page_key(path: str) -> str:
    """The key under which local_pages lists the page at `path` (a path in the site), for links to it."""
    return PAGE_KEY + path


def _other_keys(post: Post, url_key: str | None, guid_key: str | None) -> list[str]:
    """The keys of the links that reach `post` other than its URL (whose key is `url_key`): its guid, and its
    id and its type and slug on the host of its URL and of its guid (a guid often names the host the site had
    when it was written)."""
    keys = [] if guid_key is None else [guid_key]
    for key in (url_key, guid_key):
        if key is None:
            continue
        host = key.split("/", 1)[0].split("?", 1)[0]
        if isinstance(post.source.id, int) and post.source.id > 0:
            keys.append(f"{host}?p={post.source.id}")
        keys.append(f"{host}?{SLUG_PARAMETERS.get(post.type, post.type)}={post.slug}")
    return keys
