"""Start the window: paint it first, then open the library, so the user sees the app at once."""

from __future__ import annotations

import gc
import logging
import os
import sys
from types import TracebackType
from typing import cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import negotiator
from negotiator import APP_NAME
from negotiator.ui.common import appearance
from negotiator.ui.common.errors import show_error
from negotiator.ui.common.icons import app_icon
from negotiator.ui.common.settings import Settings
from negotiator.ui.common.translation import install_translator
from negotiator.ui.window.main_window import MainWindow


def _report_unexpected_errors(window: MainWindow) -> None:
    """Anything unforeseen reaches the user as a dialog in plain words (the details are logged), never as
    a traceback on a terminal they cannot see."""
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        logging.getLogger("negotiator").error("unexpected error", exc_info=(kind, error, trace))
        show_error(window, window.tr("Negotiator"), error)

    sys.excepthook = hook


def _collect_from_now() -> None:
    """The window is up with its library: collect garbage from now on, leaving out the objects made by the
    start (modules, classes, the window's widgets), which live as long as the app, so that each later full
    collection, a pause while the user types, has less to go through."""
    gc.freeze()
    gc.enable()


def launch(library: str | None, author: str | None, *, quit_when_ready: bool = False, acting: str | None = None,
           quit_after_paint: bool = False) -> int:
    """Run the app until its window closes; return the exit code."""
    # The stubs give the instance as a QCoreApplication: in this app it is always a QApplication.
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    install_translator(app)  # before the first widget, whose words it translates
    appearance.apply(str(Settings().get("appearance")))
    window = MainWindow(author)
    _report_unexpected_errors(window)
    window.show()
    if quit_after_paint:  # for the start-up benchmark: the window is on screen, nothing more
        window.repaint()
        app.processEvents()
        os._exit(0)

    def open_library() -> None:
        app.setApplicationVersion(negotiator.__version__)
        opened = False
        try:
            opened = window.open_library(library)
            if opened and acting:
                window.set_acting_party(acting)
        finally:
            _collect_from_now()
            if quit_when_ready:  # a check run by a script: never left waiting on a dialog nobody sees
                if opened:
                    first = window.library_panel.navigator_model.index(0, 0)
                    window.library_panel.tree.expand(first)  # the navigator's first rows are fetched and shown
                    app.processEvents()
                window.close()
                app.exit(0 if opened else 1)

    QTimer.singleShot(0, open_library)
    code = app.exec()
    window.close()  # closes the library: its connections are released and the log is complete
    # Tearing down thousands of Python and Qt objects one by one takes longer than the whole
    # start-up; everything that matters is saved and closed by now, so leave at once.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
