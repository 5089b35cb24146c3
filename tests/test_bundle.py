"""The offline bundle as a user meets it: one zip that, unpacked anywhere, opens in a browser from its
index.html; the same site always gives the same bytes; a failed write leaves no partial file."""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import bundle
from generator.bundle import BundleError, source_date_epoch, write_bundle
from generator.cli import _parser
from tests.conftest import REPO
from tests.test_browser import chromium
from tests.test_end_to_end import POST, TITLE


def site_files(site: Path) -> dict[str, bytes]:
    """What a reader of the site gets: every file but the build's hidden marker."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def test_the_zip_holds_the_site_under_one_folder_named_after_the_file(sample_site: Path, tmp_path: Path) -> None:
    result = write_bundle(sample_site, tmp_path / "rare-earths.zip")
    with zipfile.ZipFile(result.path) as archive:
        unpacked = {info.filename: archive.read(info) for info in archive.infolist()}
    expected = site_files(sample_site)
    assert unpacked == {f"rare-earths/{path}": data for path, data in expected.items()}
    assert (result.files, result.site_size) == (len(expected), sum(map(len, expected.values())))
    assert result.size == result.path.stat().st_size
    assert not any(name.split("/")[-1].startswith(".") for name in unpacked)  # no .nojekyll


def test_entries_are_sorted_with_fixed_times_and_permissions(sample_site: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(write_bundle(sample_site, tmp_path / "mirror.zip").path) as archive:
        infos = archive.infolist()
        assert archive.comment == b""
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {(i.external_attr >> 16, i.create_system) for i in infos} == {(0o100644, 3)}
    assert {i.extra for i in infos} == {b""}


def test_a_copy_of_the_site_made_later_gives_the_same_bytes(sample_site: Path, tmp_path: Path) -> None:
    """A copy has new mtimes, new inodes and another folder order on disk; none of it reaches the zip."""
    copy = Path(shutil.copytree(sample_site, tmp_path / "elsewhere" / "site"))
    for file in copy.rglob("*.html"):
        file.touch()
    first = write_bundle(sample_site, tmp_path / "mirror.zip").path.read_bytes()
    (tmp_path / "again").mkdir()
    assert write_bundle(copy, tmp_path / "again" / "mirror.zip").path.read_bytes() == first


def test_source_date_epoch_dates_every_entry(sample_site: Path, tmp_path: Path) -> None:
    stamp = source_date_epoch({"SOURCE_DATE_EPOCH": "1700000000"})  # 2023-11-14T22:13:20Z
    with zipfile.ZipFile(write_bundle(sample_site, tmp_path / "m.zip", stamp).path) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert source_date_epoch({}) is None
    with pytest.raises(BundleError, match=r"^SOURCE_DATE_EPOCH: .* got 'yesterday'$"):
        source_date_epoch({"SOURCE_DATE_EPOCH": "yesterday"})


@pytest.mark.parametrize("where, message", [
    (lambda site, tmp: site / "mirror.zip", "inside the site folder"),
    (lambda site, tmp: site.with_name("site.staging") / "m.zip", "inside the site folder"),
    (lambda site, tmp: tmp, "is a folder"),
    (lambda site, tmp: tmp / "no" / "such" / "m.zip", "is not a folder"),
    (lambda site, tmp: tmp / ".zip", "give the file a name"),
])
def test_a_target_that_cannot_be_written_is_one_line_naming_it(sample_site: Path, tmp_path: Path, where: Any,
                                                               message: str) -> None:
    target = where(sample_site, tmp_path)
    with pytest.raises(BundleError) as error:
        write_bundle(sample_site, target)
    assert str(error.value).startswith(f"{target}: ") and message in str(error.value)
    assert "\n" not in str(error.value)
    assert not (sample_site / "mirror.zip").exists()


@pytest.mark.parametrize("name, data", [("terms.yaml", b"category: {}\n"), ("newsmirror.toml", b"[site]\n"),
                                        ("notes.zip", b"not a zip")])
def test_a_file_that_is_not_a_zip_is_never_replaced(sample_site: Path, tmp_path: Path, name: str,
                                                     data: bytes) -> None:
    """`newsmirror bundle content/terms.yaml` replaced the term names with a zip and exited 0."""
    target = tmp_path / name
    target.write_bytes(data)
    with pytest.raises(BundleError, match=r": exists and is not a zip, and the bundle would replace it"):
        write_bundle(sample_site, target)
    assert target.read_bytes() == data


def test_an_earlier_bundle_or_an_empty_file_is_replaced(sample_site: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.zip").touch()
    write_bundle(sample_site, tmp_path / "empty.zip")
    write_bundle(sample_site, tmp_path / "empty.zip")
    assert zipfile.is_zipfile(tmp_path / "empty.zip")


def test_a_folder_that_no_one_may_write_is_reported(sample_site: Path) -> None:
    if not Path("/proc/self").is_dir():
        pytest.skip("needs Linux's /proc, where not even root may create a file")
    with pytest.raises(BundleError, match=r"^/proc/mirror\.zip: cannot write the bundle: "):
        write_bundle(sample_site, Path("/proc/mirror.zip"))


def test_no_site_to_bundle_says_to_build_first(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match=r"no index\.html\); run newsmirror build first$"):
        write_bundle(tmp_path / "site", tmp_path / "m.zip")


def test_a_write_that_fails_half_way_leaves_the_old_zip_and_no_temporary(sample_site: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "mirror.zip"
    target.write_bytes(b"PK\x03\x04 last week's bundle")
    added = []
    real_add = bundle._add

    def add_until_the_disk_is_full(*args: Any) -> None:
        if len(added) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        added.append(args)
        real_add(*args)

    monkeypatch.setattr(bundle, "_add", add_until_the_disk_is_full)
    with pytest.raises(BundleError, match=r"mirror\.zip: cannot write the bundle: No space left on device$"):
        write_bundle(sample_site, target)
    assert target.read_bytes() == b"PK\x03\x04 last week's bundle"
    assert [p.name for p in tmp_path.iterdir()] == ["mirror.zip"]


@pytest.fixture(scope="module")
def unpacked(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site's bundle, unpacked in a folder far from where it was built."""
    tmp = tmp_path_factory.mktemp("bundle")
    with zipfile.ZipFile(write_bundle(sample_site, tmp / "mirror.zip").path) as archive:
        archive.extractall(tmp / "usb stick" / "from a friend")
    return tmp / "usb stick" / "from a friend" / "mirror"


