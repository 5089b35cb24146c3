"""Posts read from a site's saved feeds (RSS 2.0 and Atom), as a static copy of a WordPress site (Simply Static, wget)
keeps them where it kept no API: each post once, however many feeds hold it, with its author, date and terms; the
feeds' own lines and comments left out; the API preferred where it was saved too."""

from __future__ import annotations

import html
import html.entities
import json
import time
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.builder import run_build
from generator.check import check_site
from generator.importer import ImportOptions, run_import
from generator.store.documents import loads
from generator.store.labels import read_labels
from tests.conftest import rest_item
from tests.site_content import config

ONE = ImportOptions(workers=1)
RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:atom="http://www.w3.org/2005/Atom"><channel>
  <title>{title}</title><atom:link href="./index.html" rel="self" type="application/rss+xml" />
  <link>./../index.html</link><description>Tides and harbours</description><language>en-GB</language>
  <generator>https://wordpress.org/?v=6.4.3</generator>{items}</channel></rss>"""
ITEM = """<item><title>{title}</title><link>{link}</link><dc:creator><![CDATA[Ana Sousa]]></dc:creator>
  <pubDate>{date}</pubDate><category><![CDATA[Ports &amp; Harbours]]></category><category><![CDATA[tides]]></category>
  <guid isPermaLink="false">./../index.html?p={ident}</guid>
  <description><![CDATA[<p>A short summary [&#8230;]</p>]]></description>
  <content:encoded><![CDATA[{body}]]></content:encoded></item>"""


def _item(ident: int, slug: str, title: str, date: str = "Mon, 01 Apr 2024 15:37:55 +0000", depth: int = 1,
          body: str = "<p>The tide came in.</p>") -> str:
    up = "./" + "../" * depth
    return ITEM.format(ident=ident, title=title, link=f"{up}2024/04/01/{slug}/index.html", date=date,
                       body=body).replace("./../index.html", f"{up}index.html")


def _static_copy(folder: Path) -> Path:
    """A site copied by a static exporter: its feed, a category's feed holding one post of it and another, and a
    post's comments feed, with every link relative to the feed."""
    footer = ('<p>The post <a rel="nofollow" href="./../2024/04/01/high-tide/index.html">High tide</a> appeared first '
              'on <a rel="nofollow" href="./../index.html">Harbour News</a>.</p>')
    body = ('<p>The tide <a href="./../2024/04/01/low-tide/index.html">turned</a>.</p>'
            '<p><img src="./../wp-content/uploads/2024/04/tide.jpg" alt="The tide"></p>' + footer)
    feeds = {
        "feed/index.xml": RSS.format(title="Harbour News", items=_item(11, "high-tide", "High tide", body=body)),
        "category/ports/feed/index.xml": RSS.format(title="Ports &#8211; Harbour News", items=(
            _item(11, "high-tide", "High tide", depth=3, body=body.replace("./../", "./../../../"))
            + _item(12, "low-tide", "Low tide &amp; slack water", date="Sun, 31 Mar 2024 23:30:00 +0000", depth=3))),
        "2024/04/01/high-tide/feed/index.xml": RSS.format(title="Comments on: High tide", items=(
            '<item><title>By: Bo</title><link>./../../../../2024/04/01/high-tide/index.html#comment-3</link>'
            '<guid>./../../../../2024/04/01/high-tide/index.html#comment-3</guid>'
            '<description>Nice</description><content:encoded><![CDATA[<p>Nice</p>]]></content:encoded></item>')),
    }
    for name, text in feeds.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "index.html").write_text("<html><body>Home</body></html>", encoding="utf-8")
    return folder


def _post(content: Path, slug: str, kind: str = "post") -> object:
    return loads((content / kind / f"{slug}.md").read_text(encoding="utf-8"))


def test_a_static_copy_without_its_api_imports_the_posts_its_feeds_hold(tmp_path: Path) -> None:
    result = run_import([_static_copy(tmp_path / "copy")], tmp_path / "content", ONE)
    assert sorted(p.name for p in (tmp_path / "content" / "post").iterdir()) == ["high-tide.md", "low-tide.md"]
    high, low = _post(tmp_path / "content", "high-tide"), _post(tmp_path / "content", "low-tide")
    assert (high.title, high.author, high.source.id, high.source.url) == (
        "High tide", "Ana Sousa", 11, "/2024/04/01/high-tide/")
    assert high.taxonomies == {"category": ("ports-harbours", "tides")}
    assert (low.title, low.date.isoformat()) == ("Low tide & slack water", "2024-03-31T23:30:00+00:00")
    assert "appeared first" not in high.body and "The tide [turned](/2024/04/01/low-tide/)." in high.body
    assert "![The tide](/wp-content/uploads/2024/04/tide.jpg)" in high.body
    assert not [p for p in result.problems if p.left_out]


