"""PySide6's check of every imported module is answered from the file's bytes: the same answers as
PySide6's own check, without decoding and keeping the source of every module the app loads."""

from __future__ import annotations

import importlib
import linecache
import sys
import types
from pathlib import Path

import negotiator.ui  # noqa: F401  (puts the light check in place)
from negotiator.ui.common.pyside_imports import LightCheck, lighten_feature_check

SAMPLE = ["negotiator.ui.window.main_window", "negotiator.ui.common.icons", "negotiator.domain.terms",
          "negotiator.services.session", "sqlalchemy.orm.session", "json", "PySide6", "sys", "math"]


def _check() -> LightCheck:
    check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert isinstance(check, LightCheck)
    return check


def test_the_window_package_puts_the_light_check_in_place_once() -> None:
    check = _check()
    assert lighten_feature_check() is True
    assert _check() is check  # a second call changes nothing


def test_it_answers_as_pyside6_does_for_the_apps_modules_the_libraries_and_built_ins() -> None:
    check = _check()
    modules = [importlib.import_module(name) for name in SAMPLE]
    answers = {m.__name__: check(m) for m in modules}
    assert answers == {m.__name__: check.upstream(m) for m in modules}
    assert answers["negotiator.ui.window.main_window"] and not answers["negotiator.domain.terms"]
    assert not answers["sqlalchemy.orm.session"] and not answers["sys"]


def test_a_module_whose_file_is_gone_gets_pyside6s_own_answer(tmp_path: Path) -> None:
    check = _check()
    source = tmp_path / "vanished.py"
    source.write_text("from PySide6 import QtCore\n", encoding="utf-8")
    module = types.ModuleType("vanished")
    module.__file__ = str(source)
    assert check(module) is True
    source.unlink()
    assert check(module) is check.upstream(module) is False


def test_the_source_of_modules_imported_afterwards_is_not_kept(tmp_path: Path) -> None:
    (tmp_path / "freshly_imported.py").write_text("VALUE = 1\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        module = importlib.import_module("freshly_imported")
    finally:
        sys.path.remove(str(tmp_path))
    assert module.VALUE == 1
    assert module.__file__ not in linecache.cache  # PySide6's own check reads it into the line cache
