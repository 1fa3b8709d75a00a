"""Carries out the negotiation in the window: proposing, deciding and countering in the acting
party's name, issuing rounds, and the positions and comparison views; each step undoable."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QWidget

from negotiator.domain.errors import InvalidInput
from negotiator.domain.proposals import Proposal, ProposalKind, encode_terms
from negotiator.domain.term_words import term_label
from negotiator.ui.common.commands import LibraryEdit
from negotiator.ui.common.errors import show_error
from negotiator.ui.controllers.host import WindowHost
from negotiator.ui.controllers.proposing import ask_to_replace, chip_words, propose_dialog, targets_of
from negotiator.ui.dialogs.proposal_outcome import Outcome
from negotiator.ui.panels.proposals_panel import ProposalsPanel

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted, the dialogs when first opened
    from negotiator.domain.parties import Party
    from negotiator.services.applying import Reversal
    from negotiator.services.session import Workspace
    from negotiator.ui.dialogs.propose_dialog import ProposeDialog
    from negotiator.ui.dialogs.reason_dialog import ReasonDialog


class NegotiationController(QObject):
    """Owns the proposals panel and acts for the window's acting party."""

    def __init__(self, window: WindowHost) -> None:
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
        parties = ws.agreements.parties_of(ws.agreements.agreement(agreement))
        party_ids = list(parties)
        places = ws.outline.places(agreement)
        if self.target and not self.panel.all.isChecked():
            views = [v for v in views if self.target in v.proposal.targets]  # a combined one shows on each term
            caption = self.tr("Proposals on %1").replace("%1", self._target_label(ws, agreement, self.target))
        else:
            caption = self.tr("All proposals on this agreement")
        open_count = sum(v.proposal.is_open for v in views)
        remarks = [r for r in ws.remarks.remarks(agreement)
                   if not self.target or self.panel.all.isChecked() or r.target == self.target]
        said = [self.tr("%1 on %2: \u201c%3\u201d").replace("%1", r.party_name).replace(
            "%2", self._target_label(ws, agreement, r.target)).replace("%3", r.text)
            + (self.tr(" (in reply to proposal %1)").replace("%1", str(r.answers)) if r.answers else "")
            for r in remarks]
        positions: dict[int, list[str]] = {}
        for taken in ws.remarks.positions(agreement):  # oldest first: the latest of each party's stands
            mine = [t for t in positions.get(taken.proposal_id, []) if not t.startswith(taken.party_name + " ")]
            positions[taken.proposal_id] = [*mine, f"{taken.party_name} {taken.word}"]
        self.panel.set_proposals(views, party_ids, f"{caption}: {open_count} open of {len(views)}.",
                                 {pid: "; ".join(words) for pid, words in positions.items()}, said, parties, places)

    @staticmethod
    def _parties(ws: Workspace, agreement: int) -> dict[int, Party]:
        """The agreement's parties, which name its terms."""
        return ws.agreements.parties_of(ws.agreements.agreement(agreement))

    @staticmethod
    def _target_label(ws: Workspace, agreement: int, target: str) -> str:
        """A section by its number and heading, a term by its name: as a reader says them."""
        if target.startswith("section:"):
            return ws.outline.places(agreement).get(target) or ws.outline.section(int(target.split(":")[1])).heading
        return term_label(target, ws.agreements.parties_of(ws.agreements.agreement(agreement)))

    # Acting in the party's name ------------------------------------------------------------

    def propose(self, values: dict[str, Any] | None = None, *, prefill: dict[str, Any] | None = None,
                replace: bool | None = None, made: Callable[[], None] | None = None) -> ProposeDialog | None:
        """Propose a change for the acting party: at once with ``values``, else in the Propose dialog
        (pre-filled with ``prefill``), which stays open while the services refuse what was typed. When the
        party's own open proposals on the same thing would be replaced, ``replace`` says whether to go
        ahead (None: ask). ``made`` is told once the proposal is made."""
        ws, agreement = self.workspace, self.agreement
        if ws is None or agreement is None:
            return None
        party = self.window.acting_or_ask(self.tr("Nothing was proposed"))
        if party is None:
            return None
        section_id = self.window.agreements.view.current_section()

        def submit(entered: dict[str, Any], parent: QWidget = self.window) -> Outcome:
            outcome = self._propose(ws, agreement, party, section_id, entered, replace, parent)
            if outcome is Outcome.MADE and made is not None:
                made()
            return outcome
        if values is not None:
            submit(values)
            return None
        term = self.target if self.target and not self.target.startswith("section:") else None
        dialog = propose_dialog(self.window, ws, agreement, party, section_id, term, lambda v: submit(v, dialog))
        if prefill:
            dialog.prefill(prefill)
        dialog.open()
        return dialog

    def _propose(self, ws: Workspace, agreement: int, party: str, section_id: int | None,
                 values: dict[str, Any], replace: bool | None, parent: QWidget) -> Outcome:
        """Make the proposal and push its undo step; a refusal is shown over ``parent``."""
        n, failure = ws.negotiation, self.tr("The proposal was not made")
        try:
            targets = targets_of(values, section_id)
            replaced = n.replaced_by(agreement, party, targets) if targets else []
        except Exception as error:
            _refuse(parent, failure, error)
            return Outcome.REFUSED
        if replaced and not (replace if replace is not None else ask_to_replace(parent, replaced,
                                                                                self._parties(ws, agreement))):
            return Outcome.CANCELLED

        def make() -> int:
            kind, why = values["kind"], values.get("rationale", "")
            if kind == "wording":
                return n.propose_wording(agreement, _chosen(section_id), values["wording"], party, why).id
            if kind == "term":
                return n.propose_term(agreement, values["term"], values["value"], party, why).id
            if kind in ("risk_share", "terms"):
                if not values.get("values"):
                    raise InvalidInput(self.tr("Nothing has changed: change at least one value to propose it."))
                return n.propose_terms(agreement, values["values"], party, why).id
            if kind == "remove":
                return n.propose_removal(agreement, _chosen(section_id), party, why).id
            if kind == "move":
                return n.propose_move(agreement, _chosen(section_id), values.get("after"), party, why).id
            return n.propose_new_section(agreement, values["heading"], values["wording"], section_id, party, why).id
        try:
            made = make()
        except Exception as error:
            _refuse(parent, failure, error)
            return Outcome.REFUSED
        # What undoing means (withdrawn, and the proposals it replaced standing again) is the service's rule.
        self.window.undo_stack.push(self._edit(self.tr("Propose change"), lambda: n.take_back(made, party),
                                               lambda: n.make_again(made, party)))
        self.window.refresh_negotiation()
        return Outcome.MADE

    def decide(self, proposal_id: int, decision: str, reason: str | None = None) -> ReasonDialog | None:
        """Accept, reject or withdraw a proposal as the acting party. Accepting and rejecting ask for an
        optional reason first (a dialog, returned) unless ``reason`` is given; it is kept in the record."""
        ws = self.workspace
        if ws is None:
            return None
        party = self.window.acting_or_ask(self.tr("The proposal was not decided"))
        if party is None:
            return None
        if reason is None and decision in ("accept", "reject"):
            from negotiator.ui.dialogs.reason_dialog import ReasonDialog

            dialog = ReasonDialog(party, decision, proposal_id, self.window)
            dialog.setObjectName("reasonDialog")
            dialog.accepted.connect(lambda: self.decide(proposal_id, decision, dialog.text()))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            return dialog
        n = ws.negotiation
        state: dict[str, Reversal] = {}

        def run() -> None:
            state["reversal"] = n.decide_undoably(proposal_id, decision, party, reason or "")[1]

        def build() -> LibraryEdit:
            run()
            name = {"accept": "Accept proposal", "reject": "Reject proposal", "withdraw": "Withdraw proposal"}
            return self._edit(self.tr(name[decision]), lambda: n.undo_decision(state["reversal"], party), run)
        self._run(self.tr("The proposal was not decided"), build)
        return None

    def counter(self, proposal_id: int, proposed: str | None = None, rationale: str | None = None,
                replace: bool | None = None) -> ProposeDialog | None:
        """Answer a proposal with another wording or value in the acting party's name (asking for it, in
        the Propose dialog, when not given)."""
        ws = self.workspace
        if ws is None:
            return None
        party = self.window.acting_or_ask(self.tr("The counter-proposal was not made"))
        if party is None:
            return None
        original = ws.negotiation.proposal(proposal_id)
        if original.kind not in (ProposalKind.WORDING, ProposalKind.TERM, ProposalKind.TERMS):
            show_error(self.window, self.tr("The counter-proposal was not made"), InvalidInput(self.tr(
                "Only proposals of new wording or new term values can be countered; propose your own change "
                "instead.")))
            return None
        if proposed is not None:
            self._counter(ws, original, party, proposed, rationale or "", replace, self.window)
            return None
        wording, terms = original.kind is ProposalKind.WORDING, original.kind is not ProposalKind.WORDING
        parties = self._parties(ws, original.agreement_id)
        from negotiator.ui.dialogs.propose_dialog import ProposeDialog

        dialog = ProposeDialog(party, self.window, section=(self.tr("the section"), original.proposed) if wording
                               else None, terms=list(original.term_values().items()) if terms else None,
                               term=original.target if original.kind is ProposalKind.TERM else None,
                               submit=lambda values: self._counter(ws, original, party, _countered(original, values),
                                                                   values["rationale"], replace, dialog),
                               words=chip_words(ws.agreements.terms(original.agreement_id), parties),
                               place=(ws.location, original.agreement_id, "counter", proposal_id))
        dialog.setObjectName("proposeDialog")
        dialog.setWindowTitle(self.tr("Counter Proposal %1").replace("%1", str(proposal_id)))
        if original.kind is ProposalKind.TERMS:
            dialog.prefill({"kind": "terms", "values": original.term_values()})
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _counter(self, ws: Workspace, original: Proposal, party: str, proposed: str, rationale: str,
                 replace: bool | None, parent: QWidget) -> Outcome:
        n, failure = ws.negotiation, self.tr("The counter-proposal was not made")
        try:
            replaced = [p for p in n.replaced_by(original.agreement_id, party, set(original.targets))
                        if p.id != original.id]
        except Exception as error:
            _refuse(parent, failure, error)
            return Outcome.REFUSED
        if replaced and not (replace if replace is not None else ask_to_replace(
                parent, replaced, self._parties(ws, original.agreement_id))):
            return Outcome.CANCELLED
        try:
            made = n.counter(original.id, party, proposed, rationale).id
        except Exception as error:
            _refuse(parent, failure, error)
            return Outcome.REFUSED
        # Undone, the answered proposal and any of the party's own it replaced stand open again.
        self.window.undo_stack.push(self._edit(self.tr("Counter proposal"), lambda: n.take_back(made, party),
                                               lambda: n.make_again(made, party)))
        self.window.refresh_negotiation()
        return Outcome.MADE

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
        issuer = self.window.acting_or_ask(self.tr("The round was not issued"))
        if issuer is None:
            return
        state: dict[str, int] = {}

        def build() -> LibraryEdit:
            state["round"] = ws.rounds.issue_round(agreement, label, issuer).id
            return self._edit(self.tr("Issue round"), lambda: ws.rounds.withdraw_round(state["round"]),
                              lambda: ws.rounds.withdraw_round(state["round"], withdrawn=False))
        self._run(self.tr("The round was not issued"), build)
        if "round" in state:
            self.window.statusBar().showMessage(self.tr("Issued %1").replace("%1", label))

    # Plumbing ------------------------------------------------------------------------------

    def _edit(self, name: str, undo: Callable[[], object], redo: Callable[[], object]) -> LibraryEdit:
        """An undo step for a negotiation step already taken."""
        return LibraryEdit(name, "", undo, redo, lambda _key: self.window.refresh_negotiation(),
                           self.window.report)

    def _run(self, failure: str, make: Callable[[], LibraryEdit]) -> None:
        try:
            command = make()
        except Exception as error:
            show_error(self.window, failure, error)
            return
        self.window.undo_stack.push(command)
        self.window.refresh_negotiation()


def _refuse(parent: QWidget, failure: str, error: BaseException) -> None:
    """Say why a proposal was refused: inside the Propose dialog when it was typed there (it stays open
    with what was typed), else in an error dialog over ``parent``."""
    from negotiator.ui.dialogs.propose_dialog import ProposeDialog

    if isinstance(parent, ProposeDialog):
        parent.refused(failure, error)
    else:
        show_error(parent, failure, error)


def _chosen(section_id: int | None) -> int:
    """The section a proposal on one section is about; refused, in words, when none is selected."""
    if section_id is None:
        raise InvalidInput(QCoreApplication.translate("NegotiationController",
                                                      "Select the section to propose the change on first."))
    return section_id


def _countered(original: Proposal, values: dict[str, Any]) -> str:
    """What the Propose dialog's values counter a proposal with: wording, a value, or several values."""
    if original.kind is ProposalKind.WORDING:
        return str(values["wording"])
    if original.kind is ProposalKind.TERMS:
        return encode_terms(values["values"])
    return str(values["value"])
