"""Deterministic pseudo-contract texts for measuring how fast comparisons are.

Every function takes a seed, so the same call always gives the same text: timings and results
can be compared between runs and machines.
"""

from __future__ import annotations

import random
import re

_VOCABULARY = (
    "the", "Provider", "Commissioner", "shall", "pay", "within", "days", "of", "receipt", "invoice",
    "Agreement", "Services", "Party", "Parties", "notice", "writing", "reasonable", "endeavours", "terminate",
    "accordance", "with", "Schedule", "clause", "subject", "to", "and", "or", "not", "any", "each", "all",
    "obligations", "under", "this", "in", "respect", "Integrator", "risk", "share", "pool", "budget", "annual",
    "plan", "performance", "indicator", "quality", "standard", "data", "protection", "law", "information",
    "governance", "dispute", "resolution", "procedure", "board", "meeting", "quarter", "year", "financial",
    "payment", "amount", "contract", "price", "commencement", "date", "expiry", "term", "extension", "review",
    "patients", "population", "outcomes", "partners", "system", "NHS", "England", "Trust", "Council", "funding",
    "variation", "consent", "default", "remedy", "breach", "liability", "indemnity", "insurance", "audit",
    "records", "report", "monthly", "promptly", "material", "adverse", "effect", "force", "majeure", "event",
)  # fmt: skip
_NUMBERS = ("10", "14", "20", "28", "30", "45", "50", "60", "90", "120")
_WORD = re.compile(r"[A-Za-z0-9]+")


def _word(rng: random.Random) -> str:
    return rng.choice(_NUMBERS) if rng.random() < 0.06 else rng.choice(_VOCABULARY)


def _sentence(rng: random.Random, length: int) -> list[str]:
    words = [_word(rng) for _ in range(length)]
    words[0] = words[0][:1].upper() + words[0][1:]
    for index in range(2, length - 2):
        if rng.random() < 0.07:
            words[index] += ","
    words[-1] += "."
    return words


def schedule_text(words: int, seed: int) -> str:
    """About ``words`` words of contract-like prose in paragraphs of about 100 words, joined by blank lines."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    remaining = words
    while remaining > 0:
        size = min(remaining, rng.randint(80, 120))
        body: list[str] = []
        while len(body) < size:
            body += _sentence(rng, min(size - len(body), rng.randint(8, 25)))
        paragraphs.append(" ".join(body))
        remaining -= size
    return "\n\n".join(paragraphs)


def _replace(text: str, spans: list[tuple[int, int]], rng: random.Random) -> str:
    out: list[str] = []
    position = 0
    for start, end in sorted(spans):
        old = text[start:end]
        new = old
        while new.lower() == old.lower():
            new = _word(rng)
        out += [text[position:start], new]
        position = end
    return "".join(out) + text[position:]


def scatter_edits(text: str, edits: int, seed: int) -> str:
    """Replace ``edits`` words chosen at random across the whole text with different words."""
    rng = random.Random(seed)
    spans = [match.span() for match in _WORD.finditer(text)]
    return _replace(text, rng.sample(spans, min(edits, len(spans))), rng)


def rewrite(text: str, fraction: float, seed: int) -> str:
    """Replace ``fraction`` of the words of every paragraph, chosen at random, with other words."""
    rng = random.Random(seed)
    paragraphs = text.split("\n\n")
    out: list[str] = []
    for paragraph in paragraphs:
        spans = [match.span() for match in _WORD.finditer(paragraph)]
        out.append(_replace(paragraph, rng.sample(spans, round(len(spans) * fraction)), rng))
    return "\n\n".join(out)
