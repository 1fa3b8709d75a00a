"""Every hostile file in the corpus, imported as a user would: refused with its message, exit code 2,
and the library exactly as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import open_workspace

from .hostile_docx import HOSTILE, truncated
from .hostile_packages import build_corpus
from .test_cli import negotiator


def _fingerprint(library: Path) -> str:
    """Everything the library holds, table by table (the file's bytes move with WAL checkpoints)."""
    digest = hashlib.sha256()
    with sqlite3.connect(library) as connection:
        for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode())
    connection.close()
    return digest.hexdigest()


@pytest.fixture(scope="module")
def docx_corpus(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> list[tuple[str, Path, tuple]]:
    folder = tmp_path_factory.mktemp("hostile-docx")
    ws = open_workspace(demo_template, "Test")
    good = folder / "good.docx"
    ws.export.export_clean(ALLIANCE, good)
    ws.close()
    files = [(name, build(folder), words) for name, (build, words) in HOSTILE.items()]
    files.append(("truncated", truncated(folder, good.read_bytes()), ("damaged",)))
    return files


@pytest.fixture(scope="module")
def package_corpus(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> list:
    folder = tmp_path_factory.mktemp("hostile-packages")
    ws = open_workspace(demo_template, "Test")
    package = ws.packages.build(ALLIANCE, "Northshire ICB")
    ws.close()
    # The cases that attack the file itself (others edit content only the format tests' package holds).
    wanted = {"zip-bomb", "lying-header", "ratio-bomb", "total-too-large", "dot-dot", "absolute",
              "backslash-absolute", "drive-letter", "backslash", "truncated", "random-bytes", "empty",
              "malformed-json", "tampered", "byte-count", "missing-part", "missing-manifest", "unexpected-entry",
              "duplicate-entry", "hundred-entries", "newer-version", "wrong-format", "unknown-status", "huge-string",
              "deep-json", "nan", "duplicate-key", "not-utf8", "encrypted-flag"}
    return [hostile for hostile in build_corpus(folder, package) if hostile.name in wanted]


def test_hostile_word_files_are_refused_and_the_library_is_unchanged(demo_path: Path, docx_corpus) -> None:
    before = _fingerprint(demo_path)
    for name, path, words in docx_corpus:
        result = negotiator("--library", demo_path, "import", "redline", ALLIANCE, path, "--author-map",
                            "Jane Smith=GP Federation")
        assert result.returncode == 2, (name, result.stdout, result.stderr)
        assert path.name in result.stderr and "Traceback" not in result.stderr, name
        assert any(word.lower() in result.stderr.lower() for word in words), (name, result.stderr)
    assert _fingerprint(demo_path) == before


def test_hostile_packages_are_refused_and_the_library_is_unchanged(starter_path: Path, package_corpus) -> None:
    with sqlite3.connect(starter_path) as connection:  # another party's laptop
        connection.execute("UPDATE library_info SET value = 'uid-receiver' WHERE key = 'uid'")
    connection.close()
    before = _fingerprint(starter_path)
    for hostile in package_corpus:
        result = negotiator("--library", starter_path, "package", "import", hostile.path)
        assert result.returncode == 2, (hostile.name, result.stdout)
        assert "Traceback" not in result.stderr, hostile.name
        assert any(word.lower() in result.stderr.lower() for word in hostile.words), (hostile.name, result.stderr)
    assert _fingerprint(starter_path) == before
