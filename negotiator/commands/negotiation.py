"""`negotiator propose | decide | counter | round | proposals | positions | verify`: the negotiation
from the shell, each step in the name of the party given with --as."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from negotiator.commands.output import OK, PROBLEMS, add_json, print_json, print_table
from negotiator.domain.change_summary import proposal_change
from negotiator.domain.clauses import format_time
from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject
from negotiator.domain.outline import find_section
from negotiator.domain.positions import matrix_rows
from negotiator.domain.term_words import term_label

if TYPE_CHECKING:  # the services (and SQLAlchemy) load only when a command runs
    from negotiator.services.negotiation import ProposalView
    from negotiator.services.session import Workspace


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the negotiation commands."""
    propose = _on(commands.add_parser("propose", help="propose a change in the name of the --as party"), _propose)
    propose.add_argument("agreement")
    what = propose.add_mutually_exclusive_group(required=True)
    what.add_argument("--section", help="the section to reword: its number (2.1) or id (s12)")
    what.add_argument("--term", action="append", help="the term to change, such as payment.days; repeat with "
                      "--value for each term of a combined proposal (a rebalanced risk share)")
    what.add_argument("--new-section", metavar="HEADING", help="propose adding a section with this heading")
    what.add_argument("--remove-section", metavar="SECTION", help="propose removing a section")
    what.add_argument("--move-section", metavar="SECTION", help="propose moving a section after --after (or to "
                      "the top without --after)")
    propose.add_argument("--text-file", type=Path, help="file holding the proposed wording (UTF-8)")
    propose.add_argument("--value", action="append", help="the proposed term value (one for each --term)")
    propose.add_argument("--after", help="for a new or moved section: the section it follows")
    propose.add_argument("--rationale", required=True, help="why the party proposes it")
    add_json(propose)

    decide = _on(commands.add_parser("decide", help="accept, reject or withdraw a proposal as the --as party"),
                 _decide)
    decide.add_argument("proposal", type=int)
    decide.add_argument("decision", choices=["accept", "reject", "withdraw"])
    decide.add_argument("--reason", default="", help="why (recorded with the decision and shown in Word)")
    add_json(decide)

    counter = _on(commands.add_parser("counter", help="answer a proposal with another wording or value"), _counter)
    counter.add_argument("proposal", type=int)
    counter.add_argument("--text-file", type=Path)
    counter.add_argument("--value")
    counter.add_argument("--rationale", required=True)
    add_json(counter)

    rounds = commands.add_parser("round", help="issue a round (a frozen draft)")
    round_actions = rounds.add_subparsers(dest="action", metavar="ACTION", required=True)
    issue = _on(round_actions.add_parser("issue", help="freeze the agreement under a label"), _issue)
    issue.add_argument("agreement")
    issue.add_argument("label")
    add_json(issue)

    listing = _on(commands.add_parser("proposals", help="list an agreement's proposals"), _proposals)
    listing.add_argument("agreement")
    listing.add_argument("--open", action="store_true", help="only open proposals")
    add_json(listing)

    positions = _on(commands.add_parser("positions", help="each party's position on each item"), _positions)
    positions.add_argument("agreement")
    positions.add_argument("--out", type=Path, help="write the matrix, in words, to a .csv or a .docx file")
    add_json(positions)

    verify = _on(commands.add_parser("verify", help="check every hash chain and the library against its record"),
                 _verify)
    verify.add_argument("--against", type=Path, metavar="FILE",
                        help="a Word export (.docx) or package (.negotiation) sent earlier: is the point of the "
                        "record it was made at still in the record?")


def _on(parser: argparse.ArgumentParser,
        handler: Callable[[Workspace, argparse.Namespace], int]) -> argparse.ArgumentParser:
    parser.set_defaults(handler=handler)
    return parser


def _acting(ws: Workspace, doing: str) -> str:
    return ws.acting.require(doing)


def _section_id(ws: Workspace, agreement: str, reference: str) -> int:
    found = ws.agreements.agreement(agreement)
    numbered = find_section(ws.outline.outline(found.saved_id), reference)
    if numbered is not None:
        return numbered.section.id
    raise InvalidInput(f"'{found.title}' has no section '{reference}'; give its number (such as 2.1) or id "
                       "(such as s12) from 'negotiator agreements show'.", field="section")


def _read(path: Path | None) -> str:
    if path is None:
        raise InvalidInput("Give the proposed wording with --text-file FILE.", field="text-file")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput(f"Cannot read the wording from {path}: {error}.", field="text-file") from None


def proposal_json(view: ProposalView) -> JsonObject:
    """A proposal as the JSON conventions describe it."""
    p = view.proposal
    return {"id": p.id, "party": p.party_name, "status": p.status.value, "kind": p.kind.value, "target": p.target,
            "heading": p.heading or None, "proposed": p.proposed, "rationale": p.rationale, "base": p.base,
            "base_version": p.base_version, "created_at": format_time(p.created_at), "answers": p.answers,
            "competing_with": list(view.competing_with), "stale": view.stale,
            "decided_by": p.decided_by, "decided_at": format_time(p.decided_at) if p.decided_at else None,
            "decision_reason": p.decision_note or None,
            "provenance": view.provenance.text if view.provenance else None}


def _view(ws: Workspace, proposal_id: int) -> ProposalView:
    proposal = ws.negotiation.proposal(proposal_id)
    return next(v for v in ws.negotiation.proposals(proposal.agreement_id) if v.proposal.id == proposal_id)


