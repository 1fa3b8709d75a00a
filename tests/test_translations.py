"""The translations load: a translator for the system's locale is installed at start-up, British English is
shipped compiled, and a language's words reach the window's menus and status bar."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMenu

from negotiator.ui.common.translation import install_translator, translations_dir
from negotiator.ui.window.main_window import MainWindow
from tests.windows import open_window

ROOT = Path(__file__).resolve().parent.parent
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")
TS = translations_dir() / "negotiator_en_GB.ts"

# A test-only Welsh translation of a few of the window's words, compiled by the same tool as the shipped one.
WELSH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context><name>MainWindow</name>
<message><source>&amp;File</source><translation>&amp;Ffeil</translation></message>
<message><source>&amp;Edit</source><translation>&amp;Golygu</translation></message>
</context>
<context><name>FindBar</name>
<message><source>Find:</source><translation>Canfod:</translation></message>
</context>
</TS>
"""


@pytest.fixture
def installed(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """Translators installed by the test, taken away again after it."""
    made: list[QTranslator] = []
    yield made
    for translator in made:
        QCoreApplication.removeTranslator(translator)


def test_british_english_is_installed_for_en_gb_and_gives_the_plural_forms(
        qtbot, installed: list[QTranslator], starter_path: Path) -> None:
    translator = install_translator(QApplication.instance(), QLocale("en_GB"))
    assert translator is not None
    installed.append(translator)
    assert translator.language() == "en_GB" and translator.filePath().endswith("negotiator_en_GB.qm")
    assert QCoreApplication.translate("MainWindow", "%n clause(s) in the library", "", 1) == "1 clause in the library"
    window = open_window(qtbot, starter_path)
    count = sum(n for _, n in window.service.categories())
    assert window.statusBar().currentMessage() == f"{count} clauses in the library"  # not "clause(s)"


def test_a_language_without_a_file_of_its_own_gets_british_english(installed: list[QTranslator]) -> None:
    translator = install_translator(QApplication.instance(), QLocale("de_DE"))
    assert translator is not None and translator.language() == "en_GB"
    installed.append(translator)


def test_the_locale_picks_its_own_file_and_the_menus_speak_it(qtbot, tmp_path: Path,
                                                              installed: list[QTranslator]) -> None:
    (tmp_path / "negotiator_cy_GB.ts").write_text(WELSH_TS, encoding="utf-8")
    subprocess.run([str(LRELEASE), "-silent", str(tmp_path / "negotiator_cy_GB.ts")], check=True)
    translator = install_translator(QApplication.instance(), QLocale("cy_GB"), tmp_path)
    assert translator is not None and translator.language() == "cy_GB"
    installed.append(translator)
    window = MainWindow("Test Drafter")
    qtbot.addWidget(window)
    titles = [m.title() for m in window.menuBar().findChildren(QMenu)]
    assert "&Ffeil" in titles and "&Golygu" in titles and "&File" not in titles
    assert "Canfod:" in [label.text() for label in window.agreements.view.find_bar.findChildren(type(
        window.agreements.view.find_bar.where))]


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(LRELEASE), "-silent", str(TS), "-qm", str(fresh)], check=True)
    shipped = translations_dir() / "negotiator_en_GB.qm"
    assert shipped.read_bytes() == fresh.read_bytes(), "run make translations"


def test_the_app_installs_the_translator_at_start_up(starter_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path / "state"),
           "LANG": "en_GB.UTF-8", "LC_ALL": "en_GB.UTF-8"}
    result = subprocess.run([sys.executable, "main.py", "--library", str(starter_path), "--quit-when-ready"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    log = next((tmp_path / "state").rglob("negotiator.log")).read_text(encoding="utf-8")
    assert "translation en_GB installed for the locale en_GB" in log
