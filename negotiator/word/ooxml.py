"""WordprocessingML names, text that XML can carry, Word's date format and a parser that is safe on
files from outside (no entities, no DTD, no network)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"
PRESERVE = f"{{{XML_NS}}}space"
WORD_URI = "http://schemas.microsoft.com/office/word"

# Characters XML 1.0 cannot carry (C0 controls other than tab, LF and CR; lone surrogates;
# U+FFFE/U+FFFF). A carriage return could be carried but Word reads it as nothing sensible.
_UNCARRIABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def w(local: str) -> str:
    """The Clark name of a ``w:`` element or attribute: ``w("p")`` is ``{…/main}p``."""
    return f"{{{W_NS}}}{local}"


def safe_parser() -> etree.XMLParser:
    """A parser for untrusted parts: entities unresolved, no DTD, no network, no huge-tree tricks."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_blank_text=False)


def parse_part(data: bytes) -> etree._Element:
    """Parse one XML part of a package with :func:`safe_parser`."""
    return etree.fromstring(data, safe_parser())


def word_text(text: str) -> tuple[str, str | None]:
    """The text as a .docx can hold it, and a warning when something had to change.

    Control characters XML cannot carry become U+FFFD; a carriage return (alone or before a line
    feed) becomes a line break, which is what a typed CR meant.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        cleaned, count = _UNCARRIABLE.subn(REPLACEMENT, text)
        return cleaned, "a carriage return was written as a line break" + (
            f"; {count} control character(s) were replaced with U+FFFD" if count else "")
    if _UNCARRIABLE.search(text) is None:
        return text, None
    cleaned, count = _UNCARRIABLE.subn(REPLACEMENT, text)
    return cleaned, f"{count} control character(s) that a .docx cannot hold were replaced with U+FFFD"


def has_uncarriable(text: str) -> bool:
    """Whether ``text`` holds a character that XML 1.0 cannot carry."""
    return _UNCARRIABLE.search(text) is not None


def word_date(moment: datetime) -> str:
    """``w:date`` for a moment: UTC, to the second, with a ``Z`` (a naive time is taken as UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


def is_word_date(value: str) -> bool:
    """Whether ``value`` is an ``xsd:dateTime`` as Word writes it (a real calendar moment)."""
    if not _DATE.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def needs_preserve(text: str) -> bool:
    """Whether a ``w:t``/``w:delText`` holding ``text`` needs ``xml:space="preserve"``."""
    return text[:1].isspace() or text[-1:].isspace() or "  " in text


def read_part(source: Path | bytes, name: str) -> etree._Element | None:
    """One XML part of a .docx (a path or the bytes), parsed safely; ``None`` when absent."""
    with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as package:
        try:
            data = package.read(name)
        except KeyError:
            return None
    return parse_part(data)