def test_the_built_copy_links_its_posts_to_each_other_and_passes_the_check(tmp_path: Path) -> None:
    run_import([_static_copy(tmp_path / "copy")], tmp_path / "content", ONE)
    run_build(config(tmp_path, tmp_path / "content", taxonomies={"category": "Categories"}))
    page = (tmp_path / "site" / "post" / "high-tide" / "index.html").read_text(encoding="utf-8")
    assert 'href="../low-tide/index.html"' in page
    assert check_site(tmp_path / "site") == []


def test_feeds_beside_the_saved_api_add_only_the_posts_it_lacks(tmp_path: Path) -> None:
    """A copy holds the API's answer for the one post a page linked (`<link rel="alternate" type="application/json">`):
    the API gives that post, the feeds the others."""
    folder = _static_copy(tmp_path / "copy")
    (folder / "wp-json" / "wp" / "v2").mkdir(parents=True)
    (folder / "wp-json" / "wp" / "v2" / "posts.json").write_text(json.dumps([rest_item(id=11, slug="from-api")]))
    run_import([folder], tmp_path / "content", ONE)
    assert sorted(p.name for p in (tmp_path / "content" / "post").iterdir()) == ["from-api.md", "low-tide.md"]


def test_a_feeds_post_whose_guid_is_one_saved_api_posts_alone_is_that_post(tmp_path: Path) -> None:
    """A travel blog's API was saved on its maker's machine (`http://localhost/blog/…`, post 1922) and its feed at the
    public host, naming the post by the guid of the blog it was moved from (`?p=100`): 27 posts were imported twice.
    A guid that two of the API's posts share (a script made them) tells no post apart."""
    folder = tmp_path / "copy"
    moved = "http://old.example/library/?p=100"
    shared = "http://example.com/?p=30"
    items = "".join(ITEM.format(ident=0, title=title, link=f"https://blog.example/2013/05/31/{slug}/",
                                date="Fri, 31 May 2013 21:08:45 +0000",
                                body="<p>Text.</p>").replace("./../index.html?p=0", guid)
                    for title, slug, guid in (("Library", "library", moved), ("Cribs", "cribs", shared)))
    (folder / "feed").mkdir(parents=True)
    (folder / "feed" / "index.xml").write_text(RSS.format(title="Blog", items=items), encoding="utf-8")
    (folder / "wp-json" / "wp" / "v2").mkdir(parents=True)
    saved = [rest_item(id=1922, slug="library", link="http://localhost/blog/2013/05/31/library/",
                       guid={"rendered": moved}),
             *(rest_item(id=n, slug=f"lamp-{n}", link=f"http://localhost/blog/lamp-{n}/", guid={"rendered": shared})
               for n in (7, 8))]
    (folder / "wp-json" / "wp" / "v2" / "posts.json").write_text(json.dumps(saved))
    run_import([folder], tmp_path / "content", ONE)
    assert sorted(p.name for p in (tmp_path / "content" / "post").iterdir()) == [
        "cribs.md", "lamp-7.md", "lamp-8.md", "library.md"]
    assert _post(tmp_path / "content", "library").source.id == 1922


def test_an_atom_feed_given_alone_is_read(tmp_path: Path) -> None:
    feed = tmp_path / "atom.xml"
    feed.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pt-BR"><title type="text">Maré</title>
