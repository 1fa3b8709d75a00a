"""`negotiator agreements | terms | check | parties | demo`: the contract network from the shell."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from negotiator.commands.output import OK, PROBLEMS, add_json, print_json, print_table
from negotiator.domain.agreement import Agreement
from negotiator.domain.clauses import format_time
from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject
from negotiator.domain.network import Severity
from negotiator.domain.parties import Party
from negotiator.domain.term_fields import render_term, terms_as_dict
from negotiator.domain.term_words import NO_CAP, NOT_SET, term_label
from negotiator.domain.terms import TermsSheet

if TYPE_CHECKING:  # the services (and SQLAlchemy) load only when a command runs
    from negotiator.services.agreements import AgreementChanges
    from negotiator.services.session import Workspace


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the agreement, terms, check, parties and demo commands."""
    group = commands.add_parser("agreements", help="the agreements of the contract network")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    add_json(_on(actions.add_parser("list", help="list the agreements"), _list))
    show = _on(actions.add_parser("show", help="an agreement: parties, outline and terms"), _show)
    show.add_argument("agreement", help="id or unique title")
    add_json(show)
    new = _on(actions.add_parser("add", help="create an agreement"), _add)
    new.add_argument("title")
    new.add_argument("--kind", required=True, help="overarching_alliance_agreement, prime_contract, sub_contract, "
                     "service_contract or memorandum_of_understanding")
    new.add_argument("--model", required=True, help="prime_contractor, prime_provider or alliance")
    new.add_argument("--party", action="append", default=[], metavar="NAME=ROLE",
                     help="a party and its role (commissioner, prime_contractor, prime_provider, sub_contractor, "
                     "alliance_member); repeat for each party")
    new.add_argument("--parent", help="the agreement this one sits under (id or title)")
    add_json(new)
    change = _on(actions.add_parser("set", help="change an agreement's title, status or parent"), _set)
    change.add_argument("agreement")
    change.add_argument("--title")
    change.add_argument("--status", help="drafting, in_negotiation, agreed or signed")
    change.add_argument("--parent", help="the agreement this one sits under; 'none' for none")
    add_json(change)

    terms = commands.add_parser("terms", help="an agreement's commercial terms")
    term_actions = terms.add_subparsers(dest="action", metavar="ACTION", required=True)
    tshow = _on(term_actions.add_parser("show", help="show the terms sheet"), _terms_show)
    tshow.add_argument("agreement")
    add_json(tshow)
    tset = _on(term_actions.add_parser("set", help="set one term, e.g. payment.days 30"), _terms_set)
    tset.add_argument("agreement")
    tset.add_argument("field", help="term name, as placeholders name it (payment.days, duration.start, …)")
    tset.add_argument("value", help="new value; an empty string clears the term")
    add_json(tset)

    check = _on(commands.add_parser("check", help="check the contract network for contradictions"), _check)
    check.add_argument("agreement", nargs="?", help="only findings that concern this agreement")
    add_json(check)

    parties = commands.add_parser("parties", help="the organisations in the address book")
    party_actions = parties.add_subparsers(dest="action", metavar="ACTION", required=True)
    add_json(_on(party_actions.add_parser("list", help="list the parties"), _parties))
    add = _on(party_actions.add_parser("add", help="add an organisation"), _party_add)
    add.add_argument("name")
    add.add_argument("--short", default="", help="short name (used in term names)")
    add.add_argument("--type", required=True, help="commissioner, nhs_trust, gp_federation, …")
    remove = _on(party_actions.add_parser("remove", help="remove an organisation no agreement uses"), _party_remove)
    remove.add_argument("name")

    _on(commands.add_parser("demo", help="add the demo negotiation to the library"), _demo)


def _on(parser: argparse.ArgumentParser,
        handler: Callable[[Workspace, argparse.Namespace], int]) -> argparse.ArgumentParser:
    parser.set_defaults(handler=handler)
    return parser


def agreement_json(ws: Workspace, agreement: Agreement, *, full: bool) -> JsonObject:
    """An agreement as the JSON conventions describe it."""
    parent = ws.agreements.agreement(agreement.parent_id).title if agreement.parent_id else None
    data: JsonObject = {"id": agreement.id, "title": agreement.title, "kind": agreement.kind.value,
            "model": agreement.model.value, "status": agreement.status.value, "parent": parent,
            "parties": [{"name": s.party.name, "short_name": s.party.short_name, "role": s.role.value}
                        for s in agreement.signatories]}
    if full:
        data["outline"] = [{"id": n.section.stable_id, "number": n.number, "heading": n.section.heading,
                            "clause": n.section.clause_key, "clause_version": n.section.clause_version,
                            "text": text} for n, text in ws.outline.rendered(agreement.saved_id)]
        data["terms"] = terms_as_dict(ws.agreements.terms(agreement.saved_id), ws.agreements.parties_of(agreement))
        data["rounds"] = [{"id": r.id, "label": r.label, "issued_at": format_time(r.issued_at),
                           "issued_by": r.issued_by} for r in ws.rounds.rounds(agreement.saved_id)]
    return data


def _list(ws: Workspace, args: argparse.Namespace) -> int:
    agreements = ws.agreements.agreements()
    if args.json:
        return print_json([agreement_json(ws, a, full=False) for a in agreements])
    titles = {a.id: a.title for a in agreements}
    print_table(("Id", "Title", "Kind", "Status", "Parent"),
                [(str(a.id), a.title, a.kind.label, a.status.label, titles.get(a.parent_id, "")) for a in agreements])
    return OK


