"""`negotiator package export | import` and `negotiator import redline`: files between the parties."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from negotiator.commands import trust
from negotiator.commands.output import OK, add_json, print_json
from negotiator.domain.errors import InvalidInput
from negotiator.services.package_report import ADDED, CHANGED, CONFLICT, REFUSED  # plain data: no SQLAlchemy

# The kinds of line of an import report, in the order they are printed.
REPORT_GROUPS = ((ADDED, "Added"), (CHANGED, "Changed"), (REFUSED, "Refused"), (CONFLICT, "Conflicts"))

if TYPE_CHECKING:  # the services (and SQLAlchemy) load only when a command runs
    from negotiator.services.session import Workspace


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the package commands and ``import redline``."""
    package = commands.add_parser("package", help="negotiation packages exchanged with the other parties")
    actions = package.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the agreement's negotiation for the --as party to send")
    export.set_defaults(handler=_export)
    export.add_argument("agreement")
    export.add_argument("--out", required=True, type=Path, help="the .negotiation file to write")
    add_json(export)
    imported = actions.add_parser("import", help="merge a package received from another party")
    imported.set_defaults(handler=_import)
    imported.add_argument("file", type=Path)
    imported.add_argument("--dry-run", action="store_true",
                          help="show what would be added, changed and refused; write nothing")
    add_json(imported)
    trust.add_trusted(actions)
    returned = commands.add_parser("import", help="bring a returned Word redline back as proposals")
    kinds = returned.add_subparsers(dest="action", metavar="KIND", required=True)
    redline = kinds.add_parser("redline", help="each tracked change becomes a proposal of its author's party")
    redline.set_defaults(handler=_import_redline)
    redline.add_argument("agreement")
    redline.add_argument("file", type=Path)
    redline.add_argument("--author-map", action="append", default=[], metavar="AUTHOR=PARTY",
                         help='who in the file acts for which party, e.g. "Jane Smith=Provider B"; repeat')
    redline.add_argument("--untracked-as", metavar="PARTY", help="the party edits made without tracking belong to")
    redline.add_argument("--dry-run", action="store_true", help="show what would be proposed, change nothing")
    add_json(redline)


def _export(ws: Workspace, args: argparse.Namespace) -> int:
    if not args.acting:
        raise InvalidInput("Say which party sends the package with --as PARTY.", field="as")
    if args.out.suffix != ".negotiation":
        raise InvalidInput(f"{args.out.name}: a negotiation package is written to a .negotiation file.", field="out")
    package = ws.packages.export(args.agreement, args.acting, args.out)
    summary = {"id": str(args.out), "path": str(args.out), "agreement": package.agreement["title"],
               "sender": package.sender_party, "proposals": len(package.proposals), "rounds": len(package.rounds)}
    if args.json:
        return print_json(summary)
    print(f"Wrote {args.out}: '{summary['agreement']}' for {package.sender_party}, {summary['proposals']} "
          f"proposal(s), {summary['rounds']} round(s).")
    return OK


def _import(ws: Workspace, args: argparse.Namespace) -> int:
    # A dry run works the merge out in a transaction that is rolled back: the library is left as it was.
    summary = ws.packages.preview(args.file) if args.dry_run else ws.packages.import_file(args.file)
    if args.json:
        return print_json({"id": str(args.file), **summary.to_data(), "dry_run": args.dry_run})
    if args.dry_run:
        print(f"Nothing was written: this is what importing {args.file.name} would do.")
    if not summary.changed_anything:
        print(f"Nothing new in {args.file.name}: it had been imported already, or brings nothing new.")
    else:
        verb = "Would import" if args.dry_run else "Imported"
        print(f"{verb} {args.file.name} into '{summary.agreement}': {summary.added_proposals} new proposal(s), "
              f"{summary.updated_proposals} decision(s), {summary.added_rounds} round(s), "
              f"{summary.added_sections} section(s), {summary.added_parties} part(y/ies).")
    for kind, title in REPORT_GROUPS:
        lines = summary.of_kind(kind)
        if lines:
            print(f"{title} ({len(lines)}):")
            for line in lines:
                print(f"  {line}")
    return OK


def _author_map(pairs: list[str]) -> dict[str, str]:
    found = {}
    for pair in pairs:
        author, sep, party = pair.rpartition("=")
        if not sep or not author.strip() or not party.strip():
            raise InvalidInput(f"'{pair}' is not AUTHOR=PARTY, for example 'Jane Smith=Provider B'.",
                               field="author-map")
        found[author.strip()] = party.strip()
    return found


def _import_redline(ws: Workspace, args: argparse.Namespace) -> int:
    result = ws.returned.import_file(args.agreement, args.file, _author_map(args.author_map), args.untracked_as,
                                     dry_run=args.dry_run)
    if args.json:
        return print_json(result.as_json())
    verb = "Would propose" if args.dry_run else "Proposed"
    for plan in result.plans:
        print(f"{verb} for {plan.party}: {plan.describe()}")
    for note in result.notes:
        print(f"  Note: {note}")
    if not result.plans:
        print("No change in the file could be turned into a proposal.")
    return OK
