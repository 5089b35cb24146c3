"""Deterministic synthetic WordPress REST API v2 corpus: `news-archive` posts and their terms.

The shapes follow the real item in ../shared/samples/wp-rest/news-archive-14822.json: HTML in
title, content and excerpt, local `date` beside UTC `date_gmt`, taxonomies as id lists with slugs
only in `class_list`, and `_links["wp:term"]` naming the term endpoints. Three taxonomies with a
long tail (20, 400 and 40 terms) are drawn Zipf-like, so few terms are big, as on real news sites.

    python bench/corpus.py OUT_DIR --posts N [--seed S]

The same (n, seed) always gives the same bytes. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import html
import itertools
import json
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

SITE = "https://example.com"
API = f"{SITE}/wp-json/wp/v2"
POST_TYPE = "news-archive"
PER_PAGE = 100  # WordPress's largest page size, so a crawl saves 100 posts per response
# The corpus spans these ten years whatever its size; more posts only means more posts per day.
FIRST_DAY = datetime(2016, 1, 4, 15, 0, tzinfo=timezone.utc)
SPAN = timedelta(days=3650)

NEWS_TYPES = (
    "REE News", "Industrial Applications", "Industrial Metals", "Magnets &amp; Motors", "Mining",
    "Processing &amp; Refining", "Policy", "Trade", "Investment", "Prices", "Recycling", "Defense",
    "Electric Vehicles", "Exploration", "Supply Chain", "Technology", "Research", "ESG",
    "Opinion", "Interviews",
)
REGIONS = (
    "China", "United States", "Australia", "Canada", "Japan", "European Union", "Myanmar",
    "Brazil", "India", "Vietnam", "Russia", "South Africa", "Greenland", "Malaysia", "Kazakhstan",
    "Germany", "France", "United Kingdom", "South Korea", "Tanzania", "Madagascar", "Burundi",
    "Namibia", "Malawi", "Uganda", "Chile", "Argentina", "Peru", "Mexico", "Sweden", "Norway",
    "Finland", "Estonia", "Turkey", "Saudi Arabia", "Indonesia", "Thailand", "Mongolia",
    "Philippines", "Laos",
)
ORG_STEMS = (
    "Baotou", "Northern", "Lynas", "Arafura", "Iluka", "Neo", "Ucore", "Mountain Pass", "Shenghe",
    "Jinli", "Ningbo", "Ganzhou", "Xiamen", "Hastings", "Pensana", "Rainbow", "Mkango", "Vital",
    "Torngat", "Aclara", "Serra Verde", "Meteoric", "Ionic", "Hyprox", "Solvay", "Energy Fuels",
    "Niron", "Noveon", "Vulcan", "Liberty", "Phoenix", "Tasman", "Critical", "Defense",
    "Atlantic", "Pacific", "Great Lakes", "Saskatchewan", "Kvanefjeld", "Tanbreez",
)
ORG_SUFFIXES = (
    "Rare Earths", "Minerals", "Metals", "Magnetics", "Resources", "Group", "Materials",
    "Mining &amp; Metals", "Holdings", "Technologies",
)

SUBJECTS = (
    "The company", "Analysts", "Officials in {region}", "The ministry", "Investors", "{org}",
    "The joint venture", "Market watchers", "Regulators in {region}", "The processing plant",
    "{org}’s board", "A spokesperson for {org}", "Industry groups", "Shareholders", "The consortium",
    "Engineers at the site", "Government planners", "Buyers in {region}", "The state-owned group",
)
VERBS = (  # past tense, so that they agree with singular and plural subjects alike
    "announced", "confirmed", "expanded", "reported", "signed", "planned to build",
    "warned about", "raised forecasts for", "delayed", "secured funding for", "reviewed",
    "approved", "questioned", "doubled", "cut back", "raced to finish", "quietly shelved",
    "highlighted", "disclosed", "welcomed",
)
OBJECTS = (
    "a new separation facility", "output of neodymium oxide", "a long-term offtake agreement",
    "the pilot zone’s expansion", "permits for a magnet plant", "its dysprosium stockpile",
    "a feasibility study", "export licences for heavy rare earths", "a 12-month supply contract",
    "tariffs on permanent magnets", "a recycling line for NdFeB scrap", "its quarterly guidance",
    "terbium deliveries to Europe", "a processing hub in {region}", "talks with {org}",
    "a drilling campaign", "capacity of 5,000 tonnes a year", "the R&amp;D budget",
    "a price floor for NdPr", "the environmental review",
)
TAILS = (
    "by the end of the year", "according to a filing on Tuesday", "amid tightening export controls",
    "as prices for dysprosium climbed", "in a statement released late Monday",
    "despite a slump in spot prices", "after months of negotiation", "ahead of the annual meeting",
    "while Western buyers look for alternatives", "under pressure from investors",
    "to meet demand from electric vehicle makers", "for the first time since 2019",
    "with support from the government of {region}", "", "", "",
)
HEADINGS = (
    "Quality Control at Olympic Levels", "What the Deal Means for Supply", "Prices and Premiums",
    "A Strategic Turn Toward Critical Metals", "Bottom Line for Investors", "Policy Backdrop",
    "Who Wins and Who Loses", "The Numbers", "Risks to Watch", "Timeline", "Background",
    "Market Reaction", "Downstream Demand", "Permitting &amp; Politics", "Technology Angle",
    "Financing the Build-Out", "Why It Matters", "What Comes Next", "Regional Impact",
    "Environmental Questions",
)
TITLE_PATTERNS = (  # each has an organization, a verb and an object, so few titles repeat
    "{org} {verb} {object}", "{region}’s {noun} Push Faces a Test as {org} {verb} {object}",
    "Inside {org}’s Bet on {noun}: Why It {verb} {object}", "{noun} in {region}: {org} {verb} {object}",
    "Why {org} {verb} {object}", "{region} and the Race for {noun}: {org} {verb} {object}",
    "{org} Turns Momentum Into Signal on {noun} and {verb} {object}",
)
NOUNS = (
    "Magnets", "Heavy Rare Earths", "Separation", "Recycling", "NdPr Oxide", "Gallium",
    "Germanium", "Refining", "Offtake", "Critical Minerals", "Stockpiles", "Export Controls",
)
CODE_SNIPPETS = (
    ("python", 'import pandas as pd\n\nprices = pd.read_csv("ndpr_usd_per_kg.csv", parse_dates=["day"])\n'
               'weekly = prices.resample("W", on="day").mean()\nprint(weekly.tail(4))'),
    ("python", "def margin(price, cost):\n    return (price - cost) / price if price > 0 else 0.0\n\n"
               "print(f\"{margin(62.5, 41.0):.1%}\")"),
    ("bash", "curl -s 'https://example.com/wp-json/wp/v2/news-archive?per_page=100' > page1.json\n"
             "jq 'length' page1.json"),
    ("json", '{\n  "oxide": "NdPr",\n  "price_usd_kg": 62.5,\n  "change_pct": -1.8\n}'),
)
ALT_TEXTS = ("Open-pit mine at dawn", "Workers inspecting magnet blocks", "Separation plant exterior",
             "Trucks at a loading bay", "Chart of oxide prices", "Drill core samples on a table")
APOSTROPHE = re.compile("’")
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class TermSpec:
    taxonomy: str
    id: int
    name: str  # as the REST API renders it: HTML, with entities
    slug: str


@dataclass(frozen=True)
class PostHead:
    """What every post needs to know of every other post before any content is written."""

    id: int
    title: str
    slug: str
    published: datetime  # UTC
    modified: datetime  # UTC


def headline_case(text: str) -> str:
    # str.title() would give "Zone’S" and "R&Amp;D".
    return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))


def slugify(text: str) -> str:
    plain = html.unescape(text).replace("’", "").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def taxonomy_terms() -> dict[str, list[TermSpec]]:
    """The fixed vocabulary: taxonomy -> terms. Ids are global, as in WordPress's wp_terms table."""
    organizations = [f"{stem} {suffix}" for stem, suffix in itertools.product(ORG_STEMS, ORG_SUFFIXES)]
    names = {"news-type": NEWS_TYPES, "organization": organizations[:400], "regions": REGIONS}
    first_ids = {"news-type": 120, "regions": 300, "organization": 400}
    return {taxonomy: [TermSpec(taxonomy, first_ids[taxonomy] + i, name, slugify(name))
                       for i, name in enumerate(terms)]
            for taxonomy, terms in names.items()}


