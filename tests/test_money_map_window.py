"""Agreement → Money Map on the demo: the organisations and agreements drawn with their money, the finding on
its link, a click (or Enter) opening the agreement, PNG and SVG exports, and the dark scheme."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QMessageBox

from negotiator.domain.network import Severity
from negotiator.services.demo_titles import ALLIANCE
from negotiator.ui.common import appearance
from negotiator.ui.panels.money_map_export import export_size
from negotiator.ui.panels.money_map_scene import DARK, LIGHT, LabelItem, LinkItem, NodeItem
from negotiator.ui.panels.money_map_window import MoneyMapWindow
from negotiator.ui.window.main_window import MainWindow

from .windows import open_window

PHYSIO = "MSK Sub-contract: Active Physio"
ORGANISATIONS = {"NHS Northshire Integrated Care Board", "Northshire County Council",
                 "Northshire Community Health NHS Trust", "Northshire Primary Care Federation", "Hope Street Wellbeing",
                 "Meridian MSK Partnership Ltd", "Northshire Hospitals NHS Foundation Trust", "Active Physio CIC"}


@pytest.fixture
def window(qtbot, demo_path: Path) -> MainWindow:
    return open_window(qtbot, demo_path)


@pytest.fixture
def map_window(window: MainWindow, qtbot) -> MoneyMapWindow:
    window.actions_by_id["agreement.money_map"].trigger()
    shown = window.money_map.map_window
    qtbot.waitExposed(shown)
    return shown


def _items(map_window: MoneyMapWindow, kind: type) -> list:
    return [item for item in map_window.scene.items() if isinstance(item, kind)]


def _label(map_window: MoneyMapWindow, title: str) -> LabelItem:
    return next(label for label in _items(map_window, LabelItem) if label.link.title == title)


def test_the_menu_entry_has_a_shortcut_and_the_window_an_accessible_name(window: MainWindow,
                                                                         map_window: MoneyMapWindow) -> None:
    action = window.actions_by_id["agreement.money_map"]
    assert action.shortcut() == QKeySequence("Ctrl+Alt+M") and action.isEnabled()
    assert map_window.isVisible() and map_window.accessibleName() == "Money map of the contract network"
    assert map_window.view.accessibleName() == "Money map" and map_window.list.accessibleName()


def test_the_map_shows_the_demo_organisations_and_agreements_with_their_money(map_window: MoneyMapWindow) -> None:
    nodes = _items(map_window, NodeItem)
    assert {n.node.lines[0] for n in nodes if not n.node.is_hub} == ORGANISATIONS
    assert [n.node.lines[0] for n in nodes if n.node.is_hub] == [ALLIANCE]
    titles = {label.link.title for label in _items(map_window, LabelItem) if label.link.title}
    assert titles == {"Community Services Contract: Community Trust", "Primary Care Services Contract: GP Federation",
                      "Northshire MSK Prime Contract", "MSK Sub-contract: Hospitals Trust", PHYSIO}
    assert _label(map_window, "Northshire MSK Prime Contract").link.lines == (
        "Northshire MSK Prime Contract", "£24,000,000 a year · paid in 30 days", "no risk share")
    listed = [map_window.list.item(n).text() for n in range(map_window.list.count())]
    assert "MSK Sub-contract: Hospitals Trust\n£14,000,000 a year · paid in 30 days · no risk share" in listed
    assert f"{ALLIANCE}: Hope Street Wellbeing\nbears 20% of losses, capped at £250,000" in listed


def test_the_finding_is_drawn_on_its_link(map_window: MoneyMapWindow) -> None:
    label = _label(map_window, PHYSIO)
    assert label.link.lines[-1] == "⚠ paid more slowly than the money arrives"
    assert label.link.severity is Severity.ERROR
    link = next(item for item in _items(map_window, LinkItem) if item.link.title == PHYSIO)
    assert link.pen().color().name() in (LIGHT.error, DARK.error)
    assert "45 days" in link.tip() and "Rule: payment terms flow down" in link.tip()
    others = [item for item in _items(map_window, LinkItem) if item.link.title != PHYSIO]
    assert all(item.pen().color().name() not in (LIGHT.error, DARK.error) for item in others)


def test_clicking_a_link_opens_its_agreement(window: MainWindow, map_window: MoneyMapWindow, qtbot) -> None:
    label = _label(map_window, PHYSIO)
    map_window.view.centerOn(label)
    point = map_window.view.mapFromScene(label.scenePos())
    qtbot.mouseClick(map_window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.agreements.view.agreement.title == PHYSIO


def test_clicking_the_alliance_hub_opens_the_alliance(window: MainWindow, map_window: MoneyMapWindow, qtbot) -> None:
    hub = next(n for n in _items(map_window, NodeItem) if n.node.is_hub)
    map_window.view.centerOn(hub)
    qtbot.mouseClick(map_window.view.viewport(), Qt.MouseButton.LeftButton, pos=map_window.view.mapFromScene(hub.pos()))
    assert window.agreements.view.agreement.title == ALLIANCE


def test_the_keyboard_chooses_an_agreement_in_the_list_and_enter_opens_it(window: MainWindow,
                                                                          map_window: MoneyMapWindow, qtbot) -> None:
    row = next(n for n in range(map_window.list.count()) if map_window.list.item(n).text().startswith(PHYSIO))
    map_window.list.setFocus()
    map_window.list.setCurrentRow(row)
    assert map_window.entries[row].isSelected()  # highlighted on the map
    assert map_window.entries[row].link.title == PHYSIO
    qtbot.keyClick(map_window.list, Qt.Key.Key_Return)
    assert window.agreements.view.agreement.title == PHYSIO


def test_png_export_is_a_picture_of_the_whole_map(map_window: MoneyMapWindow, tmp_path: Path) -> None:
    path = tmp_path / "map.png"
    assert map_window.export_to(path)
    image = QImage(str(path))
    assert not image.isNull()
    assert image.size() == export_size(map_window.scene)
    assert image.width() >= map_window.money_map.width and image.height() >= map_window.money_map.height


def test_svg_export_is_a_drawing_with_its_words(map_window: MoneyMapWindow, tmp_path: Path) -> None:
    path = tmp_path / "map.svg"
    assert map_window.export_to(path)
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    words = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for expected in (PHYSIO, "£6,000,000 a year · paid in 45 days", "⚠ paid more slowly than the money arrives",
                     "Active Physio CIC", "Meridian MSK Partnership Ltd"):
        assert expected in words


def test_an_export_that_cannot_be_written_is_a_dialog_in_plain_words(map_window: MoneyMapWindow,
                                                                      tmp_path: Path) -> None:
    assert not map_window.export_to(tmp_path / "no such folder" / "map.png")
    (box,) = [b for b in map_window.findChildren(QMessageBox) if b.isVisible()]
    assert box.text().startswith("The money map was not exported: Cannot write")
    box.close()


def test_the_map_follows_the_dark_scheme(window: MainWindow, qtbot) -> None:
    appearance.apply("dark")
    try:
        window.actions_by_id["agreement.money_map"].trigger()
        scene = window.money_map.map_window.scene
        assert scene.backgroundBrush().color().name() == DARK.background
    finally:
        appearance.apply("system")
    window.money_map.map_window.refresh_requested.emit()
    assert window.money_map.map_window.scene.backgroundBrush().color().name() == LIGHT.background


def test_refresh_draws_a_change_made_meanwhile(window: MainWindow, map_window: MoneyMapWindow) -> None:
    window.workspace.act_as("Meridian")
    window.workspace.agreements.set_term(PHYSIO, "payment.days", "30")
    map_window.refresh_requested.emit()
    assert _label(map_window, PHYSIO).link.findings == ()


def test_the_benchmark_measures_the_map_drawn(demo_path: Path, qapp) -> None:
    from benchmarks.money_map import money_map_ms

    assert 0 < money_map_ms(demo_path, repeat=1) < 10_000


def test_a_money_finding_is_in_the_findings_panel_and_on_the_map(window: MainWindow) -> None:
    window.workspace.act_as("Meridian")
    window.workspace.agreements.set_term("MSK Sub-contract: Hospitals Trust", "payment.annual_value", "30m")
    window.check_network()
    model = window.agreements.findings.model
    messages = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert any("is worth £30,000,000 a year, more on its own than" in m for m in messages)
    map_window = window.money_map.show()
    label = _label(map_window, "MSK Sub-contract: Hospitals Trust")
    assert "⚠ worth more than the agreement funding it" in label.link.lines


def test_an_open_map_is_redrawn_when_the_network_changes(window: MainWindow, map_window: MoneyMapWindow) -> None:
    map_window.view.zoom(1.25)
    zoom = map_window.view.transform().m11()
    window.workspace.act_as("Meridian")
    window.workspace.agreements.set_term(PHYSIO, "payment.days", "30")
    window.agreements.reload()  # as after any change made in the window
    assert _label(map_window, PHYSIO).link.words == "£6,000,000 a year · paid in 30 days · no risk share"
    assert map_window.view.transform().m11() == zoom  # the user's zoom is kept


def test_escape_closes_the_map(map_window: MoneyMapWindow, qtbot) -> None:
    map_window.activateWindow()
    qtbot.waitUntil(lambda: map_window.isActiveWindow())
    qtbot.keyClick(map_window.list, Qt.Key.Key_Escape)
    assert not map_window.isVisible()


def test_hovering_a_link_shows_its_whole_finding(map_window: MoneyMapWindow) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    label = _label(map_window, PHYSIO)
    map_window.view.centerOn(label)
    point = map_window.view.mapFromScene(label.scenePos())
    viewport = map_window.view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    assert "Rule: payment terms flow down" in QToolTip.text()
    QToolTip.hideText()


def test_a_hub_with_findings_is_drawn_with_them(qapp) -> None:
    from PySide6.QtWidgets import QGraphicsScene

    from negotiator.domain.money_map import lay_out
    from negotiator.domain.network import check_network
    from negotiator.ui.panels.money_map_export import png_bytes
    from negotiator.ui.panels.money_map_scene import build_scene
    from tests.test_money_map_layout import _alliance

    alliance = _alliance(3)  # no risk shares: every member lacks one
    scene = QGraphicsScene()
    _, hubs = build_scene(lay_out([alliance], check_network([alliance])), scene, DARK)
    assert "Provider 0 is an alliance member of 'Alliance' but has no risk share" in hubs[1].tip()
    assert hubs[1].boundingRect().bottom() > hubs[1].node.height / 2  # room for the words below it
    assert png_bytes(scene).startswith(b"\x89PNG")
