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
    return hashlib.blake2b(data, digest_size=16).hexdigest()
