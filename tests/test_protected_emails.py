"""Addresses Cloudflare's Email Address Obfuscation hid in a saved page (convert/protected_emails.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown
from generator.convert.protected_emails import decoded

LOCAL = st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1, max_size=20)


def _encoded(address: str, key: int) -> str:
    return f"{key:02x}" + "".join(f"{byte ^ key:02x}" for byte in address.encode("utf-8"))


@given(LOCAL, LOCAL, st.integers(0, 255))
def test_any_address_cloudflare_encoded_with_any_key_is_read_back(user: str, host: str, key: int) -> None:
    address = f"{user}@{host}.example"
    assert decoded(_encoded(address, key)) == address
    markup = (f'<p>Write to <a href="/cdn-cgi/l/email-protection#{_encoded(address, key)}"><span class="__cf_email__" '
              f'data-cfemail="{_encoded(address, key)}">[email&#160;protected]</span></a>.</p>')
    assert html_to_markdown(markup, Context()).strip().endswith(f"(mailto:{address}).")


@given(st.text(max_size=40))
def test_what_is_no_encoded_address_is_not_read_as_one(text: str) -> None:
    found = decoded(text)
    assert found is None or "@" in found
