"""Which actions can act, and what they are called, for what the window has open. An agreement's
editing actions follow its stage: direct edits while drafting, proposals under negotiation, nothing
once agreed or signed, each disabled action saying why in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from negotiator.domain.lifecycle import Stage
from negotiator.ui.common.actions import ACTIONS
from negotiator.ui.controllers.host import WindowHost

_SPECS = {spec.id: spec for spec in ACTIONS}
SECTION_EDITS = ("edit_section", "remove_section", "move_up", "move_down", "indent", "outdent", "repin")
# Under negotiation these become proposals: (text, tip).
PROPOSED = {
    "agreement.edit_section": ("Propose New &Wording…", "Propose new wording for the selected section in the name "
                               "of the party you act for (the agreement is under negotiation)"),
    "agreement.remove_section": ("Propose &Removing Section…", "Propose taking the selected section out of the "
                                 "agreement"),
    "agreement.move_up": ("Propose Moving Section &Up…", "Propose moving the selected section above the one before "
                          "it"),
    "agreement.move_down": ("Propose Moving Section &Down…", "Propose moving the selected section below the one "
                            "after it"),
    "agreement.add_clause": ("Propose &Library Clause…", "Propose the clause shown in the clause view as a new "
                             "section after the selected one"),
}
# Under negotiation no proposal can say these: why, in the tooltip of the disabled action.
NOT_PROPOSABLE = {
    "agreement.indent": "Not while under negotiation: no proposal can change a section's level. Propose a move or "
                        "new wording instead.",
    "agreement.outdent": "Not while under negotiation: no proposal can change a section's level. Propose a move or "
                         "new wording instead.",
    "agreement.repin": "Not while under negotiation: re-pinning changes the wording directly. Propose the newer "
                       "library wording with Propose New Wording instead.",
}
# Once agreed or signed, nothing in the agreement changes: these are disabled too.
FROZEN = (*PROPOSED, *NOT_PROPOSABLE, "agreement.rename", "negotiation.propose", "negotiation.round",
          "negotiation.accept", "negotiation.reject", "negotiation.withdraw", "negotiation.counter")


def _tr(text: str) -> str:
    return QCoreApplication.translate("StageActions", text)


def stage_note(stage: Stage, title: str) -> str:
    """One line saying what the stage means for changing the agreement."""
    return {Stage.DRAFTING: _tr("Drafting: edits are made directly, each recorded under the party you act for."),
            Stage.IN_NEGOTIATION: _tr("In negotiation: changes are proposed, and made when accepted."),
            Stage.AGREED: _tr("Agreed: frozen. Nothing changes unless its status is set back to in negotiation."),
            Stage.SIGNED: _tr("Signed: frozen.")}[stage]


def frozen_tip(stage: Stage, title: str) -> str:
    """Why nothing in an agreed or signed agreement can be changed."""
    return _tr("'%1' is %2, so it is frozen: set its status back to in negotiation to change it.") \
        .replace("%1", title).replace("%2", stage.label.lower())


def terms_mode(stage: Stage, title: str) -> tuple[str, str]:
    """What the terms editor's Apply does at this stage, and why not when it cannot."""
    if stage is Stage.DRAFTING:
        return "apply", ""
    if stage is Stage.IN_NEGOTIATION:
        return "propose", ""
    return "frozen", frozen_tip(stage, title)


def _look(action: QAction, text: str, tip: str) -> None:
    action.setText(_tr(text))
    action.setToolTip(_tr(tip))
    action.setStatusTip(_tr(tip))


def apply_stage(actions: dict[str, QAction], stage: Stage | None, title: str) -> set[str]:
    """Name the editing actions for the stage (as the table names them while drafting, or with nothing
    open); returns the actions the stage rules out, their tooltips saying why."""
    for action_id in (*PROPOSED, *NOT_PROPOSABLE, *FROZEN):
        spec = _SPECS[action_id]
        _look(actions[action_id], spec.text, spec.tip)
    if stage is Stage.IN_NEGOTIATION:
        for action_id, (text, tip) in PROPOSED.items():
            _look(actions[action_id], text, tip)
        for action_id, why in NOT_PROPOSABLE.items():
            _look(actions[action_id], _SPECS[action_id].text, why)
        return set(NOT_PROPOSABLE)
    if stage in (Stage.AGREED, Stage.SIGNED):
        why = frozen_tip(stage, title)
        for action_id in FROZEN:
            _look(actions[action_id], _SPECS[action_id].text, why)
        return set(FROZEN)
    return set()


def update_actions(window: WindowHost) -> None:
    """Enable each action only where it can act."""
    actions, workspace, agreements = window.actions_by_id, window.workspace, window.agreements
    clause = window.clause_view.clause if window.service is not None else None  # what the clause actions act on
    has_clause = clause is not None
    numbers = window.clause_view.selected_numbers() if has_clause else []
    actions["file.import"].setEnabled(window.service is not None)
    actions["clause.revise"].setEnabled(clause is not None and not clause.retired)
    actions["clause.restore"].setEnabled(clause is not None and len(numbers) == 1
                                         and numbers[0] != clause.latest_number)
    actions["clause.compare"].setEnabled(has_clause and len(numbers) == 1 and numbers[0] > 1)
    has_agreement = workspace is not None and agreements.current is not None
    title = agreements.view.agreement.title if has_agreement and agreements.view.agreement else ""
    ruled_out = apply_stage(actions, agreements.stage if has_agreement else None, title)
    section = workspace is not None and agreements.view.current_section() is not None
    for name in SECTION_EDITS:
        actions[f"agreement.{name}"].setEnabled(section)
    actions["agreement.add_clause"].setEnabled(has_agreement and has_clause)
    for name in ("agreement.rename", "agreement.status", "view.terms", "file.export", "file.close",
                 "file.import_redline", "file.export_package", "negotiation.propose", "negotiation.round",
                 "negotiation.positions", "negotiation.export_positions", "negotiation.compare",
                 "negotiation.accept", "negotiation.reject", "negotiation.withdraw", "negotiation.counter",
                 "file.print", "file.export_pdf", "edit.find_in_agreement", "edit.find_next", "edit.find_previous",
                 "view.review", "negotiation.next_change", "negotiation.previous_change"):
        actions[name].setEnabled(has_agreement)
    for name in ("file.import_package", "file.fingerprints", "file.restore_backup", "agreement.new", "agreement.check",
                 "agreement.money_map", "negotiation.act_for", "history.check_document"):
        actions[name].setEnabled(workspace is not None)
    for action_id in ruled_out:
        actions[action_id].setEnabled(False)
    retire = actions["clause.retire"]
    retire.setEnabled(has_clause)
    retire.setText(_tr("Rein&state Clause") if clause is not None and clause.retired else _tr("Re&tire Clause"))
