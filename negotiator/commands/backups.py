"""`negotiator backup`, `negotiator backups` and `negotiator restore FILE`.

These work on the library's file without opening it: a library that no longer opens (damaged, or
replaced by mistake) is exactly the one a user needs to restore.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from negotiator.commands.output import OK, add_json, print_json, print_table
from negotiator.domain.json_data import JsonObject

if TYPE_CHECKING:  # the services load only when a command runs
    from negotiator.services.backups import BackupService, BackupSummary


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``backup``, ``backups`` and ``restore``."""
    backup = commands.add_parser("backup", help="back up the library now (kept with its rolling backups)")
    backup.set_defaults(file_handler=_backup)
    backup.add_argument("--to", type=Path, metavar="FILE", help="write the backup to this file instead")
    backup.add_argument("--list", action="store_true", help="list the rolling backups instead")
    add_json(backup)
    listed = commands.add_parser("backups", help="list the library's rolling backups, newest first")
    listed.set_defaults(file_handler=_list)
    add_json(listed)
    restore = commands.add_parser("restore", help="replace the library with a backup (a copy of it is kept first)")
    restore.set_defaults(file_handler=_restore)
    restore.add_argument("file", type=Path, help="a backup or another Negotiator library file")
    add_json(restore)


def _service(args: argparse.Namespace) -> BackupService:
    from negotiator.services.backups import BackupService, library_location

    return BackupService(library_location(args.library))


def _backup(args: argparse.Namespace) -> int:
    if args.list:
        return _list(args)
    service = _service(args)
    written = service.backup_now(args.to)
    if args.json:
        return print_json({"id": str(written), "path": str(written), "library": service.location,
                           "size": written.stat().st_size})
    print(f"Backed up {service.location} to {written}.")
    return OK


def _list(args: argparse.Namespace) -> int:
    service = _service(args)
    found = service.backups()
    if args.json:
        return print_json([_backup_json(b) for b in found])
    if not found:
        print(f"No backups of {service.location} yet; they will be kept in {service.folder}.")
        return OK
    rows = [(b.taken_at.strftime("%Y-%m-%d %H:%M:%S"), _size(b.size), _count(b.clauses), _count(b.agreements),
             _count(b.proposals), b.path.name) for b in found]
    print_table(("Taken (UTC)", "Size", "Clauses", "Agreements", "Proposals", "File"), rows)
    from negotiator.services.backups import KEEP

    print(f"Kept in {service.folder}: a backup is taken when the app opens the library, and the newest {KEEP} "
          "are kept.")
    return OK


def _restore(args: argparse.Namespace) -> int:
    from negotiator.services.session import open_workspace

    service = _service(args)
    safety = service.restore(args.file)
    # Open it once now: a backup from an older version of the app is upgraded here, not at next use.
    open_workspace(service.location, args.author or "Negotiator").close()
    if args.json:
        return print_json({"id": service.location, "library": service.location, "restored_from": str(args.file),
                           "previous_kept_at": str(safety) if safety else None})
    kept = f" The library as it was is kept at {safety}." if safety else ""
    print(f"Restored {service.location} from {args.file}.{kept}")
    return OK


def _backup_json(backup: BackupSummary) -> JsonObject:
    return {"id": str(backup.path), "path": str(backup.path), "taken": backup.taken_at.isoformat(),
            "size": backup.size, "clauses": backup.clauses, "agreements": backup.agreements,
            "proposals": backup.proposals}


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def _count(value: int | None) -> str:
    return "?" if value is None else f"{value:,}"
