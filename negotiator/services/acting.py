"""Who the user acts for. Every write to an agreement, and every redline, is made in a party's name:
the one chosen with ``--as`` or Negotiation → Act For…, remembered per library. Nothing is ever
attributed to the operating system's user."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from negotiator.domain.errors import InvalidInput

_LOG = logging.getLogger(__name__)


class Acting:
    """The acting party of one open library, shared by its services."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.party: str | None = None  # the party's full name, once chosen

    def require(self, doing: str = "change an agreement") -> str:
        """The acting party's name; refuse, saying how to choose one, when none is chosen."""
        if not self.party:
            raise InvalidInput(f"Say which party you act for before you {doing}: `--as PARTY` on the command line "
                               "(its name or short name), or Negotiation → Act For… in the app.", field="as")
        return self.party


def _key(location: str) -> str:
    return hashlib.sha256(location.encode("utf-8")).hexdigest()[:24]


def remembered_party(location: str) -> str | None:
    """The party last acted for in this library, if one was remembered."""
    from negotiator.locations import remembered_parties_file

    try:
        data = json.loads(Path(remembered_parties_file()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get(_key(location)) if isinstance(data, dict) else None
    return value if isinstance(value, str) and 0 < len(value) <= 200 else None


def remember_party(location: str, party: str) -> None:
    """Remember the party acted for in this library (a failure to write only loses the convenience)."""
    from negotiator.locations import remembered_parties_file

    try:
        path = Path(remembered_parties_file())
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        data = data if isinstance(data, dict) else {}
        data[_key(location)] = party
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        _LOG.warning("could not remember the acting party: %s", error)
