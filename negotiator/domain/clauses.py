"""Library clauses and their immutable, hash-chained versions."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from negotiator.domain.agreements import AgreementKind
from negotiator.domain.errors import InvalidInput

KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
MAX_TITLE = 200
MAX_CATEGORY = 80
MAX_TEXT = 100_000
# XML (and so Word) cannot carry these; refusing them here keeps every later export valid. Lone
# surrogates are refused too: SQLite cannot store them (UTF-8 has no encoding for them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Clause:
    """A clause in the library: its stable identity plus a summary of its latest version."""

    key: str
    title: str
    category: str
    kinds: tuple[AgreementKind, ...]
    latest_number: int
    retired: bool = False


@dataclass(frozen=True)
class ClauseVersion:
    """One immutable version of a clause's wording."""

    key: str
    number: int
    title: str
    text: str
    author: str
    created_at: datetime
    note: str
    parent_hash: str
    content_hash: str

    @property
    def id(self) -> str:
        """Stable identifier used in JSON output and exchange files."""
        return f"{self.key}@{self.number}"

    def expected_hash(self) -> str:
        """The hash this version should carry, recomputed from what is stored."""
        return version_hash(
            self.key, self.number, self.parent_hash, self.title, self.text,
            self.author, self.created_at, self.note,
        )


@dataclass(frozen=True)
class ClauseDraft:
    """What a user or an import file supplies to create a clause."""

    key: str
    title: str
    category: str
    kinds: tuple[AgreementKind, ...]
    text: str
    note: str = ""


def utc_now() -> datetime:
    """Current time in UTC, to the microsecond (what every stored timestamp uses)."""
    return datetime.now(UTC)


def format_time(moment: datetime) -> str:
    """Canonical ISO 8601 UTC text for a timestamp, used in hashes and storage."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime:
    """Inverse of :func:`format_time`; also reads any ISO 8601 time another library may send (with or
    without fractions of a second, with any UTC offset; one with no offset is taken as UTC)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def version_hash(
    key: str, number: int, parent_hash: str, title: str, text: str,
    author: str, created_at: datetime, note: str,
) -> str:
    """SHA-256 over a clause version's text and metadata, chained to its parent's hash."""
    return chain_hash(key, number, parent_hash, title, text, author, format_time(created_at), note)


# One encoder for every hash: json.dumps builds a new one on every call, and that was most of the cost
# of checking a hundred thousand versions. The same settings give the same text, so the same hashes.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_C_ENCODER = getattr(json.encoder, "c_make_encoder", None)
_ENCODE = (_C_ENCODER(None, _CANONICAL.default, json.encoder.encode_basestring, None, ":", ",", False, False, True)
           if _C_ENCODER is not None else None)


def canonical_json(fields: list[str | int | None]) -> str:
    """The canonical JSON text of a list of fields: what every chain hash is taken over."""
    return "".join(_ENCODE(fields, 0)) if _ENCODE is not None else _CANONICAL.encode(fields)


def chain_hash(*fields: str | int | None) -> str:
    """SHA-256 of an ordered list of fields (one of them the parent's hash), as canonical JSON."""
    return hashlib.sha256(canonical_json(list(fields)).encode("utf-8")).hexdigest()


def check_key(key: str) -> str:
    """Return the key if it is usable as a stable clause key, else explain the rule."""
    if not KEY_PATTERN.match(key):
        raise InvalidInput(
            f"'{key}' is not a valid clause key: use 1 to 80 lower-case letters, digits, "
            "dots, hyphens or underscores, starting with a letter or digit.",
            field="key",
        )
    return key


def check_text(field: str, value: str, *, limit: int, required: bool = True) -> str:
    """Validate a free-text field: present, within its length, free of control characters."""
    if not isinstance(value, str):
        raise InvalidInput(f"{field} must be text.", field=field)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if required and not value.strip():
        raise InvalidInput(f"{field} is empty: write some text.", field=field)
    if len(value) > limit:
        raise InvalidInput(f"{field} is {len(value)} characters long; the limit is {limit}.", field=field)
    found = _CONTROL.search(value)
    if found:
        code = ord(found.group())
        what = "an invalid character (half of a UTF-16 pair)" if 0xD800 <= code <= 0xDFFF else \
            "the non-character" if code >= 0xFFFE else "the control character"
        raise InvalidInput(f"{field} contains {what} U+{code:04X}, which a Word document cannot hold: remove it.",
                           field=field)
    return value


def check_kinds(values: object) -> tuple[AgreementKind, ...]:
    """Validate the agreement kinds a clause suits (at least one, all known)."""
    if isinstance(values, str) or not isinstance(values, list | tuple) or not values:
        raise InvalidInput("kinds must be a non-empty list of agreement kinds.", field="kinds")
    kinds: list[AgreementKind] = []
    for value in values:
        try:
            kind = AgreementKind(value)
        except ValueError:
            known = ", ".join(k.value for k in AgreementKind)
            raise InvalidInput(
                f"unknown agreement kind '{value}'; expected one of {known}.", field="kinds"
            ) from None
        if kind not in kinds:
            kinds.append(kind)
    return tuple(kinds)


def check_clause_placeholders(text: str) -> None:
    """Refuse wording that refers to a term no agreement can have (caught on save, not at export)."""
    from negotiator.domain.placeholders import check_placeholders
    from negotiator.domain.term_fields import FIELDS, is_term_name

    check_placeholders(text, is_term_name, examples=list(FIELDS))


def check_draft(draft: ClauseDraft) -> ClauseDraft:
    """Validate every field of a new clause, returning the normalised draft."""
    check_clause_placeholders(draft.text)
    return ClauseDraft(
        key=check_key(draft.key),
        title=check_text("title", draft.title, limit=MAX_TITLE).strip(),
        category=check_text("category", draft.category, limit=MAX_CATEGORY).strip(),
        kinds=check_kinds(list(draft.kinds)),
        text=check_text("text", draft.text, limit=MAX_TEXT).strip("\n"),
        note=check_text("note", draft.note, limit=MAX_TITLE * 5, required=False).strip(),
    )
