"""Posts saved from WPGraphQL (sources/wpgraphql.py), as headless front ends save their queries' answers: every
post was refused ("field 'id': expected an integer, got str", the node's global id) and nothing imported. The
shapes are WPGraphQL's: relay envelopes of `nodes` or `edges`, global ids, `{"node": …}` connections."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from generator.importer import run_import
from generator.sources.saved import read_items
from generator.store.documents import loads
from generator.store.terms import read_terms

SITE = "https://cranes.example"


def global_id(kind: str, ident: int) -> str:
    return base64.b64encode(f"{kind}:{ident}".encode()).decode()


def node(ident: int, slug: str, **fields: object) -> dict[str, object]:
    post: dict[str, object] = {
        "id": global_id("post", ident), "databaseId": ident, "slug": slug, "title": f"Crane &#8211; {slug}",
        "content": f"<p>How a {slug} lifts.</p>\n", "excerpt": f"<p>About {slug}.</p>\n",
        "date": "2026-07-10T09:52:59", "dateGmt": "2026-07-10T02:52:59", "modified": "2026-07-11T08:00:00",
        "modifiedGmt": "2026-07-11T01:00:00", "uri": f"/{slug}/", "link": f"{SITE}/{slug}/", "status": "publish",
        "author": {"node": {"databaseId": 3, "name": "Tim Teknis", "slug": "tim"}},
        "categories": {"nodes": [{"databaseId": 12, "name": "Tips &amp; cara", "slug": "tips"}]},
        "featuredImage": {"node": {"sourceUrl": f"{SITE}/uploads/{slug}.webp", "altText": "A crane"}},
    }
    post.update(fields)
    return post


def test_a_relay_answer_of_post_nodes_is_read_as_the_rest_posts_they_are(tmp_path: Path) -> None:
    answer = {"data": {"posts": {"nodes": [node(17046, "gantry"), node(17050, "hoist")]}},
              "extensions": {"debug": []}}
    (tmp_path / "posts.json").write_text(json.dumps(answer))
    items, problems = read_items([tmp_path])
    assert problems == [] and [(i.kind, i.data["id"], i.data["type"]) for i in items] == [
        ("post", 17046, "post"), ("post", 17050, "post")]
    post = items[0].data
    assert post["title"] == {"rendered": "Crane &#8211; gantry"} and post["date_gmt"] == "2026-07-10T02:52:59"
    assert post["author"] == 3 and post["categories"] == [12] and post["featured_media"] > 0


def test_edges_global_ids_and_terms_without_ids_are_read_and_imported(tmp_path: Path) -> None:
    """Gatsby's `allWpPage` and a query that asked for no `databaseId`: the global id names the post, the terms
    get ids made from their slugs, and the page is a page."""
    page = node(0, "about", __typename="WpPage", categories=None, author=None, featuredImage=None)
    del page["databaseId"]
    page["id"] = global_id("post", 40)
    post = node(0, "gantry", categories={"edges": [{"node": {"name": "Tips", "slug": "tips"}}]},
                author={"node": {"name": "Tim Teknis"}})
    del post["databaseId"]
    post["id"] = global_id("post", 41)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "site.json").write_text(json.dumps(
        {"data": {"allWpPage": {"edges": [{"node": page}]}, "allWpPost": {"edges": [{"node": post}]}}}))
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert result.problems == [] and sorted(p.path for p in result.posts) == ["page/about.md", "post/gantry.md"]
    document = loads((tmp_path / "content" / "post" / "gantry.md").read_text())
    assert document.author == "Tim Teknis" and document.image.url == f"{SITE}/uploads/gantry.webp"
    assert document.taxonomies == {"category": ("tips",)} and document.source.id == 41
    registry, _ = read_terms(tmp_path / "content")
    assert registry.terms["category"]["tips"].name == "Tips"


def test_a_list_of_nodes_alone_is_read_and_other_string_ids_stay_refused(tmp_path: Path) -> None:
    (tmp_path / "nodes.json").write_text(json.dumps([node(5, "crane")]))
    (tmp_path / "dump.json").write_text(json.dumps([{"id": "abc", "title": "T", "content": "<p>x</p>"}]))
    items, _ = read_items([tmp_path / "nodes.json"])
    assert [(i.kind, i.data["id"], i.data["link"]) for i in items] == [("post", 5, f"{SITE}/crane/")]
    items, _ = read_items([tmp_path / "dump.json"])
    assert items[0].data["id"] == "abc"  # no WPGraphQL id: left for the conversion to name


def test_dates_gatsby_formatted_for_people_are_read_as_their_day(tmp_path: Path) -> None:
    """A Gatsby query's `date(formatString: "MMMM DD, YYYY")` saves "May 05, 2021": every such post was refused
    ("not an ISO 8601 date"). Each is read as its day; a date no format names stays for the conversion to name."""
    shapes = {"gantry": "May 05, 2021", "hoist": "Sep 3rd, 2020", "winch": "14 February 2019", "jib": "Maytime 5, 2021"}
    nodes = [node(i, slug, date=date, dateGmt=None, modified=None, modifiedGmt=None)
             for i, (slug, date) in enumerate(shapes.items(), 1)]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "posts.json").write_text(json.dumps({"data": {"posts": {"nodes": nodes}}}))
    result = run_import([tmp_path / "in"], tmp_path / "content")
    dates = {p: loads((tmp_path / "content" / "post" / f"{p}.md").read_text()).date.date().isoformat()
             for p in ("gantry", "hoist", "winch")}
    assert dates == {"gantry": "2021-05-05", "hoist": "2020-09-03", "winch": "2019-02-14"}
    assert [str(p) for p in result.problems] and "jib" not in {p.path.removeprefix("post/") for p in result.posts}


def test_a_custom_taxonomys_connection_gives_the_post_its_terms(tmp_path: Path) -> None:
    """A news site's regions and topics, asked for by their GraphQL names (`regions { nodes { name slug } }`), were
    dropped: only categories and tags were read. The author and languages, which have names and slugs too, are no
    terms."""
    post = node(17046, "gantry", regions={"nodes": [{"name": "North Coast", "slug": "north-coast",
                                                     "taxonomyName": "region"}]},
                topics={"edges": [{"node": {"name": "Ports", "slug": "ports", "databaseId": 77}}]},
                language={"name": "English", "slug": "en"}, translations=[{"name": "x", "slug": "y"}])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "posts.json").write_text(json.dumps({"data": {"posts": {"nodes": [post]}}}))
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert result.problems == []
    document = loads((tmp_path / "content" / "post" / "gantry.md").read_text())
    assert document.taxonomies == {"category": ("tips",), "region": ("north-coast",), "topics": ("ports",)}
    registry, _ = read_terms(tmp_path / "content")
    assert registry.terms["region"]["north-coast"].name == "North Coast"


def test_an_answer_saved_without_its_envelope_or_inside_a_pages_props_is_read(tmp_path: Path) -> None:
    """A GraphQL client returns the answer's `data` alone (`{"posts": {"nodes": […]}}`), and Next.js saves the props
    a page was built with (`{"pageProps": {"post": {…}}}`): both were refused as "not a WordPress post … it has posts
    but no id or title or content", and nothing was imported."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "posts.json").write_text(json.dumps({"posts": {"nodes": [node(17046, "gantry")]}}))
    (tmp_path / "in" / "hoist.json").write_text(json.dumps(
        {"pageProps": {"data": {"post": node(17050, "hoist")}, "menu": {"nodes": []}}, "__N_SSG": True}))
    (tmp_path / "in" / "other.json").write_text(json.dumps({"posts": {"total": 2}, "site": {"name": "Cranes"}}))
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert sorted(p.path for p in result.posts) == ["post/gantry.md", "post/hoist.md"]
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'in' / 'other.json'}: not a WordPress post, term, user or media object: it has posts, site but"
        " no id or title or content"]
