"""How commands print: aligned tables for people, JSON for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

OK, PROBLEMS, BAD_INPUT = 0, 1, 2


def print_json(value: object) -> int:
    """Print JSON (an array for a list, an object for one item) and return success."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return OK


def print_table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    """Print rows under headers, columns aligned."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    for row in (headers, *rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def add_json(parser: argparse.ArgumentParser) -> None:
    """The --json switch every listing command takes."""
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
