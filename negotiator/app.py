"""Composition root: arguments, logging, then either a command or the window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from negotiator import APP_NAME


class _Version(argparse.Action):
    """``--version``: looked up only when asked for, since reading it costs start-up time."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        import negotiator

        print(f"{APP_NAME} {negotiator.__version__}")
        parser.exit()


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The top-level argument parser shared by the window and the commands; without ``commands``, the
    window's options only (what a start of the window needs, read without loading the command line)."""
    parser = argparse.ArgumentParser(
        prog="negotiator", description=f"{APP_NAME}: negotiate integrated-care agreements offline.",
        add_help=commands, exit_on_error=commands,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and stop")
    parser.add_argument("--library", metavar="PATH|URL",
                        help="library file or SQLAlchemy URL (default: your own library)")
    parser.add_argument("--author", help="name recorded on new clause versions in the clause library (default: "
                        "your login name); agreements are changed only in a party's name (--as)")
    parser.add_argument("--as", dest="acting", metavar="PARTY",
                        help="the party you act for (exact name or short name), remembered for the library: every "
                        "change to an agreement and every redline is made in its name")
    # Opens the window, shows the library's first rows, then quits: for start-up checks and benchmarks.
    parser.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    if commands:
        from negotiator.cli import add_commands

        add_commands(parser)
    return parser


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The arguments. A start of the window (options only) is read without the command line's parsers,
    whose modules cost start-up time; anything else (a command, --help, a mistake) goes to the full
    parser, which also says what was wrong."""
    try:
        args, rest = build_parser(commands=False).parse_known_args(argv)
    except argparse.ArgumentError:
        rest = ["(an error the full parser reports)"]
    if rest:
        return build_parser().parse_args(argv)
    args.command = None
    return args


LOG_LIMIT = 1_000_000  # bytes a log reaches before the next start begins a new one
LOG_KEPT = 3  # earlier logs kept beside it: negotiator.log.1 (the latest) to negotiator.log.3


def rotate_log(path: Path, limit: int = LOG_LIMIT, kept: int = LOG_KEPT) -> None:
    """Begin a new log when the last one has reached ``limit`` bytes, keeping the ``kept`` before it.

    Done once as the app starts, since one session writes little: the standard library's rotating
    handler would check on every line, and loading it (with the network modules it needs) costs
    start-up time."""
    try:
        if path.stat().st_size < limit:
            return
    except FileNotFoundError:
        return
    for number in range(kept - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{number + 1}"))  # the oldest is overwritten
    os.replace(path, path.with_name(f"{path.name}.1"))


def setup_logging() -> None:
    """Log to a file in the user's log folder (a new one when it grows too long); never to the user's terminal."""
    try:
        from negotiator.locations import log_dir

        path = log_dir() / "negotiator.log"
        rotate_log(path)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``negotiator`` command and of ``main.py``."""
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    setup_logging()
    try:
        if args.command is not None:
            from negotiator.cli import run

            return run(args)
        import gc

        # Starting the window makes tens of thousands of objects that live as long as the app, and next
        # to no garbage: the collector waits until the library is open (see launch).
        gc.disable()
        from negotiator.ui.window.launch import launch

        return launch(args.library, args.author, quit_when_ready=args.quit_when_ready, acting=args.acting,
                      quit_after_paint=args.quit_after_paint)
    except BrokenPipeError:  # output piped into a pager that quit early: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing at exit
        return 0
    except Exception as error:  # the last line of defence: a message, never a traceback
        logging.getLogger(__name__).exception("unexpected error")
        print(f"negotiator: an unexpected problem stopped the command: {error}. "
              "Details are in the log folder.", file=sys.stderr)
        return 2
