"""What a risk share means in pounds: each party's gain or loss for one year-end result.

The rules, as the risk-share clause states them:

1. The *result* is the year-end variance against the budget, in pence: positive is an underspend
   (a gain to share), negative an overspend (a loss to share).
2. The *corridor* is a band of ± corridor % of the budget. Within it no money moves between the
   parties; beyond it, only the part of the variance outside the band is shared. The band's width is
   rounded to the nearest penny, halves away from zero.
3. The shared part is divided by the parties' gain shares (an underspend) or loss shares (an
   overspend).
4. No party pays a loss above its cap. What a capped party cannot carry goes first to the party the
   terms name to carry it (up to that party's own cap), and then to the parties still under their
   caps in proportion to their loss shares, again and again until nothing is left or every party is
   at its cap. Whatever is left then is *uncovered*: it stays where it fell, with the budget holder.
5. Pence are whole. Each party first gets the whole pence of its exact part; the pence left over go
   one each to the parties with the largest remainders, ties to the party listed first. So the parts
   always sum exactly to the shared variance (less anything uncovered).

Everything is integer arithmetic: shares have at most ten decimal places (``terms_rules``), so each
is scaled to a whole number of units and no float or rounding error can creep in.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from negotiator.domain.terms import RiskShare

_SCALE = 10**10  # units per 1%: ten decimal places, the most a share may have


@dataclass(frozen=True)
class PartyOutcome:
    """One party's part of a result: pence gained (positive) or lost (negative)."""

    party_id: int
    amount: int
    at_cap: bool = False


@dataclass(frozen=True)
class Outcome:
    """A year-end result and how it falls: within the corridor, shared, and left uncovered."""

    result: int
    within_corridor: int
    shared: int
    parts: tuple[PartyOutcome, ...]
    uncovered: int = 0

    def of(self, party_id: int) -> int:
        """One party's gain (positive) or loss (negative), in pence; zero when it has no share."""
        return next((p.amount for p in self.parts if p.party_id == party_id), 0)


def corridor_band(corridor: Decimal | None, budget: int | None) -> int:
    """The corridor's width in pence either side of the budget (nearest penny, halves up)."""
    if not corridor or not budget:
        return 0
    return int((corridor * budget / 100).to_integral_value(ROUND_HALF_UP))


def share_result(risk: RiskShare, result: int, budget: int | None = None) -> Outcome:
    """How one year-end ``result`` (pence; negative is an overspend) falls under ``risk``, against a
    ``budget`` (pence), which the corridor needs; without one the corridor cannot apply."""
    band = corridor_band(risk.corridor, budget)
    shared = max(abs(result) - band, 0) * (1 if result >= 0 else -1)
    within = result - shared
    if shared == 0 or not risk.shares:
        return Outcome(result, within, shared, tuple(PartyOutcome(s.party_id, 0) for s in risk.shares),
                       uncovered=shared)
    if shared > 0:
        units = [_units(s.gain) for s in risk.shares]
        amounts = _divide(shared, units, list(range(len(units))))
        parts = tuple(PartyOutcome(s.party_id, a) for s, a in zip(risk.shares, amounts, strict=True))
        return Outcome(result, within, shared, parts, uncovered=shared - sum(amounts))
    loss = -shared
    amounts, capped = _divide_losses(risk, loss)
    parts = tuple(PartyOutcome(s.party_id, -a, i in capped) for i, (s, a) in enumerate(zip(risk.shares, amounts,
                                                                                          strict=True)))
    return Outcome(result, within, shared, parts, uncovered=-(loss - sum(amounts)))


def _units(share: Decimal) -> int:
    return int(share * _SCALE)


def _divide(total: int, units: list[int], among: list[int]) -> list[int]:
    """``total`` pence among the parties ``among`` by their ``units``: whole pence first, the rest one
    penny each by largest remainder, ties to the first listed. Nothing is given when no units."""
    amounts = [0] * len(units)
    weight = sum(units[i] for i in among)
    if weight <= 0 or total <= 0:
        return amounts
    remainders = []
    for i in among:
        amounts[i], rest = divmod(total * units[i], weight)
        remainders.append((-rest, i))
    left = total - sum(amounts)
    for _, i in sorted(remainders)[:left]:
        amounts[i] += 1
    return amounts


def _divide_losses(risk: RiskShare, loss: int) -> tuple[list[int], set[int]]:
    """A loss by loss shares, no party above its cap; the excess goes to the named bearer first."""
    units = [_units(s.loss) for s in risk.shares]
    caps = [s.loss_cap for s in risk.shares]
    bearer = next((i for i, s in enumerate(risk.shares) if s.party_id == risk.excess_bearer), None)
    if bearer is not None:
        return _with_bearer(loss, units, caps, bearer)
    everyone = [i for i in range(len(units)) if units[i] > 0]
    return _spread(loss, units, caps, [0] * len(units), everyone)


def _with_bearer(loss: int, units: list[int], caps: list[int | None], bearer: int) -> tuple[list[int], set[int]]:
    """Share by loss shares; the named party carries the excess over others' caps first, up to its
    own cap; anything beyond that is shared by the others still under their caps."""
    everyone = [i for i in range(len(units)) if units[i] > 0]
    amounts = _divide(loss, units, everyone)
    capped: set[int] = set()
    excess = 0
    for i in everyone:
        cap = caps[i]
        if cap is not None and amounts[i] > cap:
            excess += amounts[i] - cap
            amounts[i] = cap
            capped.add(i)
    bearer_cap = caps[bearer]
    room = excess if bearer_cap is None else min(excess, bearer_cap - amounts[bearer])
    if room > 0:
        amounts[bearer] += room
        excess -= room
        if bearer_cap is not None and amounts[bearer] == bearer_cap:
            capped.add(bearer)
    if excess > 0:
        others = [i for i in everyone if i not in capped and i != bearer]
        extra, more = _spread(excess, units, caps, amounts, others)
        amounts = [a + e for a, e in zip(amounts, extra, strict=True)]
        capped |= more
    return amounts, capped


def _spread(excess: int, units: list[int], caps: list[int | None], carried: list[int],
            among: list[int]) -> tuple[list[int], set[int]]:
    """``excess`` among ``among`` by their units, none past its cap given what it already
    ``carried``; returns the extra for each party and who reached a cap."""
    extra = [0] * len(units)
    capped: set[int] = set()
    open_ = list(among)
    while excess > 0 and open_:
        weight = sum(units[i] for i in open_)
        room = {i: cap - carried[i] - extra[i] for i in open_ if (cap := caps[i]) is not None}  # the capped ones
        full = [i for i in open_ if i in room and excess * units[i] > room[i] * weight]
        if not full:
            for i, amount in enumerate(_divide(excess, units, open_)):
                extra[i] += amount
            return extra, capped
        for i in full:
            extra[i] += room[i]
            excess -= room[i]
            capped.add(i)
        open_ = [i for i in open_ if i not in capped]
    return extra, capped