def _show(ws: Workspace, args: argparse.Namespace) -> int:
    agreement = ws.agreements.agreement(args.agreement)
    data = agreement_json(ws, agreement, full=True)
    if args.json:
        return print_json(data)
    print(f"{agreement.title} ({agreement.kind.label}, {agreement.model.label} model, {agreement.status.label})")
    if data["parent"]:
        print(f"Under: {data['parent']}")
    for signatory in agreement.signatories:
        print(f"  {signatory.party.name}: {signatory.role.label}")
    print()
    for section in data["outline"]:
        print(f"{section['number']}  {section['heading']}")
    return OK


def _parties_of(pairs: list[str]) -> list[tuple[str, str]]:
    parties = []
    for pair in pairs:
        name, sep, role = pair.rpartition("=")
        if not sep or not name.strip():
            raise InvalidInput(f"'{pair}' is not NAME=ROLE, for example \"Meridian=prime_contractor\".",
                               field="party")
        parties.append((name.strip(), role.strip()))
    return parties


def _add(ws: Workspace, args: argparse.Namespace) -> int:
    agreement = ws.agreements.create_agreement(args.title, args.kind, args.model, _parties_of(args.party), args.parent)
    if args.json:
        return print_json(agreement_json(ws, agreement, full=False))
    print(f"Created '{agreement.title}' (id {agreement.id}).")
    return OK


def _set(ws: Workspace, args: argparse.Namespace) -> int:
    changes: AgreementChanges = {}
    if args.title is not None:
        changes["title"] = args.title
    if args.status is not None:
        changes["status"] = args.status
    if args.parent is not None:
        changes["parent"] = None if args.parent.lower() == "none" else args.parent
    if not changes:
        raise InvalidInput("Say what to change: --title, --status or --parent.")
    agreement = ws.agreements.update_agreement(args.agreement, **changes)
    if args.json:
        return print_json(agreement_json(ws, agreement, full=False))
    print(f"Updated '{agreement.title}'.")
    return OK


def _terms_show(ws: Workspace, args: argparse.Namespace) -> int:
    agreement = ws.agreements.agreement(args.agreement)
    sheet, parties = ws.agreements.terms(agreement.saved_id), ws.agreements.parties_of(agreement)
    values = terms_as_dict(sheet, parties)
    if args.json:
        return print_json({"id": agreement.id, "title": agreement.title, **values})
    # Each term by its name in words and its value as the agreement says it; the last column is the name
    # `terms set` and `propose` take, so that what is read can be changed.
    rows = [(term_label(name, parties), _said(sheet, name, parties), name) for name in values]
    print_table(("Term", "Value", "Set with"), rows)
    return OK


def _said(sheet: TermsSheet, name: str, parties: dict[int, Party]) -> str:
    """A term's value in words; an unset cap is "No cap", anything else unset "not yet agreed"."""
    return render_term(sheet, name, parties) or (NO_CAP if name.endswith(".cap") else NOT_SET)


def _terms_set(ws: Workspace, args: argparse.Namespace) -> int:
    agreement = ws.agreements.agreement(args.agreement)
    sheet = ws.agreements.set_term(agreement.saved_id, args.field, args.value)
    parties = ws.agreements.parties_of(agreement)
    if args.json:
        return print_json({"id": agreement.id, "title": agreement.title, **terms_as_dict(sheet, parties)})
    print(f"{term_label(args.field, parties)}: {_said(sheet, args.field, parties)} (set in '{agreement.title}').")
    return OK


def _check(ws: Workspace, args: argparse.Namespace) -> int:
    findings = ws.agreements.check(args.agreement)
    titles = {a.id: a.title for a in ws.agreements.agreements()}
    if args.json:
        print_json([{"id": f"{f.rule}:{f.agreement_id}:{f.other_id or ''}", "severity": f.severity.value,
                     "rule": f.rule, "agreement": titles.get(f.agreement_id),
                     "other_agreement": titles.get(f.other_id), "message": f.message} for f in findings])
    else:
        for finding in findings:
            print(f"{finding.severity.value.upper()}: {finding.message}")
        print(f"{len(findings)} finding(s)." if findings else "The contract network is consistent.")
    return PROBLEMS if any(f.severity is Severity.ERROR for f in findings) else OK


def _parties(ws: Workspace, args: argparse.Namespace) -> int:
    parties = ws.agreements.parties()
    if args.json:
        return print_json([{"id": p.id, "name": p.name, "short_name": p.short_name, "type": p.type.value}
                           for p in parties])
    print_table(("Name", "Short name", "Type"), [(p.name, p.short_name, p.type.label) for p in parties])
    return OK


def _party_add(ws: Workspace, args: argparse.Namespace) -> int:
    party = ws.agreements.add_party(args.name, args.short, args.type)
    print(f"Added {party.name}.")
    return OK


def _party_remove(ws: Workspace, args: argparse.Namespace) -> int:
    removed = ws.agreements.remove_party(args.name)
    print(f"Removed {removed.name}.")
    return OK


def _demo(ws: Workspace, args: argparse.Namespace) -> int:
    titles = ws.seed_demo()
    print(f"Added the demo negotiation to {ws.location}: " + "; ".join(titles) + ".")
    return OK
