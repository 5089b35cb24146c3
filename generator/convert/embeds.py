"""Names for embedded content, in the site's words, so a link that replaces an embed says what it leads to."""

from __future__ import annotations

import base64
import json
import re
from urllib.parse import parse_qs, unquote_plus, urlsplit

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import has_class, may_hold, tags_in
from generator.convert.product_frames import STORE_DOMAINS, product_page
from generator.language.words import Words

# Domain -> the site's name, and the word (language/catalogues/) that says what it embeds, "" for the name alone.
SITES = (("youtube.com", ("YouTube", "site_video")), ("youtu.be", ("YouTube", "site_video")),
         ("vimeo.com", ("Vimeo", "site_video")), ("twitter.com", ("X", "post_on_site")),
         ("x.com", ("X", "post_on_site")), ("instagram.com", ("Instagram", "site_post")),
         ("facebook.com", ("Facebook", "site_post")), ("tiktok.com", ("TikTok", "site_video")),
         ("spotify.com", ("Spotify", "")), ("soundcloud.com", ("SoundCloud", "")), ("google.com", ("Google", "")),
         ("slideshare.net", ("SlideShare", "")), ("dailymotion.com", ("Dailymotion", "site_video")),
         ("scribd.com", ("Scribd", "")), ("videopress.com", ("VideoPress", "site_video")),
         ("podcasts.apple.com", ("Apple Podcasts", "")), ("flourish.studio", ("Flourish", "")),
         ("infogram.com", ("Infogram", "")), ("dwcdn.net", ("Datawrapper", "")),
         ("datawrapper.de", ("Datawrapper", "")), ("documentcloud.org", ("DocumentCloud", "")),
         ("buzzsprout.com", ("Buzzsprout", "")), ("t.me", ("Telegram", "")),
         # The players newsrooms embed their videos, podcasts, maps and timelines with.
         ("brightcove.net", ("Brightcove", "site_video")), ("jwplayer.com", ("JW Player", "site_video")),
         ("jwplatform.com", ("JW Player", "site_video")), ("libsyn.com", ("Libsyn", "")),
         ("simplecast.com", ("Simplecast", "")), ("megaphone.fm", ("Megaphone", "")), ("omny.fm", ("Omny", "")),
         ("anchor.fm", ("Anchor", "")), ("podbean.com", ("Podbean", "")), ("spreaker.com", ("Spreaker", "")),
         ("acast.com", ("Acast", "")), ("arcgis.com", ("ArcGIS", "")), ("tableau.com", ("Tableau", "")),
         ("knightlab.com", ("Knight Lab", "")), ("codepen.io", ("CodePen", "")),
         # Jetpack's `[gist]`, and sites WordPress's own oEmbed list embeds from (class-wp-oembed.php).
         ("gist.github.com", ("GitHub Gist", "")), ("flickr.com", ("Flickr", "")), ("flic.kr", ("Flickr", "")),
         ("kickstarter.com", ("Kickstarter", "")), ("imgur.com", ("Imgur", "")), ("issuu.com", ("Issuu", "")),
         ("mixcloud.com", ("Mixcloud", "")), ("reddit.com", ("Reddit", "")), ("tumblr.com", ("Tumblr", "")),
         ("ted.com", ("TED", "site_video")), ("wordpress.tv", ("WordPress.tv", "site_video")),
         ("speakerdeck.com", ("Speaker Deck", "")), ("pinterest.com", ("Pinterest", "")),
         ("twitch.tv", ("Twitch", "site_video")), ("strava.com", ("Strava", "")),
         *((store, ("Amazon", "")) for store in STORE_DOMAINS))


# The Flash players that posts of the 2000s embedded (`<embed src="http://www.youtube.com/v/ID&hl=en">`), which no
# browser runs now and whose addresses lead nowhere, and the page of the same video.
FLASH_PLAYERS = (
    (re.compile(r"(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/v/([\w-]{11})", re.I),
     "https://www.youtube.com/watch?v={}"),
    (re.compile(r"(?:https?:)?//(?:www\.)?vimeo\.com/moogaloop\.swf\?(?:[^#]*?&(?:amp;)?)?clip_id=(\d+)", re.I),
     "https://vimeo.com/{}"),
    (re.compile(r"(?:https?:)?//(?:www\.)?dailymotion\.com/swf/(?:video/)?([a-z0-9]+)", re.I),
     "https://www.dailymotion.com/video/{}"),
)


def video_page(url: str) -> str | None:
    """The page of the video an old Flash player's address plays, or None for any other address."""
    for player, page in FLASH_PLAYERS:
        found = player.match(url.strip())
        if found:
            return page.format(found.group(1))
    return None


