"""`negotiator export clean | redline`: Word documents a counterparty opens without the app."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from negotiator.commands.output import OK, add_json, print_json
from negotiator.domain.errors import InvalidInput

if TYPE_CHECKING:  # the services (and SQLAlchemy) load only when a command runs
    from negotiator.services.export import ExportReport
    from negotiator.services.session import Workspace


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export clean`` and ``export redline``."""
    export = commands.add_parser("export", help="write the agreement to Word")
    kinds = export.add_subparsers(dest="action", metavar="KIND", required=True)
    clean = kinds.add_parser("clean", help="the agreement as it stands, or as a round froze it")
    clean.set_defaults(handler=_clean)
    clean.add_argument("agreement")
    clean.add_argument("--round", help="export the round with this label instead of the current text")
    _common(clean)
    redline = kinds.add_parser("redline", help="tracked changes since a round, one author per party")
    redline.set_defaults(handler=_redline)
    redline.add_argument("agreement")
    redline.add_argument("--since-round", required=True, help="the round the changes are measured from")
    redline.add_argument("--to-round", help="a later round: the changes between the two rounds (agreed mode only)")
    redline.add_argument("--mode", default="agreed", help="agreed (default), open, or party:NAME")
    _common(redline)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, help="the .docx file to write")
    parser.add_argument("--template", type=Path, help="a Word template (.docx) with the firm's own styles")
    add_json(parser)


def _report(report: ExportReport, args: argparse.Namespace) -> int:
    if args.json:
        return print_json({"id": str(report.path), "path": str(report.path), "changes": report.changes,
                           "warnings": list(report.warnings)})
    print(f"Wrote {report.path}.")
    for author, count in sorted(report.changes.items()):
        print(f"  {author}: {count} change(s)")
    for warning in report.warnings:
        print(f"  Warning: {warning}")
    return OK


def _clean(ws: Workspace, args: argparse.Namespace) -> int:
    return _report(ws.export.export_clean(args.agreement, args.out, args.round, args.template), args)


def _redline(ws: Workspace, args: argparse.Namespace) -> int:
    if args.to_round and args.mode != "agreed":
        raise InvalidInput("--to-round shows what was agreed between two rounds; leave out --mode, or leave out "
                           "--to-round to show open proposals.", field="to-round")
    report = ws.export.export_redline(args.agreement, args.out, args.since_round, args.mode, args.acting,
                                      args.template, args.to_round)
    return _report(report, args)
