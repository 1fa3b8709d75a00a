"""The app's remembered settings: a QSettings with a table of defaults and validators, so a damaged
or out-of-date settings file can never feed the app a value it cannot use."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings


def _bytes(value: object) -> bool:
    return isinstance(value, QByteArray | bytes)


def _paths(value: object) -> bool:
    return isinstance(value, list) and len(value) <= RECENT and all(isinstance(v, str) for v in value)


RECENT = 10
# key -> (default, validator)
DEFAULTS: dict[str, tuple[object, Callable[[object], bool]]] = {
    "geometry": (QByteArray(), _bytes),  # the main window's size and place
    "window_state": (QByteArray(), _bytes),  # where the docks and toolbars are
    "recent_libraries": ([], _paths),
    "author": ("", lambda v: isinstance(v, str) and len(v) <= 200),  # the name on what the user writes
    "appearance": ("system", lambda v: v in ("system", "light", "dark")),  # follow the desktop, or always one
    # Per library: the agreement open when the window closed ("": none) and the view in front, so that
    # a relaunch comes back to where the user was.
    # (The agreement's id as text: the ini format reads every number back as text.)
    "open_agreement": ("", lambda v: isinstance(v, str) and (v == "" or v.isdigit()) and len(v) <= 12),
    "current_view": ("", lambda v: isinstance(v, str) and len(v) <= 40),
    # Who in returned Word files acts for which party: JSON {author: party}, per library.
    "author_map": ("{}", lambda v: isinstance(v, str) and len(v) <= 100_000 and v.startswith("{")),
    # The export dialog's last choices, per library and agreement: JSON {kind, round, to_round, template, target}.
    "export_choices": ("{}", lambda v: isinstance(v, str) and len(v) <= 10_000 and v.startswith("{")),
}


class Settings(QSettings):
    """Negotiator's settings; values that fail their validator read as the default."""

    def __init__(self) -> None:
        super().__init__("Negotiator", "Negotiator")

    def get(self, key: str, scope: str = "") -> object:
        """The stored value for a key (optionally per library), or its default."""
        default, valid = DEFAULTS[key]
        value = self.value(self._key(key, scope), default)
        if isinstance(default, list) and isinstance(value, str):  # the ini format reads a one-item list as text
            value = [value]
        return value if valid(value) else default

    def text(self, key: str, scope: str = "") -> str:
        """The stored value of a key whose values are text (its validator lets only text through)."""
        value = self.get(key, scope)
        if not isinstance(value, str):
            raise TypeError(f"{key} is not a text setting")
        return value

    def paths(self, key: str, scope: str = "") -> list[str]:
        """The stored value of a key whose values are lists of paths (its validator lets only those through)."""
        value = self.get(key, scope)
        if not isinstance(value, list):
            raise TypeError(f"{key} is not a list setting")
        return [str(path) for path in value]

    def put(self, key: str, value: object, scope: str = "") -> None:
        """Store a value if it is valid for its key."""
        _default, valid = DEFAULTS[key]
        if not valid(value):
            raise ValueError(f"{value!r} is not a valid {key}")
        self.setValue(self._key(key, scope), value)

    def remember_library(self, location: str) -> list[str]:
        """Put a library at the top of the recent list (ten at most); returns the list."""
        recent = [location] + [p for p in self.paths("recent_libraries") if p != location]
        self.put("recent_libraries", recent[:RECENT])
        return recent[:RECENT]

    @staticmethod
    def _key(key: str, scope: str) -> str:
        if not scope:
            return key
        return f"{key}/{hashlib.sha256(scope.encode('utf-8')).hexdigest()[:16]}"
