"""Shared fixtures: a fresh library file per test, Qt on the offscreen platform."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app's settings, logs and default library go to a folder of the test run's own, never the user's.
_HOME = tempfile.mkdtemp(prefix="negotiator-tests-")
for _variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_variable] = os.path.join(_HOME, _variable.lower())
os.environ.setdefault("NEGOTIATOR_AUTHOR", "Test Drafter")
# A write inside a unit of work not declared as writing fails the test (see storage.database).
os.environ.setdefault("NEGOTIATOR_STRICT_UNITS", "1")

from negotiator.locations import starter_library_file  # noqa: E402
from negotiator.services.library import LibraryService  # noqa: E402
from tests.library_backends import (  # noqa: E402, F401 (fixtures: libraries on SQLite and on PostgreSQL)
    backend,
    demo_library,
    new_library,
    postgres_databases,
    postgres_demo_template,
    postgres_starter_template,
    starter_library,
)

STARTER = starter_library_file()


@pytest.fixture(scope="session")
def starter_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with the starter clauses, built once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "starter.sqlite"
    service = LibraryService.open(path, "Test Drafter")
    service.import_file(STARTER)
    service.close()
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, starter_template: Path) -> Path:
    """A library with the starter clauses and the demo negotiation, built once."""
    from negotiator.services.session import open_workspace

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copyfile(starter_template, path)
    workspace = open_workspace(path, "Test Drafter")
    workspace.create_demo()
    workspace.close()
    return path


@pytest.fixture
def demo_path(tmp_path: Path, demo_template: Path) -> Path:
    """This test's own copy of the demo library."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """Where a new, empty library will be created."""
    return tmp_path / "library.sqlite"


@pytest.fixture
def starter_path(tmp_path: Path, starter_template: Path) -> Path:
    """A library file of this test's own, holding the starter clauses."""
    path = tmp_path / "starter.sqlite"
    shutil.copyfile(starter_template, path)
    return path


@pytest.fixture
def service(starter_path: Path):
    """The library service over this test's starter library."""
    opened = LibraryService.open(starter_path, "Test Drafter")
    yield opened
    opened.close()

from hypothesis import settings  # noqa: E402

# No per-example deadline (a loaded CI machine is slower, not wrong); in CI, a fixed seed so a
# failure can be reproduced from the log.
settings.register_profile("negotiator", deadline=None, derandomize=bool(os.environ.get("CI")))
settings.load_profile("negotiator")


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test():
    """Each test starts with no window or dialog of an earlier one on screen: a dialog left open (an error
    shown without blocking) would otherwise stay the active modal window and take the next test's keys."""
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:  # a test without Qt leaves nothing to close
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():  # hidden, not closed: closing could ask its own questions and wait for them
            widget.hide()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