def _done(ws: Workspace, args: argparse.Namespace, proposal_id: int, message: str) -> int:
    if args.json:
        return print_json(proposal_json(_view(ws, proposal_id)))
    print(message)
    return OK


def _propose(ws: Workspace, args: argparse.Namespace) -> int:
    party, n = _acting(ws, "propose a change"), ws.negotiation
    if args.section:
        made = n.propose_wording(args.agreement, _section_id(ws, args.agreement, args.section), _read(args.text_file),
                                 party, args.rationale)
    elif args.term:
        values = args.value or []
        if len(values) != len(args.term):
            raise InvalidInput(f"Give one --value for each --term: {len(args.term)} term(s) but {len(values)} "
                               "value(s).", field="value")
        made = n.propose_terms(args.agreement, dict(zip(args.term, values, strict=True)), party, args.rationale)
    elif args.new_section:
        after = _section_id(ws, args.agreement, args.after) if args.after else None
        made = n.propose_new_section(args.agreement, args.new_section, _read(args.text_file), after, party,
                                     args.rationale)
    elif args.move_section:
        after = _section_id(ws, args.agreement, args.after) if args.after else None
        made = n.propose_move(args.agreement, _section_id(ws, args.agreement, args.move_section), after, party,
                              args.rationale)
    else:
        made = n.propose_removal(args.agreement, _section_id(ws, args.agreement, args.remove_section), party,
                                 args.rationale)
    return _done(ws, args, made.id, f"Proposal {made.id} made for {made.party_name}.")


def _decide(ws: Workspace, args: argparse.Namespace) -> int:
    decided = ws.negotiation.decide(args.proposal, args.decision, _acting(ws, "decide a proposal"), args.reason)
    return _done(ws, args, decided.id, f"Proposal {decided.id} is now {decided.status.value}.")


def _counter(ws: Workspace, args: argparse.Namespace) -> int:
    original = ws.negotiation.proposal(args.proposal)
    if original.kind.value == "terms":
        raise InvalidInput(f"Proposal {args.proposal} changes several terms at once; answer it with a combined "
                           "proposal of your own: propose AGREEMENT --term F --value V --term F2 --value V2 ….",
                           field="proposal")
    proposed = args.value if original.kind.value == "term" else _read(args.text_file)
    if proposed is None:
        raise InvalidInput("Give the counter-proposal's value with --value.", field="value")
    made = ws.negotiation.counter(args.proposal, _acting(ws, "counter a proposal"), proposed, args.rationale)
    return _done(ws, args, made.id, f"Proposal {made.id} answers proposal {args.proposal}, which is superseded.")


def _issue(ws: Workspace, args: argparse.Namespace) -> int:
    made = ws.rounds.issue_round(args.agreement, args.label, _acting(ws, "issue a round"))
    if args.json:
        return print_json({"id": made.id, "label": made.label, "issued_at": format_time(made.issued_at),
                           "issued_by": made.issued_by, "sections": len(made.sections)})
    print(f"Issued '{made.label}' with {len(made.sections)} sections.")
    return OK


def _proposals(ws: Workspace, args: argparse.Namespace) -> int:
    views = [v for v in ws.negotiation.proposals(args.agreement) if v.proposal.is_open or not args.open]
    if args.json:
        return print_json([proposal_json(v) for v in views])
    rows = []
    found = ws.agreements.agreement(args.agreement)
    parties, places = ws.agreements.parties_of(found), ws.outline.places(found.saved_id)
    for v in views:
        p = v.proposal
        flags = ", ".join(f for f, on in (("competing", v.competing_with), ("stale", v.stale)) if on)
        where = ", ".join(term_label(name, parties) for name in p.term_values()) or places.get(p.target, "new section")
        rows.append((str(p.id), p.party_name, p.status.value, where, _short(proposal_change(p, parties), 60), flags,
                     v.provenance.text if v.provenance else ""))
    print_table(("No.", "Party", "Status", "Where", "Change", "Flags", "Provenance"), rows)
    return OK


def _short(text: str, width: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _positions(ws: Workspace, args: argparse.Namespace) -> int:
    if args.out is not None:
        print(f"Wrote {ws.matrix.export(args.agreement, args.out)}")
        return OK
    matrix = ws.matrix.positions(args.agreement)
    if args.json:
        return print_json([{"id": row.target, "item": row.label, "current": row.current, "converged": row.converged,
                            "positions": {party.name: {"stance": cell.stance.value, "value": cell.text,
                                                       "proposal": cell.proposal_id}
                                          for party, cell in zip(matrix.parties, row.cells, strict=True)}}
                           for row in matrix.rows])
    header, *rows = matrix_rows(matrix.rows, [p.short_name for p in matrix.parties])
    print_table(tuple(header), [tuple(_short(cell, 40) for cell in row) for row in rows])
    return OK


def _verify(ws: Workspace, args: argparse.Namespace) -> int:
    if args.against is not None:
        check = ws.record.check_against(args.against)
        print(check.message)
        return OK if check.holds else PROBLEMS
    found = ws.record.verify()
    for problem in found.problems:
        print(problem.text)
    if found.problems:
        print(f"{len(found.problems)} problem(s): the library has been altered outside Negotiator.")
        return PROBLEMS
    print(f"All {found.checked} records match their hash chains and the negotiation record.")
    return OK
