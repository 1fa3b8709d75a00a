"""Terms by name: the names clause placeholders, the CLI and JSON use (``payment.days``), how
to read a typed value from what a user typed, and how to say it in plain legal English."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Literal, overload

from negotiator.domain import legal_english as say
from negotiator.domain.errors import InvalidInput
from negotiator.domain.excess_bearer import EXCESS_BEARER, bearer_in_wording, bearer_name, bearer_sentence, parse_bearer
from negotiator.domain.parties import Party
from negotiator.domain.terms import (
    Indexation,
    InvoicingFrequency,
    PartyShare,
    PaymentMechanism,
    RiskShare,
    TermsSheet,
)

# What a term holds: a date, a number of months, days or pence, a percentage, or one of the choices.
TermValue = date | int | Decimal | PaymentMechanism | InvoicingFrequency | Indexation

# Plain fields: name -> (part of the sheet, attribute, kind of value).
FIELDS: dict[str, tuple[str, str, str]] = {
    "duration.start": ("duration", "start", "date"),
    "duration.initial_term": ("duration", "initial_term_months", "months"),
    "duration.extension_count": ("duration", "extension_count", "count"),
    "duration.extension_months": ("duration", "extension_months", "months"),
    "duration.notice": ("duration", "notice_months", "months"),
    "payment.mechanism": ("payment", "mechanism", "mechanism"),
    "payment.annual_value": ("payment", "annual_value", "money"),
    "payment.variable_part": ("payment", "variable_part", "percent"),
    "payment.quality_incentive": ("payment", "quality_incentive", "percent"),
    "payment.days": ("payment", "days", "days"),
    "payment.invoicing": ("payment", "invoicing", "invoicing"),
    "payment.indexation": ("payment", "indexation", "indexation"),
    "payment.pooled_fund": ("payment", "pooled_fund", "money"),
    "risk_share.corridor": ("risk_share", "corridor", "percent"),
}
# Derived terms can be shown in wording but not set.
DERIVED = ("duration.end", "duration.latest_end", "duration.extensions", "risk_share.table")
_PARTY_FIELD = re.compile(r"^(risk_share)\.([a-z0-9-]+)\.(gain|loss|cap)$|^(payment)\.contribution\.([a-z0-9-]+)$")


def party_slug(party: Party) -> str:
    """How a party is named inside term names: its short name in lower case, hyphenated."""
    return re.sub(r"[^a-z0-9]+", "-", (party.short_name or party.name).lower()).strip("-") or f"party-{party.id}"


def term_names(parties: Mapping[int, Party]) -> list[str]:
    """Every term name this agreement's sheet has, plain, per party and derived."""
    names = list(FIELDS) + [EXCESS_BEARER] + list(DERIVED)
    for party in parties.values():
        slug = party_slug(party)
        names += [f"risk_share.{slug}.gain", f"risk_share.{slug}.loss", f"risk_share.{slug}.cap",
                  f"payment.contribution.{slug}"]
    return names


def is_term(name: str, parties: Mapping[int, Party]) -> bool:
    """Whether a placeholder or CLI field names a term of this agreement."""
    return name in FIELDS or name in DERIVED or name == EXCESS_BEARER or \
        _party_of(name, parties, strict=False) is not None


def _party_of(name: str, parties: Mapping[int, Party], *, strict: bool = True) -> tuple[int, str] | None:
    match = _PARTY_FIELD.match(name)
    if not match:
        return None
    slug = match.group(2) or match.group(5)
    what = match.group(3) or "contribution"
    for party_id, party in parties.items():
        if party_slug(party) == slug:
            return party_id, what
    if strict:
        known = ", ".join(sorted(party_slug(p) for p in parties.values())) or "none yet"
        raise InvalidInput(f"{name} names no party of this agreement; its parties are: {known}.", field=name)
    return None


# Reading typed values from text -----------------------------------------------------------

@overload
def parse_value(name: str, kind: Literal["months", "count", "days", "money"], raw: str,
                label: str | None = None) -> int | None: ...
