"""Carries out the user's edits to agreements: outline changes and terms, each one undoable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from negotiator.domain.agreement import Agreement
from negotiator.domain.agreements import AgreementStatus
from negotiator.domain.lifecycle import Stage
from negotiator.domain.terms import TermsSheet
from negotiator.ui.common.background import Job, run_with_progress
from negotiator.ui.common.commands import LibraryEdit
from negotiator.ui.common.errors import show_error
from negotiator.ui.controllers.host import WindowHost
from negotiator.ui.controllers.outline_proposals import OutlineProposals
from negotiator.ui.controllers.stage_actions import stage_note, terms_mode
from negotiator.ui.panels.agreement_view import AgreementView
from negotiator.ui.panels.agreements_panel import AgreementsPanel
from negotiator.ui.panels.findings_panel import FindingsPanel

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted, the dialogs when first opened
    from negotiator.domain.outline import NumberedSection
    from negotiator.domain.parties import Party
    from negotiator.services.session import Workspace
    from negotiator.ui.dialogs.propose_dialog import ProposeDialog
    from negotiator.ui.dialogs.repin_dialog import RepinDialog

# From this many sections an agreement opens in the background (about 0.15 s of loading and up);
# smaller ones open faster than a progress dialog could appear.
BIG_AGREEMENT = 400


@dataclass(frozen=True)
class _Loaded:
    """Everything the agreement view shows, read in one go (in any thread: no widgets here)."""

    agreement: Agreement
    parent_title: str | None
    sections: list[tuple[NumberedSection, str]]
    parties: dict[int, Party]
    terms: TermsSheet
    stage: Stage
    sources: dict[str, str]  # the title of each library clause a section came from, by key


def _load(ws: Workspace, agreement_id: int) -> _Loaded:
    agreement = ws.agreements.agreement(agreement_id)
    parent = ws.agreements.agreement(agreement.parent_id).title if agreement.parent_id else None
    sections = ws.outline.rendered(agreement.saved_id)
    sources = ws.clauses.titles({n.section.clause_key for n, _ in sections if n.section.clause_key})
    return _Loaded(agreement, parent, sections, ws.agreements.parties_of(agreement),
                   ws.agreements.terms(agreement.saved_id), ws.agreements.stage(agreement.saved_id), sources)


class AgreementController(QObject):
    """Owns the agreements panel, the agreement view and the findings panel of a window."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.view = AgreementView()
        self.panel = AgreementsPanel()
        self.findings = FindingsPanel()
        self.current: int | None = None
        self.loading: int | None = None  # a big agreement being opened in the background
        self.stage: Stage | None = None  # where the open agreement is in its life
        self.proposals = OutlineProposals(window)  # its edits, once they must be proposed
        self._pending_selection: int | None = None  # the section to select once an edit is made
        self.panel.agreement_chosen.connect(self.open_agreement)
        self.findings.agreement_chosen.connect(self.panel.select)

    @property
    def workspace(self) -> Workspace | None:
        """The window's open library."""
        return self.window.workspace

    def reload(self) -> None:
        """Re-read agreements, findings and the open agreement after anything changed."""
        ws = self.workspace
        if ws is None:
            self.panel.set_agreements([])
            self.findings.set_findings([])
            self.view.show_agreement(None, None, [])
            self.current = self.stage = None
            return
        agreements = ws.agreements.agreements()
        if self.current not in {a.id for a in agreements}:
            self.current = None
        self.panel.set_agreements(agreements, self.current)
        self.findings.set_findings(ws.agreements.check())
        self._show_current()

    def open_agreement(self, agreement_id: int) -> Job | None:
        """Show an agreement in the agreement view; a big one loads in the background behind a
        progress dialog whose Cancel keeps the agreement that was open."""
        ws = self.workspace
        if ws is None or agreement_id == self.loading:
            return None
        if ws.outline.size(agreement_id) < BIG_AGREEMENT:
            self.loading = None  # a big one still loading is no longer wanted
            self.current = agreement_id
            self._show_current()
            self.window.agreement_opened()
            return None
        self.loading = agreement_id
        title = ws.agreements.agreement(agreement_id).title
        return run_with_progress(self.window, self.tr("Opening %1…").replace("%1", title),
                                 lambda _cancelled: _load(ws, agreement_id),
                                 lambda loaded: self._opened(ws, agreement_id, loaded),
                                 self._not_opened,
                                 self._cancelled_opening)

    def _opened(self, ws: Workspace, agreement_id: int, loaded: _Loaded) -> None:
        if self.workspace is not ws or self.loading != agreement_id:
            return  # the library was closed, or the user opened another agreement meanwhile
        self.loading = None
        self.current = agreement_id
        self._present(loaded)
        self.window.agreement_opened()

    def _not_opened(self, error: BaseException) -> None:
        self.loading = None
        show_error(self.window, self.tr("The agreement was not opened"), error)
        self.panel.mark_open(self.current)  # back to what is open

    def _cancelled_opening(self) -> None:
        """The user cancelled opening a big agreement: keep the one that was open, selected."""
        self.loading = None
        self.panel.mark_open(self.current)

    def _show_current(self) -> None:
        ws = self.workspace
        if ws is None or self.current is None:
            self.view.show_agreement(None, None, [])
            self.stage = None
            return
        self._present(_load(ws, self.current))

    def _present(self, loaded: _Loaded) -> None:
        agreement = loaded.agreement
        same = self.view.agreement is not None and self.view.agreement.id == agreement.id
        self.stage = loaded.stage
        self.view.show_agreement(agreement, loaded.parent_title, loaded.sections, loaded.sources)
        self.view.show_stage(stage_note(loaded.stage, agreement.title))
        if not (same and self.view.terms_editor.has_unapplied_edits()):  # never throw away the user's typing
            self.view.show_terms(agreement, loaded.parties, loaded.terms)
        self.view.terms_editor.set_mode(*terms_mode(loaded.stage, agreement.title))
        self.window.update_actions()

    # Outline edits: made directly while drafting, proposed once under negotiation -----------------

    @property
    def negotiating(self) -> bool:
        """Whether the open agreement is under negotiation, so that its edits are proposed."""
        return self.stage is Stage.IN_NEGOTIATION

    def _acting(self, failure: str) -> bool:
        """Whether a party is chosen to act for (if not, the user is told how to choose one)."""
        return self.window.acting_or_ask(self.tr(failure)) is not None

    def add_library_clause(self, key: str | None = None) -> ProposeDialog | None:
        """Add the library clause shown in the clause view after the selected section (under negotiation:
        propose it as a new section there)."""
        ws, clause = self.workspace, self.window.clause_view.clause
        key = key or (clause.key if clause else None)
        if ws is None or self.current is None or key is None or not self._acting("The clause was not added"):
            return None
        if self.negotiating:
            return self.proposals.library_clause(key)
        agreement, after = self.current, self.view.current_section()

        def add() -> LibraryEdit:
            section = ws.outline.add_from_library(agreement, key, after)
            self._pending_selection = section.id
            return self._edit("Add section", lambda: ws.outline.remove(section.id),
                              lambda: ws.outline.remove(section.id, removed=False))
        self._run("The clause was not added", add)
        return None

    def edit_section(self, text: str | None = None, note: str = "") -> ProposeDialog | None:
        """New wording for the selected section (asking for it when not given); under negotiation, the
        Propose dialog with that wording (or the current one) to propose it."""
        ws, section_id = self.workspace, self.view.current_section()
        if ws is None or section_id is None or not self._acting("The section was not changed"):
            return None
        if self.negotiating:
            return self.proposals.wording(section_id, text)
        section = ws.outline.section(section_id)
        if text is None:
            from negotiator.ui.dialogs.revise_dialog import WordingDialog

            dialog = WordingDialog(section.heading, section.text, self.window)
            if dialog.exec() != WordingDialog.DialogCode.Accepted:
                return None
            text, note = dialog.wording.toPlainText(), dialog.note.text()

        def edit() -> LibraryEdit:
            # The version the user edited: if another window or user changed it meanwhile, nothing is saved.
            made = ws.outline.edit(section_id, text, note=note, seen=section.version)
            return self._edit("Edit section wording", lambda: ws.outline.restore_version(section_id, section.version),
                              lambda: ws.outline.restore_version(section_id, made.version))
        self._run("The section was not changed", edit)
        return None

    def remove_section(self) -> ProposeDialog | None:
        """Take the selected section out of the outline (under negotiation: propose taking it out)."""
        ws, section_id = self.workspace, self.view.current_section()
        if ws is None or section_id is None or not self._acting("The section was not removed"):
            return None
        if self.negotiating:
            return self.proposals.removal()

        def remove() -> LibraryEdit:
            ws.outline.remove(section_id)
            return self._edit("Remove section", lambda: ws.outline.remove(section_id, removed=False),
                              lambda: ws.outline.remove(section_id))
        self._run("The section was not removed", remove)
        return None

    def move_up(self) -> ProposeDialog | None:
        """Move the selected section above the one before it (under negotiation: propose the move)."""
        return self._move(-1, "Move section up")

    def move_down(self) -> ProposeDialog | None:
        """Move the selected section below the one after it (under negotiation: propose the move)."""
        return self._move(1, "Move section down")

    def _move(self, delta: int, name: str) -> ProposeDialog | None:
        section_id = self.view.current_section()
        if self.negotiating:
            if section_id is not None and self._acting(f"{name} was not proposed"):
                return self.proposals.move(section_id, delta)
            return None
        self._restructure(name, lambda ws, sid: ws.outline.move(sid, delta))
        return None

    def indent(self) -> None:
        """Make the selected section a sub-section of the one above it."""
        self._restructure("Indent section", lambda ws, sid: ws.outline.indent(sid))

    def outdent(self) -> None:
        """Make the selected sub-section a section of the level above."""
        self._restructure("Outdent section", lambda ws, sid: ws.outline.outdent(sid))

    def _restructure(self, name: str, change: Callable[[Workspace, int], None]) -> None:
        ws, section_id = self.workspace, self.view.current_section()
        if ws is None or section_id is None or not self._acting(f"{name} was not possible"):
            return
        before = ws.outline.section(section_id)

        def run() -> LibraryEdit:
            change(ws, section_id)
            after = ws.outline.section(section_id)
            self._pending_selection = section_id
            return self._edit(name, lambda: ws.outline.place(section_id, before.parent_id, before.position),
                              lambda: ws.outline.place(section_id, after.parent_id, after.position))
        self._run(f"{name} was not possible", run)

    def repin_section(self) -> RepinDialog | None:
        """Show what re-pinning the selected section would change; re-pin if the user agrees."""
        ws, section_id = self.workspace, self.view.current_section()
        if ws is None or section_id is None or not self._acting("The section was not re-pinned"):
            return None
        try:
            preview = ws.outline.repin_preview(section_id)
        except Exception as error:
            show_error(self.window, self.tr("The section cannot be re-pinned"), error)
            return None
        from negotiator.ui.dialogs.repin_dialog import RepinDialog

        dialog = RepinDialog(preview, self.window)
        dialog.setObjectName("repinDialog")
        dialog.accepted.connect(lambda: self._repin(preview.section_id, preview.to_version))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _repin(self, section_id: int, to_version: int) -> None:
        ws = self.workspace
        if ws is None:  # the library was closed while the dialog was open
            return
        before = ws.outline.section(section_id)

        def repin() -> LibraryEdit:
            made = ws.outline.repin(section_id, to_version)
            return self._edit("Re-pin section", lambda: ws.outline.restore_version(section_id, before.version),
                              lambda: ws.outline.restore_version(section_id, made.version))
        self._run("The section was not re-pinned", repin)

    def rename_agreement(self) -> None:
        """Give the open agreement a new title."""
        ws = self.workspace
        if ws is None or self.current is None or not self._acting("The agreement was not renamed"):
            return
        old = ws.agreements.agreement(self.current).title
        title, ok = QInputDialog.getText(self.window, self.tr("Rename Agreement"), self.tr("Title:"), text=old)
        if not ok or not title.strip() or title.strip() == old:
            return
        agreement = self.current

        def rename() -> LibraryEdit:
            ws.agreements.update_agreement(agreement, title=title)
            return self._edit("Rename agreement", lambda: ws.agreements.update_agreement(agreement, title=old),
                              lambda: ws.agreements.update_agreement(agreement, title=title))
        self._run("The agreement was not renamed", rename)

    def new_agreement(self, values: dict[str, Any] | None = None) -> None:
        """Create an agreement (asking for its details when not given); undo removes it again."""
        ws = self.workspace
        if ws is None or not self._acting("The agreement was not created"):
            return
        if values is None:
            from negotiator.ui.dialogs.new_agreement_dialog import NewAgreementDialog

            dialog = NewAgreementDialog(ws.agreements.parties(), ws.agreements.agreements(), self.window)
            if dialog.exec() != NewAgreementDialog.DialogCode.Accepted:
                return
            values = dialog.values()
        made: list[int] = []

        def create() -> None:
            agreement = ws.agreements.create_agreement(**values)
            made[:] = [agreement.saved_id]
            self.current = agreement.saved_id

        def build() -> LibraryEdit:
            create()
            return self._edit("New agreement", lambda: ws.agreements.delete_new_agreement(made[0]), create)
        self._run("The agreement was not created", build)
        if made:
            self.open_agreement(made[0])

    def set_status(self, status: str | None = None) -> None:
        """Move the open agreement to another status (drafting, in negotiation, agreed, signed)."""
        ws = self.workspace
        if ws is None or self.current is None or not self._acting("The status was not changed"):
            return
        old = ws.agreements.agreement(self.current).status
        if status is None:
            labels = [s.label for s in AgreementStatus]
            label, ok = QInputDialog.getItem(self.window, self.tr("Agreement Status"), self.tr("Status:"), labels,
                                             labels.index(old.label), False)
            if not ok:
                return
            status = next(s.value for s in AgreementStatus if s.label == label)
        agreement = self.current

        def change() -> LibraryEdit:
            ws.agreements.update_agreement(agreement, status=status)
            return self._edit("Change status", lambda: ws.agreements.update_agreement(agreement, status=old),
                              lambda: ws.agreements.update_agreement(agreement, status=status))
        self._run("The status was not changed", change)

    # Terms ---------------------------------------------------------------------------------

    def apply_terms(self, sheet: TermsSheet) -> ProposeDialog | None:
        """Save the terms editor's sheet as a new version (undo restores the previous sheet); under
        negotiation, open the Propose dialog with the changed values instead."""
        ws = self.workspace
        if ws is None or self.current is None or not self._acting("The terms were not saved"):
            return None
        if self.negotiating:
            return self.proposals.terms(sheet)
        agreement = self.current
        before = ws.agreements.terms(agreement)

        def save() -> LibraryEdit:
            ws.agreements.save_terms(agreement, sheet, "Terms editor")
            self.view.terms_editor.mark_saved(sheet)
            return self._edit("Change terms", lambda: ws.agreements.save_terms(agreement, before, "Undo"),
                              lambda: ws.agreements.save_terms(agreement, sheet, "Redo"))
        self._run("The terms were not saved", save)
        return None

    # Plumbing ------------------------------------------------------------------------------

    def _edit(self, name: str, undo: Callable[[], object], redo: Callable[[], object]) -> LibraryEdit:
        return LibraryEdit(name, "", undo, redo, lambda _key: self._after_change(), self.window.report)

    def _run(self, failure: str, make: Callable[[], LibraryEdit]) -> None:
        self._pending_selection = None
        try:
            command = make()
        except Exception as error:
            show_error(self.window, self.tr(failure), error)
            return
        self.window.undo_stack.push(command)
        self._after_change()

    def _after_change(self) -> None:
        selection = self._pending_selection
        self.window.refresh_negotiation()  # every edit is in the record: the History panel shows it too
        if selection is not None:
            self.view.select_section(selection)
