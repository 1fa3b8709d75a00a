"""Competing values of a term as drafters show them: in the terms schedule, the current value stays and
each party's rival value is its alternative in square brackets right after it ("Risk corridor: ± 2% [3%][1%]
of the budget"; a cell "30 days [45 days]"), a tracked insertion in its party's name as rival wordings are
(see ``alternatives.py``). A rival proposal of several terms (a rebalanced risk share) brackets each line
or cell it would change. The worked examples are not bracketed: they stay the figures of the current
terms, since a rival value is not agreed."""

from __future__ import annotations

import re
from collections.abc import Mapping

from negotiator.domain.alternatives import DELETE_MARK, Offers
from negotiator.domain.export_layout import Line, schedule, unit_texts
from negotiator.domain.parties import Party
from negotiator.domain.term_fields import set_term
from negotiator.domain.terms import TermsSheet


def bracketable(sheet: TermsSheet, parties: Mapping[int, Party]) -> tuple[dict[str, str], set[str]]:
    """The schedule's lines and cells a rival value may be bracketed into, with what each reads now (every
    one but the worked examples', figures the app works out from the current terms), and which are lines."""
    items = schedule(sheet, parties)
    texts = {key: text for key, text in unit_texts(items).items() if not key.startswith("example")}
    return texts, {item.key for item in items if isinstance(item, Line)}


def offer_terms(offers: dict[str, Offers], sheet: TermsSheet, parties: Mapping[int, Party],
                values: Mapping[str, str]) -> list[str]:
    """Bracket one rival proposal's ``values`` into the schedule of ``sheet`` (which stays as it is), adding
    to ``offers`` (by the schedule's unit key); returns the keys it bracketed into: none when its values
    would read as the schedule does now, or would add or take away a row (no current value to stand
    beside). Raises ``InvalidInput`` when a value cannot be read."""
    rival = sheet
    for name, value in values.items():
        rival = set_term(rival, name, value, parties)
    (now, lines), (then, _) = bracketable(sheet, parties), bracketable(rival, parties)
    if then.keys() != now.keys():
        return []
    changed = [key for key, text in now.items() if then[key] != text]
    for key in changed:
        offers.setdefault(key, Offers(now[key])).place([bracket(now[key], then[key], whole=key not in lines)])
    return changed


def bracket(current: str, rival: str, whole: bool) -> tuple[int, str]:
    """Where a rival value's bracket goes in ``current`` and what it says. A cell is its value, so the whole
    rival value follows it; in a line, the words that differ ("± 2% [3%] of the budget"), taken whole so that
    a value is never split ("2%", not "2 [3]%")."""
    if whole:
        return len(current), f" [{rival}]"
    old, new = list(re.finditer(r"\S+", current)), rival.split()
    same = 0
    while same < min(len(old), len(new)) and old[same].group() == new[same]:
        same += 1
    tail = 0
    while tail < min(len(old), len(new)) - same and old[-1 - tail].group() == new[-1 - tail]:
        tail += 1
    replaced = old[same:len(old) - tail] or old[max(same - 1, 0):same]  # a pure addition follows the word before
    at = replaced[-1].end() if replaced else 0
    said = " ".join(new[same:len(new) - tail]) or DELETE_MARK
    return at, f" [{said}]" if at else f"[{said}] "


def offered_texts(offers: Mapping[str, Offers]) -> dict[str, str]:
    """Each bracketed line's or cell's text, by its unit key."""
    return {key: offer.text() for key, offer in offers.items()}
