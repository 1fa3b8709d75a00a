"""The terms sheet editor, driven with real widgets as a negotiator would use it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QListWidget, QSpinBox, QTableView

from negotiator.domain.errors import InvalidInput
from negotiator.domain.parties import OrganisationType, Party
from negotiator.domain.terms import (
    Duration,
    Indexation,
    InvoicingFrequency,
    PartyShare,
    Payment,
    PaymentMechanism,
    RiskShare,
    TermsSheet,
)
from negotiator.ui.models.risk_share_model import RiskShareModel
from negotiator.ui.panels.terms_editor import TermsEditor

ICB, TRUST, GPS = 1, 2, 3
PARTIES = {
    ICB: Party("NHS North Shire Integrated Care Board", "North Shire ICB", OrganisationType.COMMISSIONER, ICB),
    TRUST: Party("Shire Hospitals NHS Foundation Trust", "Shire Trust", OrganisationType.NHS_TRUST, TRUST),
    GPS: Party("Shire Primary Care Federation", "Shire GPs", OrganisationType.GP_FEDERATION, GPS),
}
SHEET = TermsSheet(
    risk_share=RiskShare(
        shares=(PartyShare(ICB, Decimal("50"), Decimal("50")),
                PartyShare(TRUST, Decimal("30"), Decimal("30"), loss_cap=250_000_000),
                PartyShare(GPS, Decimal("20"), Decimal("20"))),
        corridor=Decimal("2.5")),
    duration=Duration(start=date(2027, 4, 1), initial_term_months=60, extension_count=1, extension_months=24,
                      notice_months=12),
    payment=Payment(mechanism=PaymentMechanism.BLENDED, annual_value=4_800_000_000, variable_part=Decimal("10"),
                    quality_incentive=Decimal("1.25"), days=30, invoicing=InvoicingFrequency.MONTHLY,
                    indexation=Indexation.NHS_PAYMENT_SCHEME, pooled_fund=100_000_000,
                    contributions=((ICB, 60_000_000), (TRUST, 40_000_000))),
)
GAIN, LOSS, CAP = 1, 2, 3


@pytest.fixture
def editor(qtbot) -> TermsEditor:
    shown = TermsEditor()
    qtbot.addWidget(shown)
    shown.set_agreement("Shire MSK Alliance Agreement", PARTIES, SHEET)
    shown.show()
    return shown


def _cell(editor: TermsEditor, row: int, column: int) -> str:
    return editor.risk_model.data(editor.risk_model.index(row, column))


def _problems(editor: TermsEditor) -> list[str]:
    box = editor.findChild(QListWidget, "termsProblems")
    return [box.item(row).text() for row in range(box.count())]


def _edit_cell(editor: TermsEditor, row: int, column: int, text: str) -> None:
    model = editor.risk_model
    assert model.setData(model.index(row, column), text, Qt.ItemDataRole.EditRole)


def test_the_widgets_show_the_loaded_terms(editor: TermsEditor) -> None:
    assert editor.title_label.text() == "Terms of Shire MSK Alliance Agreement"
    assert [editor.tabs.tabText(i) for i in range(editor.tabs.count())] == ["Risk share", "Duration", "Payment"]
    rows = [[_cell(editor, row, column) for column in range(4)] for row in range(3)]
    assert rows == [
        ["NHS North Shire Integrated Care Board", "50%", "50%", "No cap"],
        ["Shire Hospitals NHS Foundation Trust", "30%", "30%", "£2,500,000"],
        ["Shire Primary Care Federation", "20%", "20%", "No cap"],
    ]
    header = editor.risk_model.headerData
    assert [header(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Party", "Gain share %", "Loss share %", "Loss cap £"]
    assert editor.total_label.text() == "Gains 100% · Losses 100%"
    assert editor.total_label.property("balanced") is True
    assert editor.corridor.text() == "2.5"
    assert editor.start.date().toPython() == date(2027, 4, 1) and not editor.start_unset.isChecked()
    assert (editor.initial_term.value(), editor.extension_count.value(), editor.extension_months.value(),
            editor.notice.value()) == (60, 1, 24, 12)
    assert editor.initial_end.text() == "31 March 2032"
    assert editor.latest_end.text() == "31 March 2034"
    assert editor.mechanism.currentText() == "Blended payment"
    assert editor.annual_value.text() == "48,000,000"
    assert (editor.variable_part.text(), editor.quality_incentive.text()) == ("10", "1.25")
    assert editor.days.text() == "30"
    assert (editor.invoicing.currentText(), editor.indexation.currentText()) == (
        "Monthly", "NHS Payment Scheme cost uplift")
    assert editor.pooled_fund.text() == "1,000,000"
    contributions = {pid: line.text() for pid, line in editor._contributions.items()}
    assert contributions == {ICB: "600,000", TRUST: "400,000", GPS: ""}
    assert _problems(editor) == [] and editor.problems_heading.text() == "No problems found."
    apply = editor.findChild(type(editor.apply_button), "applyTerms")
    assert apply is editor.apply_button and not apply.isEnabled()
    assert not editor.revert_button.isEnabled()


def test_sheet_round_trips_exactly(editor: TermsEditor) -> None:
    assert editor.sheet() == SHEET
    assert editor.sheet().payment.annual_value == 4_800_000_000
    assert isinstance(editor.sheet().risk_share.shares[0].gain, Decimal)


def test_the_risk_share_model_keeps_qt_rules(qtmodeltester, editor: TermsEditor) -> None:
    qtmodeltester.check(editor.risk_model)
    empty = RiskShareModel()
    qtmodeltester.check(empty)
    party_cell, gain_cell = editor.risk_model.index(0, 0), editor.risk_model.index(0, GAIN)
    assert not editor.risk_model.flags(party_cell) & Qt.ItemFlag.ItemIsEditable
    assert editor.risk_model.flags(gain_cell) & Qt.ItemFlag.ItemIsEditable
    assert not editor.risk_model.setData(party_cell, "Someone else")
    assert _cell(editor, 0, 0) == "NHS North Shire Integrated Care Board"


def test_unbalanced_gains_turn_the_total_red_and_block_apply_until_fixed(qtbot, editor: TermsEditor) -> None:
    with qtbot.waitSignal(editor.changed):
        _edit_cell(editor, 0, GAIN, "40")
    assert editor.total_label.text() == "Gains 90% · Losses 100%: gains must make 100%"
    assert editor.total_label.property("balanced") is False
    assert "color: #b00020" in editor.total_label.styleSheet()
    assert any("total" in message and "90%" in message for message in _problems(editor))
    assert not editor.apply_button.isEnabled()
    assert editor.revert_button.isEnabled()

    _edit_cell(editor, 1, GAIN, "40")
    assert editor.total_label.text() == "Gains 100% · Losses 100%"
    assert editor.total_label.property("balanced") is True
    assert editor.total_label.styleSheet() == ""
    assert _problems(editor) == []
    assert editor.apply_button.isEnabled()
    expected = replace(SHEET, risk_share=replace(SHEET.risk_share, shares=(
        PartyShare(ICB, Decimal("40"), Decimal("50")),
        PartyShare(TRUST, Decimal("40"), Decimal("30"), loss_cap=250_000_000),
        PartyShare(GPS, Decimal("20"), Decimal("20")))))
    with qtbot.waitSignal(editor.apply_requested) as applied:
        qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert applied.args == [expected]
    assert editor.sheet() == expected


def test_text_that_is_not_money_is_named_and_blocks_apply(qtbot, editor: TermsEditor) -> None:
    editor.tabs.setCurrentIndex(2)
    editor.annual_value.clear()
    qtbot.keyClicks(editor.annual_value, "abc")
    assert editor.annual_value.text() == "abc"
    messages = _problems(editor)
    assert any(m.startswith("Annual contract value: 'abc' is not an amount in pounds") for m in messages)  # in words
    assert not editor.apply_button.isEnabled()
    with pytest.raises(InvalidInput) as raised:
        editor.sheet()
    assert raised.value.field == "payment.annual_value"


def test_money_and_percent_text_are_read_exactly(qtbot, editor: TermsEditor) -> None:
    editor.annual_value.setText("£48,000,000.01")
    editor.pooled_fund.setText("1.2m")
    editor._contributions[GPS].setText("200,000")
    for row, share in enumerate(("33.33", "33.33", "33.34")):
        _edit_cell(editor, row, GAIN, share)
        _edit_cell(editor, row, LOSS, share)
    assert editor.total_label.text() == "Gains 100% · Losses 100%"
    assert _problems(editor) == []
    sheet = editor.sheet()
    assert sheet.payment.annual_value == 4_800_000_001
    assert sheet.payment.pooled_fund == 120_000_000
    assert sheet.payment.contributions == ((ICB, 60_000_000), (TRUST, 40_000_000), (GPS, 20_000_000))
    assert [s.gain for s in sheet.risk_share.shares] == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    assert editor.apply_button.isEnabled()


def test_fractions_of_a_penny_and_exponents_are_refused(editor: TermsEditor) -> None:
    editor.annual_value.setText("10.001")
    editor.variable_part.setText("1e999999999")
    messages = _problems(editor)
    assert any(m.startswith("Annual contract value: '10.001'") for m in messages)
    assert any(m.startswith("Variable or at-risk part: '1e999999999' is not a percentage") for m in messages)
    assert not editor.apply_button.isEnabled()


def test_a_bad_cell_is_named_by_its_party(editor: TermsEditor) -> None:
    _edit_cell(editor, 1, CAP, "lots")
    assert _cell(editor, 1, CAP) == "lots"
    assert editor.risk_model.data(editor.risk_model.index(1, CAP), Qt.ItemDataRole.ForegroundRole) is not None
    assert any(m.startswith("Shire Hospitals NHS Foundation Trust's cap on losses: 'lots'") for m in _problems(editor))
    assert not editor.apply_button.isEnabled()


def test_a_party_with_empty_gain_and_loss_has_no_share(editor: TermsEditor) -> None:
    _edit_cell(editor, 2, GAIN, "")
    _edit_cell(editor, 2, LOSS, "")
    assert [_cell(editor, 2, column) for column in (GAIN, LOSS)] == ["", ""]
    assert [s.party_id for s in editor.sheet().risk_share.shares] == [ICB, TRUST]
    assert editor.total_label.text() == "Gains 80% · Losses 80%: gains and losses must each make 100%"
    assert editor.total_label.property("balanced") is False
    _edit_cell(editor, 1, CAP, "")
    _edit_cell(editor, 1, GAIN, "")
    _edit_cell(editor, 1, LOSS, "")
    _edit_cell(editor, 0, GAIN, "100")
    _edit_cell(editor, 0, LOSS, "100")
    assert editor.sheet().risk_share.shares == (PartyShare(ICB, Decimal("100"), Decimal("100")),)
    assert editor.total_label.property("balanced") is True


def test_a_longer_initial_term_moves_the_end_dates(qtbot, editor: TermsEditor) -> None:
    with qtbot.waitSignal(editor.changed):
        editor.initial_term.setValue(84)
    assert editor.initial_end.text() == "31 March 2034"
    assert editor.latest_end.text() == "31 March 2036"
    assert editor.apply_button.isEnabled()
    editor.start_unset.setChecked(True)
    assert not editor.start.isEnabled()
    assert editor.initial_end.text().startswith("Not known yet")
    assert editor.sheet().duration.start is None


def test_notice_longer_than_the_term_is_a_problem(editor: TermsEditor) -> None:
    editor.notice.setValue(72)
    assert "The no-fault termination notice is longer than the initial term." in _problems(editor)
    assert not editor.apply_button.isEnabled()


def test_revert_restores_the_loaded_sheet(qtbot, editor: TermsEditor) -> None:
    _edit_cell(editor, 0, GAIN, "40")
    editor.annual_value.setText("abc")
    editor.initial_term.setValue(84)
    editor.mechanism.setCurrentIndex(0)
    qtbot.mouseClick(editor.revert_button, Qt.MouseButton.LeftButton)
    assert editor.sheet() == SHEET
    assert _cell(editor, 0, GAIN) == "50%"
    assert editor.annual_value.text() == "48,000,000"
    assert editor.initial_end.text() == "31 March 2032"
    assert editor.mechanism.currentText() == "Blended payment"
    assert _problems(editor) == []
    assert not editor.apply_button.isEnabled() and not editor.revert_button.isEnabled()


def test_clear_shows_the_empty_state(editor: TermsEditor) -> None:
    editor.clear()
    assert editor.empty_label.isVisible()
    assert editor.empty_label.text() == "Choose an agreement to edit its terms."
    assert not editor.apply_button.isVisible()
    assert editor.sheet() == TermsSheet()
    editor.set_agreement("Shire MSK Alliance Agreement", PARTIES, SHEET)
    assert not editor.empty_label.isVisible() and editor.apply_button.isVisible()


def test_a_new_sheet_starts_empty_with_every_choice_unset(qtbot) -> None:
    editor = TermsEditor()
    qtbot.addWidget(editor)
    editor.set_agreement("Draft", PARTIES, TermsSheet())
    assert [_cell(editor, row, GAIN) for row in range(3)] == ["", "", ""]
    assert editor.total_label.property("balanced") is True
    assert editor.mechanism.currentText() == "Not chosen yet"
    assert editor.initial_term.text() == "Not set" and editor.days.text() == "Not set"
    assert editor.start_unset.isChecked()
    assert editor.sheet() == TermsSheet()


def test_switching_agreements_keeps_shares_of_former_signatories_and_their_order(editor: TermsEditor) -> None:
    former = 9
    sheet = TermsSheet(
        risk_share=RiskShare(shares=(PartyShare(GPS, Decimal("60"), Decimal("60")),
                                     PartyShare(former, Decimal("40"), Decimal("40")))),
        payment=Payment(pooled_fund=550, contributions=((former, 550),)))
    two = {GPS: PARTIES[GPS], ICB: PARTIES[ICB]}
    editor.set_agreement("Shire Frailty Pathway", two, sheet)
    assert editor.title_label.text() == "Terms of Shire Frailty Pathway"
    assert [_cell(editor, row, 0) for row in range(3)] == [
        "Shire Primary Care Federation", "NHS North Shire Integrated Care Board", "Party 9 (not a signatory)"]
    assert [_cell(editor, row, GAIN) for row in range(3)] == ["60%", "", "40%"]
    assert {pid: line.text() for pid, line in editor._contributions.items()} == {GPS: "", ICB: "", former: "5.50"}
    assert editor.sheet() == sheet
    assert not editor.apply_button.isEnabled()


def test_every_input_has_an_accessible_name_and_a_tooltip(editor: TermsEditor) -> None:
    inputs = [w for kind in (QLineEdit, QSpinBox, QComboBox, QDateEdit, QCheckBox, QTableView)
              for w in editor.findChildren(kind) if not isinstance(w.parent(), (QSpinBox, QComboBox, QDateEdit))]
    assert len(inputs) == 20  # 8 text fields, 5 counters, 4 choices, a date, a tick box, the table
    unnamed = [w for w in inputs if not w.accessibleName() or not w.toolTip()]
    assert unnamed == []
    assert editor.annual_value.accessibleName() == "Annual contract value (£)"
    assert editor.days.accessibleName() == "Pay invoices within (days)"


def test_who_carries_losses_above_a_cap_is_a_choice_of_the_sharing_parties(editor: TermsEditor) -> None:
    bearer = editor.risk_editor.bearer
    assert [bearer.itemText(i) for i in range(bearer.count())] == [
        "The other parties, in proportion to their loss shares", *(PARTIES[p].name for p in (ICB, TRUST, GPS))]
    assert editor.sheet().risk_share.excess_bearer is None
    bearer.setCurrentIndex(bearer.findData(ICB))
    assert editor.sheet().risk_share.excess_bearer == ICB
    assert editor.risk_editor.changed_terms() == {"risk_share.excess_bearer": PARTIES[ICB].name}
    named = replace(SHEET, risk_share=replace(SHEET.risk_share, excess_bearer=GPS))
    editor.set_agreement("Shire MSK Alliance Agreement", PARTIES, named)
    assert bearer.currentData() == GPS and editor.sheet() == named


def test_a_loss_cap_without_a_share_is_refused_in_the_rules_words(editor: TermsEditor) -> None:
    _edit_cell(editor, 2, GAIN, "")
    _edit_cell(editor, 2, LOSS, "")
    _edit_cell(editor, 2, CAP, "50000")
    name = editor.risk_model.index(2, 0).data()
    assert f"{name} has a loss cap but no share of gains or losses; give it a share or clear the cap." in \
        _problems(editor)
    assert not editor.apply_button.isEnabled()
