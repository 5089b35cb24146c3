"""Custom types' posts in a database dump get the web address the site's own links give them: a story's links to
other stories of a `news-archive` type stayed remote links on the mirror, and the stories said nowhere where they
were."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.builder import run_build
from generator.sources.linked_addresses import learnt
from tests.site_content import config
from tests.test_sources_sql import CREATE_POSTS, _import, _row

OPTIONS = {"home": "https://example.com", "permalink_structure": "/%postname%/"}


def _post(ident: int, slug: str, kind: str = "news-archive", content: str = "", parent: int = 0,
          status: str = "publish") -> dict[str, object]:
    return {"ID": str(ident), "post_name": slug, "post_type": kind, "post_status": status,
            "post_content": content, "post_parent": str(parent)}


def _links_to(*addresses: str) -> str:
    return "".join(f'<p><a href="{address}">story</a></p>' for address in addresses)


def test_a_type_linked_under_one_folder_gives_all_its_posts_an_address_there() -> None:
    rows = [_post(1, "hello", "post", _links_to("https://www.example.com/news-archive/lithium-deal/",
                                                "http://example.com/news-archive/cobalt-mine/#x")),
            _post(2, "lithium-deal"), _post(3, "cobalt-mine"), _post(4, "nickel"), _post(5, "draft", status="draft")]
    assert learnt(rows, {1: "https://example.com/hello/"}, OPTIONS) == {
        2: "https://example.com/news-archive/lithium-deal/", 3: "https://example.com/news-archive/cobalt-mine/",
        4: "https://example.com/news-archive/nickel/"}


def test_nothing_is_guessed_without_a_link_or_where_links_disagree_or_name_no_fixed_folder() -> None:
    unlinked = [_post(1, "hello", "post", _links_to("https://other.org/news-archive/nickel/")), _post(2, "nickel")]
    assert learnt(unlinked, {}, OPTIONS) == {}
    split = [_post(1, "a", "post", _links_to("https://example.com/news/nickel/", "https://example.com/n/zinc/")),
             _post(2, "nickel"), _post(3, "zinc")]
    assert learnt(split, {}, OPTIONS) == {}
    dated = [_post(1, "a", "post", _links_to("https://example.com/2024/03/nickel/")), _post(2, "nickel")]
    assert learnt(dated, {}, OPTIONS) == {}
    plain = [_post(1, "a", "post", _links_to("https://example.com/news/nickel/")), _post(2, "nickel")]
    assert learnt(plain, {}, {**OPTIONS, "permalink_structure": ""}) == {}
    hand_made = [*plain, {**_post(3, "zinc"), "post_type": ["news"]}, {**_post(4, "tin"), "post_name": 7}]
    assert learnt(hand_made, {}, OPTIONS) == {2: "https://example.com/news/nickel/"}


def test_a_link_to_a_known_page_casts_no_vote_and_a_child_sits_under_its_parent() -> None:
    rows = [_post(1, "about", "page"), _post(2, "team", "page", parent=1),
            _post(3, "a", "post", _links_to("https://example.com/about/team/", "https://example.com/guides/setup/",
                                            "https://example.com/guides/setup/t%C3%A9l%C3%A9/")),
            _post(4, "team", "guide"), _post(5, "setup", "guide"), _post(6, "t%c3%a9l%c3%a9", "guide", parent=5)]
    known = {1: "https://example.com/about/", 2: "https://example.com/about/team/"}
    assert learnt(rows, known, {**OPTIONS, "permalink_structure": "/%postname%"}) == {
        4: "https://example.com/guides/team", 5: "https://example.com/guides/setup",
        6: "https://example.com/guides/setup/t%c3%a9l%c3%a9"}


SLUG = st.text(alphabet="abcdefgh-", min_size=1, max_size=6).filter(lambda s: s.strip("-") == s)


@settings(max_examples=200, deadline=None)
@given(st.lists(SLUG, min_size=1, max_size=6, unique=True), st.lists(st.integers(0, 5), max_size=6),
       st.sampled_from(["news", "press/items", "2024"]))
def test_only_linked_types_get_addresses_and_a_linked_post_gets_the_address_linked(
        slugs: list[str], linked: list[int], folder: str) -> None:
    targets = sorted({slugs[i % len(slugs)] for i in linked})
    rows = [_post(100, "home", "post", _links_to(*(f"https://example.com/{folder}/{s}/" for s in targets))),
            *(_post(i + 1, slug) for i, slug in enumerate(slugs))]
    found = learnt(rows, {}, OPTIONS)
    if not targets or folder.isdigit():
        assert found == {}
    else:
        assert set(found) == set(range(1, len(slugs) + 1))
        assert {found[slugs.index(s) + 1] for s in targets} == {f"https://example.com/{folder}/{s}/" for s in targets}


def test_a_dumped_storys_links_to_other_stories_of_its_type_lead_to_their_mirrored_pages(tmp_path: Path) -> None:
    options = ("INSERT INTO `wp_options` VALUES (1,'home','https://example.com','yes'),"
               "(2,'permalink_structure','/%postname%/','yes');\n")
    link = "<p>See <a href=\\\"https://example.com/news-archive/post-2/\\\">the deal</a>.</p>"
    rows = [_row(1, "News", link), _row(2, "Deal", "<p>Signed.</p>", kind="news-archive")]
    result, documents = _import(tmp_path, CREATE_POSTS + options + f"INSERT INTO `wp_posts` VALUES {','.join(rows)};\n")
    assert result.problems == []
    assert documents["news-archive/post-2.md"].source.url == "https://example.com/news-archive/post-2/"
    assert run_build(config(tmp_path, tmp_path / "content")).problems == []
    page = (tmp_path / "site/post/post-1/index.html").read_text(encoding="utf-8")
    assert 'href="../../news-archive/post-2/index.html"' in page
