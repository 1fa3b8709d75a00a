"""Light or dark: the window follows the scheme chosen in Preferences (or the system's), its icons are
redrawn in the dark palette's text colour, and the party colours stay legible on both."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from negotiator.ui.common import appearance
from negotiator.ui.common.colours import PALETTE
from negotiator.ui.common.settings import Settings
from negotiator.ui.dialogs.preferences import PreferencesDialog
from negotiator.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    shown = MainWindow("Test Drafter")
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    appearance.apply("system")  # the application is shared with the other tests


def _ink(action_icon: object) -> QColor:
    """The average colour of an icon's drawn strokes, leaving out the blue accent (the same on both)."""
    image = action_icon.pixmap(48, 48).toImage()
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    drawn = [p for p in pixels if p.alpha() > 200 and p.hslSaturation() < 90]
    assert drawn, "the icon draws nothing"
    return QColor(*(sum(getattr(p, c)() for p in drawn) // len(drawn) for c in ("red", "green", "blue")))


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(colour: QColor) -> float:
        channels = [c / 255 for c in (colour.red(), colour.green(), colour.blue())]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_choosing_dark_in_preferences_darkens_the_window_and_redraws_the_icons(window: MainWindow, qtbot) -> None:
    open_icon = window.actions_by_id["file.open"]
    light_ink = _ink(open_icon.icon())
    dialog = window.show_preferences()
    assert isinstance(dialog, PreferencesDialog)
    dialog.appearance.setCurrentIndex(dialog.appearance.findData("dark"))
    dialog.save()
    palette = QGuiApplication.palette()
    assert appearance.is_dark() and palette.color(QPalette.ColorRole.Window).lightness() < 80
    assert Settings().get("appearance") == "dark"  # remembered for the next launch
    # Light strokes on the dark toolbar, once the window has heard of the new palette.
    qtbot.waitUntil(lambda: _ink(open_icon.icon()).lightness() > light_ink.lightness() + 60)
    dark_ink = _ink(open_icon.icon())
    assert _contrast(dark_ink, palette.color(QPalette.ColorRole.Window)) >= 3
    sharp = open_icon.icon().pixmap(QSize(24, 24), 2.0)  # a 200% screen gets twice the pixels, dark too
    assert (sharp.width(), sharp.height()) == (48, 48)


def test_back_to_light_restores_the_light_look(window: MainWindow, qtbot) -> None:
    undo = window.actions_by_id["edit.undo"]
    light_ink = _ink(undo.icon())
    appearance.apply("dark")
    qtbot.waitUntil(lambda: _ink(undo.icon()).name() != light_ink.name())
    appearance.apply("light")
    assert not appearance.is_dark()
    qtbot.waitUntil(lambda: _ink(undo.icon()).name() == light_ink.name())


def test_party_colours_are_legible_on_light_and_dark_backgrounds(qtbot) -> None:
    light = QApplication.style().standardPalette().color(QPalette.ColorRole.Base)
    dark = appearance.dark_palette().color(QPalette.ColorRole.Base)
    for colour in map(QColor, PALETTE):
        # Party colours mark text and cell edges: WCAG's 3:1 for large text and graphics on at least one
        # background, and never lost (2:1) on the other.
        assert max(_contrast(colour, light), _contrast(colour, dark)) >= 3, colour.name()
        assert min(_contrast(colour, light), _contrast(colour, dark)) >= 2, colour.name()


def test_a_damaged_appearance_setting_reads_as_follow_the_system(qtbot) -> None:
    settings = Settings()
    settings.setValue("appearance", "purple")
    assert settings.get("appearance") == "system"
