"""Copies of a library file, and putting one back.

A copy is made with SQLite's online backup API, so it is consistent even while the library is open
and recent changes still sit in its write-ahead log. It is written under a temporary name, flushed
to disk and only then renamed to its final name, so a crash can leave a stray temporary file but
never a half copy that looks complete. Rolling backups live in a folder beside the library
(``NAME.backups``), named by the UTC time they were taken so that they sort; see
docs/decisions/0008-rolling-backups.md.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from negotiator.domain.errors import LibraryUnusable

KEEP = 10  # rolling backups kept per library
FOLDER_SUFFIX = ".backups"
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_STAMP_PATTERN = r"\d{8}T\d{6}\.\d{6}Z"
_PARTIAL = ".partial"
_STALE_PARTIAL = 3600  # seconds: an older temporary file was left by a crash, not by a backup in progress
_BUSY_TIMEOUT = 5.0


@dataclass(frozen=True)
class BackupFile:
    """A rolling backup: where it is, when it was taken (UTC) and its size in bytes."""

    path: Path
    taken_at: datetime
    size: int


def backup_folder(library: Path) -> Path:
    """The folder holding a library's rolling backups: beside it, named after it."""
    return library.with_name(library.stem + FOLDER_SUFFIX)


def list_backups(library: Path) -> list[BackupFile]:
    """A library's rolling backups, newest first; files the app did not name are left out."""
    folder = backup_folder(library)
    pattern = re.compile(rf"^{re.escape(library.stem)}-({_STAMP_PATTERN})\.sqlite$")
    found = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None or not entry.is_file():
            continue
        taken = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
        found.append(BackupFile(entry, taken, entry.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def take_backup(library: Path, keep: int | None = KEEP) -> Path:
    """Make a new rolling backup of the library now; then keep only the newest ``keep`` (None: all)."""
    folder = backup_folder(library)
    folder.mkdir(exist_ok=True)
    _remove_stale_partials(folder)
    at = datetime.now(UTC)
    target = folder / f"{library.stem}-{at.strftime(_STAMP)}.sqlite"
    while target.exists():  # two backups in the same microsecond: the second one a microsecond later
        at += timedelta(microseconds=1)
        target = folder / f"{library.stem}-{at.strftime(_STAMP)}.sqlite"
    copy_library(library, target)
    if keep is not None:
        prune(library, keep)  # only once the new backup is safely in place
    return target


def prune(library: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` rolling backups; returns what was deleted."""
    removed = []
    for old in list_backups(library)[keep:]:
        try:
            old.path.unlink()
        except FileNotFoundError:  # another window pruned it first
            continue
        removed.append(old.path)
    return removed


def unchanged_since_last_backup(library: Path) -> bool:
    """Whether the newest backup was taken after the library's last change (cautious: False if unsure).

    A committed change lands in the write-ahead log first and in the file itself at a checkpoint;
    either way the file or its non-empty log is modified later than a backup taken before it.
    """
    backups = list_backups(library)
    if not backups:
        return False
    wal = library.with_name(library.name + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return False
        return backups[0].path.stat().st_mtime_ns > library.stat().st_mtime_ns
    except OSError:
        return False


def copy_library(source: Path, target: Path) -> None:
    """Copy a library (with what its write-ahead log holds) to ``target``, atomically.

    The copy is a single self-contained file (rollback journal, not WAL), so it can be moved,
    mailed or opened read-only without companion -wal and -shm files.
    """
    partial = target.with_name(f".{target.name}.{os.getpid()}{_PARTIAL}")
    try:
        reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=_BUSY_TIMEOUT)
        try:
            writer = sqlite3.connect(partial)
            try:
                reader.backup(writer)  # all pages in one step: one consistent snapshot of the library
                writer.execute("PRAGMA journal_mode=DELETE")
            finally:
                writer.close()
        finally:
            reader.close()
        _flush(partial)
        os.replace(partial, target)
        _flush_folder(target.parent)
    except (sqlite3.Error, OSError) as error:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise LibraryUnusable(f"Could not back up the library {source} to {target}: {error}.") from error


def restore_into(library: Path, source: Path) -> None:
    """Replace the library's contents with a library file's, in one transaction on the live file.

    Writing through SQLite (rather than swapping files) keeps its -wal and -shm files consistent:
    a crash part-way rolls back to the library as it was, and another process that has the
    library open sees either the old contents or the restored ones, never a mixture.
    """
    try:
        reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            writer = sqlite3.connect(library, timeout=_BUSY_TIMEOUT)
            try:
                _match_page_size(reader, writer)
                reader.backup(writer)
                writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file itself now holds the restored pages
            finally:
                writer.close()
        finally:
            reader.close()
    except sqlite3.Error as error:
        raise LibraryUnusable(
            f"Could not restore {source.name} into {library}: {error}. The library was left as it was; "
            "close any other window that has it open and try again."
        ) from error


def integrity_problem(path: Path) -> str | None:
    """SQLite's quick check of a file opened read-only: None when sound, else what is wrong."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    result = "; ".join(str(row[0]) for row in rows[:3])
    return None if result == "ok" else result


def count_rows(path: Path, tables: tuple[str, ...]) -> dict[str, int | None]:
    """Row counts of some tables of a backup (None for a table it does not have), read-only."""
    counts: dict[str, int | None] = dict.fromkeys(tables)
    try:
        # immutable: a backup is never written, so no locks or -shm file are needed to read it
        connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            for table in tables:
                if table in present:
                    counts[table] = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        pass  # a damaged backup shows no counts; restoring it is refused with the reason
    return counts


def _match_page_size(reader: sqlite3.Connection, writer: sqlite3.Connection) -> None:
    # A WAL database cannot change its page size, so a copy with another page size is restored
    # with the library briefly out of WAL mode (opening it switches WAL back on).
    source = reader.execute("PRAGMA page_size").fetchone()[0]
    if writer.execute("PRAGMA page_size").fetchone()[0] != source:
        writer.execute("PRAGMA journal_mode=DELETE")


def _remove_stale_partials(folder: Path) -> None:
    cutoff = time.time() - _STALE_PARTIAL
    for leftover in folder.glob(f".*{_PARTIAL}*"):
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            continue


def _flush(path: Path) -> None:
    descriptor = os.open(path, os.O_RDWR)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _flush_folder(folder: Path) -> None:
    # Makes the rename itself durable; folders cannot be opened this way on Windows, where NTFS
    # journals the rename anyway.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
