"""The command line: the same services as the window, for scripts and quick checks.

Conventions for every command: ``--json`` prints an array of objects for a list and one object
for a single item; exit code 0 on success, 1 when a check finds problems, 2 for bad input or an
unusable file, with the message on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from negotiator.commands import agreements, backups, exchange, export, library, negotiation, scenarios
from negotiator.commands.output import BAD_INPUT
from negotiator.domain.errors import NegotiatorError

if TYPE_CHECKING:  # the services (and SQLAlchemy) load only when a command runs
    from negotiator.services.session import Workspace


class CommandParser(argparse.ArgumentParser):
    """A command's parser: it also takes the options that say where and for whom to work, so that
    ``--library`` and ``--as`` can follow the command as well as come before it.

    Their defaults are suppressed, so a command's parser sets them only when they are given after the
    command, and then the value given there wins over one given before it. Every nested parser is of
    this class too (``add_subparsers`` makes its parsers of the class of the parser it is called on).
    """

    # Passed on as they come: ArgumentParser's own arguments, of many types.
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_argument("--library", metavar="PATH|URL", default=argparse.SUPPRESS,
                          help="library file or SQLAlchemy URL (as before the command)")
        self.add_argument("--as", dest="acting", metavar="PARTY", default=argparse.SUPPRESS,
                          help="the party you act for (as before the command)")
        self.add_argument("--author", default=argparse.SUPPRESS, help="as before the command")


def add_commands(parser: argparse.ArgumentParser) -> None:
    """Add every sub-command to the top-level parser."""
    commands: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=CommandParser)
    library.add_parser(commands)
    agreements.add_parsers(commands)
    negotiation.add_parsers(commands)
    scenarios.add_parsers(commands)
    export.add_parsers(commands)
    exchange.add_parsers(commands)
    backups.add_parsers(commands)


def run(args: argparse.Namespace) -> int:
    """Run a parsed command; return the exit code."""
    from negotiator.services.session import open_session

    file_command: Callable[[argparse.Namespace], int] | None = getattr(args, "file_handler", None)
    if file_command is not None:  # backups and restore work on the library's file without opening it
        try:
            return file_command(args)
        except NegotiatorError as error:
            return _fail(error)
    try:
        workspace = open_session(args.library, args.author)
    except NegotiatorError as error:
        return _fail(error)
    try:
        # Every write is made in a party's name: the one given with --as (remembered for the library),
        # else the one remembered from before.
        if getattr(args, "acting", None):
            workspace.act_as(args.acting)
        else:
            workspace.act_as_remembered()
        handler: Callable[[Workspace, argparse.Namespace], int] = args.handler
        return handler(workspace, args)
    except NegotiatorError as error:
        return _fail(error)
    finally:
        workspace.close()


def _fail(error: Exception) -> int:
    print(f"negotiator: {error}", file=sys.stderr)
    return BAD_INPUT
