"""Regression guard for the PySide6 pin: 6.12.0 drops references to None and crashes Python 3.11."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QWidget


def test_qt_calls_that_return_nothing_do_not_leak_none(qtbot) -> None:
    widget = QWidget()
    label = QLabel(widget)
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for i in range(5_000):
        widget.resize(100 + i % 7, 80)
        widget.setEnabled(i % 2 == 0)
        label.setText(f"Draft {i}")
        label.setToolTip("Subject to contract")
    # 20,000 calls: with the faulty release None would have lost about 20,000 references.
    assert sys.getrefcount(None) >= before - 100
