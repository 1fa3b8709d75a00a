"""Backups of a library file: rolling backups, backups that open as libraries, and restoring one."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from negotiator.domain.errors import InvalidInput, LibraryUnusable
from negotiator.services.backups import BackupService, library_location
from negotiator.services.session import Workspace, open_workspace

KEY = "alliance.board.quorum"


def _contents(ws: Workspace) -> tuple:
    """What a library holds, in numbers and in one clause's wording."""
    clauses = ws.clauses.clauses(include_retired=True)
    versions = sum(c.latest_number for c in clauses)
    return (len(clauses), versions, len(ws.agreements.agreements()), ws.clauses.version(KEY).text)


def _revise(path: Path, words: str) -> None:
    ws = open_workspace(path, "Test Drafter")
    ws.clauses.revise(KEY, words)
    ws.close()


def _age(path: Path, seconds: int = 60) -> None:
    """Make a file look older, as it would be the next time the app starts."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns - seconds * 10**9, stat.st_mtime_ns - seconds * 10**9))


def test_a_backup_opens_as_a_library_with_the_same_contents(demo_path: Path) -> None:
    ws = open_workspace(demo_path, "Test Drafter")
    ws.clauses.revise(KEY, "The Alliance Board is quorate when every member is present.")  # still in the WAL
    before, backup = _contents(ws), ws.backups.backup_now()
    ws.close()
    assert backup.parent == demo_path.with_name("demo.backups") and backup.name.startswith("demo-")
    assert not list(backup.parent.glob("*partial*")) and not Path(f"{backup}-wal").exists()
    copy = open_workspace(backup, "Test Drafter")
    assert _contents(copy) == before
    checked, problems = copy.clauses.verify()
    assert checked > 0 and problems == []
    assert copy.record.verify().texts() == []
    copy.close()


def test_rolling_backups_keep_the_newest_ten(starter_path: Path) -> None:
    service = BackupService(starter_path)
    taken = [service.backup_now() for _ in range(12)]
    kept = service.backups()
    assert len(kept) == 10
    assert [b.path for b in kept] == list(reversed(taken))[:10]  # newest first; the two oldest deleted
    assert sorted(p.name for p in taken) == [p.name for p in taken]  # the names sort as the times do
    assert kept[0].clauses == 52 and kept[0].agreements == 0 and kept[0].size > 0


def test_a_rolling_backup_is_skipped_while_the_library_is_unchanged(starter_path: Path) -> None:
    service = BackupService(starter_path)
    _age(starter_path)
    first = service.rolling_backup()
    assert first is not None and first.exists()
    assert service.rolling_backup() is None  # opened again, nothing changed: nothing to add
    _revise(starter_path, "Changed wording of the quorum.")
    second = service.rolling_backup()
    assert second is not None and second != first
    assert len(service.backups()) == 2


def test_no_rolling_backup_for_a_missing_file_or_a_database_server(tmp_path: Path) -> None:
    assert BackupService(tmp_path / "none.sqlite").rolling_backup() is None
    server = BackupService("postgresql://negotiator@db.example/alliance")
    assert server.rolling_backup() is None
    with pytest.raises(InvalidInput, match="database server"):
        server.backup_now()
    with pytest.raises(InvalidInput, match="no library"):
        BackupService(tmp_path / "none.sqlite").backup_now()


def test_a_backup_to_a_named_file(starter_path: Path, tmp_path: Path) -> None:
    service = BackupService(starter_path)
    target = tmp_path / "copy for the auditors.sqlite"
    assert service.backup_now(target) == target
    assert target.exists() and service.backups() == []
    with pytest.raises(InvalidInput, match="over the library itself"):
        service.backup_now(starter_path)


def test_restore_brings_back_the_earlier_contents_and_keeps_the_replaced_library(demo_path: Path) -> None:
    ws = open_workspace(demo_path, "Test Drafter")
    earlier = _contents(ws)
    backup = ws.backups.backup_now()
    ws.clauses.revise(KEY, "Later wording that will be undone by the restore.")
    ws.agreements.add_party("Northshire Hospice", "Hospice", "voluntary_sector")
    later = _contents(ws)
    ws.close()
    safety = BackupService(demo_path).restore(backup)
    assert safety is not None and safety.exists()
    assert not Path(f"{demo_path}-wal").exists() or Path(f"{demo_path}-wal").stat().st_size == 0
    ws = open_workspace(demo_path, "Test Drafter")
    assert _contents(ws) == earlier
    assert "Northshire Hospice" not in {p.name for p in ws.agreements.parties()}
    assert ws.clauses.verify()[1] == [] and ws.record.verify().texts() == []
    ws.close()
    replaced = open_workspace(safety, "Test Drafter")
    assert _contents(replaced) == later
    replaced.close()


def test_restore_while_the_library_is_open_elsewhere(starter_path: Path) -> None:
    backup = BackupService(starter_path).backup_now()
    other = open_workspace(starter_path, "Another window")
    other.clauses.revise(KEY, "Wording in the other window.")
    BackupService(starter_path).restore(backup)
    assert other.clauses.version(KEY).number == 1  # the other window reads the restored library
    other.close()


def _newer_library(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    with sqlite3.connect(target) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    return target


@pytest.mark.parametrize("kind", ["text", "random", "newer", "empty", "other database", "itself", "missing"])
def test_restore_refuses_what_is_not_a_usable_library_leaving_it_unchanged(
        starter_path: Path, tmp_path: Path, kind: str) -> None:
    source = tmp_path / f"{kind}.sqlite"
    if kind == "text":
        source.write_text("Minutes of the alliance board, 3 March.\n")
    elif kind == "random":
        source.write_bytes(os.urandom(8192))
    elif kind == "newer":
        _newer_library(starter_path, source)
    elif kind == "empty":
        source.write_bytes(b"")
    elif kind == "other database":
        with sqlite3.connect(source) as connection:
            connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        connection.close()
    elif kind == "itself":
        source = starter_path
    before = starter_path.read_bytes()
    with pytest.raises((InvalidInput, LibraryUnusable)) as refused:
        BackupService(starter_path).restore(source)
    message = str(refused.value)
    assert "Nothing was restored" in message and "unchanged" in message
    assert "new file name" not in message  # the advice for opening a file does not apply here
    if kind == "newer":
        assert "newer version of Negotiator" in message and "9999" in message
    assert starter_path.read_bytes() == before
    assert BackupService(starter_path).backups() == []  # no safety backup either: nothing happened


def test_restore_refuses_a_damaged_library(starter_path: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(starter_path.read_bytes())
    data[len(data) // 2: len(data) // 2 + 20_000] = os.urandom(20_000)  # pages in the middle overwritten
    damaged.write_bytes(bytes(data))
    before = starter_path.read_bytes()
    with pytest.raises(LibraryUnusable, match="Nothing was restored"):
        BackupService(starter_path).restore(damaged)
    assert starter_path.read_bytes() == before


def test_restoring_the_oldest_kept_backup_still_keeps_ten(starter_path: Path) -> None:
    service = BackupService(starter_path)
    taken = [service.backup_now() for _ in range(10)]
    _revise(starter_path, "Wording after the tenth backup.")
    safety = service.restore(taken[0])
    kept = [b.path for b in service.backups()]
    assert len(kept) == 10 and kept[0] == safety
    ws = open_workspace(starter_path, "Test Drafter")
    assert ws.clauses.version(KEY).number == 1
    ws.close()


def test_the_library_location_of_a_command_line_target(tmp_path: Path) -> None:
    assert library_location(str(tmp_path / "a.sqlite")) == str(tmp_path / "a.sqlite")
    assert library_location(f"sqlite:///{tmp_path}/b.sqlite") == str(tmp_path / "b.sqlite")
    assert library_location("postgresql://me:secret@db/lib") == "postgresql://me:***@db/lib"
    assert library_location(None).endswith("library.sqlite")
