"""A Co-Authors Plus writer who never posted a story of their own: an export lists only the users who posted, so
such a co-author's byline and term page showed their login (`rui`). The plugin's term for them describes them for
its search, display name first, which names them; the e-mail address that description holds is never kept."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.sources.coauthors import described_name
from tests.test_coauthors import _import
from tests.test_wxr import item


def header_term(login: str, description: str) -> str:
    return (f"<wp:term><wp:term_id>57</wp:term_id><wp:term_taxonomy><![CDATA[author]]></wp:term_taxonomy>"
            f"<wp:term_slug><![CDATA[cap-{login}]]></wp:term_slug><wp:term_name><![CDATA[{login}]]></wp:term_name>"
            f"<wp:term_description><![CDATA[{description}]]></wp:term_description></wp:term>\n")


def test_a_co_author_who_never_posted_is_bylined_by_the_name_the_term_describes(tmp_path: Path) -> None:
    credits = ('<category domain="author" nicename="cap-rui"><![CDATA[rui]]></category>'
               '<category domain="author" nicename="cap-ines"><![CDATA[ines]]></category>')
    terms = (header_term("rui", "Rui Costa Rui Costa rui 14 rui@example.org")
             + header_term("ines", "Inês Moura   ines 15 ines@example.org"))
    posts = _import(tmp_path, terms + item(5, "Harbour works", "<p>Cranes.</p>", categories=credits))
    assert posts["post/post-5.md"].author == "Inês Moura, Rui Costa"  # by slug (see the README)
    assert not any("@example.org" in p.read_text(encoding="utf-8") for p in (tmp_path / "content").rglob("*")
                   if p.is_file())


def test_a_description_that_does_not_say_the_name_plainly_gives_none() -> None:
    assert described_name("Dr Ana Ana Sousa ana 12 ana@example.org", "ana") == ""  # where would the name end?
    assert described_name("Ana Sousa Ana Sousa ana x ana@example.org", "ana") == ""  # no id after the login
    assert described_name("", "ana") == "" and described_name("Ana Sousa", "ana") == ""


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60),
       st.from_regex(r"[a-z]{1,8}", fullmatch=True))
def test_a_described_name_is_always_the_descriptions_words_before_its_login(text: str, login: str) -> None:
    found = described_name(text, login)
    assert found == "" or (text.startswith(found) and f" {login} " in text[len(found):])


def test_a_long_description_is_read_in_linear_time() -> None:
    described_name("a " * 100_000 + "ana 12 x@y", "ana")
