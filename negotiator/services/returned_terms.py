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
from negotiator.domain.excess_bearer import EXCESS_BEARER, bearer_from_words
from negotiator.domain.export_anchors import CORRIDOR, TermPlace, party_cell_of, place_of
from negotiator.domain.legal_english import read_number_words
from negotiator.domain.parties import Party
from negotiator.domain.proposals import encode_terms
from negotiator.domain.returned import ReturnedDocument
from negotiator.domain.term_fields import DERIVED, FIELDS, TermValue, parse_value, party_slug
from negotiator.domain.term_words import NO_CAP, TERM_LABELS
from negotiator.domain.terms import Indexation, InvoicingFrequency, PaymentMechanism
from negotiator.domain.worked_examples import example_cell

WORKED_EXAMPLE = "worked_example"  # a figure of the worked examples: no term, worked out from several

if TYPE_CHECKING:
    from negotiator.services.returned import Plan


def term_plans(document: ReturnedDocument, ours: set[str], theirs: dict[str, set[str]], notes: list[str],
               parties: dict[int, Party], current: dict[str, str] | None = None) -> list[Plan]:
    """A term proposal for each edited cell of the schedule, or a note saying why not. ``current`` holds
    the terms' values now (as proposals hold them): a cell that reads the same as now proposes nothing."""
    from negotiator.services.returned import Plan

    current = current or {}
    plans = []
    for paragraph in document.paragraphs:
        place = place_of(paragraph.anchor)
        if not isinstance(place, TermPlace):
            continue
        name, words = term_of_cell(place.cell, parties)
        for party, authors in theirs.items():
            if not paragraph.authors & authors:
                continue
            shown = paragraph.text_accepting(ours | authors) or ""
            if name in DERIVED and name != "duration.extensions":  # worked out, never set
                notes.append(f"The change of {words} to '{shown}' by {party} was not imported: it is worked out "
                             "from the start date, the initial term and the extension options; propose a change to "
                             "those instead.")
                continue
            if name == WORKED_EXAMPLE:
                notes.append(f"The change of {words} to '{shown}' by {party} was not imported: it is worked out by "
                             "the app from the risk share, the corridor and the annual value; propose a change to "
                             "those instead.")
                continue
            if name == EXCESS_BEARER:  # a party's name: read against the agreement's parties
                value = bearer_from_words(shown, parties)
                values = None if value is None else {name: value}
            else:
                values = extension_values(shown) if name == "duration.extensions" else \
                    {name: value} if name and (value := value_from_words(name, shown)) is not None else None
            if values is None:
                notes.append(f"The change of {words} to '{shown}' by {party} was not imported: the app could not "
                             "read a value from it; propose it in the app instead.")
                continue
            values = {term: value for term, value in values.items() if not _same(term, value, current.get(term))}
            if not values:
                notes.append(f"The change of {words} to '{shown}' by {party} reads the same as the agreement's "
                             "value now, so there is nothing to propose.")
                continue
            rationale = "\n".join(text for author, text in paragraph.comments if author in authors) \
                or f"Returned in {document.name}."
            if len(values) == 1:
                (term, value), = values.items()
                plans.append(Plan(party, "term", term, words, value, rationale))
            else:  # the extension options: how many and how long, said in one cell, proposed as one
                plans.append(Plan(party, "terms", "terms", words, encode_terms(values), rationale))
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
    """The term a schedule cell holds (by the export's key for it), and the term in words; a worked
    example's figure is :data:`WORKED_EXAMPLE`, said in words."""
    if (example := example_cell(key, parties)) is not None:
        return WORKED_EXAMPLE, example
    if (party_cell := party_cell_of(key)) is not None:
        party = parties.get(party_cell.party_id)
        if party is None:
            return None, "a cell of the schedule for a party no longer in the agreement"
        if party_cell.row == "contribution":
            return f"payment.contribution.{party_slug(party)}", f"{party.name}'s contribution to the pooled fund"
        what = party_cell.part or "cap"  # a share's row: gain, loss, and (its last cell) the cap on losses
        words = {"gain": "share of gains", "loss": "share of losses", "cap": "cap on losses"}[what]
        return f"risk_share.{party_slug(party)}.{what}", f"{party.name}'s {words}"
    if key == CORRIDOR.cell:
        return "risk_share.corridor", "the risk corridor"
    if key in TERM_LABELS:
        return key, f"the schedule's \u201c{TERM_LABELS[key]}\u201d"
    return None, "a cell of the schedule"


