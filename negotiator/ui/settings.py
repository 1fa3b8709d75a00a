"""The app's remembered settings: a QSettings with a table of defaults and validators, so a damaged
or out-of-date settings file can never feed the app a value it cannot use."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from PySide6.QtCore import QSettings

# key -> (default, validator)
DEFAULTS: dict[str, tuple[object, Callable[[object], bool]]] = {
    "acting_party": ("", lambda v: isinstance(v, str) and len(v) <= 200),
    # Who in returned Word files acts for which party: JSON {author: party}, per library.
    "author_map": ("{}", lambda v: isinstance(v, str) and len(v) <= 100_000 and v.startswith("{")),
}


class Settings(QSettings):
    """Negotiator's settings; values that fail their validator read as the default."""

    def __init__(self) -> None:
        super().__init__("Negotiator", "Negotiator")

    def get(self, key: str, scope: str = "") -> object:
        """The stored value for a key (optionally per library), or its default."""
        default, valid = DEFAULTS[key]
        value = self.value(self._key(key, scope), default)
        return value if valid(value) else default

    def put(self, key: str, value: object, scope: str = "") -> None:
        """Store a value if it is valid for its key."""
        _default, valid = DEFAULTS[key]
        if not valid(value):
            raise ValueError(f"{value!r} is not a valid {key}")
        self.setValue(self._key(key, scope), value)

    @staticmethod
    def _key(key: str, scope: str) -> str:
        if not scope:
            return key
        return f"{key}/{hashlib.sha256(scope.encode('utf-8')).hexdigest()[:16]}"
