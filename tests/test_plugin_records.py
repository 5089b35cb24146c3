"""Post types a plugin keeps its own settings in: exported with the posts, never pages of the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer import run_import
from generator.store.documents import document_files
from tests.test_wxr import export, item


@pytest.mark.parametrize("post_type", ["aipkit_chatbot", "aipkit_ai_form"])  # AIPKit's chatbots and AI forms
def test_an_ai_plugins_chatbot_or_form_is_skipped_as_a_plugin_record(tmp_path: Path, post_type: str) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(134, "Default", "", post_type=post_type) + item(135, "News", "<p>Text.</p>")))
    result = run_import([path], tmp_path / "content")
    assert [p.parent.name for p in document_files(tmp_path / "content")] == ["post"]
    assert any("item 134: a plugin's own record" in line for line in result.skipped)