# The `_=N` WordPress's [audio] and [video] add to the file's address, numbering the players on the page
# (wp_audio_shortcode's add_query_arg): not part of the file's address a reader would save.
PLAYER_NUMBER = re.compile(r"([?&])_=\d+(?:&|$)")


def played_file(url: str) -> str:
    """The address of the file a WordPress player plays, without the player's number."""
    return PLAYER_NUMBER.sub(lambda m: m[1] if m.group(0).endswith("&") else "", url, count=1)


# The players YouTube and Vimeo serve in a frame (`youtube.com/embed/ID?version=3&rel=1&…`, as Jetpack's
# `[youtube]` and the oEmbed of a pasted address render; `player.vimeo.com/video/ID`). Their address opens a bare
# player with the frame's settings, which a reader has no use for: the video's own page is what a link to it
# leads to, and what an export's `[youtube=…]` of the same post links to.
# A video's id is 64 bits in 11 characters of base64url, so its last one is one of 16; `live_stream` and
# `videoseries` are 11 characters too, but name a channel's stream and a playlist.
YOUTUBE_PLAYER = re.compile(r"(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]{10}[AEIMQUYcgkosw048]|videoseries)/?")
VIMEO_PLAYER = re.compile(r"player\.vimeo\.com/video/(\d+)/?")
# The players of a podcast or song (Spotify's `/embed/episode/ID`, `/embed-podcast/show/ID` of older codes;
# Apple Podcasts' embed.podcasts.apple.com) and Facebook's post and video frames (`/plugins/video.php?href=<the
# page>`), whose pages the same address without the player's part opens: what a reader follows.
SPOTIFY_PLAYER = re.compile(
    r"open\.spotify\.com/embed(?:-podcast)?/((?:episode|show|track|album|playlist|artist)/\w+)/?")
APPLE_PLAYER = re.compile(r"embed\.(podcasts\.apple\.com/.+)")
FACEBOOK_PLAYER = re.compile(r"(?:[\w-]+\.)?facebook\.com/plugins/(?:post|video)\.php")
SECONDS = re.compile(r"\d+")


def shown_page(url: str) -> str:
    """The page an embedding service's frame shows, which a reader can open: a YouTube or Vimeo video's own
    page (see YOUTUBE_PLAYER), from the time the frame starts at, or a playlist's; a podcast's, song's or
    Facebook post's (see SPOTIFY_PLAYER); the page of the product an
    Amazon product link shows (see product_frames); the document Google's viewer shows (`docs.google.com/viewer?url=
    <the document>&embedded=true`, as Google Doc Embedder and other viewers' plugins frame a PDF); the page Embedly's frame
    (`cdn.embedly.com/widgets/media.html?src=…&url=<the page>`, in posts brought over from Medium) names in its
    `url`; any other address is itself."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    if product := product_page(url):
        return product
    query = parse_qs(parts.query)
    place = f"{parts.hostname or ''}{parts.path}"
    if youtube := YOUTUBE_PLAYER.fullmatch(place):
        return _youtube_page(youtube.group(1), query) or url
    if vimeo := VIMEO_PLAYER.fullmatch(place):  # an unlisted video's page needs its key (`?h=`) too
        key = query.get("h", [""])[0]
        return f"https://vimeo.com/{vimeo.group(1)}" + (f"/{key}" if key.isalnum() else "")
    if spotify := SPOTIFY_PLAYER.fullmatch(place):
        return f"https://open.spotify.com/{spotify.group(1)}"
    if apple := APPLE_PLAYER.fullmatch(place):
        return f"https://{apple.group(1)}" + (f"?{parts.query}" if parts.query else "")
    if FACEBOOK_PLAYER.fullmatch(place):
        page = query.get("href", [""])[0]
    elif _google_viewer(parts.hostname or "", parts.path):  # the document itself, which the viewer only showed
        page = query.get("url", [""])[0].strip()
    elif (parts.hostname or "").endswith("embedly.com") and parts.path.endswith("/widgets/media.html"):
        page = query.get("url", [""])[0]
    else:
        return url
    return page if page.startswith(("https://", "http://")) else url


def _youtube_page(video: str, query: dict[str, list[str]]) -> str | None:
    """The page of a YouTube player's video (`t=` where the frame's `start=` began it), or of the playlist its
    `videoseries` frame plays; None for a frame that names neither."""
    if video == "videoseries":
        playlist = query.get("list", [""])[0]
        return f"https://www.youtube.com/playlist?list={playlist}" if re.fullmatch(r"[\w-]+", playlist) else None
    start = query.get("start", [""])[0]
    return f"https://www.youtube.com/watch?v={video}" + (f"&t={start}s" if SECONDS.fullmatch(start) else "")


# Google's apps by host and the address's first part (`docs.google.com/forms/…`), as Google names them: a frame of
# one was named "Google", which said neither what it shows nor, for a path of one part, anything more.
GOOGLE_APPS = {("docs.google.com", "forms"): "Google Forms", ("docs.google.com", "document"): "Google Docs",
               ("docs.google.com", "spreadsheets"): "Google Sheets", ("docs.google.com", "presentation"): "Google Slides",
               ("docs.google.com", "drawings"): "Google Drawings", ("docs.google.com", "file"): "Google Drive",
               ("docs.google.com", "viewer"): "Google Docs", ("docs.google.com", "gview"): "Google Docs",
               ("drive.google.com", ""): "Google Drive", ("calendar.google.com", ""): "Google Calendar",
               ("sites.google.com", ""): "Google Sites", ("lookerstudio.google.com", ""): "Looker Studio",
               ("datastudio.google.com", ""): "Looker Studio", ("jamboard.google.com", ""): "Google Jamboard"}
GOOGLE_VIEWER = frozenset({"viewer", "gview"})  # Google's viewer of a document elsewhere, named in its `url`


def _google_viewer(host: str, path: str) -> bool:
    return host.lower() == "docs.google.com" and path.strip("/") in GOOGLE_VIEWER


def site_name(url: str, words: Words) -> str:
    if app := google_app(url):
        return app
    for domain, (name, word) in SITES:
        if _on(url, domain):
            return words.fill(word, site=name) if word else name
    return words.embedded_content


def google_app(url: str) -> str:
    """The name of the Google app the address is of (see GOOGLE_APPS), or ""."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    host = (parts.hostname or "").lower()
    first = next((part for part in parts.path.split("/") if part), "")
    return GOOGLE_APPS.get((host, first), "") or GOOGLE_APPS.get((host, ""), "")


