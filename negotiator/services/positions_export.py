"""The positions matrix out of the app: a CSV file for a spreadsheet, or a Word document with the
matrix as a table, both in the words the app shows (terms by name, values as people write them,
each wording proposal as the words it changes)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from negotiator.domain.clauses import utc_now
from negotiator.domain.document import Cell, Paragraph, Row, Run, Table, WordDocument
from negotiator.domain.errors import InvalidInput
from negotiator.domain.legal_english import long_date
from negotiator.domain.positions import matrix_rows
from negotiator.safe_files import write_safely
from negotiator.services.positions_matrix import PositionsService

FORMATS = (".csv", ".docx")


def export_positions(matrix_service: PositionsService, agreement: int | str, title: str, out: Path) -> Path:
    """Write the agreement's positions matrix to ``out`` (.csv or .docx, by its suffix), safely: a
    failure leaves a file already there as it was."""
    out = Path(out)
    if out.suffix.lower() not in FORMATS:
        raise InvalidInput(f"{out.name}: the positions matrix is written to a .csv or a .docx file.", field="out")
    if not out.parent.exists():
        raise InvalidInput(f"Cannot write {out}: the folder {out.parent} does not exist.", field="out")
    matrix = matrix_service.positions(agreement)
    table = matrix_rows(matrix.rows, [p.name for p in matrix.parties])
    if out.suffix.lower() == ".csv":
        text = io.StringIO(newline="")
        csv.writer(text).writerows(table)
        write_safely(out, ("\ufeff" + text.getvalue()).encode("utf-8"))  # the mark tells Excel it is UTF-8
        return out
    from negotiator.word.writer import docx_bytes  # python-docx loads only when a file is written

    write_safely(out, docx_bytes(_document(title, table)))
    return out


def _document(title: str, table: list[list[str]]) -> WordDocument:
    """A heading, the date, and the matrix as a table with its header row."""
    rows = [Row(tuple(Cell((Paragraph((Run(text, bold=index == 0),)),)) for text in cells), header=index == 0)
            for index, cells in enumerate(table)]
    blocks = (Paragraph((Run(f"Positions: {title}"),), style="Title"),
              Paragraph((Run(f"As recorded on {long_date(utc_now().date())}"),)),
              Table(tuple(rows)))
    return WordDocument(blocks, header=title, footer="Positions matrix")
