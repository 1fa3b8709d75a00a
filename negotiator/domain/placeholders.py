"""Placeholders that tie clause wording to typed commercial terms: "{{payment.days}}".

A placeholder is a lowercase dotted name between double braces; each part of the name is made of
letters, digits, hyphens and underscores ("{{risk_share.provider-b.gain}}"). Spaces just inside the
braces are allowed: "{{ payment.days }}".
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence

from negotiator.domain.errors import InvalidInput
from negotiator.domain.legal_english import join_names

_SEGMENT = r"[a-z0-9_-]+"
PLACEHOLDER = re.compile(r"\{\{\s*(" + _SEGMENT + r"(?:\." + _SEGMENT + r")*)\s*\}\}")

_MAX_EXAMPLES = 3
_SNIPPET_LIMIT = 40
_HOW_TO_WRITE = (
    "Write a placeholder as {{name}}: lowercase letters, digits, hyphens and underscores, "
    "with dots between the parts of the name"
)


def placeholders_in(text: str) -> list[str]:
    """Return the names of the well-formed placeholders in text, in order of first appearance, once each."""
    return list(dict.fromkeys(match.group(1) for match in PLACEHOLDER.finditer(text)))


def _malformed(text: str) -> tuple[str, bool] | None:
    """Find the first "{{" that does not open a well-formed placeholder.

    Returns what it starts (shortened for the message) and whether it has a closing "}}", or None.
    """
    # Blank out the good placeholders with a character that cannot form "{{" with its neighbours.
    rest = PLACEHOLDER.sub(lambda match: "\0" * len(match.group(0)), text)
    start = rest.find("{{")
    if start < 0:
        return None
    # The snippet runs to the first "}}" (included), or else up to the next "{{", line end or end of text.
    stops = [i for i in (text.find("{{", start + 2), text.find("\n", start), len(text)) if i >= 0]
    stop = min(stops)
    close = text.find("}}", start + 2)
    closed = 0 <= close < stop
    snippet = text[start : close + 2] if closed else text[start:stop].rstrip()
    if len(snippet) > _SNIPPET_LIMIT:
        snippet = snippet[:_SNIPPET_LIMIT] + "…"
    return snippet, closed


def _hint(names: Sequence[str], examples: Sequence[str]) -> str:
    """Suggest up to three term names, those most like the wrong ones first."""
    candidates = list(dict.fromkeys(examples))
    if not candidates:
        return "Use one of the term names this agreement has."
    close: list[str] = []
    for name in names:
        close.extend(difflib.get_close_matches(name, candidates, n=_MAX_EXAMPLES))
    ordered = list(dict.fromkeys([*close, *candidates]))[:_MAX_EXAMPLES]
    shown = [f"{{{{{example}}}}}" for example in ordered]
    if len(shown) == 1:
        return f"Use one of the term names, such as {shown[0]}."
    return f"Use one of the term names, such as {', '.join(shown[:-1])} or {shown[-1]}."


def check_placeholders(text: str, known: Callable[[str], bool], *, examples: Sequence[str] = ()) -> None:
    """Raise InvalidInput (field "text") when the wording has a malformed placeholder or names an unknown term.

    known(name) says whether the agreement has a term of that name; examples (up to three are shown,
    the closest to the wrong name first) point the user at names that do exist.
    """
    malformed = _malformed(text)
    if malformed is not None:
        snippet, closed = malformed
        why = "which is not a valid placeholder" if closed else "which has no closing }}"
        raise InvalidInput(
            f'The wording has "{snippet}", {why}. {_HOW_TO_WRITE}. {_hint((), examples)}',
            field="text",
        )
    unknown = [name for name in placeholders_in(text) if not known(name)]
    if not unknown:
        return
    shown = join_names([f"{{{{{name}}}}}" for name in unknown])
    what = "which is not a term this agreement has" if len(unknown) == 1 else "which are not terms this agreement has"
    raise InvalidInput(f"The wording refers to {shown}, {what}. {_hint(unknown, examples)}", field="text")


def render(text: str, value_of: Callable[[str], str | None]) -> str:
    """Replace each placeholder with value_of(name), or "[name not yet agreed]" when that is None.

    Values are inserted as they are and not searched for placeholders again. Text that is not a
    well-formed placeholder (such as "{{payment days}}") is left as written.
    """
    if "{{" not in text:
        return text
    cache: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in cache:
            value = value_of(name)
            cache[name] = f"[{name} not yet agreed]" if value is None else value
        return cache[name]

    return PLACEHOLDER.sub(replace, text)