<entry><author><name>Rui</name></author><title type="html"><![CDATA[Preamar &#038; baixa-mar]]></title>
<link rel="alternate" type="text/html" href="https://mare.example/2023/preamar/" />
<id>https://mare.example/?p=40</id><updated>2023-05-02T10:00:00Z</updated><published>2023-05-01T09:00:00Z</published>
<category scheme="https://mare.example" term="Marés" /><summary type="html"><![CDATA[Resumo]]></summary>
<content type="html" xml:base="https://mare.example/2023/preamar/"><![CDATA[<p>A maré subiu.</p>]]></content>
</entry></feed>""", encoding="utf-8")
    run_import([feed], tmp_path / "content", ONE)
    post = _post(tmp_path / "content", "preamar")
    assert (post.title, post.author, post.source.id, post.source.url) == (
        "Preamar & baixa-mar", "Rui", 40, "https://mare.example/2023/preamar/")
    assert (post.date.isoformat(), post.updated.isoformat()) == ("2023-05-01T09:00:00+00:00", "2023-05-02T10:00:00+00:00")
    assert post.taxonomies == {"category": ("mares",)} and post.body.strip() == "A maré subiu."


def test_a_custom_types_item_and_a_podcasts_enclosure(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    items = ("""<item><title>Kalagarh Dam</title><link>https://dams.example/dams/kalagarh/</link>
<pubDate>Sat, 10 Dec 2022 03:14:11 +0000</pubDate><guid isPermaLink="false">https://dams.example/?post_type=dam#038;p=2978</guid>
<description><![CDATA[]]></description><content:encoded><![CDATA[]]></content:encoded></item>
<item><title>Episode 4</title><link>https://dams.example/episode-4/</link><pubDate>Sat, 10 Dec 2022 03:14:11 +0000</pubDate>
<guid>https://dams.example/?p=30</guid><content:encoded><![CDATA[<p>We talk.</p>]]></content:encoded>
<enclosure url="https://dams.example/ep4.mp3" length="100" type="audio/mpeg" /></item>""")
    feed.write_text(RSS.format(title="Dams", items=items), encoding="utf-8")
    run_import([feed], tmp_path / "content", ONE)
    dam = _post(tmp_path / "content", "kalagarh", "dam")
    assert (dam.source.id, dam.title, dam.body.strip()) == (2978, "Kalagarh Dam", "")
    assert "https://dams.example/ep4.mp3" in _post(tmp_path / "content", "episode-4").body


def test_a_broken_feed_is_named_and_the_others_are_read(tmp_path: Path) -> None:
    folder = _static_copy(tmp_path / "copy")
    (folder / "tag" / "x" / "feed").mkdir(parents=True)
    (folder / "tag" / "x" / "feed" / "index.xml").write_text('<?xml version="1.0"?><rss><channel><item><title>Cut',
                                                             encoding="utf-8")
    result = run_import([folder], tmp_path / "content", ONE)
    assert len(list((tmp_path / "content" / "post").iterdir())) == 2
    [problem] = [p for p in result.problems if "feed" in p.message]
    assert problem.file.endswith("tag/x/feed/index.xml") and problem.message.startswith("not a readable feed: ")


def test_a_byte_that_is_not_utf8_costs_its_feed_nothing_but_itself(tmp_path: Path) -> None:
    """A character pasted in another encoding into one post made the parser refuse the whole feed, every post of
    it; `sync` from feeds read it with U+FFFD, a static copy's import of the same feed did not."""
    folder = _static_copy(tmp_path / "copy")
    feed = folder / "category" / "ports" / "feed" / "index.xml"
    feed.write_bytes(feed.read_bytes().replace(b"The tide came in.", b"The caf\xe9 tide came in."))
    result = run_import([folder], tmp_path / "content", ONE)
    assert [p for p in result.problems if "feed" in p.message] == []
    assert "The caf\ufffd tide came in." in _post(tmp_path / "content", "low-tide").body


def test_a_feed_titled_with_htmls_named_entities_is_read(tmp_path: Path) -> None:
    """WordPress prints a term's name as it keeps it in its archive's feed's title, HTML's named entities and all
    ("îles d&rsquo;afrique"), which XML does not know: the parser refused the whole feed ("undefined entity"). They
    are read as the characters they name; a name HTML does not know either still names the feed unread."""
    folder = _static_copy(tmp_path / "copy")
    feed = folder / "category" / "ports" / "feed" / "index.xml"
    feed.write_bytes(feed.read_bytes().replace(b"<title>Ports", b"<title>Ports d&rsquo;&Eacute;t&eacute;"))
    result = run_import([folder], tmp_path / "content", ONE)
    assert [p for p in result.problems if "feed" in p.message] == []
    assert len(list((tmp_path / "content" / "post").iterdir())) == 2
    feed.write_bytes(feed.read_bytes().replace(b"d&rsquo;", b"d&nosuchname;"))
    result = run_import([folder], tmp_path / "again", ONE)
    [problem] = [p for p in result.problems if "feed" in p.message]
    assert problem.message.startswith("not a readable feed: undefined entity")


def test_a_feed_with_blank_lines_before_its_xml_declaration_is_read(tmp_path: Path) -> None:
    """A theme's PHP file that ends with a line break after its `?>` prints it before every feed, which feed readers
    pass over: the parser refused each ("XML or text declaration not at start of entity"), an Italian magazine's
    copy its 1,138 feeds. With a byte order mark before them too."""
    folder = _static_copy(tmp_path / "copy")
    for name, lead in (("feed/index.xml", b"\n"), ("category/ports/feed/index.xml", b"\xef\xbb\xbf\r\n \t\n")):
        (folder / name).write_bytes(lead + (folder / name).read_bytes())
    result = run_import([folder], tmp_path / "content", ONE)
    assert [p for p in result.problems if "feed" in p.message] == []
    assert sorted(p.name for p in (tmp_path / "content" / "post").iterdir()) == ["high-tide.md", "low-tide.md"]


def test_a_copys_empty_feed_is_no_failed_export(tmp_path: Path) -> None:
    """A copy saves the comments feed of a post whose comments are closed as an empty `feed/index.xml`: it was named
    "an empty file, not read: no WordPress export in it", and the import failed for no post lost. An empty .xml
    file elsewhere is still named, a download that failed."""
    folder = _static_copy(tmp_path / "copy")
    (folder / "2024" / "04" / "01" / "low-tide" / "feed").mkdir(parents=True)
    (folder / "2024" / "04" / "01" / "low-tide" / "feed" / "index.xml").write_bytes(b"")
    (folder / "export.xml").write_bytes(b"")
    result = run_import([folder], tmp_path / "content", ONE)
    assert [Path(p.file).name for p in result.problems] == ["export.xml"]


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.text(max_size=8) | st.sampled_from(sorted(html.entities.html5)).map(lambda n: "&" + n)
                      | st.sampled_from(["&nosuch;", "&amp;", "&#38;", "&;", "&a"]), max_size=12))
