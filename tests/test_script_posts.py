"""Posts a script saved in its own shape (camelCase fields, ids as strings, its own wrapping of lists) are imported
as the REST posts they were made from; each shape below is one a site's repository held, and each was refused whole
before."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.importer import ImportOptions, run_import
from generator.sources.saved_names import SAVED_AS
from generator.sources.script_posts import ALIASES, item_as_v2
from generator.store.documents import document_files, loads

BODY = "<p>The walk began at dawn, and the leaders came to meet us.</p>"


def _import(tmp_path: Path, data: object) -> tuple[object, dict]:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wordpress-posts.json").write_text(json.dumps(data), encoding="utf-8")
    result = run_import([tmp_path / "in"], tmp_path / "content", ImportOptions(workers=1))
    return result, {p.relative_to(tmp_path / "content").as_posix(): loads(p.read_text(encoding="utf-8"))
                    for p in document_files(tmp_path / "content")}


def test_a_headless_sites_camel_case_posts_in_its_own_wrapping_are_imported(tmp_path: Path) -> None:
    post = {"id": "4730", "title": "Leaders Walk to You", "slug": "leaders-walk-to-you", "date": "2025-08-18T14:00:35",
            "dateGmt": "2025-08-18T21:00:35", "modified": "2025-08-18T14:00:35",
            "link": "https://example.com/2025/08/18/leaders-walk-to-you/", "excerpt": "The walk began.",
            "contentHtml": BODY, "categories": [1], "tags": [], "featuredMedia": "0"}
    result, documents = _import(tmp_path, {"source": "https://example.com", "totalPosts": 1, "posts": [post]})
    assert result.problems == []
    document = documents["post/leaders-walk-to-you.md"]
    assert document.source.id == 4730
    assert document.date.isoformat() == "2025-08-18T14:00:35-07:00"
    assert "the leaders came to meet us" in document.body


def test_a_scripts_rows_of_users_posts_and_pages_are_imported_with_authors_and_types(tmp_path: Path) -> None:
    row = {"author_id": "3", "date": "2020-06-02 14:03:48", "excerpt": "None", "status": "publish",
           "modified": "2020-06-02 14:03:48"}
    data = {"users": [{"id": "3", "user_login": "sarah", "user_nicename": "sarah", "user_email": "s@example.com",
                       "user_url": "", "display_name": "Sarah Proctor"}],
            "posts": [{**row, "id": "1790", "title": "Activity Parcels", "content": BODY, "slug": "activity-parcels"}],
            "pages": [{**row, "id": "52", "title": "News Updates", "content": None, "slug": "news-updates"},
                      {**row, "id": "53", "title": "About us", "content": BODY, "slug": "about-us"}]}
    result, documents = _import(tmp_path, data)
    assert sorted(documents) == ["page/about-us.md", "post/activity-parcels.md"]
    assert documents["post/activity-parcels.md"].author == "Sarah Proctor"
    assert documents["post/activity-parcels.md"].summary != "None"
    assert [(p.item, p.field) for p in result.problems] == [("52", "content")]  # the blog's page, with no content


def test_a_wrapped_list_of_flat_posts_beside_terms_imports_the_posts_and_names_what_it_cannot_read(
        tmp_path: Path) -> None:
    posts = [{"slug": "brand-blog", "title": "브랜드 블로그", "content": BODY, "date": "2026-01-24T23:29:36",
              "link": "https://example.com/brand-blog/"}]
    result, documents = _import(tmp_path, {"posts": posts, "categories": [{"id": "1", "slug": "cases", "name": "x"}]})
    assert list(documents) == ["post/brand-blog.md"]
    assert any("not a WordPress post, term" in p.message for p in result.problems)


def test_a_scripts_name_for_the_posts_address_is_read(tmp_path: Path) -> None:
    posts = [{"title": "Kontakt", "contentHtml": BODY, "sourceUrl": "https://example.at/kontakt/",
              "date": "2024-02-01T10:00:00"}]
    _, documents = _import(tmp_path, {"pages": posts, "schemaVersion": 2})
    assert documents["page/kontakt.md"].source.url == "https://example.at/kontakt/"


def test_a_problem_names_the_field_as_the_file_does(tmp_path: Path) -> None:
    post = {"id": 7, "title": "T", "slug": "t", "date": "2025-01-01T00:00:00", "dateGmt": "yesterday",
            "link": "https://example.com/t/", "contentHtml": BODY}
    result, _ = _import(tmp_path, [post])
    assert "dateGmt" in {p.field for p in result.problems}


def test_a_wrapping_of_lists_that_are_no_posts_is_still_refused(tmp_path: Path) -> None:
    result, documents = _import(tmp_path, {"repos": [{"name": "a", "title": "b", "body": "c"}]})
    assert documents == {} and "an object holding lists" in result.problems[0].message


TEXT = st.text(alphabet="abc <>/-:T", max_size=8).filter(lambda text: text.strip() not in ("None", "null"))


@given(st.dictionaries(st.sampled_from(sorted(ALIASES)), TEXT, min_size=1), st.data())
def test_each_alias_reads_as_its_rest_field_and_rest_posts_pass_unchanged(fields: dict[str, str], data) -> None:
    names = {field: data.draw(st.sampled_from(ALIASES[field])) for field in fields}
    saved = {"title": "T", **{names[field]: value for field, value in fields.items()}}
    if "content" not in fields:
        saved["content"] = BODY
    post = item_as_v2(saved)
    assert {field: post[field] for field in fields} == fields
    assert post[SAVED_AS] == {field: names[field] for field in fields if names[field] in saved}
    rest = {"id": 1, "title": {"rendered": "T"}, "content": {"rendered": BODY}, "featuredImage": {"node": {}}}
    assert item_as_v2(rest) == rest
