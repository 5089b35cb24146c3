"""The media step asks only public addresses for images, and the hosts of the sites the user mirrors: a post's
body is the mirrored site's text, and must not make this machine ask its own network (localhost, a LAN, a
cloud's metadata service) for anything."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from generator.cli import main
from generator.media_mirror import MediaSettings, mirror_media
from generator.sources.http import Client, Politeness
from generator.sources.media_fetch import client_fetcher
from generator.sources.public_address import refusal
from tests.conftest import rest_item
from tests.site_content import post, write_content
from tests.test_media_fetch import WHEN, ImageServer, fetcher, routes


def resolver(*addresses: str):
    """A getaddrinfo that answers every name with `addresses`."""
    def resolve(host: str, port: int, type: int = 0) -> list[tuple]:
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, type, 6, "", (a, port)) for a in addresses]
    return resolve


def no_such_host(host: str, port: int, type: int = 0) -> list[tuple]:
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


@pytest.mark.parametrize("url, kind", [
    ("http://127.0.0.1/a.png", "a loopback address"),
    ("http://127.1.2.3:8080/a.png", "a loopback address"),
    ("http://[::1]/a.png", "a loopback address"),
    ("http://[::ffff:127.0.0.1]/a.png", "a loopback address"),
    ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
    ("http://10.0.0.7/wp-content/uploads/a.png", "a private-network address"),
    ("http://192.168.1.10/a.png", "a private-network address"),
    ("http://[fd00::5]/a.png", "a private-network address"),
    ("http://0.0.0.0/a.png", "an unspecified address"),
    ("http://100.64.0.1/a.png", "not a public address"),  # carrier-grade NAT
    ("http://2130706433/a.png", "a loopback address"),  # 127.0.0.1 written as one number, as a resolver reads it
])
def test_an_address_that_is_not_public_is_refused_and_named(url: str, kind: str) -> None:
    assert kind in refusal(url)


def test_a_name_is_refused_when_any_of_its_addresses_is_not_public() -> None:
    assert "images.example.net is a private-network address (10.1.2.3)" in refusal(
        "https://images.example.net/a.png", resolve=resolver("93.184.216.34", "10.1.2.3"))
    assert refusal("https://images.example.net/a.png", resolve=resolver("93.184.216.34", "2606:2800:220:1::1")) == ""


def test_the_host_of_a_mirrored_site_may_be_private_and_a_name_that_does_not_resolve_is_left_to_the_request() -> None:
    assert refusal("http://intranet.local/up/a.png", {"intranet.local"}, resolver("10.0.0.2")) == ""
    assert refusal("http://INTRANET.local/up/a.png", {"intranet.local"}, resolver("10.0.0.2")) == ""
    assert refusal("http://gone.example/a.png", resolve=no_such_host) == ""
    assert refusal("http://[x/a.png") == ""  # the client reports what is not a URL


def test_a_post_on_a_public_site_does_not_make_the_mirror_ask_a_loopback_server(tmp_path: Path) -> None:
    with ImageServer(routes()) as server:
        local = server.base.replace("127.0.0.1", "localhost")
        body = f"![Chart]({server.base}/up/chart.png) ![Photo]({local}/up/photo.jpg)\n"
        content = write_content(tmp_path / "content", [post("leak", WHEN, body=body)])
        with fetcher(own_hosts=frozenset()) as fetch:
            result = mirror_media(content, fetch, MediaSettings())
    assert sum(server.requests.values()) == 0
    assert result.fetched == 0 and not (content / "media").exists()
    messages = sorted(p.message for p in result.problems)
    assert "127.0.0.1 is a loopback address (127.0.0.1)" in messages[0]
    assert "localhost is a loopback address" in messages[1]
    assert all(m.endswith("it stays a link to the original") for m in messages)
    assert sorted(result.gone) == sorted([f"{server.base}/up/chart.png", f"{local}/up/photo.jpg"])  # not asked again


def test_a_redirect_from_the_mirrored_site_to_another_loopback_host_is_not_followed(tmp_path: Path) -> None:
    with ImageServer(routes()) as server:
        local = server.base.replace("127.0.0.1", "localhost")
        server.routes["/up/away.png"] = (302, "text/html", b"", {"Location": f"{local}/up/chart.png"})
        content = write_content(tmp_path / "content", [post("away", WHEN, body=f"![A]({server.base}/up/away.png)\n")])
        with fetcher() as fetch:  # the mirrored site is 127.0.0.1; localhost is another host
            result = mirror_media(content, fetch, MediaSettings())
    assert dict(server.requests) == {"/up/away.png": 1}
    assert f"redirected to {local}/up/chart.png: localhost is a loopback address" in result.problems[0].message


def saved_crawl(folder: Path, base: str) -> None:
    body = f'<p>Output rose.</p><figure><img src="{base}/up/chart.png" alt="Chart"></figure>'
    item = rest_item(id=7, slug="chart", content={"rendered": body, "protected": False},
                     link="https://news.example/2024/01/chart/")
    (folder / "wp-json").mkdir(parents=True)
    (folder / "wp-json" / "posts.json").write_text(json.dumps([item]), encoding="utf-8")


def test_import_mirrors_from_a_private_host_only_when_the_configuration_names_its_site(tmp_path: Path,
                                                                                      capsys) -> None:
    with ImageServer(routes()) as server:
        saved_crawl(tmp_path / "crawl", server.base)
        content = tmp_path / "content"
        args = ["import", str(tmp_path / "crawl"), "--content", str(content), "--media"]
        assert main(args) == 1
        err = capsys.readouterr().err
        assert sum(server.requests.values()) == 0
        assert "chart.md" in err and "127.0.0.1 is a loopback address" in err and "[[sources]]" in err
        config = tmp_path / "newsmirror.toml"
        config.write_text(f'[[sources]]\nname = "intranet"\nurl = "{server.base}/"\n', encoding="utf-8")
        assert main([*args, "--config", str(config)]) == 0
    assert dict(server.requests) == {"/up/chart.png": 1}
    assert len(list((content / "media").glob("chart-*.png"))) == 1


def test_a_name_that_resolves_to_a_public_address_for_the_check_and_to_loopback_for_the_connection_is_not_asked(
        tmp_path: Path) -> None:
    """DNS rebinding: a name whose server answers a public address to the check, then 127.0.0.1 with a short
    time to live when the client connects. The connection resolves it again and checks what it connects to."""
    with ImageServer(routes()) as server:
        port = server.base.rsplit(":", 1)[1]
        url = f"http://rebind.example:{port}/up/chart.png"
        content = write_content(tmp_path / "content", [post("rebound", WHEN, body=f"![Chart]({url})\n")])
        with Client(Politeness(min_interval=0.0, timeout=0.5, retries=0), resolve=resolver("127.0.0.1")) as client:
            fetch = client_fetcher(client, 1 << 20, frozenset(), resolve=resolver("93.184.216.34"))
            result = mirror_media(content, fetch, MediaSettings())
    assert sum(server.requests.values()) == 0
    assert result.fetched == 0 and list(result.gone) == [url]
    assert "rebind.example resolved to a loopback address (127.0.0.1) when connecting" in result.problems[0].message


def test_the_host_of_a_mirrored_site_is_connected_to_whatever_its_address() -> None:
    """PublicOnly lets the hosts of the sites the user mirrors through: an intranet WordPress's own images."""
    with ImageServer(routes()) as server, Client(Politeness(min_interval=0.0, timeout=0.5, retries=0)) as client:
        fetch = client_fetcher(client, 1 << 20, frozenset({"127.0.0.1"}))
        assert fetch(f"{server.base}/up/chart.png").data is not None


def test_a_name_the_connection_cannot_look_up_is_a_host_that_does_not_exist_and_not_looked_up_again(
        tmp_path: Path) -> None:
    """The connection looks the name up itself rather than leave it to the socket, which would look it up once
    more, unchecked; a name that does not exist is still told as such, and failed for good."""
    with ImageServer(routes()) as server:
        url = f"http://gone.example:{server.base.rsplit(':', 1)[1]}/up/chart.png"
        content = write_content(tmp_path / "content", [post("gone", WHEN, body=f"![Chart]({url})\n")])
        with Client(Politeness(min_interval=0.0, timeout=0.5, retries=0), resolve=no_such_host) as client:
            result = mirror_media(content, client_fetcher(client, 1 << 20, frozenset(),
                                                          resolve=resolver("93.184.216.34")), MediaSettings())
    assert sum(server.requests.values()) == 0 and list(result.gone) == [url]
    assert "no such host" in result.problems[0].message