def test_htmls_named_entities_are_read_as_the_characters_they_name(parts: list[str]) -> None:
    """Each of HTML's names becomes a character reference to what it names, and nothing else changes: the text
    reads the same to a browser."""
    from generator.sources.wp_feed import NAMED_ENTITY, _character_reference

    text = "".join(parts)
    read = NAMED_ENTITY.sub(_character_reference, text.encode("utf-8")).decode("utf-8")
    assert html.unescape(read) == html.unescape(text)


def test_htmls_named_entities_in_a_feed_are_read_in_linear_time() -> None:
    from generator.sources.wp_feed import NAMED_ENTITY

    for hostile in (b"&a" * 200_000, b"&" + b"a" * 400_000, b"&rsquo;" * 100_000):
        started = time.process_time()
        NAMED_ENTITY.sub(b"", hostile)
        assert time.process_time() - started < 1.0


FEED_FIELDS = ["title", "link", "guid", "pubDate", "dc:creator", "category", "description", "content:encoded"]
odd_text = st.text(max_size=40) | st.sampled_from(
    ["", " ", "./../", "../../../../etc/passwd", "?p=0", "?p=99999999999999999999", "#comment-1", "https://", "/",
     "index.html", "Mon, 99 Foo 2024", "2024-13-45T99:00:00Z", "0", "-5", "<p>x</p>", "<![CDATA[", "a" * 300])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(values=st.dictionaries(st.sampled_from(FEED_FIELDS), odd_text, min_size=1), domain=odd_text)
def test_any_text_in_any_field_of_a_feed_imports_or_is_named(tmp_path_factory: pytest.TempPathFactory,
                                                             values: dict[str, str], domain: str) -> None:
    folder = tmp_path_factory.mktemp("feed")
    fields = "".join(f'<{name}{f" domain={quoteattr(domain)}" if name == "category" else ""}>{escape(text)}</{name}>'
                     for name, text in values.items())
    (folder / "feed.xml").write_text(RSS.format(title="T", items=f"<item>{fields}</item>"), encoding="utf-8")
    result = run_import([folder / "feed.xml"], folder / "content", ONE)
    written = [p for p in (folder / "content").rglob("*.md")]
    assert all(folder / "content" in p.parents for p in written)
    assert written or result.problems or "#comment-" in values.get("link", "") + values.get("guid", "")


