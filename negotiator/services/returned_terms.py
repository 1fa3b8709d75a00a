"""The terms schedule of a returned file: each edited cell read back as a term proposal of the party
whose author edited it, its value read the way a person writes it ("35%", "£300,000", "£0.3m", "300k",
"No cap", "six (6) months", "1 April 2028"); a value that cannot be read is a note naming the term in
words and quoting the cell."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from negotiator.domain.errors import InvalidInput
from negotiator.domain.export_layout import NO_CAP
from negotiator.domain.parties import Party
from negotiator.domain.proposals import encode_terms
from negotiator.domain.returned import ReturnedDocument
from negotiator.domain.term_fields import FIELDS, parse_value, party_slug
from negotiator.domain.terms import Indexation, InvoicingFrequency, PaymentMechanism

if TYPE_CHECKING:
    from negotiator.services.returned import Plan


def term_plans(document: ReturnedDocument, ours: set[str], theirs: dict[str, set[str]], notes: list[str],
               parties: dict[int, Party]) -> list[Plan]:
    """A term proposal for each edited cell of the schedule, or a note saying why not."""
    from negotiator.services.returned import Plan

    plans = []
    for paragraph in document.paragraphs:
        if not (paragraph.anchor or "").startswith("term.") and paragraph.anchor != "corridor":
            continue
        name, words = term_of_cell(paragraph.anchor.removeprefix("term."), parties)
        for party, authors in theirs.items():
            if not paragraph.authors & authors:
                continue
            shown = paragraph.text_accepting(ours | authors) or ""
            value = value_from_words(name, shown) if name else None
            if value is None:
                notes.append(f"The change of {words} to '{shown}' by {party} was not imported: the app could not "
                             "read a value from it; propose it in the app instead.")
                continue
            comments = [text for author, text in paragraph.comments if author in authors]
            plans.append(Plan(party, "term", name, words, value,
                              "\n".join(comments) or f"Returned in {document.name}."))
    return _combined(plans)


def _combined(plans: list[Plan]) -> list[Plan]:
    """A party's edits of several shares become one proposal: shares only make sense together (they
    must total 100%), so each alone would be refused."""
    from negotiator.services.returned import Plan

    shares: dict[str, list[Plan]] = {}
    for plan in plans:
        if re.fullmatch(r"risk_share\.[^.]+\.(gain|loss)", plan.target):
            shares.setdefault(plan.party, []).append(plan)
    out = [p for p in plans if not any(p in group for group in shares.values() if len(group) > 1)]
    for party, group in shares.items():
        if len(group) > 1:
            out.append(Plan(party, "terms", "terms", "; ".join(p.label for p in group),
                            encode_terms({p.target: p.proposed for p in group}),
                            "\n".join(dict.fromkeys(p.rationale for p in group))))
    return out


def term_of_cell(key: str, parties: dict[int, Party]) -> tuple[str | None, str]:
    """The term a schedule cell holds (by the export's key for it), and the term in words."""
    party_cell = re.fullmatch(r"(share|contribution)\.(\d+)(?:\.(gain|loss))?", key)
    if party_cell:
        party = parties.get(int(party_cell.group(2)))
        if party is None:
            return None, f"a cell of the schedule ({key})"
        if party_cell.group(1) == "contribution":
            return f"payment.contribution.{party_slug(party)}", f"{party.name}'s contribution to the pooled fund"
        what = party_cell.group(3) or "cap"  # a share's row: gain, loss, and (its last cell) the cap on losses
        words = {"gain": "share of gains", "loss": "share of losses", "cap": "cap on losses"}[what]
        return f"risk_share.{party_slug(party)}.{what}", f"{party.name}'s {words}"
    if key == "corridor":
        return "risk_share.corridor", "the risk corridor"
    if key in FIELDS:
        return key, key
    return None, f"a cell of the schedule ({key})"


def value_from_words(name: str, words: str) -> str | None:
    """Read a term's value back from how the export, or a person, wrote it ("thirty (30) days" → "30",
    "£0.3m" → "£300,000", "35%" → "35", "No cap" → "", cleared), as a proposal holds it."""
    share = re.fullmatch(r"risk_share\.[^.]+\.(gain|loss|cap)", name)
    capped = bool(share) and name.endswith(".cap")
    per_party = ("money" if capped else "percent") if share else "money" if name.startswith("payment.contribution.") \
        else None
    kind = FIELDS.get(name, (None, None, per_party))[2]
    text = words.strip()
    if kind in ("days", "count", "months"):
        match = re.search(r"\((\d+)\)", text) or re.search(r"\b(\d+)\b", text)
        if not match:
            return None
        number = int(match.group(1))
        return str(number * 12) if kind == "months" and "year" in text else str(number)
    if kind in ("money", "percent"):
        if capped and text.lower() in (NO_CAP.lower(), "none", "no limit", "uncapped"):
            return ""  # the cap taken away
        for candidate in (text, *re.findall(r"-?\d+(?:\.\d+)?\s*%", text)):  # "Risk corridor: ± 3% of the budget"
            try:
                value = parse_value(name, kind, candidate)
            except InvalidInput:
                continue
            return _as_proposals_hold_it(kind, value)
        return None
    if kind == "date":
        try:
            return datetime.strptime(text, "%d %B %Y").date().isoformat()
        except ValueError:
            return None
    for enum in (PaymentMechanism, InvoicingFrequency, Indexation):
        if kind in ("mechanism", "invoicing", "indexation"):
            for member in enum:
                if text in (member.value, getattr(member, "label", member.value)):
                    return member.value
    return None


def _as_proposals_hold_it(kind: str, value: object) -> str:
    """A money or percentage value written as a proposal holds it (as ``terms_as_text`` writes it:
    "£300,000", "45"), not as the cell had it ("£0.3m", "45%"): importing the same file again then
    finds the proposal already made instead of making it twice."""
    if value is None:
        return ""
    if kind == "money" and isinstance(value, int):
        pounds, pence = divmod(value, 100)
        return f"£{pounds:,}" + (f".{pence:02d}" if pence else "")
    return f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)
