"""A user with a keyboard and no mouse: keys go to whatever has the focus, as on a real desk.

Steps run from a timer, so they go on inside the modal dialogs' own event loops; a step that waits
for something (a dialog to open, a search to finish) holds the queue until it is there.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

STEP_TIMEOUT_S = 20
TICK_MS = 15


class KeyboardUser:
    """Queue keys and waits, then ``run`` them; nothing but key presses reaches the app."""

    def __init__(self) -> None:
        self.steps: deque[tuple[str, Callable[[], bool], Callable[[], None]]] = deque()
        self.running = False
        self.chain = 0
        self.failure = ""
        self._since = time.monotonic()

    def keys(self, *sequences: str | QKeySequence.StandardKey) -> KeyboardUser:
        """Press each key combination in turn ("Ctrl+Shift+N", "Tab", a standard key)."""
        for sequence in sequences:
            self._add(f"press {sequence}", lambda: True, lambda s=sequence: press(s))
        return self

    def type(self, text: str) -> KeyboardUser:
        """Type text at the focus."""
        self._add(f"type {text!r}", lambda: True, lambda: QTest.keyClicks(_focus(), text))
        return self

    def wait(self, what: str, ready: Callable[[], bool]) -> KeyboardUser:
        """Hold until ``ready()``: what the user would wait to see on screen."""
        self._add(f"wait for {what}", ready, lambda: None)
        return self

    def press_until(self, key: str, what: str, reached: Callable[[], bool], most: int = 60) -> KeyboardUser:
        """Press a key (Tab, Down) until the focus or selection is where the user wants it."""
        count = [0]

        def ready() -> bool:
            if reached():
                return True
            if count[0] >= most:
                raise AssertionError(f"{key} pressed {most} times without reaching {what}")
            count[0] += 1
            press(key)
            return False
        self._add(f"press {key} until {what}", ready, lambda: None)
        return self

    def run(self, qtbot, timeout_s: int = 120) -> None:
        """Work through the steps; fail with the step that could not be done."""
        self._since = time.monotonic()
        self.running = True
        self.chain += 1  # a tick left over from an earlier run stops itself
        chain = self.chain
        QTimer.singleShot(TICK_MS, lambda: self._tick(chain))
        try:
            qtbot.waitUntil(lambda: not self.steps or bool(self.failure), timeout=timeout_s * 1000)
        finally:
            self.running = False
        assert not self.failure, self.failure

    def _add(self, name: str, ready: Callable[[], bool], act: Callable[[], None]) -> None:
        self.steps.append((name, ready, act))

    def _tick(self, chain: int) -> None:
        if not self.steps or self.failure or not self.running or chain != self.chain:
            return
        # A fresh timer for the next step, armed before this one acts: if this key opens a modal
        # dialog, the steps go on inside the dialog's own event loop.
        QTimer.singleShot(TICK_MS, lambda: self._tick(chain))
        name, ready, act = self.steps[0]
        try:
            if not ready():
                if time.monotonic() - self._since > STEP_TIMEOUT_S:
                    self._fail(f"timed out at step: {name} (focus: {_describe(_focus())})")
                return
            self.steps.popleft()  # before acting: a key that opens a modal dialog returns only when it closes
            self._since = time.monotonic()
            act()
        except AssertionError as error:
            self._fail(f"{name}: {error}")


    def _fail(self, message: str) -> None:
        self.failure = message
        while (dialog := QApplication.activeModalWidget()) is not None:  # let the test end, not hang
            dialog.reject()
            QApplication.processEvents()


def press(sequence: str | QKeySequence.StandardKey) -> None:
    """Press one key combination at the focus."""
    combination = QKeySequence(sequence)[0]
    QTest.keyClick(_focus(), combination.key(), combination.keyboardModifiers())


def _focus() -> QWidget:
    if QApplication.activeWindow() is None:
        # A desktop's window manager gives the window back its activation when a dialog closes; the
        # offscreen platform has none, so do what it would do.
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        if shown:
            shown[-1].activateWindow()
            QApplication.processEvents()
    widget = QApplication.focusWidget() or QApplication.activeModalWidget() or QApplication.activeWindow()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"


def focus_is(widget: QWidget) -> Callable[[], bool]:
    """Whether the keyboard focus is in ``widget`` (or one of its children)."""
    def check() -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and (focused is widget or widget.isAncestorOf(focused))
    return check


def modal(kind: type) -> Callable[[], bool]:
    """Whether a dialog of this kind is open and has the keyboard."""
    def check() -> bool:
        dialog = QApplication.activeModalWidget() or QApplication.activeWindow()
        return isinstance(dialog, kind) and dialog.isVisible() and QApplication.focusWidget() is not None \
            and dialog.isAncestorOf(QApplication.focusWidget())
    return check


__all__ = ["KeyboardUser", "focus_is", "modal", "press", "Qt"]
