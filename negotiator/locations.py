"""Where things live: the user's default library, logs, and the bundled resources."""

from __future__ import annotations

import sys
from pathlib import Path

APP_DIR_NAME = "Negotiator"


def resources_dir() -> Path:
    """The folder holding the starter library, icons and templates."""
    bundled = getattr(sys, "_MEIPASS", None)  # set inside an installed (frozen) build
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def starter_library_file() -> Path:
    """The starter clause library loaded into a new default library."""
    return resources_dir() / "library" / "starter-library.toml"


def default_library_path() -> Path:
    """The library opened when none is named: in the user's data folder."""
    from platformdirs import user_data_path

    return user_data_path(APP_DIR_NAME, appauthor=False, ensure_exists=True) / "library.sqlite"


def log_dir() -> Path:
    """The folder the app writes its log to."""
    from platformdirs import user_log_path

    return user_log_path(APP_DIR_NAME, appauthor=False, ensure_exists=True)


def remembered_parties_file() -> Path:
    """Where the party the user last acted for is remembered, per library (the app and the command line share it)."""
    from platformdirs import user_config_path

    return user_config_path(APP_DIR_NAME, appauthor=False, ensure_exists=True) / "acting-parties.json"