@pytest.fixture
def offline_page() -> Iterator[tuple[Any, list[str], list[str]]]:
    """A Chromium page, every URL it requests, and every error it logs."""
    with chromium() as browser:
        page = browser.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page, requests, errors


def test_unpacked_anywhere_it_opens_from_index_html_offline(unpacked: Path, offline_page: Any) -> None:
    page, requests, errors = offline_page
    page.goto((unpacked / "index.html").as_uri())
    assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none"  # the stylesheet loaded
    page.get_by_role("link", name=TITLE).click()
    assert page.url == (unpacked / POST).as_uri()
    assert page.locator("h1").inner_text() == TITLE
    assert errors == []
    assert [url for url in requests if not url.startswith("file://")] == []


def test_search_works_in_the_unpacked_bundle(unpacked: Path, offline_page: Any) -> None:
    if not (unpacked / "search.html").is_file():
        pytest.skip("the built site has no search.html yet: search is another part of issue 12")
    page, requests, errors = offline_page
    page.goto((unpacked / "search.html").as_uri())
    box = page.get_by_role("searchbox")
    box.fill("Minmetals")
    box.press("Enter")
    page.get_by_role("link", name=TITLE).first.click()
    assert page.url.split("#")[0].split("?")[0] == (unpacked / POST).as_uri()
    assert errors == []
    assert [url for url in requests if not url.startswith("file://")] == []


def bundle_command_wired() -> bool:
    commands = next(a for a in _parser()._actions if hasattr(a, "choices") and isinstance(a.choices, dict))
    return "bundle" in commands.choices


def test_the_bundle_command_builds_first_then_zips(tmp_path: Path) -> None:
    if not bundle_command_wired():
        pytest.skip("`newsmirror bundle` is not in generator/cli.py yet")
    content = Path(shutil.copytree(REPO / "content", tmp_path / "content"))
    args = ["--content", str(content), "--out", str(tmp_path / "site")]
    done = subprocess.run([sys.executable, "-m", "generator", "bundle", "mirror.zip", *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (0, "")
    with zipfile.ZipFile(tmp_path / "mirror.zip") as archive:
        assert archive.read(f"mirror/{POST}") == (tmp_path / "site" / POST).read_bytes()
    inside = subprocess.run([sys.executable, "-m", "generator", "bundle", str(tmp_path / "site" / "m.zip"),
                             *args], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert inside.returncode == 2 and "Traceback" not in inside.stderr
    assert inside.stderr.startswith(f"newsmirror: error: {tmp_path / 'site' / 'm.zip'}: inside the site folder")
