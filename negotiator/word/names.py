"""Bookmark names for anchors, and back.

Word bookmark names hold letters, digits and underscores, at most 40 characters; a leading
underscore hides the bookmark from Word's bookmark list, which is what an anchor wants. An anchor
made of letters and digits in dot-separated parts (``s12``, ``s12.p2``, ``term.payment.days``) that
fits becomes ``_`` plus the anchor with dots as underscores (``_s12_p2``) and reads straight back.
Any other anchor (spaces, punctuation, too long) becomes ``__`` plus a readable prefix and a hash;
only a list of candidate anchors can map that back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

MAX_LENGTH = 40
_PLAIN = re.compile(r"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$")
_PLAIN_NAME = re.compile(r"^_[A-Za-z0-9]+(_[A-Za-z0-9]+)*$")
_NOT_NAME = re.compile(r"[^A-Za-z0-9]+")
_HASH = 12


def bookmark_name(anchor: str) -> str:
    """The hidden Word bookmark name for ``anchor``: deterministic and at most 40 characters."""
    if _PLAIN.match(anchor) and len(anchor) < MAX_LENGTH:
        return "_" + anchor.replace(".", "_")
    digest = hashlib.sha1(anchor.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH]
    prefix = _NOT_NAME.sub("_", anchor).strip("_")[: MAX_LENGTH - 3 - _HASH]
    return f"__{prefix}_{digest}" if prefix else f"__{digest}"


def anchor_for_bookmark(name: str, known: Iterable[str] = ()) -> str | None:
    """The anchor a bookmark stands for, or ``None`` when it is not one of ours.

    Plain names decode on their own; hashed names (``__…``) are looked up among ``known`` anchors.
    When ``known`` is given, a decoded plain name must be one of them too (Word's own hidden
    bookmarks such as ``_GoBack`` then come back as ``None``).
    """
    candidates = set(known)
    if name.startswith("__"):
        matches = [anchor for anchor in candidates if bookmark_name(anchor) == name]
        return matches[0] if len(matches) == 1 else None
    if not _PLAIN_NAME.match(name):
        return None
    anchor = name[1:].replace("_", ".")
    if candidates and anchor not in candidates:
        return None
    return anchor