def test_what_feeds_hold_beside_wordpress_posts_is_read_as_it_is(tmp_path: Path) -> None:
    """Seen on real copies (round 53's review): another tool's feed, a control character pasted into one post, an
    entity declaration, a multilingual site's feed of its other language, a protected post, Atom's xhtml."""
    folder = tmp_path / "copy"
    feeds = {
        "feed/index.xml": RSS.format(title="Marée", items=_item(11, "maree", "Marée", body="<p>Haute\x1b mer.</p>"))
        .replace("en-GB", "fr-FR"),
        "en/feed/index.xml": RSS.format(title="Tide", items=_item(12, "tide", "Tide") + _item(
            13, "secret", "Protected: Secret", body='<form class="post-password-form">Password:</form>')),
        "hugo/index.xml": RSS.format(title="Hugo", items=_item(14, "hugo", "Hugo")).replace(
            "https://wordpress.org/?v=6.4.3", "Hugo -- gohugo.io"),
        "evil/feed/index.xml": '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                               "<rss><channel><item><title>&x;</title></item></channel></rss>",
        "atom.xml": ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'
                     '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Big <b>tide</b></div></title>'
                     '<link href="https://news.example/big-tide/"/><id>https://news.example/?p=15</id>'
                     '<published>2024-01-01T00:00:00Z</published><content type="xhtml"><div '
                     'xmlns="http://www.w3.org/1999/xhtml"><p>Very <em>big</em>.</p></div></content></entry></feed>'),
    }
    for name, text in feeds.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    result = run_import([folder], tmp_path / "content", ONE)
    content = tmp_path / "content"
    assert sorted(p.name for p in (content / "post").iterdir()) == ["big-tide.md", "maree.md", "tide.md"]
    assert (_post(content, "maree").body.strip(), _post(content, "maree").language) == ("Haute mer.", "fr-FR")
    assert _post(content, "tide").language == "en-GB"
    assert (_post(content, "big-tide").title, _post(content, "big-tide").body.strip()) == ("Big tide", "Very *big*.")
    messages = sorted(p.message for p in result.problems if p.file.endswith(".xml"))
    assert messages == ["a feed made by 'Hugo -- gohugo.io', not by WordPress: not read",
                        "not read: the feed declares XML entities, which no feed of WordPress does (and which could "
                        "read other files)"]


def test_a_post_linked_to_another_sites_story_is_named_by_its_title(tmp_path: Path) -> None:
    """Page Links To makes a post's address another site's story; a copy that made the site's addresses paths kept
    that one whole. Its last segment (`News.html`) was the post's slug and file name."""
    item = _item(40, "x", "Hospital opens").replace("./../2024/04/01/x/index.html",
                                                   "https://paper.example/first/929910/News.html#new_tab")
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "index.xml").write_text(RSS.format(title="T", items=item), encoding="utf-8")
    run_import([tmp_path / "feed" / "index.xml"], tmp_path / "content", ONE)
    assert [p.name for p in (tmp_path / "content" / "post").iterdir()] == ["hospital-opens.md"]


def test_a_term_whose_tag_feed_the_copy_holds_is_a_tag(tmp_path: Path) -> None:
    """A feed writes a post's tags as it writes its categories; the copy's `tag/tides/feed/` tells them apart."""
    folder = _static_copy(tmp_path / "copy")
    (folder / "tag" / "tides" / "feed").mkdir(parents=True)
    (folder / "tag" / "tides" / "feed" / "index.xml").write_text(RSS.format(title="tides", items=""), encoding="utf-8")
    run_import([folder], tmp_path / "content", ONE)
    assert _post(tmp_path / "content", "high-tide").taxonomies == {"category": ("ports-harbours",),
                                                                   "post_tag": ("tides",)}


def test_a_copy_that_made_its_feeds_links_relative_takes_the_sites_address_from_the_rss_link(tmp_path: Path) -> None:
    """Seen on a wget copy of a site in a subfolder (round 54): each RSS feed's `<link>` keeps the site's home page
    where every other address was made relative, the Atom feed's too; the site's address is that home's."""
    folder = _static_copy(tmp_path / "copy")
    rss = RSS.format(title="Harbour News", items=_item(11, "high-tide", "High tide"))
    atom = ('<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">'
            '<title type="text">Harbour News</title><link rel="self" type="application/atom+xml" href="../../feed/atom/" />'
            '<entry><author><name>Ana</name></author><title type="html">Ebb</title><link rel="alternate" '
            'href="../../2024/04/01/ebb/" /><id>../../?p=13</id><published>2024-03-31T23:30:00Z</published>'
            '<content type="html"><![CDATA[<p>Slack <a href="../../2024/04/01/high-tide/">water</a></p>]]></content>'
            '</entry></feed>')
    (folder / "feed" / "index.xml").write_text(rss.replace("<link>./../index.html</link>",
                                                           "<link>https://harbour.example/news</link>"), encoding="utf-8")
    (folder / "feed" / "atom").mkdir()
    (folder / "feed" / "atom" / "index.xml").write_text(atom, encoding="utf-8")
    run_import([folder], tmp_path / "content", ONE)
    ebb = _post(tmp_path / "content", "ebb")
    assert ebb.source.url == "https://harbour.example/news/2024/04/01/ebb/"
    assert "[water](https://harbour.example/news/2024/04/01/high-tide/)" in ebb.body
    assert _post(tmp_path / "content", "high-tide").source.url == "https://harbour.example/news/2024/04/01/high-tide/"