@overload
def parse_value(name: str, kind: Literal["percent"], raw: str, label: str | None = None) -> Decimal | None: ...
@overload
def parse_value(name: str, kind: str, raw: str, label: str | None = None) -> TermValue | None: ...
def parse_value(name: str, kind: str, raw: str, label: str | None = None) -> TermValue | None:
    """Turn what a user typed into the typed value a term holds; empty text clears the term. A refusal
    names the term by ``label`` (its name in words), else by its schedule label."""
    text = raw.strip()
    if not text or text.lower() == "none" and kind not in ("indexation",):
        return None
    try:
        return _PARSERS[kind](text)
    # ArithmeticError: Decimal's Overflow ("1e999999999" pounds) and int(Infinity) are not ValueErrors.
    except (ValueError, ArithmeticError, KeyError):
        from negotiator.domain.term_words import TERM_LABELS  # which names its terms by these fields

        raise InvalidInput(f"{label or TERM_LABELS.get(name, name)}: '{shown(raw)}' is not {_EXPECTED[kind]}.",
                           field=name) from None


def shown(raw: str, limit: int = 40) -> str:
    """What the user typed, as a message can quote it: shortened, with invisible and unencodable
    characters (controls, bidi overrides, lone surrogates) written as escapes."""
    cut = raw[:limit]
    text = "".join(c if c.isprintable() or c == " " else ascii(c)[1:-1] for c in cut)
    return text + ("…" if len(raw) > limit else "")


def _money(text: str) -> int:
    cleaned = text.replace("£", "").replace(",", "").replace(" ", "").lower()
    factor = {"m": 10**6, "k": 10**3, "bn": 10**9}.get(cleaned[-2:] if cleaned.endswith("bn") else cleaned[-1:], 1)
    if factor != 1:
        cleaned = cleaned[:-2] if cleaned.endswith("bn") else cleaned[:-1]
    pounds = Decimal(cleaned)
    if pounds.is_finite() and pounds.adjusted() > 20:  # far beyond any limit; int() of it could take minutes
        raise ValueError("too large")
    pence = pounds * factor * 100
    if pence != pence.to_integral_value():
        raise ValueError("fractions of a penny")
    return int(pence)


def _percent(text: str) -> Decimal:
    value = Decimal(text.rstrip("%").strip())
    if not value.is_finite():
        raise ValueError("not a number")
    return value


def _whole(text: str) -> int:
    if not re.fullmatch(r"-?\d+", text):
        raise ValueError("not a whole number")
    return int(text)


def _months(text: str) -> int:
    match = re.fullmatch(r"(-?\d+)\s*(months?|m|years?|y)?", text.lower())
    if not match:
        raise ValueError("not a period")
    number = int(match.group(1))
    return number * 12 if (match.group(2) or "m").startswith("y") else number


_PARSERS: dict[str, Callable[[str], TermValue]] = {
    "date": date.fromisoformat, "months": _months, "count": _whole, "days": _whole, "money": _money,
    "percent": _percent, "mechanism": lambda t: PaymentMechanism(t.lower()),
    "invoicing": lambda t: InvoicingFrequency(t.lower()), "indexation": lambda t: Indexation(t.lower()),
}
_EXPECTED = {
    "date": "a date written YYYY-MM-DD, such as 2027-04-01",
    "months": "a number of months (or years, such as '5 years')",
    "count": "a whole number", "days": "a whole number of days",
    "money": "an amount in pounds, such as £120,000,000 or 120m, to the penny at most",
    "percent": "a percentage, such as 4 or 2.5%",
    "mechanism": "one of " + ", ".join(m.value for m in PaymentMechanism),
    "invoicing": "one of " + ", ".join(m.value for m in InvoicingFrequency),
    "indexation": "one of " + ", ".join(m.value for m in Indexation),
}


# Setting and getting by name ---------------------------------------------------------------