class Vocabulary:
    """Terms ranked per seed, and Zipf-like draws from them: rank r has weight 1 / r**exponent."""

    EXPONENTS = {"news-type": 1.0, "organization": 1.1, "regions": 1.3}

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"terms/{seed}")
        self.ranked: dict[str, list[TermSpec]] = {}
        self.weights: dict[str, list[float]] = {}
        for taxonomy, terms in taxonomy_terms().items():
            ranked = list(terms)
            rng.shuffle(ranked)
            self.ranked[taxonomy] = ranked
            exponent = self.EXPONENTS[taxonomy]
            self.weights[taxonomy] = list(itertools.accumulate(1 / (r + 1) ** exponent for r in range(len(ranked))))

    def draw(self, rng: random.Random, taxonomy: str, k: int) -> list[TermSpec]:
        picks = rng.choices(self.ranked[taxonomy], cum_weights=self.weights[taxonomy], k=k)
        return sorted(set(picks), key=lambda t: t.slug)


def pacific_offset(utc: datetime) -> timedelta:
    """US Pacific time: -07:00 from the second Sunday of March to the first Sunday of November."""
    def sunday(month: int, nth: int, hour_utc: int) -> datetime:
        first = datetime(utc.year, month, 1, hour_utc, tzinfo=timezone.utc)
        return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))
    daylight = sunday(3, 2, 10) <= utc < sunday(11, 1, 9)  # 02:00 local, in UTC
    return timedelta(hours=-7 if daylight else -8)


