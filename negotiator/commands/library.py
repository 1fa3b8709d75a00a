"""`negotiator library …`: import, list, search, show, history, diff and verify library clauses."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from negotiator.commands import trust
from negotiator.commands.output import OK, PROBLEMS, add_json, print_json, print_table
from negotiator.domain.clauses import Clause, ClauseVersion, format_time
from negotiator.domain.diff import render_plain
from negotiator.domain.json_data import JsonObject
from negotiator.domain.search import SearchHit, plain_snippet

if TYPE_CHECKING:  # the services (and SQLAlchemy) load only when a command runs
    from negotiator.services.library import LibraryService


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``library`` and its actions."""
    library = commands.add_parser("library", help="work with the clause library")
    library.set_defaults(handler=lambda ws, args: _LIBRARY_ACTIONS[args.action](ws.clauses, args))
    actions = library.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="import clauses from a library file (TOML or JSON)")
    imp.add_argument("file", type=Path)
    lst = actions.add_parser("list", help="list the clauses")
    lst.add_argument("--category", help="only this category")
    lst.add_argument("--all", action="store_true", help="include retired clauses")
    add_json(lst)
    find = actions.add_parser("search", help="search titles and wording of the latest versions")
    find.add_argument("words", nargs="+")
    find.add_argument("--category", help="only this category")
    add_json(find)
    show = actions.add_parser("show", help="show a clause's wording")
    show.add_argument("key")
    show.add_argument("--version", type=int, help="version number (default: the latest)")
    add_json(show)
    history = actions.add_parser("history", help="list a clause's versions")
    history.add_argument("key")
    add_json(history)
    diff = actions.add_parser("diff", help="compare two versions word by word")
    diff.add_argument("key")
    diff.add_argument("first", type=int)
    diff.add_argument("second", type=int)
    add_json(diff)
    actions.add_parser("verify", help="recompute every version's hash chain")
    trust.add_fingerprint(actions)


def _import(service: LibraryService, args: argparse.Namespace) -> int:
    report = service.import_file(args.file)
    print(f"Imported {len(report.keys)} clauses from {report.source} into {service.location}.")
    return OK


def _list(service: LibraryService, args: argparse.Namespace) -> int:
    clauses = service.clauses(category=args.category, include_retired=args.all)
    if args.json:
        return print_json([_clause_json(c) for c in clauses])
    rows = [(c.key, c.category, c.title + (" (retired)" if c.retired else ""), str(c.latest_number)) for c in clauses]
    print_table(("Key", "Category", "Title", "Version"), rows)
    return OK


def _search(service: LibraryService, args: argparse.Namespace) -> int:
    hits = service.search(" ".join(args.words), args.category)
    if args.json:
        return print_json([_hit_json(h) for h in hits])
    if not hits:
        print("No clause matches.")
    for hit in hits:
        print(f"{hit.key}  {hit.title}  [{hit.category}]\n    {plain_snippet(hit.snippet)}")
    return OK


def _show(service: LibraryService, args: argparse.Namespace) -> int:
    clause = service.clause(args.key)
    version = service.version(args.key, args.version)
    if args.json:
        return print_json(_clause_json(clause) | {"version": version.number, "text": version.text,
                                                    **_version_fields(version)})
    print(f"{version.title}  ({clause.key}, {clause.category})")
    print(f"Version {version.number} of {clause.latest_number}, by {version.author}, "
          f"{format_time(version.created_at)}{' — ' + version.note if version.note else ''}\n")
    print(version.text)
    return OK


def _history(service: LibraryService, args: argparse.Namespace) -> int:
    versions = service.history(args.key)
    if args.json:
        return print_json([{"id": v.id, "version": v.number, "title": v.title, **_version_fields(v)}
                            for v in versions])
    rows = [(str(v.number), format_time(v.created_at), v.author, v.note, v.content_hash[:12]) for v in versions]
    print_table(("Version", "Date (UTC)", "Author", "Note", "Hash"), rows)
    return OK


def _diff(service: LibraryService, args: argparse.Namespace) -> int:
    segments = service.compare(args.key, args.first, args.second)
    if args.json:
        return print_json({"id": f"{args.key}@{args.first}..{args.second}",
                            "segments": [{"op": s.op.value, "text": s.text} for s in segments]})
    print(render_plain(segments))
    return OK


def _verify(service: LibraryService, args: argparse.Namespace) -> int:
    checked, problems = service.verify()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {checked} versions: the library has been altered outside Negotiator.")
        return PROBLEMS
    print(f"All {checked} versions match their hash chains.")
    return OK


def _clause_json(clause: Clause) -> JsonObject:
    return {"id": clause.key, "key": clause.key, "title": clause.title, "category": clause.category,
            "kinds": [k.label for k in clause.kinds], "version": clause.latest_number,
            "retired": clause.retired}


def _version_fields(version: ClauseVersion) -> JsonObject:
    return {"author": version.author, "created": format_time(version.created_at),
            "note": version.note, "hash": version.content_hash}


def _hit_json(hit: SearchHit) -> JsonObject:
    return {"id": hit.key, "key": hit.key, "title": hit.title, "category": hit.category,
            "version": hit.latest_number, "snippet": plain_snippet(hit.snippet)}


_LIBRARY_ACTIONS = {
    "import": _import, "list": _list, "search": _search, "show": _show,
    "history": _history, "diff": _diff, "verify": _verify,
}
