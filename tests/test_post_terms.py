"""model.make_posts gives a post the terms of the taxonomies the site publishes, in their order (not its front
matter's), each once, one Term per taxonomy and slug shared by every post: whether its StoredPost was made of a
Document (model.stored_post) or of the build cache's front matter (loading.stored_post_of), which the post is now
copied from whole."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.config import Taxonomy
from generator.convert.document import Term, TermRegistry
from generator.model import build_site, make_posts, stored_post
from generator.output.loading import meta_of, stored_post_of
from tests.site_content import post

WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
NAMES = ["category", "post_tag", "regions", "series"]

_slugs = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=4)  # a slug named twice now and then
_taxonomies = st.lists(st.tuples(st.sampled_from(NAMES), _slugs), max_size=4).map(dict)


def _expected(named: dict[str, list[str]], published: list[str], registry: TermRegistry) -> list[tuple[str, str, str]]:
    found = []
    for taxonomy in published:
        for slug in dict.fromkeys(named.get(taxonomy, ())):
            stored = registry.get(taxonomy, slug)
            found.append((taxonomy, slug, stored.name if stored and stored.name else slug))
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(_taxonomies, min_size=1, max_size=6), st.permutations(NAMES), st.integers(0, 4), st.booleans())
def test_a_posts_terms_are_those_its_taxonomies_name_in_the_sites_order(
        named: list[dict[str, list[str]]], names: list[str], count: int, cached: bool) -> None:
    published = names[:count]
    registry = TermRegistry()
    registry.add(Term("category", "a", "Alpha"))
    documents = [post(f"post-{n}", WHEN, taxonomies={k: tuple(v) for k, v in found.items()})
                 for n, found in enumerate(named)]
    stored = [stored_post_of(f"news-archive/post-{n}.md", str(n), meta_of(d))
              if cached else stored_post(f"news-archive/post-{n}.md", str(n), d) for n, d in enumerate(documents)]
    posts = list(make_posts(stored, registry, {name: name for name in published}))
    for made, found in zip(posts, named):
        assert [(t.taxonomy, t.slug, t.name) for t in made.terms] == _expected(found, published, registry)
    # One Term per taxonomy and slug, shared by every post that names it.
    assert len({id(t) for made in posts for t in made.terms}) == len({(t.taxonomy, t.slug) for made in posts
                                                                     for t in made.terms})


def test_the_site_groups_posts_under_the_terms_made_either_way() -> None:
    """Posts naming their taxonomies in another order than the site's, or a term twice, are grouped under the same
    terms, in the site's order."""
    documents = [post("first", WHEN, taxonomies={"regions": ("eu",), "category": ("news",)}),
                 post("second", WHEN, taxonomies={"category": ("news",), "regions": ("eu", "eu")})]
    stored = [stored_post(f"news-archive/{d.slug}.md", d.slug, d) for d in documents]
    site = build_site(stored, TermRegistry(), (Taxonomy("category", "Categories"), Taxonomy("regions", "Regions")))
    assert [[(t.taxonomy, t.slug) for t in p.terms] for p in site.posts] == [[("category", "news"), ("regions", "eu")]] * 2
    assert [[len(listing.posts) for listing in taxonomy.terms] for taxonomy in site.taxonomies] == [[2], [2]]
