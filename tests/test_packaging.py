"""The installable app as a user gets it: the built folder (``make package``) runs with no Python around it.

These tests skip when the app has not been built, so the everyday suite stays fast; ``make package-test``
sets NEGOTIATOR_PACKAGE_TEST=1, and then a missing build is a failure, never a silent skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from negotiator.services.demo_titles import ALLIANCE
from negotiator.word.check import check_docx
from negotiator.word.reader import read_revisions

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "negotiator"
EXECUTABLE = BUNDLE / ("negotiator-cli.exe" if sys.platform == "win32" else "negotiator")
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.negotiator.Negotiator"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.fixture(scope="module")
def built() -> Path:
    if not EXECUTABLE.is_file():
        if os.environ.get("NEGOTIATOR_PACKAGE_TEST") == "1":
            pytest.fail(f"{EXECUTABLE.relative_to(ROOT)} is missing: run `make package` first")
        pytest.skip("the installable app is not built: `make package && make package-test` checks it")
    return EXECUTABLE


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def clean_environment(home: Path) -> dict[str, str]:
    """What a user's session gives the app: a home and a screen (offscreen here), no Python, no checkout."""
    env = {
        "HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"), "XDG_STATE_HOME": str(home / "state"),
        "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", "PATH": os.defpath,
        "NEGOTIATOR_AUTHOR": "Alliance lawyer",
    }
    if sys.platform == "win32":  # Windows programs need these to start at all
        env |= {name: os.environ[name] for name in ("SYSTEMROOT", "APPDATA", "LOCALAPPDATA") if name in os.environ}
    return env


def run(command: list[str | Path], home: Path, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], cwd=home, env=clean_environment(home) | (extra or {}),
                            capture_output=True, text=True, timeout=180)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_the_built_app_says_the_version_written_in_pyproject(built: Path, home: Path) -> None:
    result = run([built, "--version"], home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Negotiator {pyproject_version()}"


def test_the_built_app_makes_a_demo_exports_a_redline_and_opens_its_window(built: Path, home: Path) -> None:
    library = home / "alliance.sqlite"
    made = run([built, "--library", library, "demo"], home)
    assert made.returncode == 0, made.stderr
    assert ALLIANCE in made.stdout

    redline = home / "redline.docx"
    exported = run([built, "--library", library, "--as", "Northshire ICB", "export", "redline", ALLIANCE,
                    "--since-round", "Draft 2", "--mode", "open", "--out", redline], home)
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(redline) as docx:
        body = etree.fromstring(docx.read("word/document.xml"))
    assert body.find(f".//{W}ins") is not None and body.find(f".//{W}del") is not None
    assert check_docx(redline) == []
    authors = {author for _, author, _ in read_revisions(redline)}
    assert {"NHS Northshire Integrated Care Board", "Northshire Primary Care Federation"} <= authors

    checked = run([built, "--library", library, "verify"], home)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    window = run([built, "--library", library, "--quit-when-ready"], home)
    assert window.returncode == 0, window.stderr
    # Nothing is written inside the installed folder: it may be read-only for the user.
    assert not list(BUNDLE.rglob("__pycache__"))


def test_the_built_app_can_reach_a_shared_library_on_postgresql(built: Path, home: Path) -> None:
    # Nothing listens on port 9 here: the app must get as far as trying to connect, which it can only
    # do with the PostgreSQL driver bundled, and say so in plain words.
    result = run([built, "--library", "postgresql+psycopg://team:secret@127.0.0.1:9/negotiator", "agreements",
                  "list"], home)
    assert result.returncode != 0
    assert "127.0.0.1:9" in result.stderr and "not installed" not in result.stderr, result.stderr
    assert "secret" not in result.stderr


def test_the_built_app_carries_its_user_guide_and_icons(built: Path) -> None:
    # Where the installed app looks for them (negotiator.locations, negotiator.ui.window.help): without them F1
    # finds no guide and the toolbar is blank, and neither shows in a run that quits at once.
    resources = BUNDLE / "_internal" / "resources"
    assert (resources / "docs" / "user-guide.md").read_text(encoding="utf-8").startswith("# Negotiator")
    assert len(list((resources / "icons").glob("*.svg"))) >= 30


def test_a_first_run_of_the_built_app_opens_a_new_default_library(built: Path, home: Path) -> None:
    result = run([built, "--quit-when-ready"], home)
    assert result.returncode == 0, result.stderr
    listed = run([built, "agreements", "list"], home)
    assert ALLIANCE in listed.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the menu entry and installer are for Linux")
def test_install_sh_puts_the_app_in_the_menu_and_on_the_path(built: Path, home: Path) -> None:
    prefix = home / "prefix"
    installed = run(["sh", BUNDLE / "install.sh"], home, {"PREFIX": str(prefix)})
    assert installed.returncode == 0, installed.stderr
    command = prefix / "bin" / "negotiator"
    assert run([command, "--version"], home).stdout.strip() == f"Negotiator {pyproject_version()}"
    entry = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{prefix / "lib" / "negotiator" / "negotiator"}"' in entry.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        assert run(["desktop-file-validate", entry], home).returncode == 0
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()

    removed = run(["sh", prefix / "lib" / "negotiator" / "install.sh", "--uninstall"], home, {"PREFIX": str(prefix)})
    assert removed.returncode == 0, removed.stderr
    assert not command.exists() and not (prefix / "lib" / "negotiator").exists()


def test_the_linux_menu_entry_and_appstream_metadata_are_valid() -> None:
    checked = 0
    for tool, path in (("desktop-file-validate", LINUX / f"{APP_ID}.desktop"),
                       ("appstreamcli", LINUX / f"{APP_ID}.metainfo.xml")):
        if shutil.which(tool) is None:
            continue
        command = [tool, "validate", "--no-net", str(path)] if tool == "appstreamcli" else [tool, str(path)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        checked += 1
    if not checked:
        pytest.skip("neither desktop-file-validate nor appstreamcli is installed")