def extension_values(words: str) -> dict[str, str] | None:
    """The extension options read back from how they are written ("two (2) further periods of twelve (12)
    months each", "one further period of 2 years", "no extension options"): how many, and how long each."""
    text = " ".join(words.lower().split())
    if re.fullmatch(r"(no|none|nil|zero)( extension options?| extensions?| further periods?)?\.?", text):
        return {"duration.extension_count": "0"}
    match = re.fullmatch(r"(.+?) (?:further |extension )?(?:periods?|extensions?|options?) of (.+?)(?: each)?\.?",
                         text)
    if not match:
        return None
    count = _count(match.group(1))
    months = value_from_words("duration.extension_months", match.group(2))
    if count is None or months is None:
        return None
    return {"duration.extension_count": str(count), "duration.extension_months": months}


def _count(text: str) -> int | None:
    """A count as written: "two (2)", "2", "two"."""
    match = re.search(r"\((\d+)\)", text) or re.fullmatch(r"\s*(\d+)\s*", text)
    return int(match.group(1)) if match else read_number_words(text)


def value_from_words(name: str, words: str) -> str | None:
    """Read a term's value back from how the export, or a person, wrote it ("thirty (30) days" → "30",
    "£0.3m" → "£300,000", "35%" → "35", "No cap" → "", cleared), as a proposal holds it."""
    kind = _kind_of(name)
    capped = kind == "money" and name.startswith("risk_share.")
    text = words.strip()
    if kind in ("days", "count", "months"):
        match = re.search(r"\((\d+)\)", text) or re.search(r"\b(\d+)\b", text)
        words = re.sub(r"\b(days?|months?|years?|calendar|working|each|of)\b", " ", text.lower())
        number = int(match.group(1)) if match else read_number_words(words)
        if number is None:
            return None
        return str(number * 12) if kind == "months" and "year" in text.lower() else str(number)
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
        plain = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(",", " "))
        for shape in ("%d %B %Y", "%d %b %Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%B %d %Y"):
            try:
                return datetime.strptime(" ".join(plain.split()), shape).date().isoformat()
            except ValueError:
                continue
        return None
    for enum in (PaymentMechanism, InvoicingFrequency, Indexation):
        if kind in ("mechanism", "invoicing", "indexation"):
            for member in enum:
                if text in (member.value, getattr(member, "label", member.value)):
                    return member.value
    return None


def _kind_of(name: str) -> str | None:
    """The kind of value a term holds ("money", "percent", "months"…)."""
    share = re.fullmatch(r"risk_share\.[^.]+\.(gain|loss|cap)", name)
    per_party = ("money" if name.endswith(".cap") else "percent") if share else \
        "money" if name.startswith("payment.contribution.") else None
    return FIELDS.get(name, (None, None, per_party))[2]


def _same(name: str, value: str, now: str | None) -> bool:
    """Whether a value read from a cell is the value the term holds now ("£0.3m" is "300000.00")."""
    if now is None or value == now:
        return value == now
    kind = _kind_of(name)
    try:
        return kind is not None and bool(now) and bool(value) and \
            parse_value(name, kind, value) == parse_value(name, kind, now)
    except InvalidInput:
        return False


def _as_proposals_hold_it(kind: str, value: TermValue | None) -> str:
    """A money or percentage value written as a proposal holds it (as ``terms_as_text`` writes it:
    "£300,000", "45"), not as the cell had it ("£0.3m", "45%"): importing the same file again then
    finds the proposal already made instead of making it twice."""
    if value is None:
        return ""
    if kind == "money" and isinstance(value, int):
        pounds, pence = divmod(value, 100)
        return f"£{pounds:,}" + (f".{pence:02d}" if pence else "")
    return f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)
