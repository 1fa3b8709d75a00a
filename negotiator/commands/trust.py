"""`negotiator library fingerprint` and `negotiator package trusted`: the keys people compare by phone."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from negotiator.commands.output import OK, add_json, print_json, print_table

if TYPE_CHECKING:  # the services (and SQLAlchemy) load only when a command runs
    from negotiator.services.session import Workspace


def add_fingerprint(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``library fingerprint``."""
    shown = actions.add_parser("fingerprint", help="this library's key fingerprint, to read to the other parties")
    shown.set_defaults(handler=_fingerprint)
    add_json(shown)


def add_trusted(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``package trusted``."""
    listed = actions.add_parser("trusted", help="the other parties' libraries whose keys are pinned here")
    listed.set_defaults(handler=_trusted)
    add_json(listed)


def _fingerprint(ws: Workspace, args: argparse.Namespace) -> int:
    own = ws.trust.own()
    if args.json:
        return print_json({"id": own.library, "library": own.library, "fingerprint": own.fingerprint})
    print(f"This library ({own.library}) signs with the key {own.fingerprint}")
    print("Read it to the other parties: the packages they receive from you show the same fingerprint.")
    return OK


def _trusted(ws: Workspace, args: argparse.Namespace) -> int:
    known = ws.trust.trusted()
    if args.json:
        return print_json([{"id": k.library, "library": k.library, "party": k.party, "fingerprint": k.fingerprint,
                            "first_seen": k.first_seen} for k in known])
    if not known:
        print("No other library's key is pinned yet: a key is pinned when its first package is imported.")
        return OK
    print_table(("Party", "Library", "Fingerprint", "First seen"),
                [(k.party, k.library, k.fingerprint, k.first_seen[:10]) for k in known])
    return OK
