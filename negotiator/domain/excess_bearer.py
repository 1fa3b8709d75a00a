"""Who carries a loss above a party's cap: a term of its own (``risk_share.excess_bearer``).

Unset, the parties still under their caps carry it in proportion to their loss shares; set, the named
party carries it first, up to its own cap (see ``risk_outcome``). It is read from a party's name or
short name, and said in words for the wording, the schedule and the app."""

from __future__ import annotations

import re
from collections.abc import Mapping

from negotiator.domain.errors import InvalidInput, NotFound
from negotiator.domain.parties import Party, match_party
from negotiator.domain.terms import RiskShare

EXCESS_BEARER = "risk_share.excess_bearer"
LABEL = "Who carries losses above a cap"
# What the term says when no party is named, in the app's choices and in the schedule.
OTHERS = "The other parties, in proportion to their loss shares"
# Ways of writing "no party named" that people use.
_OTHERS = re.compile(r"^(none|nobody|no one|pro[ -]?rata|(the\s+)?others?(\s+parties)?"
                     r"(,?\s+(pro[ -]?rata|in\s+proportion.*))?|in\s+proportion.*)\.?$", re.I)


def parse_bearer(raw: str, parties: Mapping[int, Party]) -> int | None:
    """The party named to carry the excess (its id), or None for "the others in proportion" or empty
    text. A name that fits no party, or more than one, is refused naming the term."""
    text = " ".join(raw.split())
    if not text or _OTHERS.match(text) or text.casefold() == OTHERS.casefold():
        return None
    by_slug = [p for p in parties.values() if _slug(p) == text.casefold()]
    if len(by_slug) == 1:
        return by_slug[0].id
    try:
        return match_party(list(parties.values()), text, "in this agreement").id
    except (InvalidInput, NotFound) as refused:
        raise InvalidInput(f"{LABEL}: {refused} Name a party, or write 'the others in proportion'.",
                           field=EXCESS_BEARER) from None


def _slug(party: Party) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (party.short_name or party.name).lower()).strip("-")


def bearer_name(risk: RiskShare, parties: Mapping[int, Party]) -> str | None:
    """The named party's name, or None when the others carry the excess in proportion."""
    if risk.excess_bearer is None:
        return None
    party = parties.get(risk.excess_bearer)
    return party.name if party is not None else f"Party {risk.excess_bearer}"


def bearer_words(risk: RiskShare, parties: Mapping[int, Party]) -> str:
    """Who carries a loss above a cap, as the schedule's cell says it."""
    return bearer_name(risk, parties) or OTHERS


def bearer_in_wording(risk: RiskShare, parties: Mapping[int, Party]) -> str:
    """Who carries a loss above a cap, as a clause's placeholder fills it in mid-sentence ("… is carried
    by {{risk_share.excess_bearer}}")."""
    return bearer_name(risk, parties) or OTHERS[0].lower() + OTHERS[1:]


def bearer_sentence(risk: RiskShare, parties: Mapping[int, Party]) -> str | None:
    """The rule as the risk-share clause states it, when a party is named (None otherwise, so that the
    wording of agreements that name nobody stays as it was)."""
    name = bearer_name(risk, parties)
    if name is None:
        return None
    return (f"Any loss above a party's cap is carried first by {name}, up to its own cap, and then by the other "
            "parties still under their caps in proportion to their loss shares.")


def bearer_from_words(words: str, parties: Mapping[int, Party]) -> str | None:
    """The term's value as proposals hold it (a party's name, or "" for the others in proportion) read
    from what a returned schedule line says ("Who carries losses above a cap: Hope Street"); None when
    it names no party of the agreement."""
    text = words.strip()
    if text.casefold().startswith(LABEL.casefold()):
        text = text[len(LABEL):].lstrip(" :-–—")
    try:
        bearer = parse_bearer(text, parties)
    except InvalidInput:
        return None
    return "" if bearer is None else parties[bearer].name
