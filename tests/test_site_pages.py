"""Every page type of a small built site, read back as a reader would see it."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from generator.builder import run_build
from generator.convert.document import Source
from generator.render.templates import TemplateError
from tests.site_content import PACIFIC, config, post, write_content
from tests.site_reading import links_to, page, resolve

TAXONOMIES = {"news-type": "News type", "organization": "Organizations", "regions": "Regions", "topics": "Topics"}
BASE = "https://user.github.io/mirror/"


def at(month: int, day: int, year: int = 2024, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=PACIFIC)


def documents() -> list:
    return [
        post("alpha", at(1, 5), updated=at(1, 7), author="Ada Lovelace",
             taxonomies={"news-type": ["mining", "ree-news"], "organization": ["lynas"], "regions": ["china"]},
             body="Intro.\n\n## First part {#first}\n\nText.\n\n#### Skipped level\n\nText.\n\n"
                  "## Second part\n\nText.\n\n## Second part\n\nAgain.\n"),
        post("bravo", at(2, 10), taxonomies={"news-type": ["ree-news"], "regions": ["china"]}),
        post("charlie", at(2, 20), taxonomies={"news-type": ["mining"], "organization": ["lynas"],
                                               "regions": ["australia"]}),
        post("delta", at(3, 1, 2025), summary="", taxonomies={}, source=Source(0, "", ""), body=""),
        post("about", at(5, 1, 2023), type="page"),
    ]


NAMES = {("news-type", "ree-news"): "REE News", ("organization", "lynas"): "Lynas Rare Earths"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("pages")
    content = write_content(tmp / "content", documents(), NAMES)
    result = run_build(config(tmp, content, TAXONOMIES, site={"base_url": BASE, "cname": "user.github.io"},
                              build={"posts_per_page": 2}))
    assert result.problems == []
    return tmp / "site"


def texts(site: Path, path: str, selector: str) -> list[str]:
    return [" ".join(tag.get_text().split()) for tag in page(site, path).select(selector)]


def titles(site: Path, path: str) -> list[str]:
    return texts(site, path, "ol.posts h2")


def test_home_lists_every_post_newest_first_over_pages(site: Path) -> None:
    assert titles(site, "index.html") == ["Delta", "Charlie"]
    assert titles(site, "page/2/index.html") == ["Bravo", "Alpha"]
    assert titles(site, "page/3/index.html") == ["About"]
    assert links_to(site, "index.html", "page/2/index.html")
    assert links_to(site, "page/3/index.html", "page/2/index.html")
    assert not (site / "page/4").exists()


def test_later_pages_of_the_home_page_name_the_site_once_in_their_title(site: Path) -> None:
    # The home list's title is the site's, which every page's title ends with: "Site (page 2) · Site" before.
    site_title = page(site, "index.html").title.get_text()
    assert page(site, "page/2/index.html").title.get_text() == f"Page 2 of 3 · {site_title}"
    assert page(site, "archive/2024/page/2/index.html").title.get_text() == f"2024 (page 2) · {site_title}"


def test_post_page_shows_dates_with_zone_author_terms_and_source(site: Path) -> None:
    path = "news-archive/alpha/index.html"
    meta = texts(site, path, "article header .meta")[0]
    assert "By Ada Lovelace" in meta
    assert "5 January 2024, 09:00 UTC-07:00" in meta and "updated 7 January 2024, 09:00 UTC-07:00" in meta
    assert texts(site, path, "dl.terms dd") == ["mining, REE News", "Lynas Rare Earths", "china"]
    source = page(site, path).select_one("footer.source a")
    assert source["href"] == "https://example.com/news/alpha/"
    assert "updated" not in texts(site, "news-archive/bravo/index.html", "article header .meta")[0]


def test_an_edit_before_the_publication_is_not_shown_as_an_update(tmp_path: Path) -> None:
    # A post scheduled ahead: last edited at 08:54, published by WordPress at 14:06 the same day.
    scheduled = post("scheduled", at(3, 4, hour=14), updated=at(3, 4, hour=8))
    content = write_content(tmp_path / "content", [scheduled], {})
    assert run_build(config(tmp_path, content, TAXONOMIES, site={"base_url": BASE})).problems == []
    meta = texts(tmp_path / "site", "news-archive/scheduled/index.html", "article header .meta")[0]
    assert "4 March 2024, 14:00 UTC-07:00" in meta and "updated" not in meta


def test_an_edit_in_the_minute_of_the_publication_is_not_shown_as_an_update(tmp_path: Path) -> None:
    # WordPress saves a post a few seconds after it publishes it: "updated" would repeat the date to the minute.
    published = at(3, 4, hour=14).replace(second=4)
    saved = post("saved", published, updated=published.replace(second=8))
    content = write_content(tmp_path / "content", [saved], {})
    assert run_build(config(tmp_path, content, TAXONOMIES, site={"base_url": BASE})).problems == []
    meta = texts(tmp_path / "site", "news-archive/saved/index.html", "article header .meta")[0]
    assert "4 March 2024, 14:00 UTC-07:00" in meta and "updated" not in meta


def test_toc_nests_skipped_levels_and_keeps_ids_unique(site: Path) -> None:
    html = page(site, "news-archive/alpha/index.html")
    top = html.select("nav.toc > ol > li")
    assert [li.a["href"] for li in top] == ["#first", "#second-part", "#second-part-2"]
    assert [a["href"] for a in top[0].select(":scope > ol a")] == ["#skipped-level"]
    ids = [tag["id"] for tag in html.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_toc_levels_are_configurable(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", documents()[:1])
    run_build(config(tmp_path, content, build={"toc_levels": [2, 3]}))
    hrefs = [a["href"] for a in page(tmp_path / "site", "news-archive/alpha/index.html").select("nav.toc a")]
    assert hrefs == ["#first", "#second-part", "#second-part-2"]


def test_previous_and_next_follow_date_order_within_the_post_type(site: Path) -> None:
    bravo = page(site, "news-archive/bravo/index.html")
    assert bravo.select_one('.neighbours a[rel="prev"]').text == "Alpha"
    assert bravo.select_one('.neighbours a[rel="next"]').text == "Charlie"
    assert page(site, "news-archive/alpha/index.html").select_one('.neighbours a[rel="prev"]') is None
    assert page(site, "page/about/index.html").select_one(".neighbours") is None


def test_related_posts_share_the_most_terms_then_are_nearest_in_time(site: Path) -> None:
    assert texts(site, "news-archive/alpha/index.html", ".related li a") == ["Bravo", "Charlie"]
    assert texts(site, "news-archive/charlie/index.html", ".related li a") == ["Alpha"]
    assert page(site, "news-archive/delta/index.html").select_one(".related") is None


def test_a_post_without_optional_fields_renders(site: Path) -> None:
    html = page(site, "news-archive/delta/index.html")
    assert html.h1.text == "Delta"
    assert html.select_one("footer.source") is None and html.select_one("nav.toc") is None
    assert html.select_one("dl.terms") is None and "By " not in html.select_one(".meta").text


def test_taxonomy_index_counts_terms_and_shows_slugs_without_names(site: Path) -> None:
    assert texts(site, "news-type/index.html", "ul.term-index li") == ["mining (2)", "REE News (2)"]
    assert texts(site, "regions/index.html", "ul.term-index li") == ["australia (1)", "china (2)"]


def test_term_pages_list_posts_newest_first_with_a_feed(site: Path) -> None:
    path = "news-type/ree-news/index.html"
    assert page(site, path).h1.text == "News type: REE News"
    assert titles(site, path) == ["Bravo", "Alpha"]
    feed = page(site, path).find("link", rel="alternate")
    assert resolve(path, feed["href"]) == "news-type/ree-news/feed.xml"
    assert (site / "news-type/ree-news/feed.xml").is_file()


def test_an_empty_taxonomy_has_an_index_that_says_so(site: Path) -> None:
    html = page(site, "topics/index.html")
    assert html.h1.text == "Topics" and "No terms yet." in html.text
    assert links_to(site, "index.html", "topics/index.html")


def test_date_archives_by_year_and_month(site: Path) -> None:
    assert texts(site, "archive/index.html", "ul.archive > li > a") == ["2025", "2024", "2023"]
    assert texts(site, "archive/index.html", "ul.archive ul a") == ["March 2025", "February 2024", "January 2024",
                                                                    "May 2023"]
    assert titles(site, "archive/2024/02/index.html") == ["Charlie", "Bravo"]
    assert titles(site, "archive/2024/index.html") == ["Charlie", "Bravo"]
    assert titles(site, "archive/2024/page/2/index.html") == ["Alpha"]
    assert links_to(site, "archive/2024/index.html", "archive/2024/01/index.html")


def test_a_list_per_post_type_when_there_are_several(site: Path) -> None:
    assert titles(site, "page/index.html") == ["About"]
    assert titles(site, "news-archive/index.html") == ["Delta", "Charlie"]
    assert links_to(site, "index.html", "page/index.html")


def test_no_list_per_post_type_when_there_is_one(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", documents()[:2])
    run_build(config(tmp_path, content))
    assert not (tmp_path / "site/news-archive/index.html").exists()


def test_404_page_links_absolutely_and_carries_its_styles(site: Path) -> None:
    html = page(site, "404.html")
    assert html.find("link", rel="stylesheet") is None and "max-width" in html.style.text
    hrefs = [a["href"] for a in html.find_all("a", href=True) if not a["href"].startswith("#")]
    assert hrefs and all(h.startswith(BASE) for h in hrefs)
    assert html.find("link", rel="canonical") is None


def test_404_page_without_base_url_links_relatively(tmp_path: Path) -> None:
    run_build(config(tmp_path, write_content(tmp_path / "content", documents()[:1])))
    html = page(tmp_path / "site", "404.html")
    assert html.select_one("a.site-title")["href"] == "index.html"


def test_github_pages_files(site: Path, tmp_path: Path) -> None:
    assert (site / ".nojekyll").is_file()
    assert (site / "CNAME").read_text() == "user.github.io\n"
    assert (site / "robots.txt").read_text().endswith(f"Sitemap: {BASE}sitemap.xml\n")
    run_build(config(tmp_path, write_content(tmp_path / "content", documents()[:1])))
    assert not (tmp_path / "site/CNAME").exists()
    assert "Sitemap" not in (tmp_path / "site/robots.txt").read_text()


def test_pages_that_would_share_a_path_are_all_reported(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", [
        post("story", at(1, 1)), post("Story", at(1, 2)), post("STORY", at(1, 3)),
        post("ok", at(1, 4), taxonomies={"page": ["2"]})])
    result = run_build(config(tmp_path, content, {"page": "Pages"}, build={"posts_per_page": 3}))
    lines = sorted(str(p) for p in result.problems)
    # Slugs that differ only in case are one file on macOS and Windows: they are made lowercase and
    # told, then the three clash on one path, which is told too.
    assert len(lines) == 5
    for name in ("Story", "STORY"):
        assert f"{tmp_path}/content/news-archive/{name}.md: field 'slug': '{name}' is not a safe file or " \
               f"folder name; used 'story'" in lines
    clashes = [line for line in lines if f"would publish to {tmp_path}/site/news-archive/story/index.html" in line]
    assert len({line.split(":")[0] for line in clashes}) == 2  # each named by the file it was read from
    assert any("item page/2: field 'slug'" in line and "home page" in line for line in lines)
    assert (tmp_path / "site/news-archive/story/index.html").is_file()
    assert not (tmp_path / "site/news-archive/STORY").exists()


def test_a_slug_too_long_for_a_file_name_is_told_on_a_short_line(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", [post("long", at(1, 1))])
    written = content / "news-archive/long.md"
    written.write_text(written.read_text().replace("slug: long", "slug: " + "s" * 5000))
    [problem] = run_build(config(tmp_path, content)).problems
    assert str(problem).endswith(f"field 'slug': {'s' * 80!r}… (5,000 characters) is not a safe file or folder "
                                 f"name; used {'s' * 80!r}… (200 characters)")


def test_a_file_where_the_site_needs_a_folder_is_left_out_and_told(tmp_path: Path) -> None:
    """A static file named as a folder of pages (`archive`), and one that would need a page as its folder
    (`index.html/x.css`): each is told and left out, and the pages stay."""
    content = write_content(tmp_path / "content", [post("story", at(1, 1))])
    static = tmp_path / "no-static"
    (static / "index.html").mkdir(parents=True)
    (static / "archive").write_text("a file\n")
    (static / "index.html" / "x.css").write_text("p {}\n")
    result = run_build(config(tmp_path, content))
    assert sorted(str(p) for p in result.problems) == [
        f"{tmp_path}/site/archive: would publish to {tmp_path}/site/archive, but archive is a file there and a "
        f"folder here; left out",
        f"{tmp_path}/site/index.html/x.css: would publish to {tmp_path}/site/index.html/x.css, but index.html "
        f"is a file there and a folder here; left out"]
    assert (tmp_path / "site/archive/index.html").is_file() and (tmp_path / "site/index.html").is_file()


def test_a_users_template_overrides_one_file_and_errors_name_template_and_line(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", documents()[:1])
    templates = tmp_path / "no-templates"
    templates.mkdir()
    (templates / "taxonomy.html").write_text('{% extends "base.html" %}{% block main %}<p>mine</p>{% endblock %}\n')
    run_build(config(tmp_path, content))
    assert "mine" in page(tmp_path / "site", "regions/index.html").text
    assert page(tmp_path / "site", "news-archive/alpha/index.html").h1.text == "Alpha"
    broken = '{% extends "base.html" %}\n{% block main %}\n{{ post.nope }}\n{% endblock %}\n'
    (templates / "post.html").write_text(broken)
    with pytest.raises(TemplateError, match=r"post\.html:3: UndefinedError: .*nope"):
        run_build(config(tmp_path, content))


def test_a_users_static_file_overrides_the_themes(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", documents()[:1])
    (tmp_path / "no-static/css").mkdir(parents=True)
    (tmp_path / "no-static/css/site.css").write_text("body { color: teal; }\n")
    run_build(config(tmp_path, content))
    assert (tmp_path / "site/css/site.css").read_text() == "body { color: teal; }\n"
    assert "teal" in page(tmp_path / "site", "404.html").style.text


def policy(site: Path, path: str) -> dict[str, str]:
    meta = page(site, path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    return {d.split()[0]: d.split(" ", 1)[1] for d in (part.strip() for part in meta.split(";"))}


def test_every_page_has_a_search_box_that_sends_its_words_to_the_search_page(site: Path) -> None:
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        if path == "search.html":
            continue
        form = page(site, path).select_one("header form[role=search]")
        assert form and form["method"] == "get", path
        target = form["action"] if path == "404.html" else resolve(path, form["action"])
        assert target == (BASE + "search.html" if path == "404.html" else "search.html"), path
        field = form.find("input", attrs={"name": "q"})
        assert form.find("label", attrs={"for": field["id"]}).get_text() == "Search the mirror"
        if path != "404.html":  # its own policy, which templates/404.html sets
            assert policy(site, path)["form-action"] == "'self'", path


def test_only_the_search_page_may_run_scripts_and_only_the_sites_own(site: Path) -> None:
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        scripts = [s["src"] for s in page(site, path).find_all("script")]
        if path == "search.html":
            assert scripts == ["js/search.js", "search/index.js"]
            assert policy(site, path)["script-src"] == "'self'" and policy(site, path)["default-src"] == "'none'"
            assert all(s.has_attr("defer") and not s.string for s in page(site, path).find_all("script"))
        else:
            assert scripts == [] and "script-src" not in policy(site, path), path


def test_the_search_page_has_a_labelled_field_a_filter_per_taxonomy_and_a_live_status(site: Path) -> None:
    html = page(site, "search.html")
    assert html.find("header form") is None  # its own form is the page's
    form = html.select_one("main form[role=search]")
    assert form["action"] == "search.html" and form["method"] == "get"
    field = form.find("input", attrs={"name": "q"})
    assert html.find("label", attrs={"for": field["id"]}).get_text() == "Words to find"
    filters = {s["name"]: [o.get_text() for o in s.find_all("option")] for s in form.find_all("select")}
    assert filters == {"news-type": ["Any", "mining (2)", "REE News (2)"],
                       "organization": ["Any", "Lynas Rare Earths (2)"],
                       "regions": ["Any", "australia (1)", "china (2)"]}  # "topics" has no terms, so no filter
    assert all(html.find("label", attrs={"for": s["id"]}) for s in form.find_all("select"))
    status = html.find(id="search-status")
    assert status["role"] == "status" and status["aria-live"] == "polite"
    assert "Search needs JavaScript" in html.find("noscript").get_text()
    assert html.find(id="search-more").has_attr("hidden")
    assert "search.html" not in (site / "sitemap.xml").read_text()


def test_terms_of_one_name_are_told_apart_by_their_slugs(tmp_path: Path) -> None:
    """A site that made a category "Other" twice: two links, or two choices, that read alike are useless."""
    when = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)
    documents = [post("one", when, taxonomies={"category": ["other"]}),
                 post("two", when, taxonomies={"category": ["qita"]})]
    content = write_content(tmp_path / "content", documents, {("category", "other"): "其它",
                                                              ("category", "qita"): "其它"})
    assert run_build(config(tmp_path, content)).problems == []
    site = tmp_path / "site"
    assert texts(site, "category/index.html", "ul.term-index li") == ["其它 (other) (1)", "其它 (qita) (1)"]
    assert texts(site, "search.html", "select option")[1:] == ["其它 (other) (1)", "其它 (qita) (1)"]


def test_a_page_under_another_names_it_and_the_other_lists_the_pages_under_it(tmp_path: Path) -> None:
    """WordPress nests pages (Travel > France > Avignon); a section page is often empty but for the list its
    theme makes of the pages under it, which the mirror makes too. A parent not mirrored, or a loop, is no parent."""
    when = datetime(2012, 8, 7, tzinfo=timezone.utc)

    def page_of(slug: str, ident: int, parent: int) -> object:
        return post(slug, when, type="page", body="" if slug != "avignon" else "Lavender.\n",
                    source=Source(ident, f"https://e.com/{slug}/", f"https://e.com/?page_id={ident}", parent))

    content = write_content(tmp_path / "content", [
        page_of("travel", 10, 0), page_of("france", 11, 10), page_of("avignon", 12, 11), page_of("eze", 13, 11),
        page_of("orphan", 14, 99), page_of("loop-a", 15, 16), page_of("loop-b", 16, 15)])
    assert run_build(config(tmp_path, content)).problems == []
    site = tmp_path / "site"
    france = page(site, "page/france/index.html")
    assert [a.text for a in france.select("nav.children li a")] == ["Avignon", "Eze"]
    assert links_to(site, "page/france/index.html", "page/avignon/index.html")
    assert france.select_one(".parent a").text == "Travel" and links_to(site, "page/france/index.html",
                                                                        "page/travel/index.html")
    assert page(site, "page/avignon/index.html").select_one("nav.children") is None
    assert page(site, "page/travel/index.html").select_one(".parent") is None
    assert page(site, "page/orphan/index.html").select_one(".parent") is None
    loops = [page(site, f"page/{s}/index.html").select_one(".parent") for s in ("loop-a", "loop-b")]
    assert sum(found is not None for found in loops) == 1


@pytest.mark.parametrize("home", ["https://e.com", "https://e.com/blog"])
def test_links_to_the_live_sites_term_archives_lead_to_the_terms_pages(tmp_path: Path, home: str) -> None:
    """A post links to its site's archive of a category or tag (`/category/news/`, a subcategory's
    `/category/news/markets/`, `/tag/lithium/`, `/?tag=lithium`); offline those lead to the term's page, on
    the site's home whether at the host's root or in a folder. An archive of a term no post has stays remote."""
    when = datetime(2020, 3, 4, tzinfo=timezone.utc)
    links = " ".join(f"[{i}]({home}{path})" for i, path in enumerate((
        "/category/news/", "/category/news/markets/", "/tag/lithium/", "/?tag=lithium", "/?category_name=news",
        "/tag/nothing-here/")))
    content = write_content(tmp_path / "content", [
        post("about", when, type="page", source=Source(2, f"{home}/about/", f"{home}/?page_id=2", 0)),
        post("report", when, type="post", body=f"See {links}.\n",
             taxonomies={"category": ("news", "markets"), "post_tag": ("lithium",)},
             source=Source(3, f"{home}/2020/03/report/", f"{home}/?p=3"))])
    assert run_build(config(tmp_path, content)).problems == []
    report = page(tmp_path / "site", "post/report/index.html")
    hrefs = [report.find("a", string=str(i))["href"] for i in range(6)]
    assert hrefs[:5] == ["../../category/news/index.html", "../../category/markets/index.html",
                         "../../post_tag/lithium/index.html", "../../post_tag/lithium/index.html",
                         "../../category/news/index.html"]
    assert hrefs[5] == f"{home}/tag/nothing-here/"


def test_the_pages_under_a_page_are_listed_in_their_menu_order_as_wordpress_orders_them(tmp_path: Path) -> None:
    """A section's pages stand in the order their author gave them (Page Attributes → Order: Step 1, 2, 3),
    not by title ('Apply' before 'Check'); pages of one order go by title. The order survives a re-read."""
    when = datetime(2012, 8, 7, tzinfo=timezone.utc)

    def page_of(slug: str, ident: int, parent: int, order: int) -> object:
        return post(slug, when, type="page", title=slug.title(),
                    source=Source(ident, f"https://e.com/{slug}/", f"https://e.com/?page_id={ident}", parent, order))

    content = write_content(tmp_path / "content", [
        page_of("grants", 10, 0, 0), page_of("check", 11, 10, 1), page_of("apply", 12, 10, 2),
        page_of("wait", 13, 10, 3), page_of("before", 14, 10, -1), page_of("also", 15, 10, 3)])
    assert "  order: -1\n" in (content / "page" / "before.md").read_text(encoding="utf-8")
    assert "order" not in (content / "page" / "grants.md").read_text(encoding="utf-8")
    assert run_build(config(tmp_path, content)).problems == []
    grants = page(tmp_path / "site", "page/grants/index.html")
    assert [a.text for a in grants.select("nav.children li a")] == ["Before", "Check", "Apply", "Also", "Wait"]
