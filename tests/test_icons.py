"""The icons: one drawn SVG per action, loaded through Qt's SVG support, and the main toolbar."""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QAction, QColor, QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton, QToolTip

from negotiator.locations import resources_dir
from negotiator.ui.common import icons
from negotiator.ui.common.actions import ACTIONS, TOOLBAR, ActionSpec, extra_icon_name, toolbar_tip
from negotiator.ui.common.icons import IconSet, app_icon, dark_stroke, icon, painted_icon, recolour
from negotiator.ui.window.main_window import MainWindow

ICONS = resources_dir() / "icons"
SVGS = sorted(ICONS.glob("*.svg"))
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def window(qtbot) -> MainWindow:
    shown = MainWindow("Test")
    qtbot.addWidget(shown)
    return shown


def test_every_action_has_an_icon_that_draws_at_24_px(window: MainWindow) -> None:
    assert set(window.actions_by_id) >= {spec.id for spec in ACTIONS} | {"edit.undo", "edit.redo"}
    for action_id, action in window.actions_by_id.items():
        assert not action.icon().isNull(), action_id
        assert not action.icon().pixmap(24, 24).isNull(), action_id


def test_undo_and_redo_get_their_own_icons(window: MainWindow) -> None:
    undo, redo = window.actions_by_id["edit.undo"], window.actions_by_id["edit.redo"]
    assert extra_icon_name(undo) == "edit.undo" and extra_icon_name(redo) == "edit.redo"
    assert undo.icon().cacheKey() == icon("edit.undo").cacheKey()
    assert redo.icon().cacheKey() == icon("edit.redo").cacheKey()
    unnamed = QAction("Find an &Action…")
    assert extra_icon_name(unnamed) == "edit.palette"
    assert extra_icon_name(QAction("Open &Recent")) == "file.recent"
    assert extra_icon_name(QAction("&Library")) is None  # a dock's toggle: no icon of its own


def test_every_action_id_has_its_own_drawing() -> None:
    names = {path.stem for path in SVGS}
    assert {spec.icon for spec in ACTIONS} | {"edit.undo", "edit.redo", "edit.palette", "negotiator"} <= names
    assert ActionSpec("x.y", "&File", "X", "close").icon == "x.y"
    assert ActionSpec("x.y", "&File", "X", "close", icon="file.open").icon == "file.open"


@pytest.mark.parametrize("path", SVGS, ids=lambda p: p.stem)
def test_every_svg_is_a_24_px_drawing_in_the_house_colours(path: Path) -> None:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 24 24"
    assert root.get("stroke") == icons.STROKE and root.get("stroke-width") == "2"
    assert not list(root.iter(f"{SVG_NS}text")), "no text in icons"
    colours = {e.get("stroke") for e in root.iter() if e.get("stroke")}
    assert colours <= {icons.STROKE, "#1f6feb"}
    assert "currentColor" not in path.read_text(encoding="utf-8")


def test_the_qrc_lists_every_icon_under_the_icons_prefix() -> None:
    root = ET.parse(resources_dir() / "icons.qrc").getroot()
    (resource,) = root.iter("qresource")
    assert resource.get("prefix") == "/icons"
    listed = {(f.get("alias"), f.text) for f in resource.iter("file")}
    assert listed == {(p.name, f"icons/{p.name}") for p in SVGS}


def test_svg_support_is_installed(qapp) -> None:
    from PySide6.QtGui import QImageReader

    assert b"svg" in [bytes(f.data()) for f in QImageReader.supportedImageFormats()]
    assert not app_icon().isNull() and not app_icon().pixmap(64, 64).isNull()


def test_the_main_toolbar_holds_the_listed_actions_as_icons(window: MainWindow) -> None:
    bar = window.findChild(QToolBar, "mainToolBar")
    assert bar is not None and bar.windowTitle() == "Main"
    shown = [a for a in bar.actions() if not a.isSeparator()]
    assert shown == [window.actions_by_id[action_id] for action_id in TOOLBAR]
    for action in shown:
        button = bar.widgetForAction(action)
        assert isinstance(button, QToolButton)
        assert button.toolButtonStyle().name == "ToolButtonIconOnly"