def wp_time(utc: datetime) -> tuple[str, str]:
    """(local, gmt) as WordPress writes them: no offset in either string."""
    local = (utc + pacific_offset(utc)).replace(tzinfo=None)
    return local.isoformat(timespec="seconds"), utc.replace(tzinfo=None).isoformat(timespec="seconds")


class Writer:
    """Titles and sentences, all drawn from one random generator."""

    # Composing every sentence afresh took most of the generation time; drawing from a bank
    # composed once keeps 10,000 posts within seconds and the text still varies.
    BANK_SIZE = 20_000

    def __init__(self, rng: random.Random, vocabulary: Vocabulary) -> None:
        self.rng = rng
        self.vocabulary = vocabulary
        self.bank = [self.compose() for _ in range(self.BANK_SIZE)]

    def fill(self, pattern: str) -> str:
        rng = self.rng
        if "{org}" in pattern:
            pattern = pattern.replace("{org}", rng.choice(self.vocabulary.ranked["organization"][:120]).name)
        if "{region}" in pattern:
            pattern = pattern.replace("{region}", rng.choice(self.vocabulary.ranked["regions"][:15]).name)
        return pattern

    def sentences(self, k: int) -> list[str]:
        return self.rng.choices(self.bank, k=k)

    def compose(self) -> str:
        rng = self.rng
        parts = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(TAILS)]
        text = self.fill(" ".join(p for p in parts if p))
        if rng.random() < 0.25:
            text += f", a move worth about {rng.randint(2, 900)} million dollars"
        return text[0].upper() + text[1:] + "."

    def title(self) -> str:
        rng = self.rng
        # Placeholders pass through format() so that those inside the object are filled too.
        text = self.fill(rng.choice(TITLE_PATTERNS).format(
            verb=headline_case(rng.choice(VERBS)), object=headline_case(rng.choice(OBJECTS)),
            noun=rng.choice(NOUNS), org="{org}", region="{region}"))
        # The REST API texturizes titles: curly apostrophes come out as numeric entities.
        return APOSTROPHE.sub("&#8217;", text) if rng.random() < 0.7 else text


