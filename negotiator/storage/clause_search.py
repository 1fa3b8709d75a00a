"""Full-text search over the latest clause versions: FTS5 on SQLite, a plain scan elsewhere."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select, text
from sqlalchemy.orm import Session

from negotiator.domain.search import MATCH_END, MATCH_START, SearchHit, fallback_snippet
from negotiator.storage.models import ClauseRow, ClauseVersionRow

# Title matches weigh more than body matches: a clause titled "Payment" is the best hit for it.
_FTS_QUERY = f"""
SELECT c.key, c.title, c.category, c.latest_number,
       snippet(clause_search, 1, '{MATCH_START}', '{MATCH_END}', '…', 16) AS snip
FROM clause_search JOIN clause c ON c.id = clause_search.rowid
WHERE clause_search MATCH :query {{category}}
ORDER BY bm25(clause_search, 5.0, 1.0), c.key
LIMIT :limit
"""


def search_clauses(session: Session, words: list[str], category: str | None, limit: int) -> list[SearchHit]:
    """Clauses whose latest title or text holds every word (as a word prefix), best first."""
    if session.get_bind().dialect.name == "sqlite":
        return _fts(session, words, category, limit)
    return _scan(session, words, category, limit)


def _fts(session: Session, words: list[str], category: str | None, limit: int) -> list[SearchHit]:
    # Each word is quoted, so nothing the user types is read as FTS5 syntax.
    query = " ".join(f'"{word}"*' for word in words)
    sql = _FTS_QUERY.format(category="AND c.category = :category" if category else "")
    rows = session.execute(text(sql), {"query": query, "category": category, "limit": limit})
    return [SearchHit(key, title, cat, number, snip) for key, title, cat, number, snip in rows]


def _scan(session: Session, words: list[str], category: str | None, limit: int) -> list[SearchHit]:
    title = func.lower(ClauseVersionRow.title)
    body = func.lower(ClauseVersionRow.text)
    conditions = [or_(title.contains(w, autoescape=True), body.contains(w, autoescape=True)) for w in words]
    query = (
        select(ClauseRow, ClauseVersionRow.text)
        .join(ClauseVersionRow, and_(
            ClauseVersionRow.clause_id == ClauseRow.id, ClauseVersionRow.number == ClauseRow.latest_number
        ))
        .where(ClauseRow.retired.is_(False), *conditions)
    )
    if category:
        query = query.where(ClauseRow.category == category)
    scored = []
    for row, body_text in session.execute(query):
        lowered_title, lowered_body = row.title.lower(), body_text.lower()
        score = sum(5 * lowered_title.count(w) + lowered_body.count(w) for w in words)
        scored.append((-score, row.key, SearchHit(
            row.key, row.title, row.category, row.latest_number, fallback_snippet(body_text, words)
        )))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [hit for _, _, hit in scored[:limit]]
