"""Full-text search over the latest clause versions: FTS5 on SQLite, PostgreSQL's own text search
on PostgreSQL, a plain scan elsewhere."""

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

# The same weighting on PostgreSQL: the title is weight A, the body D, ranked 1.0 against 0.2.
# The vector is written exactly as in the expression index of migration 0002, so the index is used.
SEARCH_VECTOR = ("(setweight(to_tsvector('simple'::regconfig, {v}.title), 'A') || "
                 "setweight(to_tsvector('simple'::regconfig, {v}.text), 'D'))")
_TS_QUERY = f"""
SELECT key, title, category, latest_number, ts_headline('simple'::regconfig, body, query, :options) AS snip
FROM (
    SELECT c.key, c.title, c.category, c.latest_number, v.text AS body, q.query,
           ts_rank(CAST(:weights AS real[]), {SEARCH_VECTOR.format(v="v")}, q.query) AS rank
    FROM clause c
    JOIN clause_version v ON v.clause_id = c.id AND v.number = c.latest_number
    CROSS JOIN to_tsquery('simple'::regconfig, :query) AS q(query)
    WHERE NOT c.retired AND {SEARCH_VECTOR.format(v="v")} @@ q.query {{category}}
    ORDER BY rank DESC, c.key
    LIMIT :limit
) AS hits
ORDER BY rank DESC, key
"""
_WEIGHTS = [0.2, 0.2, 0.2, 1.0]  # of the weights D, C, B, A
_HEADLINE = f'StartSel="{MATCH_START}", StopSel="{MATCH_END}", MaxWords=16, MinWords=8, ShortWord=0'


def search_clauses(session: Session, words: list[str], category: str | None, limit: int) -> list[SearchHit]:
    """Clauses whose latest title or text holds every word (as a word prefix), best first."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return _fts(session, words, category, limit)
    if dialect == "postgresql":
        return _text_search(session, words, category, limit)
    return _scan(session, words, category, limit)


def _fts(session: Session, words: list[str], category: str | None, limit: int) -> list[SearchHit]:
    # Each word is quoted, so nothing the user types is read as FTS5 syntax.
    query = " ".join(f'"{word}"*' for word in words)
    sql = _FTS_QUERY.format(category="AND c.category = :category" if category else "")
    rows = session.execute(text(sql), {"query": query, "category": category, "limit": limit})
    return [SearchHit(key, title, cat, number, snip) for key, title, cat, number, snip in rows]


def _text_search(session: Session, words: list[str], category: str | None, limit: int) -> list[SearchHit]:
    # The words are letters and digits only (query_words), so quoting each as a prefix lexeme
    # leaves nothing the user types to be read as query syntax.
    query = " & ".join(f"'{word}':*" for word in words)
    sql = _TS_QUERY.format(category="AND c.category = :category" if category else "")
    rows = session.execute(text(sql), {"query": query, "category": category, "limit": limit,
                                       "weights": _WEIGHTS, "options": _HEADLINE})
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
