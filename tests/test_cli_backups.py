"""`negotiator backup`, `backups` and `restore`, run as a user runs them: a real process, its output and exit code."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

from tests.test_cli import negotiator

KEY = "alliance.board.quorum"


def _quorum(path: Path) -> str:
    return json.loads(negotiator("--library", path, "library", "show", KEY, "--json").stdout)["text"]


def test_backup_then_restore_brings_the_earlier_wording_back(starter_path: Path, tmp_path: Path) -> None:
    earlier = _quorum(starter_path)
    made = negotiator("--library", starter_path, "backup")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Backed up {starter_path} to {starter_path.with_name('starter.backups')}")
    backup = Path(made.stdout.split(" to ", 1)[1].strip().rstrip("."))
    assert backup.is_file()

    wording = tmp_path / "quorum.txt"
    wording.write_text("The Alliance Board is quorate when every member is present.")
    from negotiator.services.library import LibraryService

    service = LibraryService.open(starter_path, "Commissioner")
    service.revise(KEY, wording.read_text())
    service.close()
    assert _quorum(starter_path) != earlier

    restored = negotiator("--library", starter_path, "restore", backup)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith(f"Restored {starter_path} from {backup}.")
    assert "The library as it was is kept at" in restored.stdout
    assert _quorum(starter_path) == earlier

    listed = json.loads(negotiator("--library", starter_path, "backups", "--json").stdout)
    assert len(listed) == 2 and {"id", "path", "taken", "size", "clauses", "agreements", "proposals"} <= set(listed[0])
    assert listed[1]["path"] == str(backup) and listed[1]["clauses"] == 52
    table = negotiator("--library", starter_path, "backup", "--list")
    assert table.returncode == 0 and "Taken (UTC)" in table.stdout and backup.name in table.stdout


def test_backup_to_a_named_file_and_as_json(starter_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "before the board meeting.sqlite"
    made = negotiator("--library", starter_path, "backup", "--to", target, "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["path"] == str(target)
    assert _quorum(target) == _quorum(starter_path)


def test_restore_refuses_a_file_that_is_not_a_library_with_exit_2(starter_path: Path, tmp_path: Path) -> None:
    text, noise, newer = tmp_path / "notes.txt", tmp_path / "noise.bin", tmp_path / "newer.sqlite"
    text.write_text("Heads of terms, draft 3\n")
    noise.write_bytes(os.urandom(4096))
    shutil.copyfile(starter_path, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = starter_path.read_bytes()
    for source in (text, noise, newer, tmp_path / "missing.sqlite"):
        refused = negotiator("--library", starter_path, "restore", source)
        assert refused.returncode == 2, source
        assert refused.stdout == "" and "Traceback" not in refused.stderr
        assert refused.stderr.startswith("negotiator: ") and "Nothing was restored" in refused.stderr
        if source == newer:
            assert "newer version of Negotiator" in refused.stderr and "9999" in refused.stderr
    assert starter_path.read_bytes() == before
    assert not starter_path.with_name("starter.backups").exists()


def test_backups_of_a_new_library_and_of_a_database_server(tmp_path: Path) -> None:
    library = tmp_path / "nothing-yet.sqlite"
    empty = negotiator("--library", library, "backups")
    assert empty.returncode == 0 and "No backups" in empty.stdout
    missing = negotiator("--library", library, "backup")
    assert missing.returncode == 2 and "no library" in missing.stderr
    server = negotiator("--library", "postgresql://negotiator@db.example/alliance", "backup")
    assert server.returncode == 2 and "database server" in server.stderr and "pg_dump" in server.stderr


def test_restore_works_when_the_library_no_longer_opens(starter_path: Path) -> None:
    backup = Path(json.loads(negotiator("--library", starter_path, "backup", "--json").stdout)["path"])
    with sqlite3.connect(starter_path) as connection:  # as if a newer app had upgraded it
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    assert negotiator("--library", starter_path, "library", "list").returncode == 2
    restored = negotiator("--library", starter_path, "restore", backup)
    assert restored.returncode == 0, restored.stderr
    assert negotiator("--library", starter_path, "library", "list").returncode == 0
