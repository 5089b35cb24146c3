"""Configuration: defaults build the sample; every problem is listed at once, naming its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Config, ConfigError, Taxonomy, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "newsmirror.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config(None)
    assert config == Config()
    assert config.path("content") == Path("content")


def test_file_in_working_folder_is_used_and_paths_resolve_against_it(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, '[site]\ntitle = "REE mirror"\n[paths]\ncontent = "data/posts"\n'
                    '[taxonomies]\nregions = "Regions"\nnews-type = "News type"\n')
    monkeypatch.chdir(tmp_path)
    config = load_config(None)
    assert config.site.title == "REE mirror"
    assert config.path("content") == Path("data/posts")
    assert config.taxonomies == (Taxonomy("regions", "Regions"), Taxonomy("news-type", "News type"))
    assert load_config(tmp_path / "newsmirror.toml").path("content") == tmp_path / "data/posts"


def test_every_problem_is_reported_at_once_with_its_key(tmp_path: Path) -> None:
    path = write(tmp_path, '[site]\ntitle = 3\nbase_url = "ftp://x"\nlogo = "a.png"\n'
                           '[build]\nposts_per_page = "ten"\n[extra]\n[taxonomies]\nregions = 1\n')
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    for key in ("site.title: expected a string, got an integer", "site.logo: unknown key",
                "build.posts_per_page: expected an integer", "extra: unknown key", "taxonomies.regions"):
        assert key in message
    assert all(line.startswith(str(path)) for line in message.splitlines())


def test_value_checks_run_when_types_are_right(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, '[site]\nbase_url = "user.github.io/repo"\n[build]\nposts_per_page = 0\n'))
    assert len(error.value.problems) == 2


def test_base_url_gets_a_trailing_slash(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[site]\nbase_url = "https://user.github.io/repo"\n'))
    assert config.site.base_url == "https://user.github.io/repo/"


def test_overrides_are_validated_like_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="site.base_url"):
        load_config(None, {"site": {"base_url": "not a url"}})


def test_broken_toml_names_the_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"newsmirror.toml: not valid TOML: .*line 1"):
        load_config(write(tmp_path, "[site\n"))


def test_sources_are_read_with_their_curation(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[sync]\nrequest_interval = 2\n'
                                         '[[sources]]\nname = "ree"\nurl = "https://ree.example/wp-json/wp/v2/news-archive"\n'
                                         'include = {regions = ["china"], news-type = ["policy", "trade"]}\n'
                                         'exclude = {organization = ["x"]}\nafter = 2024-01-31\n'
                                         'before = "2025-06-01T12:00:00"\nsearch = "magnet"\nids = [1, 2]\n'
                                         'max_posts = 50\ntypes = ["news-archive"]\n'
                                         '[[sources]]\nname = "blog"\nurl = "https://blog.example/"\n'))
    ree, blog = config.sources
    assert config.sync.request_interval == 2.0
    assert ree.include == (("news-type", ("policy", "trade")), ("regions", ("china",)))
    assert (ree.after, ree.before, ree.ids, ree.max_posts) == ("2024-01-31T00:00:00", "2025-06-01T12:00:00", (1, 2), 50)
    assert (blog.name, blog.types, blog.max_posts) == ("blog", (), 0)


def test_every_problem_in_sources_is_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, '[sync]\nretries = -1\n'
                           '[[sources]]\nname = "Bad Name"\nurl = "ftp://x"\nids = ["a"]\ncolour = 1\nafter = "soon"\n'
                           'include = {regions = "china"}\nmax_posts = -2\n'
                           '[[sources]]\nname = "ok"\nurl = "https://a.example/"\n'
                           '[[sources]]\nname = "ok"\nurl = "https://b.example/"\n')
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert error.value.problems == [
        "sources[0].colour: unknown key (known: name, url, types, include, exclude, after, before, search, ids, "
        "max_posts)",
        "sources[0].after: expected a date such as 2024-01-31, got 'soon'",
        "sources[0].ids: expected an array of integers, got ['a']",
        "sources[0].max_posts: must be 0 (no limit) or more, got -2",
        "sources[0].include.regions: expected an array of strings, got 'china'",
        "sources[0].name: expected a short name of lowercase letters, digits, '-' and '_' (it names a folder), "
        "got 'Bad Name'",
        "sources[0].url: expected an http(s) URL of a WordPress site or REST collection, got 'ftp://x'",
        "sources[2].name: 'ok' names two sources; each needs its own",
    ]
    with pytest.raises(ConfigError, match="sync.retries: must be 0 or more, got -1"):
        load_config(write(tmp_path, "[sync]\nretries = -1\n"))


def test_import_site_is_an_address(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, '[import]\nsite = "https://example.org/"\n')).imports.site == "https://example.org/"
    with pytest.raises(ConfigError, match="import.site: expected the site's address such as 'https://example.org/', "
                                          "got 'example.org'"):
        load_config(write(tmp_path, '[import]\nsite = "example.org"\n'))


def test_media_limits_are_checked_and_passed_down(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, '[media]\nmax_width = 0\nmax_bytes = -1\nformats = ["avif"]\n'))
    assert error.value.problems == ["media.formats: unknown key (known: max_width, max_bytes)"]
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, '[media]\nmax_width = 0\nmax_bytes = -1\n'))
    assert error.value.problems == ["media.max_width: must be at least 1, got 0",
                                    "media.max_bytes: must be at least 1, got -1"]
    assert load_config(write(tmp_path, '[media]\nmax_width = 800\n')).media.max_width == 800


def test_change_history_limits_are_checked_and_passed_down(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, '[changes]\nhistory = 0\nupdates = -5\n'))
    assert error.value.problems == ["changes.history: must be at least 1, got 0",
                                    "changes.updates: must be at least 1, got -5"]
    changes = load_config(write(tmp_path, '[changes]\nrevisions = 3\n')).changes
    assert (changes.history, changes.revisions, changes.updates) == (50, 3, 200)


@pytest.mark.parametrize(("paths", "says"), [
    ('output = "content"', "paths.output: content holds paths.content content; the build replaces"),
    ('content = "site/posts"', "paths.output: site holds paths.content site/posts; the build replaces"),
    ('static = "site/css"', "paths.output: site holds paths.static site/css"),
    ('output = "content/site"', "paths.output: content/site is inside paths.content content; the build would read"),
    ('output = "static/site"', "paths.output: static/site is inside paths.static static"),
    ('output = "templates/out"', "paths.output: templates/out is inside paths.templates templates"),
    ('output = "."', "paths.output: '.' holds the configuration's own folder"),
    ('output = ".."', "paths.output: '..' holds the configuration's own folder"),
    ('output = ""', "paths.output: expected a folder name, got ''"),
    ('content = "a\\u0000b"', "paths.content: expected a folder name, got 'a\\x00b'"),
    ('templates = "newsmirror.toml"', "paths.templates: newsmirror.toml is a file, not a folder"),
])
def test_folders_that_overlap_or_are_unusable_are_refused(tmp_path: Path, paths: str, says: str) -> None:
    """A build replaces its output folder whole: with the content inside it, the posts were deleted (a build
    with content = "site/posts" left site/posts empty); with output = "." or "" it ended in a traceback."""
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, f"[paths]\n{paths}\n"))
    assert [says in line for line in str(error.value).splitlines()] == [True]


def test_the_site_language_is_a_language_tag(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"site.language: expected a BCP 47 tag such as 'en' or 'pt-BR', "
                                          r"got '../../etc'"):
        load_config(write(tmp_path, '[site]\nlanguage = "../../etc"\n'))
    assert load_config(write(tmp_path, '[site]\nlanguage = "pt_BR"\n')).site.language == "pt_BR"


def test_a_file_that_is_not_utf8_is_named_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "newsmirror.toml"
    path.write_text('[site]\ntitle = "Café"\n', encoding="utf-16")
    with pytest.raises(ConfigError, match=r"newsmirror.toml: not UTF-8 text \(byte 0\): save it as UTF-8"):
        load_config(path)


def test_a_path_starting_with_a_tilde_is_in_the_users_home_as_in_a_shell(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """`output = "~/site"` made a folder named ~ beside the configuration, and a build wrote the site there."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    config = load_config(write(tmp_path, '[paths]\noutput = "~/site"\n'))
    assert config.path("output") == tmp_path / "home" / "site"


def test_a_tilde_that_names_no_user_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, '[paths]\noutput = "~no-such-user-r37/site"\n'))
    assert error.value.problems == ["paths.output: '~no-such-user-r37/site' names no user's home folder; "
                                    "write the path in full"]


def test_jobs_beyond_any_machine_are_refused(tmp_path: Path) -> None:
    """100000 jobs were accepted, and a build forked until the machine ran out of processes."""
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, "[build]\njobs = 100000\n"))
    assert error.value.problems == ["build.jobs: must be 0 (one per core) to 256, got 100000"]