def set_term(sheet: TermsSheet, name: str, raw: str, parties: Mapping[int, Party]) -> TermsSheet:
    """A new sheet with one term changed from text (validation of the whole sheet comes after)."""
    if name in DERIVED:
        from negotiator.domain.term_words import TERM_LABELS

        raise InvalidInput(f"{TERM_LABELS.get(name, name)} follows from other terms and cannot be set directly.",
                           field=name)
    if name in FIELDS:
        part, attribute, kind = FIELDS[name]
        value = parse_value(name, kind, raw)
        if value is None and attribute in ("extension_count", "extension_months"):
            value = 0
        return replace(sheet, **{part: replace(getattr(sheet, part), **{attribute: value})})
    if name == EXCESS_BEARER:
        return replace(sheet, risk_share=replace(sheet.risk_share, excess_bearer=parse_bearer(raw, parties)))
    found = _party_of(name, parties)
    if found is None:
        raise InvalidInput(f"{shown(name)} is not a term. Terms are named like payment.days or "
                           "risk_share.<party>.gain; see 'negotiator terms show'.", field=name)
    party_id, what = found
    from negotiator.domain.term_words import term_label

    label = term_label(name, parties)
    if what == "contribution":
        pence = parse_value(name, "money", raw, label)
        rest = tuple(c for c in sheet.payment.contributions if c[0] != party_id)
        added = ((party_id, pence),) if pence is not None else ()
        return replace(sheet, payment=replace(sheet.payment, contributions=rest + added))
    return replace(sheet, risk_share=_set_share(sheet.risk_share, party_id, what, name, raw, label))


def _set_share(risk: RiskShare, party_id: int, what: str, name: str, raw: str, label: str) -> RiskShare:
    share = risk.share_of(party_id) or PartyShare(party_id, Decimal(0), Decimal(0))
    if what == "cap":
        share = replace(share, loss_cap=parse_value(name, "money", raw, label))
    else:
        value = parse_value(name, "percent", raw, label)
        if value is None:  # clearing a share removes the party from the risk share
            return replace(risk, shares=tuple(s for s in risk.shares if s.party_id != party_id))
        share = replace(share, gain=value) if what == "gain" else replace(share, loss=value)
    others = [s for s in risk.shares if s.party_id != party_id]
    position = next((i for i, s in enumerate(risk.shares) if s.party_id == party_id), len(others))
    others.insert(position, share)
    return replace(risk, shares=tuple(others))


def get_term(sheet: TermsSheet, name: str, parties: Mapping[int, Party]) -> TermValue | str | None:
    """The typed value of a term (None when not set); derived terms are computed (the extension options and
    the risk-share table in words)."""
    if name in ("duration.extensions", "risk_share.table"):
        return render_term(sheet, name, parties)
    return _typed(sheet, name, parties)


def _typed(sheet: TermsSheet, name: str, parties: Mapping[int, Party]) -> TermValue | None:
    """The typed value of a term that is not in words (None when not set, or not a term)."""
    if name in FIELDS:
        part, attribute, _kind = FIELDS[name]
        # Each of FIELDS names an attribute of a part of the sheet that holds a TermValue or None.
        value: TermValue | None = getattr(getattr(sheet, part), attribute)
        return value
    if name == EXCESS_BEARER:
        return sheet.risk_share.excess_bearer
    if name == "duration.end":
        return sheet.duration.initial_end
    if name == "duration.latest_end":
        return sheet.duration.latest_end
    found = _party_of(name, parties)
    if found is None:
        return None
    party_id, what = found
    if what == "contribution":
        return sheet.payment.contribution_of(party_id)
    share = sheet.risk_share.share_of(party_id)
    if share is None:
        return None
    return share.loss_cap if what == "cap" else share.gain if what == "gain" else share.loss


