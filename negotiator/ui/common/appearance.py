"""Light or dark: the app follows the system's colour scheme, or the one the user chose in Preferences.

Where the platform knows the system's scheme (Windows, macOS, and Linux desktops through the
settings portal), Qt switches the palette itself and we only say which scheme the user wants. Where
it cannot (a plain X11 session, a remote desktop), a chosen dark scheme is drawn with a palette of
our own, so the choice always shows. Icons and coloured text follow the palette wherever it came from.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SCHEMES = ("system", "light", "dark")
_QT_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette draws light text on a dark window."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < palette.color(
        QPalette.ColorRole.WindowText).lightness()


def apply(scheme: str) -> None:
    """Show the app in the scheme: ``system`` (follow the desktop), ``light`` or ``dark``."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or scheme not in SCHEMES:  # no app yet (or no widgets to paint)
        return
    hints = app.styleHints()
    if scheme == "system":
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(_QT_SCHEMES[scheme])
    app.setPalette(QPalette())  # an empty palette hands the colours back to the platform (and the scheme)
    if scheme == "dark" and not is_dark():
        app.setPalette(dark_palette())  # the platform cannot switch: draw it ourselves
    elif scheme == "light" and is_dark():
        app.setPalette(app.style().standardPalette())


def dark_palette() -> QPalette:
    """A calm dark palette with the contrast of the common desktop dark themes."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2d30", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f2023", QPalette.ColorRole.AlternateBase: "#27292c",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#3a3c40",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#2f6fd6", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#3a3c40", QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#9a9da3", QPalette.ColorRole.Link: "#79a8ff",
        QPalette.ColorRole.Light: "#4a4c50", QPalette.ColorRole.Midlight: "#404246",
        QPalette.ColorRole.Mid: "#35373b", QPalette.ColorRole.Dark: "#18191b", QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7c7f85"))
    return palette
