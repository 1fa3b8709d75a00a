"""Convergence (#14, item 1): three parties' libraries, each acting for its own party, propose, decide and
exchange packages in any order, with repeats and stale packages; once everyone has imported everyone's
latest package, every library holds the same agreement: outline, terms, proposals and where each stands,
and rounds. A property test: Hypothesis chooses the steps."""

from __future__ import annotations

import contextlib
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from negotiator.domain.errors import InvalidInput
from negotiator.services.demo_titles import ALLIANCE
from negotiator.services.session import Workspace, open_workspace
from tests.agreement_state import state
from tests.library_backends import behind_the_apps_back, copy_library, library_template

PARTIES = ("NHS Northshire Integrated Care Board", "Northshire Primary Care Federation", "Hope Street Wellbeing")
EXAMPLES = {"sqlite": 20, "postgresql": 4}
_uids = count()


def _machine(request: pytest.FixtureRequest, tmp_path: Path) -> type[RuleBasedStateMachine]:
    def laptop(template: str) -> Workspace:
        location = copy_library(library_template(request, template), request, tmp_path)
        behind_the_apps_back(location, "UPDATE library_info SET value = :uid WHERE key = 'uid'",
                             uid=f"uid-{next(_uids)}")
        return open_workspace(location, "convergence")

    class Negotiation(RuleBasedStateMachine):
        """Three laptops; the ICB's starts with the demo negotiation and sends it to the GP Federation;
        Hope Street joins late, when its first package arrives (from anyone, the agreement as it stands)."""

        def __init__(self) -> None:
            super().__init__()
            self.libraries = [laptop("demo"), laptop("starter"), laptop("starter")]
            self.sent: list[list[Path]] = [[], [], []]
            self.files = count()
            self.drafts = 0  # the demo negotiation has issued Draft 1 and Draft 2
            self.joined = [True, False, False]  # Hope Street joins late: its first package is any party's
            self.receive(0, 1)

        def package(self, sender: int) -> Path:
            path = tmp_path / f"p{next(_uids)}-{next(self.files)}.negotiation"
            self.libraries[sender].packages.export(ALLIANCE, PARTIES[sender], path)
            self.sent[sender].append(path)
            return path

        def receive(self, sender: int, receiver: int, path: Path | None = None) -> bool:
            if not self.joined[sender]:
                return False  # it has no negotiation to send yet
            summary = self.libraries[receiver].packages.import_file(path or self.package(sender))
            self.joined[receiver] = True
            return summary.changed_anything

        def sections(self, lib: int) -> list:
            ws = self.libraries[lib]
            return [n.section for n in ws.outline.outline(ws.agreements.agreement(ALLIANCE).id)]

        @rule(lib=st.integers(0, 2), pick=st.integers(0, 200),
              word=st.sampled_from(["promptly", "jointly", "annually"]))
        def propose_wording(self, lib: int, pick: int, word: str) -> None:
            if not self.joined[lib]:
                return  # a party that has not joined yet has no agreement to act on
            section = self.sections(lib)[pick % len(self.sections(lib))]
            self._try(lambda: self.libraries[lib].negotiation.propose_wording(
                ALLIANCE, section.id, f"{section.text} The parties act {word}.", PARTIES[lib], "Clarity"))

        @rule(lib=st.integers(0, 2), days=st.integers(10, 60))
        def propose_payment_days(self, lib: int, days: int) -> None:
            if self.joined[lib]:
                self._try(lambda: self.libraries[lib].negotiation.propose_term(
                    ALLIANCE, "payment.days", str(days), PARTIES[lib], "Cash flow"))

        @rule(lib=st.integers(0, 2), pick=st.integers(0, 200), number=st.integers(1, 99))
        def propose_new_section(self, lib: int, pick: int, number: int) -> None:
            if not self.joined[lib]:
                return  # a party that has not joined yet has no agreement to act on
            after = self.sections(lib)[pick % len(self.sections(lib))]
            self._try(lambda: self.libraries[lib].negotiation.propose_new_section(
                ALLIANCE, f"Schedule {number}", f"Schedule {number} applies.", after.id, PARTIES[lib], "Scope"))

        @rule(lib=st.integers(0, 2), pick=st.integers(0, 200))
        def propose_removal(self, lib: int, pick: int) -> None:
            if not self.joined[lib]:
                return  # a party that has not joined yet has no agreement to act on
            section = self.sections(lib)[pick % len(self.sections(lib))]
            self._try(lambda: self.libraries[lib].negotiation.propose_removal(ALLIANCE, section.id, PARTIES[lib],
                                                                              "Not needed"))

        @rule(lib=st.integers(0, 2), pick=st.integers(0, 200), after=st.integers(-1, 200))
        def propose_move(self, lib: int, pick: int, after: int) -> None:
            if not self.joined[lib]:
                return  # a party that has not joined yet has no agreement to act on
            sections = self.sections(lib)
            anchor = None if after < 0 else sections[after % len(sections)].id
            self._try(lambda: self.libraries[lib].negotiation.propose_move(
                ALLIANCE, sections[pick % len(sections)].id, anchor, PARTIES[lib], "Order"))

        @rule(lib=st.integers(0, 2), pick=st.integers(0, 200),
              decision=st.sampled_from(["accept", "accept", "reject", "withdraw"]))
        def decide(self, lib: int, pick: int, decision: str) -> None:
            ws = self.libraries[lib]
            if not self.joined[lib]:
                return
            open_ones = [v.proposal for v in ws.negotiation.proposals(ALLIANCE) if v.proposal.is_open]
            if open_ones:
                chosen = open_ones[pick % len(open_ones)]
                self._try(lambda: ws.negotiation.decide(chosen.id, decision, PARTIES[lib]))

        @rule()
        def issue_round(self) -> None:
            """The ICB, which leads the negotiation, issues the next draft."""
            self.drafts += 1
            self.libraries[0].rounds.issue_round(ALLIANCE, f"Draft {self.drafts + 2}", PARTIES[0])

        @rule(sender=st.integers(0, 2), receiver=st.integers(0, 2))
        def send(self, sender: int, receiver: int) -> None:
            if sender != receiver:
                self.receive(sender, receiver)

        @rule(sender=st.integers(0, 2), receiver=st.integers(0, 2), which=st.integers(0, 50))
        def send_again(self, sender: int, receiver: int, which: int) -> None:
            """An old package, imported (again, or late)."""
            if sender != receiver and self.sent[sender]:
                self.receive(sender, receiver, self.sent[sender][which % len(self.sent[sender])])

        @staticmethod
        def _try(step: object) -> None:
            # Refused as it would be in the app (a stale proposal, a removed section): nothing changed.
            with contextlib.suppress(InvalidInput):
                step()

        def teardown(self) -> None:
            try:
                for _ in range(4):  # everyone imports everyone's latest package, until nothing changes
                    changed = [self.receive(s, r) for s in range(3) for r in range(3) if s != r]
                    if not any(changed):
                        break
                states = [state(ws, ALLIANCE) for ws in self.libraries]
                assert states[0] == states[1] == states[2], _difference(states)
                for ws in self.libraries:
                    assert ws.record.verify().problems == ()
            finally:
                for ws in self.libraries:
                    ws.close()

    return Negotiation


def _difference(states: list[dict]) -> str:
    lines = []
    for key in states[0]:
        if not states[0][key] == states[1][key] == states[2][key]:
            lines.append(f"{key} differs: " + " | ".join(repr(s[key])[:600] for s in states))
    return "\n".join(lines)


def test_every_library_ends_with_the_same_agreement(backend: str, request: pytest.FixtureRequest,
                                                     tmp_path: Path) -> None:
    run_state_machine_as_test(_machine(request, tmp_path), settings=settings(
        max_examples=EXAMPLES[backend], stateful_step_count=25, deadline=None, database=None,
        suppress_health_check=list(HealthCheck)))