def choose_heads(n: int, writer: Writer) -> list[PostHead]:
    """Ids, titles, unique slugs and dates of all posts, oldest first."""
    rng = writer.rng
    step = SPAN / max(n, 1)
    heads, taken, when, post_id = [], set(), FIRST_DAY, 1000
    for _ in range(n):
        when += step * rng.uniform(0.2, 1.8)
        post_id += rng.randint(1, 7)  # revisions and attachments use ids in between
        title = writer.title()
        base = slug = slugify(title)[:180].rstrip("-")
        suffix = 1
        while slug in taken:  # WordPress's own de-duplication: -2, -3, …
            suffix += 1
            slug = f"{base}-{suffix}"
        taken.add(slug)
        edited = when + timedelta(days=rng.uniform(0, 40)) if rng.random() < 0.3 else when
        heads.append(PostHead(post_id, title, slug, when.replace(microsecond=0), edited.replace(microsecond=0)))
    return heads


def post_link(head: PostHead) -> str:
    return f"{SITE}/news/{head.slug}/"


class ContentBuilder:
    """Gutenberg-serialized HTML for one post: blocks joined the way WordPress renders them."""

    def __init__(self, writer: Writer, head: PostHead, heads: Sequence[PostHead]) -> None:
        self.w = writer
        self.rng = writer.rng
        self.head = head
        self.heads = heads
        self.ids: Counter[str] = Counter()
        self.words = 0

    def build(self) -> tuple[str, str, int]:
        """(content HTML, lead paragraph HTML, featured media id or 0)."""
        rng = self.rng
        target = rng.randint(600, 1300)  # the blocks after reaching it add up to ~200 words at most
        blocks = [self.highlights()] if rng.random() < 0.5 else []
        lead = self.paragraph(italic=True)
        blocks.append(lead)
        featured = 0
        while self.words < target:
            blocks.append(self.heading(2))
            for _ in range(rng.randint(2, 4)):
                blocks.append(self.paragraph())
                if self.words >= target:
                    break
            roll = rng.random()
            if roll < 0.2:
                blocks.append(self.heading(3))
                blocks.append(self.paragraph())
            elif roll < 0.4:
                blocks.append(self.bullet_list())
            elif roll < 0.55:
                figure, media = self.figure()
                featured = featured or media
                blocks.append(figure)
            elif roll < 0.6:
                blocks.append(self.table())
            elif roll < 0.63:
                blocks.append(self.code())
            elif roll < 0.68:
                blocks.append(self.quote())
        blocks.append("<p><strong>© 2025 Example News</strong> <em>– Independent coverage of critical minerals</em></p>")
        return "\n" + "\n\n\n\n".join(blocks) + "\n", lead, featured

    def prose(self, sentences: int) -> str:
        text = " ".join(self.w.sentences(sentences))
        self.words += text.count(" ") + 1
        return text

    def paragraph(self, italic: bool = False) -> str:
        text = self.prose(self.rng.randint(2, 5))
        text = self.decorate(text)
        return f"<p><em>{text}</em></p>" if italic else f"<p>{text}</p>"

    def decorate(self, text: str) -> str:
        """Put a link or an emphasis on a word group of the last sentence, as editors do."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.25 and len(self.heads) > 1:
            other = self.heads[rng.randrange(len(self.heads))]
            template = f'<a href="{post_link(other)}">{{}}</a>'
        elif roll < 0.4:
            template = (f'<a href="https://www.reuters.com/markets/commodities/{rng.randint(10**5, 10**6)}/"'
                        ' target="_blank" rel="noopener noreferrer">{}</a>')
        elif roll < 0.55:
            template = "<strong>{}</strong>"
        else:
            return text
        # Splitting only one sentence into words keeps this cheap on long paragraphs.
        before, separator, last = text.rpartition(". ")
        words = last.split(" ")
        i = rng.randrange(max(len(words) - 3, 1))
        wrapped = template.format(" ".join(words[i:i + 3]))
        return before + separator + " ".join([*words[:i], wrapped, *words[i + 3:]])

    def heading(self, level: int) -> str:
        text = self.rng.choice(HEADINGS)
        base = slugify(text)
        self.ids[base] += 1
        anchor = base if self.ids[base] == 1 else f"{base}-{self.ids[base]}"
        return f'<h{level} class="wp-block-heading" id="{anchor}">{text}</h{level}>'

    def highlights(self) -> str:
        items = "\n\n\n\n".join(f"<li>{self.prose(2)}</li>" for _ in range(3))
        return f'<p><strong>Highlights</strong></p>\n\n\n\n<ul class="wp-block-list">\n{items}\n</ul>'

    def bullet_list(self) -> str:
        tag = "ol" if self.rng.random() < 0.25 else "ul"
        items = "\n\n\n\n".join(f"<li>{self.decorate(self.prose(1))}</li>" for _ in range(self.rng.randint(3, 6)))
        return f'<{tag} class="wp-block-list">\n{items}\n</{tag}>'

    def figure(self) -> tuple[str, int]:
        rng = self.rng
        media = self.head.id + rng.randint(1, 3)
        day = self.head.published
        name = f"{slugify(rng.choice(ALT_TEXTS))}-{media}"
        src = f"{SITE}/wp-content/uploads/{day.year}/{day.month:02d}/{name}-1024x683.jpg"
        caption = self.prose(1)
        return (f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683"'
                f' src="{src}" alt="{rng.choice(ALT_TEXTS)}" class="wp-image-{media}"/>'
                f'<figcaption class="wp-element-caption">{caption}</figcaption></figure>'), media

    def table(self) -> str:
        rng = self.rng
        rows = "".join(f"<tr><td>{o.name}</td><td>{rng.randint(100, 9000):,}</td><td>{rng.uniform(-9, 9):+.1f}%</td></tr>"
                       for o in rng.sample(self.w.vocabulary.ranked["organization"][:50], rng.randint(3, 7)))
        return ('<figure class="wp-block-table"><table class="has-fixed-layout"><thead><tr><th>Producer</th>'
                f"<th>Tonnes</th><th>Change</th></tr></thead><tbody>{rows}</tbody></table></figure>")

    def code(self) -> str:
        language, code = self.rng.choice(CODE_SNIPPETS)
        return f'<pre class="wp-block-code"><code class="language-{language}">{html.escape(code, quote=False)}</code></pre>'

    def quote(self) -> str:
        return (f'<blockquote class="wp-block-quote is-layout-flow wp-block-quote-is-layout-flow">'
                f"<p>{self.prose(2)}</p><cite>{self.w.fill('{org}')}</cite></blockquote>")


def excerpt(content: str, lead: str, rng: random.Random) -> str:
    """Half hand-written (the lead's first sentence), half WordPress's automatic 55 words with [&hellip;]."""
    if rng.random() < 0.5:
        return f"<p>{TAG.sub('', lead).split('. ')[0].rstrip('.')}.</p>\n"
    words = TAG.sub(" ", content).split()
    return f"<p>{' '.join(words[:55])} [&hellip;]</p>\n"


def rest_post(head: PostHead, heads: Sequence[PostHead], writer: Writer) -> dict[str, Any]:
    rng, vocabulary = writer.rng, writer.vocabulary
    content, lead, featured = ContentBuilder(writer, head, heads).build()
    terms = {"news-type": vocabulary.draw(rng, "news-type", rng.randint(1, 3)),
             "organization": vocabulary.draw(rng, "organization", rng.choice((0, 1, 1, 2, 3))),
             "regions": vocabulary.draw(rng, "regions", rng.randint(1, 2))}
    date, date_gmt = wp_time(head.published)
    modified, modified_gmt = wp_time(head.modified)
    return {
        "id": head.id, "date": date, "date_gmt": date_gmt,
        "guid": {"rendered": f"{SITE}/?post_type={POST_TYPE}&#038;p={head.id}"},
        "modified": modified, "modified_gmt": modified_gmt, "slug": head.slug, "status": "publish",
        "type": POST_TYPE, "link": post_link(head), "title": {"rendered": head.title},
        "content": {"rendered": content, "protected": False},
        "excerpt": {"rendered": excerpt(content, lead, rng), "protected": False},
        "author": rng.choices(range(1, 9), cum_weights=(8, 12, 14, 15, 16, 16.5, 17, 17.3))[0],
        "featured_media": featured, "comment_status": "open", "ping_status": "open", "template": "",
        "format": "standard", "meta": {"_acf_changed": False, "footnotes": ""},
        **{taxonomy: [t.id for t in found] for taxonomy, found in terms.items()},
        "class_list": [f"post-{head.id}", POST_TYPE, f"type-{POST_TYPE}", "status-publish", "format-standard",
                       *(["has-post-thumbnail"] if featured else []), "hentry",
                       *(f"{t.taxonomy}-{t.slug}" for found in terms.values() for t in found)],
        "acf": [],
        "_links": post_links(head.id, featured),
    }


def post_links(post_id: int, featured: int) -> dict[str, Any]:
    links: dict[str, Any] = {
        "self": [{"href": f"{API}/{POST_TYPE}/{post_id}", "targetHints": {"allow": ["GET"]}}],
        "collection": [{"href": f"{API}/{POST_TYPE}"}],
        "about": [{"href": f"{API}/types/{POST_TYPE}"}],
        "author": [{"embeddable": True, "href": f"{API}/users/2"}],
        "replies": [{"embeddable": True, "href": f"{API}/comments?post={post_id}"}],
    }
    if featured:
        links["wp:featuredmedia"] = [{"embeddable": True, "href": f"{API}/media/{featured}"}]
    links["wp:attachment"] = [{"href": f"{API}/media?parent={post_id}"}]
    links["wp:term"] = [{"taxonomy": t, "embeddable": True, "href": f"{API}/{t}?post={post_id}"}
                        for t in ("news-type", "organization", "regions")]
    links["curies"] = [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]
    return links


def rest_posts(n: int, seed: int = 0) -> list[dict[str, Any]]:
    """n published posts, newest first as the REST API lists them."""
    writer = Writer(random.Random(f"posts/{seed}"), Vocabulary(seed))
    heads = choose_heads(n, writer)
    posts = [rest_post(head, heads, writer) for head in heads]
    posts.reverse()
    return posts


def rest_terms(seed: int = 0, posts: Sequence[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """Term endpoint objects of all three taxonomies, sorted by name as WordPress lists them.

    `count` is the number of `posts` that carry the term (0 for every term if none are given).
    """
    rng = random.Random(f"descriptions/{seed}")
    counts = Counter(i for post in posts for taxonomy in ("news-type", "organization", "regions")
                     for i in post.get(taxonomy, ()))
    terms = []
    for taxonomy, specs in taxonomy_terms().items():
        for spec in sorted(specs, key=lambda t: html.unescape(t.name).lower()):
            description = f"Coverage of {html.unescape(spec.name)}." if rng.random() < 0.2 else ""
            terms.append({
                "id": spec.id, "count": counts[spec.id], "description": description,
                "link": f"{SITE}/{taxonomy}/{spec.slug}/", "name": spec.name, "slug": spec.slug,
                "taxonomy": taxonomy, "parent": 0, "meta": [],
                "_links": {"self": [{"href": f"{API}/{taxonomy}/{spec.id}"}],
                           "collection": [{"href": f"{API}/{taxonomy}"}],
                           "about": [{"href": f"{API}/taxonomies/{taxonomy}"}],
                           "wp:post_type": [{"href": f"{API}/{POST_TYPE}?{taxonomy}={spec.id}"}],
                           "curies": [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]},
            })
    return terms


def write_corpus(folder: Path, n: int, seed: int = 0) -> None:
    """Save the corpus as a crawl would: post pages of 100, newest first, and one file per taxonomy.

    Page files left by an earlier, larger corpus in the same folder are removed, so the folder
    always holds exactly this corpus.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(f"{POST_TYPE}__page=*.json"):
        stale.unlink()
    posts = rest_posts(n, seed)
    for page, start in enumerate(range(0, n, PER_PAGE), start=1):
        _write_json(folder / f"{POST_TYPE}__page={page}.json", posts[start:start + PER_PAGE])
    terms = rest_terms(seed, posts)
    for taxonomy in ("news-type", "organization", "regions"):
        _write_json(folder / f"{taxonomy}.json", [t for t in terms if t["taxonomy"] == taxonomy])


def _write_json(path: Path, data: Any) -> None:
    # Compact, as the REST API sends it; ensure_ascii keeps the bytes independent of locale.
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="ascii")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the saved responses (created if missing)")
    parser.add_argument("--posts", type=int, required=True, help="number of posts")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args()
    if args.posts < 0:
        parser.error("--posts must be 0 or more")
    write_corpus(args.out, args.posts, args.seed)


if __name__ == "__main__":
    main()
