"""`newsmirror sync` of real sites' saved REST crawls served as live sites (round 62e, tests/tools/replay.py): what
a sync of the site, changed upstream between syncs, must give against an import of the site saved anew, each case a
small fake site modelled on what the replayed sites did."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from generator.sources.http import Politeness
from generator.sync import SyncOptions, run_sync, source_from_url
from generator.sync_terms import post_class
from tests.fake_wordpress import FakeWordPress, SiteData, generated_site
from tests.test_sync import posts, sync


def shown_term(site: SiteData) -> dict[str, Any]:
    """A term some post has, which its `class_list` shows."""
    return next(t for t in site.terms for p in site.posts["news-archive"]
                if t["id"] in p.get(t["taxonomy"], []) and f"{t['taxonomy']}-{t['slug']}" in p["class_list"])


def edit_term(site: SiteData, term: dict[str, Any], deleted: bool = False, **changes: Any) -> None:
    """A term renamed or deleted as WordPress does it: its posts' `class_list` (made when they are served) follows,
    their modified time stays."""
    old = f"{term['taxonomy']}-{term['slug']}"
    term.update(changes)
    for post in site.posts["news-archive"]:
        if term["id"] in post.get(term["taxonomy"], []):
            post["class_list"] = [c for c in post["class_list"] if c != old] + (
                [] if deleted else [f"{term['taxonomy']}-{term['slug']}"])
            if deleted:
                post[term["taxonomy"]] = [i for i in post[term["taxonomy"]] if i != term["id"]]
    if deleted:
        site.terms.remove(term)


@pytest.mark.parametrize("embed", [True, False])
def test_a_term_renamed_upstream_is_renamed_in_the_mirror_though_no_post_changed(tmp_path: Path, embed: bool) -> None:
    """WordPress keeps a post's `modified` when its term is renamed, so an incremental sync fetched none of its
    posts again and kept the old name and slug (a replayed Indian town's site: its category renamed, the mirror
    kept "Uncategorized" where an import of the site saved anew showed the new name). The terms its stored posts
    use are asked for again, and the mirror ends as a first sync of the renamed site writes it, whether the site
    embeds them or they were looked up by id."""
    site = generated_site(12)
    site.embed = embed
    term = shown_term(site)
    with FakeWordPress(site) as wp:
        sync(wp.url, tmp_path / "content")
        edit_term(site, term, name="Renamed upstream", slug="renamed-upstream",
                  link=term["link"].replace(term["slug"], "renamed-upstream"))
        result = sync(wp.url, tmp_path / "content")
        sync(wp.url, tmp_path / "fresh")
    assert result.problems == []
    assert "name: Renamed upstream" in (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")
    assert posts(tmp_path / "content") == posts(tmp_path / "fresh")


def test_a_term_deleted_upstream_leaves_the_posts_that_had_it(tmp_path: Path) -> None:
    """Deleting a term takes it off its posts without changing their modified time either: the posts an earlier
    sync fetched kept it, and the mirror filed them under a term the site no longer has. A term asked for by id and
    not served is taken off the stored posts, as a first sync of the site gives them."""
    site = generated_site(12)
    term = shown_term(site)
    with FakeWordPress(site) as wp:
        sync(wp.url, tmp_path / "content")
        edit_term(site, term, deleted=True)
        result = sync(wp.url, tmp_path / "content")
        sync(wp.url, tmp_path / "fresh")
    assert result.problems == []
    assert posts(tmp_path / "content") == posts(tmp_path / "fresh")


def test_term_lists_holding_what_is_no_id_are_brought_up_to_date_around_it(tmp_path: Path) -> None:
    """A site whose posts' term lists and classes hold other values beside ids (an object, a list: what a
    plugin's filter may leave) stopped the sync with a TypeError (unhashable) once a term was deleted; those
    values are passed over, and the mirror ends as a first sync of the site writes it."""
    site = generated_site(12)
    term = shown_term(site)
    for post in site.posts["news-archive"]:
        if term["id"] in post.get(term["taxonomy"], []):
            post[term["taxonomy"]] = [*post[term["taxonomy"]], {"id": term["id"]}, [term["id"]]]
            post["class_list"] = [*post["class_list"], ["odd"]]
    with FakeWordPress(site) as wp:
        sync(wp.url, tmp_path / "content")
        edit_term(site, term, deleted=True)
        result = sync(wp.url, tmp_path / "content")
        sync(wp.url, tmp_path / "fresh")
    assert result.problems == []
    assert posts(tmp_path / "content") == posts(tmp_path / "fresh")


def test_a_site_that_ignores_the_query_of_terms_takes_no_term_off_a_post(tmp_path: Path) -> None:
    """A cache in front of the site that ignores the query string answers `?include=` with its first terms: the
    terms it did not serve are not taken for deleted, and the posts keep them."""
    site = generated_site(12)
    with FakeWordPress(site) as wp:
        sync(wp.url, tmp_path / "content")
        before = posts(tmp_path / "content")
        others = [t for t in site.terms if t["taxonomy"] == "regions"][:3]
        wp.fail("/wp/v2/regions?include=", body=json.dumps(others).encode(), times=-1)
        result = sync(wp.url, tmp_path / "content")
    assert result.problems == []
    assert posts(tmp_path / "content") == before


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key, made by openssl."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no certificate to serve https with")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    return cert, key


def redirected_to_https(wp: FakeWordPress, cert: Path, key: Path) -> ThreadingHTTPServer:
    """The fake site served over https, and a server on another port that sends every request there, as a host
    whose http address redirects to https does."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    wp._server.socket = context.wrap_socket(wp._server.socket, server_side=True)
    port = wp._server.server_address[1]

    class Redirect(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            self.send_response(301)
            self.send_header("Location", f"https://127.0.0.1:{port}{self.path}")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_site_redirected_to_https_with_a_certificate_not_trusted_is_one_line_naming_it(
        tmp_path: Path, certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A host whose http address redirects to https on another port, with a self-signed certificate: the sync said
    "no WordPress REST API found: the front page links none, … answered cannot connect", after retrying each
    address (15 s), and then looked for its feed; the certificate is named at once, with what to do. With its
    authority named in SSL_CERT_FILE, the site is synced through the redirect."""
    with FakeWordPress(generated_site(3), discovery="wp-json") as wp:  # (its Link header would name http)
        redirect = redirected_to_https(wp, *certificate)
        url = f"http://127.0.0.1:{redirect.server_address[1]}/"
        result = run_sync([source_from_url(url)], tmp_path / "content",
                          SyncOptions(politeness=Politeness(min_interval=0.0, retries=1, backoff=5.0), workers=1))
        monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
        trusted = sync(url, tmp_path / "trusted")
        redirect.shutdown()
    assert [p.message for p in result.problems] == [
        "cannot connect: its certificate is not trusted (self-signed certificate): check the address (a certificate "
        "names the hosts it is for), or, for a site with a certificate of its own, name the file of its authority in "
        "SSL_CERT_FILE"]
    assert result.waited == 0  # (no retry: a certificate refused now is refused again)
    assert trusted.problems == [] and len(posts(tmp_path / "trusted")) == 3


def test_a_featured_image_named_as_the_rest_api_plugins_betas_name_it_is_looked_up(tmp_path: Path) -> None:
    """A site still on the REST API plugin's betas (2015-2016; a replayed Quebec web conference's 407 posts) names
    a post's featured image `featured_image`, not `featured_media`, and its `_embed` leaves the picture out: an
    import of its crawl showed 34 featured images that the sync lost. Where `_embedded` lacks the featured image,
    it is looked up by id."""
    site = generated_site(6)
    for post in site.posts["news-archive"]:
        post["featured_image"] = post.pop("featured_media")  # (which the fake's _embed then leaves out, as they did)
    with FakeWordPress(site) as wp:
        result = sync(wp.url, tmp_path / "content")
    assert result.problems == []
    shown = [text for text in posts(tmp_path / "content").values() if b"\nimage:\n  url: https://example.com/" in text]
    assert len(shown) == sum(1 for p in site.posts["news-archive"] if p["featured_image"]) > 0


def test_a_terms_class_is_the_one_get_post_class_gives() -> None:
    """The class a renamed term's posts lose and gain in their `class_list`: WordPress's prefix for categories and
    tags, the taxonomy's name for others, and the term's id where its slug leaves no class (its %-escapes dropped)."""
    assert [post_class(t, {"id": 26, "slug": s}) for t, s in [("category", "news"), ("post_tag", "ree-news"),
                                                              ("regions", "china"), ("category", "%d8%b4%d8%b1"),
                                                              ("post_tag", "2024")]] == [
        "category-news", "tag-ree-news", "regions-china", "category-26", "tag-26"]


def test_a_term_a_list_leaves_out_but_its_own_address_serves_stays_on_its_posts(tmp_path: Path) -> None:
    """WPML and Polylang leave the terms of languages other than the default out of a list of terms, `?include=`
    too: taken for deleted, they were taken off every translated post (a replayed Japanese consultancy's 26 posts
    lost their categories where the site still had them). A term a list leaves out is asked for at its own
    address, and only "rest_term_invalid" (a term that does not exist) takes it off its posts."""
    site = generated_site(12)
    with FakeWordPress(site) as wp:
        sync(wp.url, tmp_path / "content")
        before = posts(tmp_path / "content")
        wp.fail("/wp/v2/news-type?include=", body=b"[]", times=-1)
        result = sync(wp.url, tmp_path / "content")
    assert result.problems == []
    assert posts(tmp_path / "content") == before


def test_a_crawl_replayed_as_a_live_site_syncs_as_it_imports(tmp_path: Path) -> None:
    """tests/tools/replay.py, which this round's cases came from: a saved crawl served on 127.0.0.1 under its own
    addresses made the server's, synced, gives the Markdown an import of the same crawl, rehosted alike, gives."""
    from generator.importer import ImportOptions, run_import
    from tests.fake_wordpress import _with_embedded
    from tests.tools.replay import load_crawl, rehosted_copy, site_origins
    site = generated_site(5)
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "posts.json").write_text(json.dumps([_with_embedded(site, p) for p in site.posts["news-archive"]]))
    origins = site_origins(crawl)
    assert origins[0] == "https://example.com"
    with FakeWordPress(SiteData()) as wp:
        local = wp.url.rstrip("/")
        wp.site, counts = load_crawl(crawl, (origins, local))
        result = sync(wp.url, tmp_path / "synced")
    rehosted_copy(crawl, tmp_path / "copy", origins, local)
    assert counts["posts"] == 5
    run_import([tmp_path / "copy"], tmp_path / "imported", ImportOptions(workers=1))
    assert result.problems == []
    assert posts(tmp_path / "synced") == posts(tmp_path / "imported") != {}
