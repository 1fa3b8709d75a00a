"""Carries out the negotiation in the window: proposing, deciding and countering in the acting
party's name, issuing rounds, and the positions and comparison views; each step undoable."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMainWindow

from negotiator.domain.errors import InvalidInput
from negotiator.domain.term_fields import terms_as_dict
from negotiator.ui.commands import LibraryEdit
from negotiator.ui.errors import show_error
from negotiator.ui.proposals_panel import ProposalsPanel
from negotiator.ui.propose_dialog import ProposeDialog

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted
    from negotiator.services.negotiation import Reversal
    from negotiator.services.session import Workspace


class NegotiationController(QObject):
    """Owns the proposals panel and acts for the window's acting party."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = ProposalsPanel()
        self.target: str | None = None  # "section:ID" or a term name; None for the whole agreement
        self.panel.decision_requested.connect(self.decide)
        self.panel.counter_requested.connect(lambda pid: self.counter(pid))
        self.panel.compare_requested.connect(lambda pid: self.window.views.compare_proposal(pid))
        self.panel.propose_requested.connect(lambda: self.propose())
        self.panel.scope_changed.connect(self.reload)

    @property
    def workspace(self) -> Workspace | None:
        """The window's open library."""
        return self.window.workspace

    @property
    def agreement(self) -> int | None:
        """The agreement open in the agreement view."""
        return self.window.agreements.current

    def set_target(self, target: str | None) -> None:
        """Show the proposals on one section or term."""
        self.target = target
        self.reload()

    def reload(self) -> None:
        """Re-read the proposals of the open agreement."""
        ws, agreement = self.workspace, self.agreement
        if ws is None or agreement is None:
            self.panel.set_proposals([], [], self.tr("Open an agreement to see its proposals."))
            return
        views = ws.negotiation.proposals(agreement)
        party_ids = list(ws.agreements.parties_of(ws.agreements.agreement(agreement)))
        if self.target and not self.panel.all.isChecked():
            views = [v for v in views if v.proposal.target == self.target]
            caption = self.tr("Proposals on %1").replace("%1", self._target_label(self.target))
        else:
            caption = self.tr("All proposals on this agreement")
        open_count = sum(v.proposal.is_open for v in views)
        self.panel.set_proposals(views, party_ids, f"{caption}: {open_count} open of {len(views)}.")

    def _target_label(self, target: str) -> str:
        if target.startswith("section:"):
            section = self.workspace.outline.section(int(target.split(":")[1]))
            return section.heading
        return target

    # Acting in the party's name ------------------------------------------------------------

    def _acting(self) -> str | None:
        party = self.window.acting_party
        if party:
            return party
        show_error(self.window, self.tr("Nothing was proposed or decided"),
                   InvalidInput("Choose the party you act for first: Negotiation → Act For…"))
        return None

    def propose(self, values: dict | None = None) -> None:
        """Propose a change for the acting party (asking what, when not given)."""
        ws, agreement, party = self.workspace, self.agreement, self._acting()
        if ws is None or agreement is None or party is None:
            return
        section_id = self.window.agreements.view.current_section()
        if values is None:
            section = ws.outline.section(section_id) if section_id else None
            found = ws.agreements.agreement(agreement)
            terms = ws.agreements.terms(agreement)
            current = terms_as_dict(terms, ws.agreements.parties_of(found))
            term = self.target if self.target and not self.target.startswith("section:") else None
            places = [(f"{n.number} {n.section.heading}", n.section.id) for n in ws.outline.outline(agreement)
                      if n.section.id != section_id]
            dialog = ProposeDialog(party, self.window, section=(section.heading, section.text) if section else None,
                                   terms=[(n, "" if v is None else str(v)) for n, v in current.items()], term=term,
                                   places=places)
            if dialog.exec() != ProposeDialog.DialogCode.Accepted:
                return
            values = dialog.values()
        n = ws.negotiation

        def make() -> int:
            kind = values["kind"]
            if kind == "wording":
                return n.propose_wording(agreement, section_id, values["wording"], party, values["rationale"]).id
            if kind == "term":
                return n.propose_term(agreement, values["term"], values["value"], party, values["rationale"]).id
            if kind == "remove":
                return n.propose_removal(agreement, section_id, party, values["rationale"]).id
            if kind == "move":
                return n.propose_move(agreement, section_id, values.get("after"), party, values["rationale"]).id
            return n.propose_new_section(agreement, values["heading"], values["wording"], section_id, party,
                                         values["rationale"]).id

        def build() -> LibraryEdit:
            made = [make()]
            return self._edit(self.tr("Propose change"), lambda: n.decide(made[0], "withdraw", party),
                              lambda: n.undo_decision(_reopen(made[0]), party))
        self._run(self.tr("The proposal was not made"), build)

    def decide(self, proposal_id: int, decision: str) -> None:
        """Accept, reject or withdraw a proposal as the acting party."""
        ws, party = self.workspace, self._acting()
        if ws is None or party is None:
            return
        n = ws.negotiation
        state: dict = {}

        def run() -> None:
            state["reversal"] = n.decide_undoably(proposal_id, decision, party)[1]

        def build() -> LibraryEdit:
            run()
            name = {"accept": "Accept proposal", "reject": "Reject proposal", "withdraw": "Withdraw proposal"}
            return self._edit(self.tr(name[decision]), lambda: n.undo_decision(state["reversal"], party), run)
        self._run(self.tr("The proposal was not decided"), build)

    def counter(self, proposal_id: int, proposed: str | None = None, rationale: str | None = None) -> None:
        """Answer a proposal with another wording or value in the acting party's name."""
        ws, party = self.workspace, self._acting()
        if ws is None or party is None:
            return
        original = ws.negotiation.proposal(proposal_id)
        if proposed is None:
            dialog = ProposeDialog(party, self.window, section=("the section", original.proposed)
                                   if original.kind.value == "wording" else None,
                                   terms=[(original.target, original.proposed)] if original.kind.value == "term"
                                   else None, term=original.target if original.kind.value == "term" else None)
            dialog.setWindowTitle(self.tr("Counter Proposal %1").replace("%1", str(proposal_id)))
            if dialog.exec() != ProposeDialog.DialogCode.Accepted:
                return
            values = dialog.values()
            proposed = values["value"] if original.kind.value == "term" else values["wording"]
            rationale = values["rationale"]
        n = ws.negotiation

        def build() -> LibraryEdit:
            made = n.counter(proposal_id, party, proposed, rationale or "")

            def undo() -> None:
                n.decide(made.id, "withdraw", party)
                n.undo_decision(_reopen(proposal_id), party)
            return self._edit(self.tr("Counter proposal"), undo,
                              lambda: n.counter(proposal_id, party, proposed, rationale or ""))
        self._run(self.tr("The counter-proposal was not made"), build)

    def issue_round(self, label: str | None = None) -> None:
        """Freeze the open agreement as a round ("Draft 3"); undo withdraws the round."""
        ws, agreement = self.workspace, self.agreement
        if ws is None or agreement is None:
            return
        if label is None:
            count = len(ws.rounds.rounds(agreement))
            label, ok = QInputDialog.getText(self.window, self.tr("Issue Round"),
                                             self.tr("Label for the draft being issued:"),
                                             text=self.tr("Draft %1").replace("%1", str(count + 1)))
            if not ok:
                return
        issuer = self.window.acting_party or None
        state: dict = {}

        def build() -> LibraryEdit:
            state["round"] = ws.rounds.issue_round(agreement, label, issuer).id
            return self._edit(self.tr("Issue round"), lambda: ws.rounds.withdraw_round(state["round"]),
                              lambda: ws.rounds.withdraw_round(state["round"], withdrawn=False))
        self._run(self.tr("The round was not issued"), build)
        if "round" in state:
            self.window.statusBar().showMessage(self.tr("Issued %1").replace("%1", label))

    # Plumbing ------------------------------------------------------------------------------

    def _edit(self, name: str, undo: Callable[[], object], redo: Callable[[], object]) -> LibraryEdit:
        return LibraryEdit(name, "", undo, redo, lambda _key: self.window.refresh_negotiation(), self.window.report)

    def _run(self, failure: str, make: Callable[[], LibraryEdit]) -> None:
        try:
            command = make()
        except Exception as error:
            show_error(self.window, failure, error)
            return
        self.window.undo_stack.push(command)
        self.window.refresh_negotiation()


def _reopen(proposal_id: int) -> Reversal:
    """What reopening a proposal (with nothing else to revert) needs."""
    from negotiator.services.negotiation import Reversal

    return Reversal(proposal_id, ())



