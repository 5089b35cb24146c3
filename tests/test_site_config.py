"""Build settings in newsmirror.toml: table of contents levels, feeds, related posts, CNAME."""

from __future__ import annotations

import pytest

from generator.config import ConfigError, parse_config


def test_build_settings_have_defaults_and_read_from_toml_shapes() -> None:
    config = parse_config({})
    assert (config.build.toc_levels, config.build.feed_entries, config.build.related_posts) == ((2, 4), 20, 5)
    assert config.build.jobs == 0 and parse_config({"build": {"jobs": 3}}).build.jobs == 3
    assert (config.site.author, config.site.cname) == ("", "")
    config = parse_config({"build": {"toc_levels": [2, 3], "feed_entries": 5, "related_posts": 0},
                           "site": {"author": "The desk", "cname": "news.example.org",
                                    "base_url": "https://news.example.org/"}})
    assert config.build.toc_levels == (2, 3) and config.build.related_posts == 0
    assert config.site.cname == "news.example.org"


def test_every_bad_build_setting_is_named() -> None:
    with pytest.raises(ConfigError) as error:
        parse_config({"build": {"toc_levels": [4, 2], "feed_entries": 0, "related_posts": -1, "jobs": -1},
                      "site": {"cname": "https://news.example.org/"}}, "newsmirror.toml")
    message = str(error.value)
    for key in ("build.toc_levels: expected [first, last] heading levels", "build.feed_entries: must be at least 1",
                "build.related_posts: must be 0 or more", "build.jobs: must be 0 (one per core) to 256",
                "site.cname: expected a bare domain"):
        assert f"newsmirror.toml: {key}" in message


@pytest.mark.parametrize("levels", [[2], [2, 3, 4], [0, 3], [2, 7], ["2", "4"], [2.0, 4]])
def test_toc_levels_must_be_two_heading_levels(levels: list) -> None:
    with pytest.raises(ConfigError, match=r"build\.toc_levels"):
        parse_config({"build": {"toc_levels": levels}})


def test_toc_levels_of_the_wrong_type_say_an_array_is_expected() -> None:
    with pytest.raises(ConfigError, match=r"build\.toc_levels: expected an array, got a string"):
        parse_config({"build": {"toc_levels": "2-4"}})


def test_cname_must_match_the_base_url_host() -> None:
    with pytest.raises(ConfigError, match=r"site\.cname: .*'news\.example\.org'.*'user\.github\.io'"):
        parse_config({"site": {"cname": "news.example.org", "base_url": "https://user.github.io/mirror/"}})
