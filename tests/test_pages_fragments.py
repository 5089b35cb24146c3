"""Parts of pages made in Python (render/card_views.py, render/post_part_views.py) give the bytes the Jinja
loops they replace gave, and a user's template that still loops over the views' fields builds the same site."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import jinja2
import pytest

from generator import urls
from generator.builder import run_build
from generator.config import Taxonomy
from generator.convert.document import Image, Mirror, Revision, Source, Term, TermRegistry
from generator.model import build_site, stored_post
from generator.render import views
from generator.render.remote_media import media_key
from tests.site_content import PACIFIC, config, post, write_content

HOSTILE = "Tom & Jerry's <b>\"quoted\"</b> café"
TAXONOMIES = {"news-type": "News <type>", "regions": "Regions & places"}

# The loops of the default templates before their parts were made in Python: (the template, the line that
# now shows the part, the loop it replaced).
OLD_LOOPS = [
    ("list.html", "{% for post in posts %}\n{{ post.card }}\n{% endfor %}\n", """\
{% for post in posts %}
<li{% if post.direction %} dir="{{ post.direction }}"{% endif %}>
{% if post.image and post.image.src %}
<figure class="featured"><img src="{{ post.image.src }}" alt="{{ post.image.alt }}" width="{{ post.image.width }}" \
height="{{ post.image.height }}" loading="lazy" decoding="async"></figure>
{% endif %}
<h2 dir="{{ post.title_direction }}"><a href="{{ post.href }}">{{ post.title }}</a></h2>
<p class="meta"><time datetime="{{ post.date.iso }}">{{ post.date.text }}</time>{% if post.removed %} · \
<strong class="removed">{{ page.words.removed }}</strong>{% endif %}</p>
{% if post.summary %}
<p>{{ post.summary }}</p>
{% endif %}
{% if post.terms %}
<p class="tags">{% for term in post.terms %}{% if not loop.first %} · {% endif %}<a href="{{ term.href }}">\
{{ term.text }}</a>{% endfor %}</p>
{% endif %}
</li>
{% endfor %}
"""),
    ("post.html", "{% if post.term_groups %}{{ post.terms_html }}{% endif %}\n", """\
{% if post.term_groups %}
<dl class="terms">
{% for group in post.term_groups %}
<dt><a href="{{ group.href }}">{{ group.label }}</a></dt>
<dd>{% for term in group.terms %}{% if not loop.first %}, {% endif %}<a href="{{ term.href }}">{{ term.text }}</a>\
{% endfor %}</dd>
{% endfor %}
</dl>
{% endif %}
"""),
    ("post.html", "{% if post.toc %}{{ post.toc_html }}{% endif %}\n", """\
{% if post.toc %}
<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">Contents</h2>
<ol>
{% for item in post.toc recursive %}
<li><a href="{{ item.href }}">{{ item.text }}</a>{% if item.children %}<ol>
{{ loop(item.children) }}</ol>
{% endif %}</li>
{% endfor %}
</ol>