def on_embedding_site(url: str) -> bool:
    """Whether the address is on a site whose videos, posts or sounds posts embed (SITES)."""
    return any(_on(url, domain) for domain, _ in SITES)


def _on(url: str, domain: str) -> bool:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # e.g. an unclosed IPv6 bracket: still a link, to an unknown site
        return False
    return host == domain or host.endswith("." + domain)


def embed_label(url: str, words: Words, title: str = "") -> str:
    """The text of the link that stands in for an embed, in the site's words: what it is, then its title or
    address; a title that begins by saying what it is ("Spotify Embed: Song") stands alone. A map says the
    place it shows, or nothing: its address is a few hundred characters of its settings."""
    if service := map_service(url):
        generic = title.strip().casefold() in (service.casefold(), f"{service} maps".casefold(), "map", "maps")
        kind, title = words.fill("site_map", site=service), map_place(url) if generic or not title else title
        if not title:
            return kind
    else:
        kind = site_name(url, words)
    if title.casefold().startswith((kind.casefold() + " ", kind.casefold() + ":")):
        return title
    return words.fill("media_described", kind=kind, description=title or url)


def frame_label(url: str, words: Words, title: str = "") -> str:
    """What the link standing in for a frame says: `embed_label`'s, but a frame with no title whose address holds
    its player's settings (`?autoplay=0&mute=1&color=%23ff5500…`) is named by its address without them; a
    service's player at a path of one part, whose settings alone say what it plays, by the service alone
    (SoundCloud's `/player/?url=<the API's address of the track>`, which no reader can open). The link keeps the
    whole address."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return embed_label(url, words, title)
    if title.strip() or not parts.query or map_service(url):
        return embed_label(url, words, title)
    kind = site_name(url, words)
    viewed = parse_qs(parts.query).get("url", [""])[0].strip() if parts.path.strip("/") in GOOGLE_VIEWER else ""
    if viewed:  # Google's viewer of a document: named by the document
        return words.fill("media_described", kind=kind, description=viewed)
    if kind != words.embedded_content and len([part for part in parts.path.split("/") if part]) <= 1:
        return kind
    return words.fill("media_described", kind=kind, description=f"{parts.scheme}://{parts.netloc}{parts.path}")


# Google's maps are at maps.google.<country> or google.<country>/maps (`/maps/embed?pb=…`, My Maps' `/maps/d/…`).
GOOGLE_MAPS = re.compile(r"(?:maps\.google\.[a-z.]+/.*|(?:www\.)?google\.[a-z.]+/maps(?:/.*)?)", re.IGNORECASE)
# In an embed's `pb` settings a string is `!2s<text>`, or `!2z<base64>` when it is not ASCII; the place's name is the
# first that is not a language or country code (`!1sen!2sau` close the settings).
PLACE_NAME = re.compile(r"!2([sz])([^!]{4,})")


def map_service(url: str) -> str:
    """The name of the map service whose frame the address is, or ""."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    place = f"{parts.hostname or ''}{parts.path}"
    if GOOGLE_MAPS.fullmatch(place):
        return "Google"
    if place.endswith("openstreetmap.org/export/embed.html"):
        return "OpenStreetMap"
    return ""


