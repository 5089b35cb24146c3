"""Whether an image URL may be fetched from this machine: only from a public address, or from a site the user
named as a source.

A post's body is the mirrored site's text, not the user's: it can show `http://localhost/...` (a site built on
a laptop and moved, common in old posts), `http://192.168.1.10/...` or `http://169.254.169.254/...`, a cloud's
metadata service. Fetching those asks the machine running newsmirror, or its network, for what the mirrored
site never served (server-side request forgery). So the media step refuses an image whose host resolves to
anything but a public address, unless the host is one the user chose to mirror (an intranet WordPress).
Every address a name resolves to is checked: the client may connect to any of them. A name whose answer
changes between this check and the request (DNS rebinding) is caught when the client connects: its
connections go through `PublicOnly`, which resolves the name again, checks those very addresses, and
connects to one of them.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Collection, Iterable
from typing import Any
from urllib.parse import urlsplit

import httpcore

Resolver = Callable[..., list[tuple]]  # socket.getaddrinfo's shape
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def refusal(url: str, allowed_hosts: Collection[str] = (), resolve: Resolver = socket.getaddrinfo) -> str:
    """Why `url` must not be fetched, for a reader, or "" when it may be. A host that does not resolve is left
    to the request, which reports it as no such host."""
    try:
        parts = urlsplit(url)
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        return ""  # the client reports the URL as unusable
    if not host or host in allowed_hosts:
        return ""
    for address in _addresses(host, port, resolve):
        kind = _not_public(address)
        if kind:
            return (f"{host} is {kind} ({address}); images are fetched only from public addresses, or from the "
                    "host of a site named in [[sources]]")
    return ""


class AddressRefused(OSError):
    """A connection to a non-public address, which the check before the request did not see. Not one of
    httpcore's errors, so that httpx passes it on as it is rather than as a failed connection to retry."""


class PublicOnly(httpcore.NetworkBackend):
    """httpcore's sockets, connected only to public addresses, or to any for the hosts allowed. The name is
    resolved here and the addresses checked are the ones connected to: a name cannot answer a public address
    to the check and a private one to the connection."""

    def __init__(self, allowed_hosts: Collection[str] = (), resolve: Resolver = socket.getaddrinfo) -> None:
        self._allowed = frozenset(host.lower() for host in allowed_hosts)
        self._resolve = resolve
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        if host.lower() in self._allowed:
            return self._sockets.connect_tcp(host, port, timeout, local_address, socket_options)
        try:
            addresses = _looked_up(host, port, self._resolve)
        except OSError as e:  # a name no resolver takes (`www..example.com`) raises UnicodeError: not a usable URL
            # Not left to the socket, which would look the name up again, unchecked. A gaierror stays its
            # cause, so that the client still tells a host that does not exist.
            raise httpcore.ConnectError(f"cannot look up {host}: {e}") from e
        for address in addresses:
            if kind := _not_public(address):
                raise AddressRefused(f"{host} resolved to {kind} ({address}) when connecting; images are fetched "
                                     "only from public addresses, or from the host of a site named in [[sources]]")
        error = httpcore.ConnectError(f"{host} has no address")
        for address in addresses:
            try:
                return self._sockets.connect_tcp(str(address), port, timeout, local_address, socket_options)
            except httpcore.ConnectError as e:
                error = e
        raise error

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)


def _addresses(host: str, port: int | None, resolve: Resolver) -> list[IPAddress]:
    """The host's addresses; none when it cannot be looked up."""
    try:
        return _looked_up(host, port, resolve)
    except (OSError, UnicodeError, ValueError):
        return []


def _looked_up(host: str, port: int | None, resolve: Resolver) -> list[IPAddress]:
    """The host's addresses, or the resolver's error."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    answers = resolve(host, port or 80, type=socket.SOCK_STREAM)
    found = []
    for *_, sockaddr in answers:
        try:
            found.append(ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0]))  # fe80::1%eth0
        except ValueError:
            continue
    return found


def _not_public(address: IPAddress) -> str:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address, such as a cloud's metadata service"
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_private:
        return "a private-network address"
    if not address.is_global or address.is_multicast:
        return "not a public address"
    return ""
