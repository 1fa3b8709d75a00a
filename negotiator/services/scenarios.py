"""Risk-share scenarios of an agreement: its current terms and, side by side, the terms as they would be
with open term proposals (or combinations of them) accepted, and what each party gains or loses under
each at a range of year-end results. Nothing is written: proposals are applied in memory only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from negotiator.domain.errors import InvalidInput
from negotiator.domain.risk_outcome import Outcome
from negotiator.domain.scenario_terms import check_usable, combined, moves_money, scenario_label
from negotiator.domain.scenarios import budget_of, outcomes
from negotiator.domain.terms import TermsSheet
from negotiator.services.agreements import check_sheet
from negotiator.services.applying import parties_of
from negotiator.storage.agreement_store import AgreementStore
from negotiator.storage.database import Library
from negotiator.storage.negotiation_store import ProposalStore


@dataclass(frozen=True)
class Scenario:
    """One set of terms to compare: the current ones, or those with some open proposals accepted."""

    label: str
    proposal_ids: tuple[int, ...]
    sheet: TermsSheet

    @property
    def budget(self) -> int | None:
        """The budget this scenario's corridor is measured against (pence)."""
        return budget_of(self.sheet)


@dataclass(frozen=True)
class Candidate:
    """An open term proposal that can make a scenario."""

    proposal_id: int
    label: str
    moves_money: bool  # it changes the risk share or the budget


@dataclass(frozen=True)
class Scenarios:
    """An agreement's scenarios side by side, with the parties that share its risk named in words."""

    agreement_id: int
    title: str
    budget: int | None  # the current budget: every scenario faces the same results in pounds
    parties: tuple[tuple[int, str], ...]  # (party id, short name), in the agreement's order
    scenarios: tuple[Scenario, ...]
    candidates: tuple[Candidate, ...]
    party_ids: tuple[int, ...] = ()  # every party to the agreement: the key to each party's colour

    def outcomes(self, results: Sequence[int]) -> list[list[Outcome]]:
        """For each scenario, how each result (pence; negative an overspend) falls."""
        return [outcomes(s.sheet.risk_share, results, s.budget) for s in self.scenarios]


class ScenarioService:
    """Scenarios of the agreements of one open library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def scenarios(self, agreement: int | str, combinations: Sequence[Sequence[int]] | None = None) -> Scenarios:
        """The current terms and, after them, one scenario per combination of open term proposals (each a
        list of proposal ids applied together); with none given, one per open proposal that changes the
        risk share or the budget. A proposal that is not an open term proposal of the agreement is refused."""
        with self.library.unit_of_work() as session:
            store = AgreementStore(session)
            found = store.find(str(agreement))
            sheet, parties = store.terms(found.saved_id), parties_of(session, found.saved_id)
            proposals = ProposalStore(session)
            open_terms = [p for p in proposals.open_of(found.saved_id) if p.term_values()]
            if combinations is None:
                chosen = [[p] for p in open_terms if moves_money(p)]
            else:
                chosen = [[proposals.get(int(pid)) for pid in combination] for combination in combinations]
        for combination in chosen:
            for proposal in combination:
                check_usable(proposal, found.saved_id, found.title)
        scenarios = [Scenario(scenario_label([], parties), (), sheet)]
        for combination in chosen:
            changed, label = combined(sheet, combination, parties), scenario_label(combination, parties)
            try:
                check_sheet(changed, parties)
            except InvalidInput as error:
                raise InvalidInput(f"{label}: the terms would break a rule: {error}", field="proposal") from None
            scenarios.append(Scenario(label, tuple(p.id for p in combination), changed))
        sharing = {s.party_id for scenario in scenarios for s in scenario.sheet.risk_share.shares}
        named = tuple((sig.party.id, sig.party.short_name or sig.party.name) for sig in found.signatories
                      if sig.party.id in sharing)
        candidates = tuple(Candidate(p.id, scenario_label([p], parties), moves_money(p)) for p in open_terms)
        return Scenarios(found.saved_id, found.title, budget_of(sheet), named, tuple(scenarios), candidates,
                         tuple(parties))
