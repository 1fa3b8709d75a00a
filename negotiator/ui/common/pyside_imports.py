"""PySide6 looks at every module imported after it to learn whether the module uses PySide6 (so that its
``__feature__`` switches, which this app does not use, apply only there). It reads each module's source
through ``inspect.getsource``: the file decoded, split into lines and kept in ``linecache``. For the
hundreds of modules the window and SQLAlchemy load, that is about a tenth of the time it takes to open a
library, and megabytes of source text held for nothing.

:func:`lighten_feature_check` gives PySide6 the same answer the cheap way: whether the bytes of the file
hold "PySide6". Modules without a source file still get PySide6's own check. Should a PySide6 release
rename or drop the check, nothing is changed (see docs/decisions/0017-start-up-by-the-numbers.md).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def lighten_feature_check() -> bool:
    """Put the light check in place of PySide6's; False when PySide6 has no such check to replace."""
    import PySide6  # noqa: F401  (its start-up loads the feature module)

    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream):
        return False
    if not isinstance(upstream, LightCheck):  # not already in place
        vars(feature)["_mod_uses_pyside"] = LightCheck(upstream)  # the name PySide6 calls it by
    return True


class LightCheck:
    """PySide6's question (does this module use PySide6?) answered from the bytes of its source file."""

    def __init__(self, upstream: Callable[[ModuleType], bool]) -> None:
        self.upstream = upstream  # PySide6's own check, for modules with no source file to read

    def __call__(self, module: ModuleType) -> bool:
        """Whether ``module``'s source mentions PySide6, as PySide6 itself decides it."""
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return self.upstream(module)  # built in, compiled, or loaded from an archive: as PySide6 does it
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return self.upstream(module)
