"""Reading a clause-library file (TOML or JSON); the format is documented in docs/library-file.md.

Everything is validated before anything is written, and each problem names the file, the
entry and the field, so the user can fix the file and import it again.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from negotiator.domain.clauses import ClauseDraft, check_draft
from negotiator.domain.errors import InvalidInput
from negotiator.domain.json_data import JsonObject

FORMAT = "negotiator-clause-library"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
_FIELDS = ("key", "title", "category", "kinds", "text")


@dataclass(frozen=True)
class LibraryFile:
    """The validated contents of a clause-library file."""

    title: str
    author: str
    clauses: tuple[ClauseDraft, ...]


def read_library_file(path: Path) -> LibraryFile:
    """Parse and validate a library file; raise InvalidInput naming the first problem found."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInput(f"{name} is {size:,} bytes; a library file may be at most 20 MB.")
        raw = path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror or error}.") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"{name} is not a UTF-8 text file; expected a TOML or JSON library file.") from None
    data = _parse(name, text, json_first=path.suffix.lower() == ".json")
    return parse_library_data(name, data)


def _parse(name: str, text: str, *, json_first: bool) -> JsonObject:
    try:
        data = json.loads(text) if json_first else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
        kind = "JSON" if json_first else "TOML"
        raise InvalidInput(f"{name} is not valid {kind}: {error}.") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{name}: expected a table with 'format' and 'clause' at the top.")
    return data


def parse_library_data(name: str, data: JsonObject) -> LibraryFile:
    """Validate already-parsed library data (the top level of the file)."""
    if data.get("format") != FORMAT:
        raise InvalidInput(f"{name} is not a Negotiator clause library: 'format' must be '{FORMAT}'.")
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise InvalidInput(
            f"{name} uses library format version {version}; this version of Negotiator reads "
            f"version {FORMAT_VERSION}."
        )
    entries = data.get("clause")
    if not isinstance(entries, list) or not entries:
        raise InvalidInput(f"{name} holds no clauses: add at least one [[clause]] entry.")
    drafts: list[ClauseDraft] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        draft = _entry(name, number, entry)
        if draft.key in seen:
            raise InvalidInput(
                f"{name}, entry {number}: clause key '{draft.key}' is already used by entry "
                f"{seen[draft.key]}; each key must be unique."
            )
        seen[draft.key] = number
        drafts.append(draft)
    title, author = data.get("title"), data.get("author")
    return LibraryFile(title=title if isinstance(title, str) else name,
                       author=author if isinstance(author, str) else "", clauses=tuple(drafts))


def _entry(name: str, number: int, entry: object) -> ClauseDraft:
    where = f"{name}, entry {number}"
    if not isinstance(entry, dict):
        raise InvalidInput(f"{where}: expected a table of fields, found {type(entry).__name__}.")
    if isinstance(entry.get("key"), str):
        where += f" (key '{entry['key']}')"
    for field in _FIELDS:
        if field not in entry:
            raise InvalidInput(f"{where}: the field '{field}' is missing.")
    for field in ("key", "title", "category", "text", "note"):
        if field in entry and not isinstance(entry[field], str):
            raise InvalidInput(f"{where}: the field '{field}' must be text.")
    try:
        return check_draft(ClauseDraft(
            key=entry["key"], title=entry["title"], category=entry["category"],
            kinds=entry["kinds"],
            text=entry["text"], note=entry.get("note", ""),
        ))
    except InvalidInput as error:
        raise InvalidInput(f"{where}: field '{error.field}': {error}", field=error.field) from None