</nav>
{% endif %}
"""),
    ("post.html", "{% if post.related %}{{ post.related_html }}{% endif %}\n", """\
{% if post.related %}
<aside class="related" aria-labelledby="related-title">
<h2 id="related-title">Related</h2>
<ul>
{% for item in post.related %}
<li><a href="{{ item.href }}">{{ item.title }}</a> <span class="meta"><time datetime="{{ item.date.iso }}">\
{{ item.date.text }}</time></span></li>
{% endfor %}
</ul>
</aside>
{% endif %}
"""),
    ("post.html", "{% if post.provenance or post.source_url %}{{ post.about_html }}{% endif %}\n", """\
{% if post.provenance %}
{% set provenance = post.provenance %}
<footer class="source provenance">
<h2>About this copy</h2>
<ul>
{% set source = post.source_url | trim %}
{% if source %}
{# Only a web address becomes a link: a front matter url of javascript: or data: stays text. #}
<li>Source: {% if (source | lower).startswith(("http:", "https:")) %}<a href="{{ source }}" dir="ltr">{{ source | readable_url }}</a>{% else %}{{ source }}{% endif %}</li>
{% endif %}
{% if provenance.first %}
<li>First mirrored <time datetime="{{ provenance.first.iso }}">{{ provenance.first.text }}</time></li>
{% endif %}
<li>Last changed upstream <time datetime="{{ provenance.last_changed.iso }}">{{ provenance.last_changed.text }}</time></li>
</ul>
{% if provenance.earlier %}
<h3>Earlier revisions upstream</h3>
<ul>
{% for revision in provenance.earlier %}
<li>Revised upstream on <time datetime="{{ revision.date.iso }}">{{ revision.date.text }}</time>: {{ revision.summary }}</li>
{% endfor %}
</ul>
{% endif %}
</footer>
{% elif post.source_url %}
<footer class="source">
{# Only a web address becomes a link: a front matter url of javascript: or data: stays text. #}
{% set source = post.source_url | trim %}
{% if (source | lower).startswith(("http:", "https:")) %}
<p>Originally published at <a href="{{ source }}" dir="ltr">{{ source | readable_url }}</a>.</p>
{% else %}
<p>Originally published at {{ source }}.</p>
{% endif %}
</footer>
{% endif %}
"""),
    ("base.html", "{% if page.nav %}{{ page.nav_html }}{% endif %}\n", """\
{% if page.nav %}
<nav aria-label="Browse">
<ul>
{% for link in page.nav %}
<li><a href="{{ link.href }}">{{ link.text }}</a></li>
{% endfor %}
</ul>
</nav>
{% endif %}
"""),
]
THEME = Path(__file__).resolve().parents[1] / "templates"


def old_templates(folder: Path) -> Path:
    """The default templates with their loops back in place of the parts made in Python."""
    sources: dict[str, str] = {}
    for name, line, loop in OLD_LOOPS:
        source = sources.get(name) or (THEME / name).read_text(encoding="utf-8")
        assert line in source, f"{name} no longer shows its part by {line!r}"
        sources[name] = source.replace(line, loop)
    folder.mkdir(parents=True)
    for name, source in sources.items():
        (folder / name).write_text(source, encoding="utf-8")
    return folder


def documents() -> list:
    start = datetime(2024, 3, 1, 9, 0, tzinfo=PACIFIC)
    body = ("Intro.\n\n## A & B <one>\n\nText.\n\n### Nested \"deep\"\n\nText.\n\n#### Deeper\n\nText.\n\n"
            "## Second 'part'\n\nText.\n")
    sources = [f"https://example.com/{HOSTILE}?a=1&b=2", " javascript:alert(1) ", "", "  ",
               "HTTPS://EXAMPLE.COM/%D8%B3%D9%81%D8%B1?q=%3C%2Fa%3E"]
    mirrors = [None, Mirror("2024-03-02"), Mirror("", "2024-04-01", (
        Revision("2024-03-09", "2024-03-09T10:00:00-07:00", ("title",), HOSTILE),
        Revision("2024-03-05", "", ("body", "summary"), "")))]
    found = []
    for i in range(10):
        taxonomies = {"news-type": ["mining", "r&d"][: 1 + i % 2], "regions": ["china", "usa", "eu"][i % 3:]}
        found.append(post(f"story-{i}", start + timedelta(days=i), title=f"{HOSTILE} {i}",
                          summary=HOSTILE if i % 3 else "", taxonomies=taxonomies if i != 4 else {},
                          body=body if i % 2 else "Short.\n", mirror=mirrors[i % 3],
                          source=Source(i + 1, sources[i % 5], f"https://example.com/?p={i + 1}")))
    found.append(post("a-page", start, type="page", title="A <page>"))
    found.append(post("safar", start, title="السفر إلى <إيطاليا>", summary="رحلة & جولة"))
    return found


# A news type named as a region is (China): a card that lists both says whose each is.
NAMES = {("news-type", "r&d"): "R&D <lab>", ("regions", "eu"): "Europe \"EU\"", ("news-type", "mining"): "China",
         ("regions", "china"): "China"}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same content built with the default theme, and with the old loops as the user's templates."""
    tmp = tmp_path_factory.mktemp("fragments")
    content = write_content(tmp / "content", documents(), NAMES)
    built = []
    for name, templates in (("new", None), ("old", old_templates(tmp / "old-templates"))):
        settings = config(tmp / name, content, TAXONOMIES, build={"posts_per_page": 3, "related_posts": 3})
        if templates is not None:
            settings = config(tmp / name, content, TAXONOMIES, build={"posts_per_page": 3, "related_posts": 3},
                              paths={"templates": str(templates)})
        result = run_build(settings)
        # A source written as ' javascript:alert(1) ' is shown as text, and said.
        assert [p for p in result.problems if p.field != "source.url"] == []
        built.append(tmp / name / "site")
    return built[0], built[1]


def html_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_pages_have_the_bytes_the_old_loops_gave(sites: tuple[Path, Path]) -> None:
    new, old = html_files(sites[0]), html_files(sites[1])
    assert new.keys() == old.keys()
    assert [path for path in new if new[path] != old[path]] == []


def test_the_site_shows_every_part_the_comparison_covers(sites: tuple[Path, Path]) -> None:
    """A comparison of pages without cards, contents, terms, related posts or nav would prove nothing."""
    pages = html_files(sites[0])
    post_page = pages["news-archive/story-1/index.html"].decode()
    for part in ('class="toc"', "<ol>\n<li>", 'class="terms"', 'class="related"', 'aria-label="Browse"',
                 "Tom &amp; Jerry&#39;s &lt;b&gt;&#34;quoted&#34;&lt;/b&gt; café", "R&amp;D &lt;lab&gt;",
                 "About this copy", "First mirrored", "Source: javascript:alert(1)</li>"):
        assert part in post_page, part
    assert "Earlier revisions upstream" in pages["news-archive/story-2/index.html"].decode()
    assert '<p>Originally published at <a href="https://example.com/' in pages["news-archive/story-0/index.html"].decode()
    assert "<bdi>سفر?q=%3C%2Fa%3E</bdi></a>" in pages["news-archive/story-4/index.html"].decode()  # escapes kept
    assert any(b'<li dir="rtl">' in page for page in pages.values())
    term_page = pages["regions/eu/index.html"].decode()
    assert '<p class="tags">' in term_page and " · " in term_page and 'href="index.html"' in term_page
    assert "China (News &lt;type&gt;)</a> · <a" in term_page and "China (Regions &amp; places)</a>" in term_page


def test_a_card_with_a_mirrored_image_is_what_the_old_loop_gave() -> None:
    """Cards of posts with and without images and terms, near their terms' pages and far from them."""
    start = datetime(2024, 3, 1, 9, 0, tzinfo=PACIFIC)
    image = Image("https://example.com/up/a.png", HOSTILE)
    stored = [stored_post(f"news-archive/story-{i}.md", f"d{i}", document)
              for i, document in enumerate([
                  post("story-0", start, image=image, taxonomies={"regions": ["eu", "usa"]}),
                  post("story-1", start, image=Image("https://example.com/up/remote.png", "x"), summary=""),
                  post("story-2", start, taxonomies={"regions": ["eu"], "news-type": ["mining"]})])]
    registry = TermRegistry()
    registry.add(Term("regions", "eu", HOSTILE))
    site = build_site(stored, registry, tuple(Taxonomy(n, label) for n, label in TAXONOMIES.items()))
    media = {media_key(image.url): "640 480 media/ab/a&b.png"}
    made = views.Views(config(Path("/nonexistent"), Path("/nonexistent/content")), site, media)
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    loop = env.from_string(OLD_LOOPS[0][2])
    for page in ("index.html", "regions/eu/index.html", "regions/eu/page/2/index.html", "news-archive/index.html",
                 "archive/2024/03/index.html"):
        summaries = made.summaries(site.posts, urls.Linker(page))
        assert "".join(f"{s.card}\n" for s in summaries) == loop.render(posts=summaries), page
    assert any(s.image and s.image.src for s in summaries)