def test_a_feeds_campaign_parameters_are_not_part_of_a_posts_address(tmp_path: Path) -> None:
    """A plugin that adds `?utm_source=rss…` to each item's link (round 54's Divi copy): the post's address, its
    slug and Yoast's 'appeared first' line, which links the address without them, are read as without them."""
    folder = _static_copy(tmp_path / "copy")
    footer = ('<p>The post <a rel="nofollow" href="https://harbour.example/2024/04/01/whats-new/">What’s new</a> '
              'appeared first on <a rel="nofollow" href="https://harbour.example/">Harbour News</a>.</p>')
    item = _item(13, "whats-new", "What&#8217;s new", body="<p>News.</p>" + footer).replace(
        "./../2024/04/01/whats-new/index.html",
        "https://harbour.example/2024/04/01/whats-new/?utm_source=rss&amp;utm_medium=rss&amp;utm_campaign=whats-new"
    ).replace("./../index.html?p=13", "https://harbour.example/?p=13")
    (folder / "feed" / "index.xml").write_text(RSS.format(title="Harbour News", items=item), encoding="utf-8")
    run_import([folder], tmp_path / "content", ONE)
    post = _post(tmp_path / "content", "whats-new")
    assert (post.source.url, post.body.strip()) == ("https://harbour.example/2024/04/01/whats-new/", "News.")


def test_yoasts_line_linking_paths_goes_where_the_copy_is_read_under_its_cname(tmp_path: Path) -> None:
    """A copy whose feeds link paths from the root (`/hello/`), read under its CNAME's host: Yoast's line linked the
    post by its path, not by the address it is now read as, and stayed (PBDesk's copy, round 54)."""
    folder = _static_copy(tmp_path / "copy")
    footer = ('<p>The post <a rel="nofollow" href="/2024/04/01/hello/">Hello</a> appeared first on <a rel="nofollow" '
              'href="/">Harbour News</a>.</p>')
    item = _item(14, "hello", "Hello", body="<p>Hi.</p>" + footer).replace("./../2024/04/01/hello/index.html",
                                                                         "/2024/04/01/hello/")
    (folder / "feed" / "index.xml").write_text(RSS.format(title="Harbour News", items=item), encoding="utf-8")
    (folder / "CNAME").write_text("harbour.example", encoding="utf-8")
    run_import([folder], tmp_path / "content", ONE)
    post = _post(tmp_path / "content", "hello")
    assert (post.source.url, post.body.strip()) == ("https://harbour.example/2024/04/01/hello/", "Hi.")


def test_a_posts_comments_feed_that_says_it_stands_at_the_root_does_not_name_the_site(tmp_path: Path) -> None:
    """An exporter wrote each feed's `self` link as its host followed by the path (`http://HOSTslug/feed/`), so a
    post's comments feed, titled in the site's language, seemed to be the site's own: an Arabic news site was named
    "التعليقات على: …" ("Comments on: …", its last post's) on every page. WordPress writes no `<language>` there."""
    folder = tmp_path / "copy"
    comments = RSS.format(title="التعليقات على: المد", items="").replace("<language>en-GB</language>", "").replace(
        'href="./index.html"', 'href="http://OFFLINE.hostal-mad/feed/"')
    for name, text in (("feed/index.html", RSS.format(title="أخبار الميناء", items=_item(11, "al-mad", "المد"))),
                       ("al-mad/feed/index.html", comments)):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    run_import([folder], tmp_path / "content", ONE)
    labels, _ = read_labels(tmp_path / "content")
    assert (labels.title, labels.description) == ("أخبار الميناء", "Tides and harbours")
