"""The risk share in pounds: exact pence, caps respected, corridors honoured, parts summing to the whole."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.domain.errors import InvalidInput
from negotiator.domain.risk_outcome import corridor_band, share_result
from negotiator.domain.scenarios import parse_percent, parse_result, result_range, result_words
from negotiator.domain.terms import PartyShare, RiskShare

BUDGET = 48_000_000_00  # £48m in pence
THIRDS = RiskShare((PartyShare(1, Decimal(40), Decimal(40), 250_000_00), PartyShare(2, Decimal(30), Decimal(30)),
                    PartyShare(3, Decimal(30), Decimal(30))), Decimal(2))


def test_within_the_corridor_no_money_moves() -> None:
    outcome = share_result(THIRDS, -900_000_00, BUDGET)  # £0.9m over; the corridor is ±£0.96m
    assert outcome.shared == 0 and all(p.amount == 0 for p in outcome.parts)
    assert outcome.within_corridor == -900_000_00


def test_beyond_the_corridor_only_the_excess_is_shared() -> None:
    outcome = share_result(THIRDS, 2_000_000_00, BUDGET)  # £2m under; £1.04m beyond the corridor
    assert outcome.shared == 1_040_000_00
    assert [p.amount for p in outcome.parts] == [416_000_00, 312_000_00, 312_000_00]


def test_a_capped_loss_passes_to_the_others_by_their_loss_shares() -> None:
    outcome = share_result(THIRDS, -2_000_000_00, BUDGET)  # £1.04m to share; party 1's 40% would be £416,000
    assert outcome.of(1) == -250_000_00 and outcome.parts[0].at_cap
    assert outcome.of(2) == outcome.of(3) == -395_000_00


def test_a_named_party_carries_the_excess_first() -> None:
    named = RiskShare(THIRDS.shares, THIRDS.corridor, excess_bearer=3)
    outcome = share_result(named, -2_000_000_00, BUDGET)
    assert outcome.of(1) == -250_000_00
    assert outcome.of(2) == -312_000_00  # its own 30%, nothing more
    assert outcome.of(3) == -(312_000_00 + 166_000_00)


def test_a_loss_beyond_every_cap_is_left_uncovered() -> None:
    capped = RiskShare((PartyShare(1, Decimal(50), Decimal(50), 100_00),
                        PartyShare(2, Decimal(50), Decimal(50), 50_00)))
    outcome = share_result(capped, -1_000_00, None)
    assert (outcome.of(1), outcome.of(2), outcome.uncovered) == (-100_00, -50_00, -850_00)


def test_odd_pence_go_to_the_largest_remainders_then_the_first_listed() -> None:
    thirds = RiskShare(tuple(PartyShare(i, Decimal("33.3333333333"), Decimal("33.3333333333")) for i in (1, 2))
                       + (PartyShare(3, Decimal("33.3333333334"), Decimal("33.3333333334")),))
    assert [p.amount for p in share_result(thirds, 100, None).parts] == [33, 33, 34]
    even = RiskShare(tuple(PartyShare(i, Decimal(25), Decimal(25)) for i in (1, 2, 3, 4)))
    assert [p.amount for p in share_result(even, 7, None).parts] == [2, 2, 2, 1]


def test_a_corridor_without_a_budget_cannot_apply() -> None:
    assert corridor_band(Decimal(2), None) == 0
    assert share_result(THIRDS, -100, None).shared == -100


percents = st.decimals(min_value=0, max_value=100, places=2)


@st.composite
def risk_shares(draw: st.DrawFn) -> RiskShare:
    count = draw(st.integers(1, 8))

    def split() -> list[Decimal]:
        cuts = sorted(draw(st.lists(st.integers(0, 10_000), min_size=count - 1, max_size=count - 1)))
        edges = [0, *cuts, 10_000]
        return [Decimal(b - a) / 100 for a, b in zip(edges, edges[1:], strict=False)]
    gains, losses = split(), split()
    caps = [draw(st.none() | st.integers(0, 5_000_000_00)) for _ in range(count)]
    shares = tuple(PartyShare(i + 1, g, lo, c) for i, (g, lo, c) in enumerate(zip(gains, losses, caps, strict=True)))
    bearer = draw(st.none() | st.integers(1, count))
    return RiskShare(shares, draw(st.none() | percents), bearer)


results = st.integers(-20_000_000_00, 20_000_000_00)
budgets = st.none() | st.integers(1, 100_000_000_00)


@settings(max_examples=300, deadline=None)
@given(risk_shares(), results, budgets)
def test_the_parts_and_what_is_uncovered_sum_to_the_shared_variance(risk: RiskShare, result: int,
                                                                   budget: int | None) -> None:
    outcome = share_result(risk, result, budget)
    assert sum(p.amount for p in outcome.parts) + outcome.uncovered == outcome.shared
    assert outcome.shared + outcome.within_corridor == result
    if result > 0:
        assert outcome.uncovered == 0  # gains are never capped
    assert all((p.amount >= 0) == (result >= 0) or p.amount == 0 for p in outcome.parts)


@settings(max_examples=300, deadline=None)
@given(risk_shares(), results, budgets)
def test_no_capped_party_pays_above_its_cap(risk: RiskShare, result: int, budget: int | None) -> None:
    outcome = share_result(risk, result, budget)
    for share, part in zip(risk.shares, outcome.parts, strict=True):
        if share.loss_cap is not None:
            assert -part.amount <= share.loss_cap
    if outcome.uncovered:  # only a loss nobody can carry is left uncovered
        assert all(p.at_cap or s.loss == 0 and s.party_id != risk.excess_bearer
                   for s, p in zip(risk.shares, outcome.parts, strict=True))


@settings(max_examples=200, deadline=None)
@given(risk_shares(), results, st.integers(1, 100_000_000_00), percents, percents)
def test_a_wider_corridor_never_moves_more_money(risk: RiskShare, result: int, budget: int, a: Decimal,
                                                 b: Decimal) -> None:
    narrow, wide = sorted((a, b))
    moved = [sum(abs(p.amount) for p in share_result(RiskShare(risk.shares, c, risk.excess_bearer), result,
                                                     budget).parts) for c in (narrow, wide)]
    assert moved[1] <= moved[0]


@given(results, st.none() | percents, budgets, st.integers(2, 6))
def test_one_party_with_every_share_takes_everything(result: int, corridor: Decimal | None, budget: int | None,
                                                     others: int) -> None:
    shares = (PartyShare(7, Decimal(100), Decimal(100)),) + tuple(
        PartyShare(i, Decimal(0), Decimal(0)) for i in range(1, others))
    outcome = share_result(RiskShare(shares, corridor), result, budget)
    assert outcome.of(7) == outcome.shared and outcome.uncovered == 0


@pytest.mark.parametrize(("text", "pence"), [
    ("£2m", 2_000_000_00), ("-£2m", -2_000_000_00), ("overspend of £2m", -2_000_000_00),
    ("an underspend of 150,000.50", 150_000_50), ("−3%", -1_440_000_00), ("1.5%", 720_000_00),
    ("deficit 300k", -300_000_00), ("0", 0),
])
def test_results_are_read_as_people_write_them(text: str, pence: int) -> None:
    assert parse_result(text, BUDGET) == pence


@pytest.mark.parametrize("text", ["two million", "", "£", "3%%", "£1.001", "1e9", "5% of nothing", "£9e99"])
def test_a_result_that_is_not_one_is_refused_in_words(text: str) -> None:
    with pytest.raises(InvalidInput, match="not"):
        parse_result(text, BUDGET)


def test_a_percentage_needs_a_budget() -> None:
    with pytest.raises(InvalidInput, match="annual value"):
        parse_result("2%", None)


def test_ranges_include_both_ends_and_refuse_nonsense() -> None:
    assert result_range(Decimal(-10), Decimal(10), Decimal(1))[::10] == [Decimal(-10), Decimal(0), Decimal(10)]
    assert len(result_range(Decimal(-10), Decimal(10), Decimal("0.1"))) == 201
    for start, stop, step, words in [(0, 1, 0, "more than 0%"), (5, -5, 1, "empty"),
                                     (-1000, 1000, Decimal("0.001"), "at most")]:
        with pytest.raises(InvalidInput, match=words):
            result_range(Decimal(start), Decimal(stop), Decimal(step))
    with pytest.raises(InvalidInput, match="not a percentage"):
        parse_percent("ten", "lower end")


def test_results_are_said_in_words() -> None:
    assert result_words(-2_000_000_00, Decimal(-2)) == "an overspend of £2,000,000 (2% of the budget)"
    assert result_words(0) == "on budget"