def test_a_toolbar_button_shows_the_action_name_as_its_tooltip(window: MainWindow, qtbot) -> None:
    window.show()
    action = window.actions_by_id["file.open"]
    assert toolbar_tip(action) == f"Open Library ({action.shortcut().toString()})"
    assert toolbar_tip(window.actions_by_id["help.about"]) == "About Negotiator"
    assert action.toolTip() == "Open another library file"  # the description stays for the palette
    button = window.findChild(QToolBar, "mainToolBar").widgetForAction(action)
    event = QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), button.mapToGlobal(QPoint(2, 2)))
    QApplication.sendEvent(button, event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == toolbar_tip(action)
    QToolTip.hideText()


def test_an_unknown_icon_is_empty_and_logged_not_raised(qapp, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="negotiator.ui.common.icons"):
        unknown = icon("no.such")
    assert unknown.isNull()
    assert "no.such" in caplog.text


def test_a_dark_palette_draws_the_grey_in_its_text_colour(qapp) -> None:
    light = QPalette(QColor("#f0f0f0"))
    dark = QPalette(QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#c9d1d9"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#1e1e1e"))
    assert dark_stroke(light) is None
    assert dark_stroke(dark) == "#c9d1d9"
    svg = (ICONS / "file.open.svg").read_bytes()
    drawn = recolour(svg, "#c9d1d9")
    assert icons.STROKE.encode() not in drawn and b"#c9d1d9" in drawn and b"#1f6feb" in drawn
    recoloured = IconSet(resources_dir(), None).icon("file.open", "#c9d1d9")
    image = recoloured.pixmap(24, 24).toImage()
    assert not image.isNull()
    pixels = [image.pixelColor(x, y) for x in range(24) for y in range(24)]
    greys = {colour.name() for colour in pixels if colour.alpha() == 255}
    assert "#c9d1d9" in greys and icons.STROKE not in greys
    assert painted_icon(b"not svg").isNull()


def test_without_rcc_the_icons_are_read_from_the_svg_files(qapp, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(icons, "_rcc_command", lambda: None)
    plain = IconSet(resources_dir(), tmp_path)
    assert plain.build() is None and not plain.register()
    assert plain.source("file.open") == str(ICONS / "file.open.svg")
    assert not plain.icon("file.open").pixmap(24, 24).isNull()
    assert plain.source("no.such") is None


def test_the_compiled_icons_are_rebuilt_only_when_an_svg_is_newer(tmp_path: Path) -> None:
    compiled = IconSet(resources_dir(), tmp_path)
    target = compiled.build()
    if target is None:
        pytest.skip("pyside6-rcc is not installed")
    assert target.parent == tmp_path and target.stat().st_size > 0 and not compiled.is_stale()
    os.utime(target, (0, 0))  # made long before the drawings
    assert compiled.is_stale()
    assert compiled.build() == target and not compiled.is_stale()
    assert not list(tmp_path.glob("*.part"))


def test_the_app_reads_its_icons_from_the_compiled_resource_when_it_can(qapp) -> None:
    app_icons = icons.icon_set()
    if not app_icons.register():
        pytest.skip("pyside6-rcc is not installed")
    assert app_icons.source("file.open") == ":/icons/file.open.svg"


def test_icons_are_drawn_afresh_for_high_dpi_screens(window: MainWindow) -> None:
    """On a 200% screen each icon is drawn from its SVG at twice the pixels, not a small picture blown up."""
    from PySide6.QtCore import QSize

    for action_id, action in window.actions_by_id.items():
        sharp = action.icon().pixmap(QSize(24, 24), 2.0).toImage()
        assert (sharp.width(), sharp.height(), sharp.devicePixelRatio()) == (48, 48, 2.0), action_id
        sharp.setDevicePixelRatio(1.0)
        drawn_at_48 = action.icon().pixmap(48, 48).toImage().convertToFormat(sharp.format())
        assert sharp == drawn_at_48, action_id
