"""Pictures and links of a site built on its maker's machine, in its public posts (convert/built_locally.py)."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.built_locally import local_and_public_homes
from generator.convert.wp_post import to_document
from tests.conftest import rest_item
from tests.test_fuzz_import import markup


@pytest.mark.parametrize(("link", "guid", "homes"), [
    ("http://comic.example/boil/", "http://localhost/?p=1096", ("http://localhost/", "http://comic.example/")),
    ("https://comic.example/boil/", "http://comic.local/?p=12", ("http://comic.local/", "https://comic.example/")),
    # XAMPP's folder: kept where the public address is under it too, else the public site is at its host's root
    ("https://x.example/comic/boil/", "http://localhost/comic/?p=12", ("http://localhost/comic/",
                                                                        "https://x.example/comic/")),
    ("https://x.example/boil/", "http://127.0.0.1:8080/comic/index.php?p=12", ("http://127.0.0.1:8080/comic/",
                                                                                "https://x.example/")),
    ("https://comic.example/boil/", "https://comic.example/?p=12", ()),  # built where it is served
    ("http://localhost/m/posts/3", "https://news.example/tide/", ()),  # saved from the maker's machine
    ("https://comic.example/boil/", "/?p=12", ()), ("", "http://localhost/?p=12", ()),
    ("https://comic.example/boil/", "http://[::1/?p=12", ()), ("http://[x/", "http://localhost/?p=12", ())])
def test_the_local_home_is_the_guids_and_the_public_one_the_links(link: str, guid: str, homes: tuple[str, ...]
                                                                  ) -> None:
    assert local_and_public_homes(link, guid) == homes


def test_a_strip_built_on_localhost_shows_its_picture_from_the_public_site() -> None:
    """A webcomic's REST post: its address public, its guid and its one picture on the machine it was built on
    (342 strips of round 62a)."""
    item = rest_item(link="http://comic.example/boil/", guid={"rendered": "http://localhost/?p=1096"},
                     content={"rendered": '<figure class="wp-block-image"><img src="http://localhost/wp-content/'
                                          'uploads/2022/07/Boil.jpg" alt="Boil"></figure>'})
    document = to_document(item).document
    assert document.body.strip() == "![Boil](http://comic.example/wp-content/uploads/2022/07/Boil.jpg)"
    assert document.source.guid == "http://localhost/?p=1096"  # (what the site said, kept)


@settings(max_examples=150, deadline=None)
@given(markup(), st.sampled_from(["http://localhost/", "http://localhost/comic/", "http://comic.local:8080/"]))
def test_any_markup_of_a_site_built_locally_converts_without_a_warning(html: str, local: str) -> None:
    html = html.replace("https://e.com/", local)
    item = rest_item(link="https://comic.example/comic/boil/", guid={"rendered": f"{local}?p=7"},
                     content={"rendered": html})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            to_document(item)
        except Exception as error:  # an item error names the field; anything else is a fault
            assert type(error).__name__ == "ItemError", error
