"""The views over a negotiation in the window: the positions matrix, the comparison tab and the history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QTableView, QWidget

from negotiator.domain.errors import InvalidInput
from negotiator.domain.term_words import term_label
from negotiator.ui.common.background import Job, run_with_progress
from negotiator.ui.common.colours import party_colour
from negotiator.ui.common.deferred import DeferredPage
from negotiator.ui.common.errors import show_error
from negotiator.ui.panels.compare_panel import ComparePanel
from negotiator.ui.panels.window_parts import parts_of

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted; the views when first seen
    from negotiator.domain.proposals import Proposal
    from negotiator.services.negotiation import ProposalView
    from negotiator.services.record import AnchorCheck
    from negotiator.services.session import Workspace
    from negotiator.ui.common.frozen_table import FrozenColumnTable
    from negotiator.ui.models.positions_model import PositionsModel
    from negotiator.ui.panels.history_panel import HistoryPanel


class NegotiationViews(QObject):
    """Keeps the positions matrix and the comparison in step with the open agreement and section."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.parts = parts_of(window)
        self._history_stale = True
        self.compare_panel = ComparePanel()  # made at once: its width is the least the documents' area keeps
        # Out of sight when the window opens: each is made (and filled) when the user first looks at it.
        self.positions_page = DeferredPage(self._build_positions, self.reload_positions)
        self.history_page = DeferredPage(self._build_history, self._history_made)

    @property
    def positions(self) -> FrozenColumnTable:
        """The positions matrix (made when first needed)."""
        return cast("FrozenColumnTable", self.positions_page.content())

    @property
    def positions_model(self) -> PositionsModel:
        """The positions matrix's model."""
        return cast("PositionsModel", self.positions.model())

    @property
    def history(self) -> HistoryPanel:
        """The History panel (made when first needed)."""
        return cast("HistoryPanel", self.history_page.content())

    def _build_positions(self) -> QWidget:
        from negotiator.ui.common.frozen_table import FrozenColumnTable
        from negotiator.ui.models.positions_model import PositionsModel

        table = FrozenColumnTable()  # the item's name stays in view while the parties scroll
        table.setModel(PositionsModel(table))
        table.setAccessibleName(self.tr("Positions matrix"))
        table.setToolTip(self.tr("Each party's position on each term and section under negotiation"))
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # Sized by the rows on screen (precision 0): measuring every cell would work out every wording change.
        table.horizontalHeader().setResizeContentsPrecision(0)
        table.selectionModel().currentChanged.connect(self._position_chosen)
        return table

    def _build_history(self) -> QWidget:
        from negotiator.ui.panels.history_panel import HistoryPanel

        return HistoryPanel()

    def reload(self) -> None:
        """Re-read the matrix, the texts to compare and the history."""
        self.reload_positions()
        self.reload_compare()
        self.reload_history()

    def reload_history(self) -> None:
        """Re-read the record of the open agreement, now if the History panel is on screen, else when it is
        next shown: an agreement drafted section by section has a record of hundreds of steps, and reading
        and checking it every time an agreement opens would hold up opening it."""
        page = self.history_page
        if not page.built or not page.isVisible() or page.visibleRegion().isEmpty():  # hidden, or behind a tab
            self._history_stale = True
            return
        self._read_history()

    def _history_made(self) -> None:
        """The History panel was made: read it now if it was made to be shown, else when first shown."""
        if self.history_page.isVisible():
            self._read_history()
        else:
            self._history_stale = True

    def _read_history(self) -> None:
        self._history_stale = False
        ws, agreement = self.parts.workspace, self.parts.agreements.current
        self.history.show_record(ws.record.of_agreement(agreement) if ws and agreement else None)

    def history_shown(self, visible: bool) -> None:
        """The History panel came on screen: bring it up to date if anything changed while it was hidden."""
        if visible and self._history_stale:
            self.reload_history()

    def reload_positions(self) -> None:
        """Re-read the positions matrix of the open agreement (once the matrix has been made)."""
        if not self.positions_page.built:  # it is filled when made
            return
        ws, agreement = self.parts.workspace, self.parts.agreements.current
        self.positions_model.set_positions(ws.matrix.positions(agreement) if ws and agreement else None)
        self.positions.resizeColumnsToContents()
        for column in range(self.positions_model.columnCount()):  # long wording is in the tooltip
            self.positions.setColumnWidth(column, min(self.positions.columnWidth(column), 240))

    def reload_compare(self) -> None:
        """Offer the selected section's texts for comparison."""
        ws, agreement = self.parts.workspace, self.parts.agreements.current
        section_id = self.parts.agreements.view.current_section()
        if ws is None or agreement is None or section_id is None:
            return
        parties = ws.agreements.parties_of(ws.agreements.agreement(agreement))
        party_ids = list(parties)
        current, wordings = ws.comparison.open_wordings(agreement, section_id)
        columns = [(party.name, party_colour(party.saved_id, party_ids), text) for party, text in wordings]
        heading = ws.outline.section(section_id).heading
        self.compare_panel.set_texts(self.tr("Comparing the wording of %1").replace("%1", heading),
                                     ws.comparison.texts(agreement, section_id), (self.tr("Current wording"), current),
                                     columns)

    def section_chosen(self, section_id: int | None) -> None:
        """The user selected a section in the outline: show its proposals and texts."""
        if section_id is not None:
            self.parts.negotiation.set_target(f"section:{section_id}")
            self.reload_compare()
        self.parts.update_actions()

    def _position_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        from negotiator.ui.models.positions_model import TARGET_ROLE

        target = current.siblingAtColumn(0).data(TARGET_ROLE) if current.isValid() else None
        if target is None:
            return
        if target.startswith("section:"):
            self.parts.agreements.view.select_section(int(target.split(":")[1]))
        self.parts.negotiation.set_target(target)

    def compare_proposal(self, proposal_id: int) -> None:
        """Show a proposal beside the current wording (and the other parties' proposals)."""
        ws = self.parts.workspace
        if ws is None:  # no library open: no proposal to show
            return
        proposal = ws.negotiation.proposal(proposal_id)
        view = next(v for v in ws.negotiation.proposals(proposal.agreement_id) if v.proposal.id == proposal_id)
        if view.stale and proposal.kind.value == "wording":
            self._show_stale(ws, view)
        elif proposal.section_id is not None:
            self.parts.agreements.view.select_section(proposal.section_id)
            self.reload_compare()
            if self.compare_panel.columns and proposal.is_open:
                self.compare_panel.show_columns()
            else:
                self.compare_panel.choose_label(f"Proposal {proposal_id} ")
        else:
            self._show_term(ws, proposal)
        self.parts.central.setCurrentWidget(self.compare_panel)

    def _show_term(self, ws: Workspace, proposal: Proposal) -> None:
        """The current value of a term beside every party's open proposal on it, in legal English."""
        agreement = proposal.agreement_id
        parties = ws.agreements.parties_of(ws.agreements.agreement(agreement))
        party_ids = list(parties)
        rivals = ws.negotiation.side_by_side(proposal.id)  # which proposals stand together is the service's rule
        columns = [(f"{p.party_name} proposes", party_colour(p.party_id, party_ids),
                    ws.comparison.render_value(agreement, p.target, p.proposed)) for p in rivals]
        current = ws.comparison.render_value(agreement, proposal.target, proposal.base)
        what = self.tr("the terms it changes") if proposal.target == "terms" else term_label(proposal.target, parties)
        self.compare_panel.caption.setText(self.tr("Comparing %1").replace("%1", what))
        self.compare_panel.view.set_columns(self.tr("Current value"), current, columns)

    def _show_stale(self, ws: Workspace, view: ProposalView) -> None:
        """Base, current and proposed wording side by side, and the proposal replayed on the current wording."""
        proposal = view.proposal
        party_ids = list(ws.agreements.parties_of(ws.agreements.agreement(proposal.agreement_id)))
        colour = party_colour(proposal.party_id, party_ids)
        columns = [(self.tr("Current wording"), "#57606a", view.current),
                   (f"{proposal.party_name} proposes", colour, proposal.proposed)]
        if view.rebased is not None:
            columns.append((self.tr("The proposal on the current wording"), colour, view.rebased))
            caption = self.tr("Proposal %1 was made on older wording; its change does not overlap later changes, "
                              "so accepting it applies it to the current wording.")
        else:
            caption = self.tr("Proposal %1 was made on older wording that has since changed in the same place: "
                              "ask its party to redo it.")
        self.compare_panel.caption.setText(caption.replace("%1", str(proposal.id)))
        self.compare_panel.view.set_columns(self.tr("Wording the proposal was made on"), proposal.base, columns)

    def show_compare(self) -> None:
        """Bring the comparison of the selected section to the front."""
        self.reload_compare()
        self.parts.central.setCurrentWidget(self.compare_panel)

    def check_document(self, path: Path | None = None) -> Job | None:
        """History → Check a Document Against the Record: whether a Word export or a negotiation package
        sent earlier still matches the record (asking for the file when not given). Read in the background:
        a big document or record never freezes the window."""
        ws = self.parts.workspace
        if ws is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Check a Document Against the Record"), "",
                self.tr("Word exports and negotiation packages (*.docx *.negotiation);;All files (*)"))
            if not chosen:
                return None
            path = Path(chosen)
        record = ws.record
        return run_with_progress(self.window, self.tr("Checking %1 against the record…").replace("%1", path.name),
                                 lambda _cancelled: record.check_against(path), self._checked,
                                 lambda error: show_error(self.window, self.tr("The document was not checked"), error))

    def _checked(self, check: AnchorCheck) -> None:
        """Say what the check found: information when the record holds, a warning when it does not."""
        icon = QMessageBox.Icon.Information if check.holds else QMessageBox.Icon.Warning
        box = QMessageBox(icon, self.tr("Check Against the Record"), check.message, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("recordCheckDialog")
        box.finished.connect(box.deleteLater)
        box.open()

    def show_positions(self) -> None:
        """Bring the positions matrix to the front."""
        self.parts.show_agreement_tab()
        self.parts.agreements.view.tabs.setCurrentWidget(self.positions_page)

    def export_positions(self, path: Path | None = None) -> Path | None:
        """Negotiation → Export Positions…: the matrix, in words, to a CSV file for a spreadsheet or a Word
        document with the matrix as a table (asking where when no path is given)."""
        ws, agreement = self.parts.workspace, self.parts.agreements.current
        if ws is None or agreement is None:
            show_error(self.window, self.tr("The positions were not exported"),
                       InvalidInput(self.tr("Open an agreement first: the positions are an agreement's.")))
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export Positions"), "",
                self.tr("Spreadsheet (CSV) (*.csv);;Word document (*.docx)"))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            written = ws.matrix.export(agreement, path)
        except Exception as error:
            show_error(self.window, self.tr("The positions were not exported"), error)
            return None
        self.window.statusBar().showMessage(self.tr("Positions written to %1").replace("%1", str(written)), 8000)
        return written
