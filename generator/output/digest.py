"""Digests: what every build cache key is made of. Equal values give equal digests in any process."""

from __future__ import annotations

import hashlib
import marshal


def of_values(*parts: object) -> str:
    """A digest of JSON-like values (str, int, float, bool, None, and tuples, lists and dicts of them).

    marshal is several times faster than json.dumps here; its format 2 has no back-references, so the bytes
    depend on the values only, never on object identity.
    """
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(marshal.dumps(part, 2))
    return digest.hexdigest()


def of_bytes(data: bytes) -> str:
    """The first 128 bits of SHA-256: a cold build digests every page and post it reads (some 560 MB at 10,000
    posts), and OpenSSL's SHA-256, which uses the processor's SHA instructions where it has them (x86 since
    2017, ARMv8), takes about half of blake2b's time there."""
    return hashlib.sha256(data).hexdigest()[:32]