def map_place(url: str) -> str:
    """The place a map's frame was asked for: its search (`q=`) or the name in its settings (`pb=`)."""
    query = parse_qs(urlsplit(url.strip()).query)
    if asked := query.get("q", [""])[0].strip():
        return asked
    named = PLACE_NAME.search(query.get("pb", [""])[0])
    if named is None:
        return ""
    if named.group(1) == "s":
        return unquote_plus(named.group(2)).strip()
    try:
        return base64.urlsafe_b64decode(named.group(2) + "=" * (-len(named.group(2)) % 4)).decode().strip()
    except ValueError:  # not base64, or not UTF-8 (UnicodeDecodeError is a ValueError)
        return ""


# The files whose address WordPress's embeds show as a player (wp_get_video_extensions, wp_get_audio_extensions: its
# `video` and `audio` embed handlers), and those it has no handler for, whose address it links (maybe_make_link).
PLAYED_FILE = re.compile(r"\.(?:(mp4|m4v|webm|ogv|flv)|(mp3|ogg|flac|m4a|wav))$", re.IGNORECASE)
LINKED_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|heic|svg|pdf|docx?|xlsx?|pptx?|zip|mov|wmv|wma)$",
                         re.IGNORECASE)


def embedded_file(url: str) -> str:
    """What WordPress shows for an embed of a file's address, which no site's oEmbed serves: a video or audio file
    plays in its player (`video`, `audio`); another (a picture, a PDF) is a `link` showing its address; "" for any
    other address."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    if played := PLAYED_FILE.search(path):
        return "video" if played.group(1) else "audio"
    return "link" if LINKED_FILE.search(path) else ""


def file_shown(soup: BeautifulSoup, url: str, kind: str) -> Tag:
    """The player or link `embedded_file` says WordPress shows for the file, in a paragraph."""
    paragraph = soup.new_tag("p")
    shown = soup.new_tag(kind, src=url) if kind != "link" else soup.new_tag("a", href=url)
    if kind == "link":
        shown.string = url
    paragraph.append(shown)
    return paragraph


def embed_paragraph(soup: BeautifulSoup, url: str, ctx: Context, title: str = "") -> Tag:
    """A paragraph holding the link that stands in for an embed of `url`, noted as the embed made a link."""
    ctx.losses.note(loss.EMBED_AS_LINK, url)
    paragraph = soup.new_tag("p")
    link = soup.new_tag("a", href=url)
    link.string = embed_label(url, ctx.words, title)
    paragraph.append(link)
    return paragraph


WEB_PAGE = re.compile(r"^\s*https?://", re.IGNORECASE)


def link_quoted_source(soup: BeautifulSoup, wrapper: Tag, ctx: Context) -> None:
    """A provider's quote (the wrapper, or one inside it) that names the page it shows only in its `cite`
    (TikTok's names the account, the caption and the sound, not the video): a link to that page follows the
    quote, as the export's embed shows."""
    quote = wrapper if wrapper.name == "blockquote" and wrapper.get("cite") else wrapper.find("blockquote", cite=True)
    source = str(quote.get("cite", "")).strip() if quote is not None else ""
    if not WEB_PAGE.match(source) or wrapper.find("a", href=source) is not None:
        return
    paragraph = soup.new_tag("p")
    link = soup.new_tag("a", href=source)
    link.string = embed_label(source, ctx.words)
    paragraph.append(link)
    quote.insert_after(paragraph)


# A video a script plays when its picture is clicked (YouTube Embed Plus's gallery, `<lite-youtube videoid>`) names
# it in an attribute, where a reader of the mirror, without the script, cannot follow it.
VIDEO_ID_ATTRIBUTES = ("data-videoid", "data-video-id", "data-youtube-id", "videoid")
VIDEO_ID_NAMES = frozenset(VIDEO_ID_ATTRIBUTES)
YOUTUBE_ID = re.compile(r"[\w-]{11}")
# The controls a script runs in Embed Plus's gallery: its pager ("« Prev 1 / 3 Next »") and each picture's play icon;
# FV Player's play button and loading dots over its picture (an SVG whose `<title>` read "play-sharp-fill").
SCRIPT_CONTROL_CLASSES = frozenset({"epyt-pagination", "epyt-gallery-playhover", "fp-ui"})
# FV Player (`<div class="flowplayer" data-item='{"sources":[{"src":"https://youtu.be/…"}],"splash":…}'>`) names the
# video it plays only in that JSON, and shows its picture alone.
FLOWPLAYER_CLASSES = frozenset({"flowplayer"})


def videos_a_script_plays(soup: BeautifulSoup, ctx: Context) -> None:
    """Each video a script plays from its picture becomes a link to the video around that picture and its title;
    the controls the script ran go."""
    if not may_hold(soup, SCRIPT_CONTROL_CLASSES | FLOWPLAYER_CLASSES, attributes=VIDEO_ID_NAMES):
        return
    for tag in tags_in(soup):
        if tag.__dict__.get("_decomposed"):
            continue
        if not SCRIPT_CONTROL_CLASSES.isdisjoint(tag.get("class") or ()):
            tag.decompose()
            continue
        video = next((tag[name] for name in VIDEO_ID_ATTRIBUTES if tag.get(name)), "")
        if isinstance(video, str) and YOUTUBE_ID.fullmatch(video) and not _linked(tag):
            tag.wrap(soup.new_tag("a", attrs={"href": f"https://www.youtube.com/watch?v={video}"}))
        elif not FLOWPLAYER_CLASSES.isdisjoint(tag.get("class") or ()) and not _linked(tag):
            _link_player_source(soup, tag, ctx)


def _link_player_source(soup: BeautifulSoup, player: Tag, ctx: Context) -> None:
    """A link to the video FV Player plays follows its picture, named as an embed's link is."""
    try:
        item = json.loads(str(player.get("data-item") or ""))
    except (ValueError, RecursionError):
        return
    sources = item.get("sources") if isinstance(item, dict) else None
    url = next((source.get("src") for source in sources or () if isinstance(source, dict)
                and isinstance(source.get("src"), str) and source["src"].startswith(("https://", "http://"))), None)
    if url is None:
        return
    player.append(embed_paragraph(soup, url, ctx))


def _linked(tag: Tag) -> bool:
    return tag.find_parent("a") is not None or tag.find("a") is not None


# A GitHub gist shown in a post (Jetpack's `[gist]`, an embed handler) is its files as GitHub renders them: a table
# of lines whose numbers only GitHub's style sheet draws (`td.blob-num`), each line's code in a `td.blob-code`, and
# the language in the class of the box around it (`type-javascript`). As a table, the code loses its indentation
# and its `<tags>`; as a code block it reads as the gist does. Under each file GitHub prints its footer ("view raw",
# the file's name, "hosted with ❤ by GitHub"), which stood as three lines of text under the code: the file's name,
# linked to the gist, is what names the code, and stays as its line; GitHub's words and the raw file's link go.
GIST_CLASSES = frozenset({"js-file-line-container"})
GIST_FOOTER = frozenset({"gist-meta"})
GIST_LANGUAGE = re.compile(r"type-([a-z0-9+#-]+)$")


def gists_as_code(soup: BeautifulSoup, ctx: Context) -> None:
    """Each file of an embedded gist becomes a code block in its language."""
    if not may_hold(soup, GIST_CLASSES):
        return
    for table in [t for t in tags_in(soup) if t.name == "table" and "js-file-line-container" in (t.get("class") or ())]:
        lines = [cell.get_text().strip("\r\n") for cell in table.find_all("td", class_="blob-code")]
        code = soup.new_tag("code")
        language = _gist_language(table)
        if language:
            code["class"] = [f"language-{language}"]
        code.string = "\n".join(lines)
        pre = soup.new_tag("pre")
        pre.append(code)
        table.replace_with(pre)
    for meta in [t for t in tags_in(soup) if t.name == "div" and has_class(t, GIST_FOOTER)]:
        _gist_footer_as_file_link(soup, meta)


def _gist_footer_as_file_link(soup: BeautifulSoup, meta: Tag) -> None:
    """The link to the file in the gist (`…#file-NAME`), as a paragraph of its own; a footer without one stays."""
    link = next((a for a in meta.find_all("a") if "#file-" in str(a.get("href") or "")), None)
    if link is None:
        return
    paragraph = soup.new_tag("p")
    paragraph.append(link.extract())
    meta.replace_with(paragraph)


def _gist_language(table: Tag) -> str:
    for box in table.parents:
        for name in box.get("class") or ():
            found = GIST_LANGUAGE.match(name)
            if found:
                return found.group(1)
    return ""
