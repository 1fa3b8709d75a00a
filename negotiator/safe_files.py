"""Writing a file the user asked for so that a failure never costs them the file already there."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from negotiator.domain.errors import InvalidInput


def write_safely(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a failure (a full disk, a removed memory stick) leaves whatever
    was at ``path`` as it was: the bytes go to a temporary file beside it, flushed to disk, then renamed
    over it, and the rename is made durable where the platform allows."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise InvalidInput(f"Cannot write {path}: {error.strerror or error}.", field="out") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise InvalidInput(f"Cannot write {path}: {error.strerror or error}. Nothing was changed: any file "
                               "already there is as it was.", field="out") from None
        raise
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable where the platform allows it."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
