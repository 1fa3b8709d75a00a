"""Search queries over the clause library, independent of the database behind them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from negotiator.domain.errors import InvalidInput

# Snippets mark matched words with these two characters; views turn them into bold or brackets.
MATCH_START = "\x02"
MATCH_END = "\x03"
MAX_WORDS = 20


@dataclass(frozen=True)
class SearchHit:
    """A clause whose latest version matches a search, best first."""

    key: str
    title: str
    category: str
    latest_number: int
    snippet: str


def query_words(query: str) -> list[str]:
    """The words to look for: letters and digits only, lower case, duplicates removed."""
    words = list(dict.fromkeys(re.findall(r"\w+", query.lower())))
    if not words:
        raise InvalidInput("Type at least one word to search for.")
    if len(words) > MAX_WORDS:
        raise InvalidInput(f"Search for at most {MAX_WORDS} words at a time.")
    return words


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Cut a marked snippet into (text, is_match) pieces."""
    parts: list[tuple[str, bool]] = []
    for piece in re.split(f"({MATCH_START}.*?{MATCH_END})", snippet):
        if piece.startswith(MATCH_START):
            parts.append((piece[1:-1], True))
        elif piece:
            parts.append((piece, False))
    return parts


def plain_snippet(snippet: str, start: str = "[", end: str = "]") -> str:
    """A snippet with its matches shown between brackets (for the command line)."""
    return "".join(f"{start}{text}{end}" if hit else text for text, hit in snippet_parts(snippet))


def fallback_snippet(text: str, words: list[str], width: int = 12) -> str:
    """A snippet made without a search engine: the words around the first match, marked."""
    tokens = text.split()
    lowered = [re.sub(r"\W", "", t.lower()) for t in tokens]
    first = next((i for i, t in enumerate(lowered) if any(t.startswith(w) for w in words)), 0)
    start = max(0, first - width // 2)
    shown = []
    for token, plain in zip(tokens[start:start + width], lowered[start:start + width], strict=True):
        hit = any(plain.startswith(w) for w in words)
        shown.append(f"{MATCH_START}{token}{MATCH_END}" if hit else token)
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(tokens) else ""
    return prefix + " ".join(shown) + suffix