def terms_as_dict(sheet: TermsSheet, parties: Mapping[int, Party]) -> dict[str, str | int | None]:
    """Every term by name with a JSON-friendly value: money in pence, percentages and dates as text."""
    out: dict[str, str | int | None] = {}
    for name in term_names(parties):
        if name in ("duration.extensions", "risk_share.table"):
            continue
        value = _typed(sheet, name, parties)
        if name == EXCESS_BEARER:  # a party, by the name set_term reads back
            out[name] = bearer_name(sheet.risk_share, parties)
        elif isinstance(value, Decimal):
            out[name] = f"{value.normalize():f}"
        elif isinstance(value, date):
            out[name] = value.isoformat()
        elif isinstance(value, PaymentMechanism | InvoicingFrequency | Indexation):
            out[name] = value.value
        else:
            out[name] = value
    return out


def terms_as_text(sheet: TermsSheet, parties: Mapping[int, Party]) -> dict[str, str]:
    """Every term as text that :func:`set_term` reads back to exactly the same value ("" when not set):
    what proposals hold as the value they were made against and the value they propose. Money is
    written in pounds ("£300,000", "£1,234.56"), never in pence, so that accepting it changes nothing else."""
    out = {}
    for name, value in terms_as_dict(sheet, parties).items():
        if value is None:
            out[name] = ""
        elif _kind(name) == "money" and isinstance(value, int):
            pounds, pence = divmod(value, 100)
            out[name] = f"£{pounds:,}" + (f".{pence:02d}" if pence else "")
        else:
            out[name] = str(value)
    return out


def _kind(name: str) -> str:
    if name in FIELDS:
        return FIELDS[name][2]
    if name.startswith("duration."):
        return "date"
    return "percent" if name.endswith((".gain", ".loss")) else "money"


def render_term(sheet: TermsSheet, name: str, parties: Mapping[int, Party]) -> str | None:
    """A term in plain legal English for the wording, or None when it is not set yet."""
    duration = sheet.duration
    if name == "duration.extensions":
        if not duration.extension_count:
            return "no extension options"
        count = say.count_phrase(duration.extension_count, "further period")
        each = " each" if duration.extension_count > 1 else ""
        return f"{count} of {say.months_phrase(duration.extension_months)}{each}"
    if name == "risk_share.table":
        return _risk_table(sheet.risk_share, parties)
    if name == EXCESS_BEARER:  # unset is a rule too: the others carry it in proportion
        return bearer_in_wording(sheet.risk_share, parties)
    value = _typed(sheet, name, parties)
    if value is None:
        return None
    return _say(_kind(name), value)


def _say(kind: str, value: TermValue) -> str:
    """A term's value in words; numbers by the kind of term (a number of months, days or pence)."""
    if isinstance(value, PaymentMechanism | Indexation):
        return value.label
    if isinstance(value, InvoicingFrequency):
        return value.value
    if isinstance(value, date):
        return say.long_date(value)
    if isinstance(value, Decimal):
        return say.percent(value)
    return _SAY_NUMBER[kind](value)


_SAY_NUMBER: dict[str, Callable[[int], str]] = {
    "months": say.months_phrase, "count": lambda n: f"{say.number_words(n)} ({n})",
    "days": lambda n: say.count_phrase(n, "day"), "money": say.money,
}


def _risk_table(risk: RiskShare, parties: Mapping[int, Party]) -> str | None:
    if not risk.shares:
        return None
    lines = []
    for share in risk.shares:
        name = parties[share.party_id].name if share.party_id in parties else f"Party {share.party_id}"
        cap = f", losses capped at {say.money(share.loss_cap)}" if share.loss_cap is not None else ""
        lines.append(f"{name}: {say.percent(share.gain)} of gains and {say.percent(share.loss)} of losses{cap}")
    if risk.corridor is not None:
        lines.append(f"No gain or loss is shared within {say.percent(risk.corridor)} either side of the budget.")
    if (rule := bearer_sentence(risk, parties)) is not None:  # only when named: unnamed wording stays as it was
        lines.append(rule)
    return "\n".join(lines)


def is_term_name(name: str) -> bool:
    """Whether a name could be a term of some agreement (used for library clauses, which have no parties)."""
    return name in FIELDS or name in DERIVED or name == EXCESS_BEARER or _PARTY_FIELD.match(name) is not None
