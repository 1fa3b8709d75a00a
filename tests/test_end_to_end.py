"""The whole negotiation, driven through the window as a user would: a new sub-contract from the
library, its terms (with undo and redo), proposals by one party, a counter-proposal by another, an
acceptance, a round, and a redline that LibreOffice reads back with each change under its party."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from negotiator.domain.parties import Role
from negotiator.services.demo_titles import PRIME
from negotiator.ui.dialogs.new_agreement_dialog import NewAgreementDialog
from negotiator.ui.dialogs.reason_dialog import ReasonDialog
from negotiator.ui.window.main_window import MainWindow
from tests.libreoffice import libreoffice_read, require_libreoffice

SUB = "MSK Sub-contract: GP Federation"


def test_a_negotiation_from_new_sub_contract_to_redline(qtbot, demo_path: Path, tmp_path: Path) -> None:
    require_libreoffice()
    window = MainWindow("Test Drafter")
    qtbot.addWidget(window)
    window.show()
    assert window.open_library(str(demo_path))
    ws = window.workspace

    # A new sub-contract under the MSK prime contract, between Meridian and the GP Federation, drafted by Meridian.
    window.set_acting_party("Meridian")
    dialog = NewAgreementDialog(ws.agreements.parties(), ws.agreements.agreements(), window)
    dialog.title.setText(SUB)
    dialog.kind.setCurrentIndex(dialog.kind.findData("sub_contract"))
    dialog.model.setCurrentIndex(dialog.model.findData("prime_contractor"))
    dialog.parent_agreement.setCurrentIndex(dialog.parent_agreement.findText(PRIME))
    dialog.set_role("Meridian MSK Partnership Ltd", Role.PRIME_CONTRACTOR)
    dialog.set_role("Northshire Primary Care Federation", Role.SUB_CONTRACTOR)
    window.agreements.new_agreement(dialog.values())
    assert window.agreements.view.agreement.title == SUB

    # Two clauses from the library.
    for key in ("subcontract.payment.invoicing", "subcontract.term"):
        window.library_panel.select_key(key, ws.clauses.clause(key).category)
        window.agreements.panel.select(ws.agreements.agreement(SUB).id)
        window.actions_by_id["agreement.add_clause"].trigger()
    assert [n.section.clause_key for n in ws.outline.outline(ws.agreements.agreement(SUB).id)] == [
        "subcontract.payment.invoicing", "subcontract.term"]

    # Its terms in the terms editor, then undo and redo.
    editor = window.agreements.view.terms_editor
    editor.days.setValue(30)
    editor.apply_button.click()
    assert ws.agreements.terms(SUB).payment.days == 30
    window.actions_by_id["edit.undo"].trigger()
    assert ws.agreements.terms(SUB).payment.days is None
    window.actions_by_id["edit.redo"].trigger()
    assert ws.agreements.terms(SUB).payment.days == 30
    window.set_acting_party("Meridian")
    window.negotiation.issue_round("Draft 1")

    # Meridian proposes; the GP Federation counters; Meridian accepts the counter.
    payment = ws.outline.outline(ws.agreements.agreement(SUB).id)[0].section
    window.agreements.view.select_section(payment.id)
    window.negotiation.propose({"kind": "wording", "wording": payment.text + " Invoices are sent by e-mail.",
                                "rationale": "Paper invoices get lost."})
    proposal = window.negotiation.panel.model.row_item(0).proposal
    assert proposal.party_name == "Meridian MSK Partnership Ltd"
    window.set_acting_party("GP Federation")
    window.negotiation.counter(proposal.id, payment.text + " Invoices are sent by e-mail to the named finance "
                               "contact.", "Name the contact so nothing is missed.")
    window.set_acting_party("Meridian")
    window.negotiation.panel.select(max(window.negotiation.panel.model.row_item(r).proposal.id
                                        for r in range(window.negotiation.panel.model.rowCount())))
    window.negotiation.panel.buttons["accept"].click()
    reason = window.findChild(ReasonDialog, "reasonDialog")  # Accept asks, optionally, why
    reason.reason.setText("E-mail to a named contact is what our finance team uses.")
    reason.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "named finance contact" in ws.outline.section(payment.id).text

    # The redline since Draft 1, written by the export dialog, read by LibreOffice.
    export = window.export_to_word()
    export.kind.setCurrentIndex(export.kind.findData("agreed"))
    export.round.setCurrentIndex(export.round.findData("Draft 1"))
    out = tmp_path / "sub-contract redline.docx"
    export.target.setText(str(out))
    export.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: export.written is not None, timeout=30_000)
    read = libreoffice_read(out)
    assert any("named finance contact" in text for text in read["accepted"])
    assert not any("named finance contact" in text for text in read["rejected"])
    assert "Northshire Primary Care Federation" in {r["author"] for r in read["redlines"]}
    assert {"author": "Northshire Primary Care Federation",  # the rationale, then who accepted it
            "content": "Name the contact so nothing is missed.\nAccepted by Meridian MSK Partnership Ltd: "
                       "E-mail to a named contact is what our finance team uses."
            } in read["comments"]
