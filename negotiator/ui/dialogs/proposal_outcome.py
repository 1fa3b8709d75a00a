"""What became of a proposal the Propose dialog handed on, apart from the dialog itself: the controllers
answer with it, and load the dialog only when one is first opened."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    """What became of a proposal the dialog handed on: made (close), cancelled (close) or refused (stay open)."""

    MADE = "made"
    CANCELLED = "cancelled"
    REFUSED = "refused"


Submit = Callable[[dict[str, Any]], Outcome]  # given the dialog's values()
