"""Music players that a script filled in on the live page, as links to what they played.

MetingJS, which Chinese blogs put on APlayer, is an element that names a song, album, playlist or artist of a music
service (`<meting-js server="netease" type="song" id="16957723">`); its script fetched the item and drew a player
when the page was shown. The saved HTML holds the element alone, which the mirror showed as nothing: a blog's post
lost the song its author put under it without a word. It becomes a link to the item's page on the service, as an
embed does; an element that names the page itself (`auto="https://music.163.com/#/playlist?id=60198"`) links there.
Services whose pages cannot be told from an id (Kugou's, Xiami's, Baidu's) leave the element as it was.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.embeds import embed_paragraph
from generator.convert.parse import elements

PLAYER = "meting-js"
PAGES = {
    "netease": {"song": "https://music.163.com/#/song?id={}", "album": "https://music.163.com/#/album?id={}",
                "playlist": "https://music.163.com/#/playlist?id={}", "artist": "https://music.163.com/#/artist?id={}"},
    "tencent": {"song": "https://y.qq.com/n/ryqq/songDetail/{}", "album": "https://y.qq.com/n/ryqq/albumDetail/{}",
                "playlist": "https://y.qq.com/n/ryqq/playlist/{}", "artist": "https://y.qq.com/n/ryqq/singer/{}"},
}
ITEM_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # the services' ids: NetEase's digits, QQ Music's `mid`s
WEB_PAGE = re.compile(r"https?://\S+", re.IGNORECASE)


def music_players_as_links(soup: BeautifulSoup, ctx: Context) -> None:
    for player in elements(soup, PLAYER):
        if url := _page(player):
            player.replace_with(embed_paragraph(soup, url, ctx))


def _page(player: Tag) -> str:
    """The address of the page of what the player played, or ""."""
    auto = str(player.get("auto") or "").strip()
    if WEB_PAGE.fullmatch(auto):
        return auto
    page = PAGES.get(str(player.get("server") or "").strip().lower(), {}).get(
        str(player.get("type") or "").strip().lower(), "")
    item = str(player.get("id") or "").strip()
    return page.format(item) if page and ITEM_ID.fullmatch(item) else ""
