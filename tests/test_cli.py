"""The command line, run as a user runs it: a real process, exit codes, stdout and stderr."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from negotiator.locations import starter_library_file
from negotiator.services.library import LibraryService

STARTER = starter_library_file()


def negotiator(*args: str | Path, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEGOTIATOR_AUTHOR": "Provider B lawyer"}
    if home is not None:
        env |= {"XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state")}
    return subprocess.run([sys.executable, "-m", "negotiator", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def imported(library_path: Path) -> Path:
    result = negotiator("--library", library_path, "library", "import", STARTER)
    assert result.returncode == 0, result.stderr
    assert "Imported" in result.stdout
    return library_path


def test_the_commands_work_on_a_new_library_file(imported: Path) -> None:
    listed = json.loads(negotiator("--library", imported, "library", "list", "--json").stdout)
    assert len(listed) >= 40
    assert set(listed[0]) >= {"id", "key", "title", "category", "kinds", "version"}
    assert listed[0]["id"] == listed[0]["key"]
    assert "Overarching alliance agreement" in {k for c in listed for k in c["kinds"]}

    found = json.loads(negotiator("--library", imported, "library", "search", "mediation", "--json").stdout)
    assert found and found[0]["id"] and "ediation" in (found[0]["title"] + found[0]["snippet"])

    shown = negotiator("--library", imported, "library", "show", "mou.status")
    assert shown.returncode == 0 and "Version 1 of 1" in shown.stdout
    single = json.loads(negotiator("--library", imported, "library", "show", "mou.status", "--json").stdout)
    assert isinstance(single, dict) and single["id"] == "mou.status" and single["text"]

    history = json.loads(negotiator("--library", imported, "library", "history", "mou.status", "--json").stdout)
    assert [h["id"] for h in history] == ["mou.status@1"]

    verified = negotiator("--library", imported, "library", "verify")
    assert verified.returncode == 0 and "match" in verified.stdout


def test_search_with_a_category_filter(imported: Path) -> None:
    found = json.loads(negotiator("--library", imported, "library", "search", "board",
                                  "--category", "Governance", "--json").stdout)
    assert found and {hit["category"] for hit in found} == {"Governance"}


def test_diff_shows_the_changed_words(imported: Path) -> None:
    service = LibraryService.open(imported, "Commissioner")
    text = service.version("alliance.payment").text
    service.revise("alliance.payment", text.replace("within 30 days", "within 20 days"))
    service.close()
    result = negotiator("--library", imported, "library", "diff", "alliance.payment", "1", "2")
    assert result.returncode == 0 and "[-30-]{+20+}" in result.stdout


def test_verify_exits_1_naming_a_tampered_version(imported: Path) -> None:
    with sqlite3.connect(imported) as connection:
        connection.execute("UPDATE clause_version SET note = 'changed quietly' WHERE id = 3")
        key = connection.execute("SELECT c.key FROM clause c JOIN clause_version v ON v.clause_id = c.id "
                                 "WHERE v.id = 3").fetchone()[0]
    connection.close()
    result = negotiator("--library", imported, "library", "verify")
    assert result.returncode == 1
    assert f"clause {key} version 1: what is stored no longer matches its hash" in result.stdout


@pytest.mark.parametrize("content", [os.urandom(4096), b"plain text notes\n"])
def test_a_file_that_is_not_a_library_exits_2_without_a_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "not-a-library.sqlite"
    path.write_bytes(content)
    result = negotiator("--library", path, "library", "list")
    assert result.returncode == 2
    assert str(path) in result.stderr and "not a Negotiator library" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == content


def test_bad_input_exits_2_with_a_message(imported: Path, tmp_path: Path) -> None:
    unknown = negotiator("--library", imported, "library", "show", "no.such.clause")
    assert unknown.returncode == 2 and "no.such.clause" in unknown.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text('format = "negotiator-clause-library"\nformat_version = 1\n[[clause]]\nkey = "a"\n')
    refused = negotiator("--library", imported, "library", "import", bad)
    assert refused.returncode == 2 and "entry 1" in refused.stderr and "'title' is missing" in refused.stderr
    again = negotiator("--library", imported, "library", "import", STARTER)
    assert again.returncode == 2 and "already in the library" in again.stderr
    assert "Traceback" not in refused.stderr + again.stderr + unknown.stderr


def test_the_default_library_is_seeded_with_the_starter_library_and_the_demo(tmp_path: Path) -> None:
    result = negotiator("library", "list", "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) >= 40
    assert (tmp_path / "data" / "Negotiator" / "library.sqlite").exists()
    agreements = json.loads(negotiator("agreements", "list", "--json", home=tmp_path).stdout)
    titles = {a["title"] for a in agreements}
    assert {"Northshire Ageing Well Alliance Agreement", "Northshire MSK Prime Contract"} <= titles


def test_version_flag_says_the_version_written_in_pyproject() -> None:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    version = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    result = negotiator("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Negotiator {version}"


def test_library_and_as_work_after_the_command_too(demo_path: Path, tmp_path: Path) -> None:
    alliance = "Northshire Ageing Well Alliance Agreement"
    out = tmp_path / "redline.docx"
    after = negotiator("export", "redline", alliance, "--since-round", "Draft 2", "--out", out,
                       "--as", "Northshire ICB", "--library", demo_path, "--json")
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout)["path"] == str(out)
    # Given on both sides, the one after the command wins (it is the nearer to what it qualifies).
    listed = negotiator("--library", tmp_path / "elsewhere.sqlite", "agreements", "list", "--json",
                        "--library", demo_path)
    assert listed.returncode == 0 and alliance in {a["title"] for a in json.loads(listed.stdout)}
    nested = negotiator("library", "--library", demo_path, "search", "mediation", "--json")
    assert nested.returncode == 0 and json.loads(nested.stdout)


def test_the_window_s_options_are_read_without_the_command_line_and_anything_else_by_the_full_parser() -> None:
    # Starting the window should not pay for loading every command's parser; a command, --help or a
    # mistake still goes to the full parser, which names the commands and says what was wrong.
    probe = ("import sys; from negotiator.app import parse_arguments; "
             "a = parse_arguments(sys.argv[1:]); "
             "print('negotiator.cli' in sys.modules, a.command, a.library, a.acting)")
    def parsed(*args: str) -> str:
        return subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                              timeout=60, check=True).stdout.strip()
    assert parsed("--library", "team.sqlite", "--as", "ICB") == "False None team.sqlite ICB"
    assert parsed("--library", "team.sqlite", "agreements", "list") == "True agreements team.sqlite None"
    assert "agreements" in negotiator("--help").stdout
    missing = negotiator("--library")
    assert missing.returncode == 2 and "--library: expected one argument" in missing.stderr
    assert "unrecognized arguments: --bogus" in negotiator("--bogus").stderr
