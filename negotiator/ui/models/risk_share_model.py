"""The risk share table of the terms editor, and the exact text <-> pence / Decimal conversions it shares.

Cells hold the text a user typed, so that a mistyped cell keeps its text and can be reported by term
name; reading the model turns the text into PartyShares without ever going through float.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, overload

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from negotiator.domain import legal_english as say
from negotiator.domain.errors import InvalidInput
from negotiator.domain.parties import Party
from negotiator.domain.term_fields import TermValue, parse_value, party_slug
from negotiator.domain.term_words import TERM_LABELS
from negotiator.domain.terms import PartyShare, RiskShare
from negotiator.domain.terms_rules import TermProblem
from negotiator.ui.models.table_models import Index, RowsModel

PROBLEM_COLOUR = "#b00020"

_EXPECTED = {"money": "an amount in pounds, such as £120,000,000 or 120m, to the penny at most",
             "percent": "a percentage, such as 4 or 2.5%"}


def money_text(pence: int | None) -> str:
    """Pence as the text a money field shows: 4_800_000_000 -> "48,000,000", 150 -> "1.50", None -> ""."""
    if pence is None:
        return ""
    return say.money(pence).replace("minus ", "-").replace("£", "")


def percent_text(value: Decimal | None) -> str:
    """A percentage as the text a field shows, without trailing zeros: Decimal("2.50") -> "2.5"."""
    return "" if value is None else say.percent(value).removesuffix("%")


@overload
def read_value(name: str, kind: Literal["money"], text: str, problems: list[TermProblem],
               label: str | None = None) -> int | None: ...
@overload
def read_value(name: str, kind: Literal["percent"], text: str, problems: list[TermProblem],
               label: str | None = None) -> Decimal | None: ...
@overload
def read_value(name: str, kind: str, text: str, problems: list[TermProblem],
               label: str | None = None) -> TermValue | None: ...
def read_value(name: str, kind: str, text: str, problems: list[TermProblem],
               label: str | None = None) -> TermValue | None:
    """Parse a "money" or "percent" field exactly; on bad text, note a problem naming the term (by ``label``,
    its name in words, else its schedule label) and return None."""
    stripped = text.strip()
    label = label or TERM_LABELS.get(name, name)
    # Exponents are refused: "1e999999999" pounds would take the app down turning it into pence.
    if "e" in stripped.lower() and stripped.lower() != "none":
        problems.append(TermProblem(name, f"{label}: '{text}' is not {_EXPECTED[kind]}."))
        return None
    try:
        return parse_value(name, kind, text, label)
    except InvalidInput as error:
        problems.append(TermProblem(name, str(error)))
    except ArithmeticError:
        problems.append(TermProblem(name, f"{name}: '{text}' is not {_EXPECTED[kind]}."))
    return None


_WORDS = {"gain": "share of gains", "loss": "share of losses", "cap": "cap on losses"}


@dataclass
class _Row:
    party_id: int
    name: str
    slug: str
    about: str
    cells: list[str] = field(default_factory=lambda: ["", "", ""])  # gain %, loss %, loss cap £


class RiskShareModel(RowsModel[_Row]):
    """One row per party of the agreement: its gain share %, loss share % and loss cap £ (all editable)."""

    headers = ("Party", "Gain share %", "Loss share %", "Loss cap £")
    _KINDS = ("percent", "percent", "money")
    _TERMS = ("gain", "loss", "cap")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._order: list[int] = []  # party ids in the loaded sheet's order, so a round trip is exact

    def set_agreement(self, parties: Mapping[int, Party], risk: RiskShare) -> None:
        """Show these parties with their shares; shares of parties no longer signatories get rows too."""
        self.beginResetModel()
        self._rows = [_Row(pid, party.name, party_slug(party), f"{party.short_name} · {party.type.label}")
                      for pid, party in parties.items()]
        for share in risk.shares:
            if share.party_id not in parties:
                self._rows.append(_Row(share.party_id, f"Party {share.party_id} (not a signatory)",
                                       f"party-{share.party_id}", "This party no longer signs the agreement"))
        for row in self._rows:
            held = risk.share_of(row.party_id)
            if held is not None:
                row.cells = [percent_text(held.gain), percent_text(held.loss), money_text(held.loss_cap)]
        self._order = [share.party_id for share in risk.shares]
        self.endResetModel()

    def party_id(self, row: int) -> int:
        """The party shown in a row."""
        return self._rows[row].party_id

    def typed_terms(self) -> dict[str, str]:
        """Each party's gain, loss and cap by term name (``risk_share.<party>.gain``), with the text typed."""
        return {f"risk_share.{row.slug}.{term}": text.strip() for row in self._rows
                for term, text in zip(self._TERMS, row.cells, strict=True)}

    def set_typed_terms(self, texts: Mapping[str, str]) -> None:
        """Put typed text back in the cells it was read from (``risk_share.<party>.gain`` and so on)."""
        for number, row in enumerate(self._rows):
            for column, term in enumerate(self._TERMS, start=1):
                name = f"risk_share.{row.slug}.{term}"
                if name in texts:
                    self.setData(self.index(number, column), texts[name])

    def read_shares(self) -> tuple[tuple[PartyShare, ...], list[TermProblem]]:
        """The shares as typed, and a problem for each cell that is not a number; bad cells count as empty."""
        problems: list[TermProblem] = []
        found: list[tuple[int, PartyShare]] = []
        for position, row in enumerate(self._rows):
            name, (gain_text, loss_text, cap_text) = f"risk_share.{row.slug}", row.cells
            gain = read_value(f"{name}.gain", "percent", gain_text, problems, f"{row.name}'s {_WORDS['gain']}")
            loss = read_value(f"{name}.loss", "percent", loss_text, problems, f"{row.name}'s {_WORDS['loss']}")
            cap = read_value(f"{name}.cap", "money", cap_text, problems, f"{row.name}'s {_WORDS['cap']}")
            if gain is None and loss is None and cap is None:
                continue  # no share: a cap alone is kept, for the terms rules to refuse in their words
            rank = self._order.index(row.party_id) if row.party_id in self._order else len(self._order) + position
            found.append((rank, PartyShare(row.party_id, gain or Decimal(0), loss or Decimal(0), cap)))
        return tuple(share for _rank, share in sorted(found, key=lambda pair: pair[0])), problems

    def _cell_problem(self, row: _Row, column: int) -> str | None:
        problems: list[TermProblem] = []
        term, kind = self._TERMS[column - 1], self._KINDS[column - 1]
        read_value(f"risk_share.{row.slug}.{term}", kind, row.cells[column - 1], problems,
                   f"{row.name}'s {_WORDS[term]}")
        return problems[0].message if problems else None

    def row_of(self, slug: str) -> int | None:
        """The row of the party that term names call ``slug``, if it has one here."""
        return next((i for i, row in enumerate(self._rows) if row.slug == slug), None)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """The party column is read-only; the others can be edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if index.column() == 0 else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """What a cell shows: "50%" and "£2,000,000" when the text is a number, the typed text otherwise."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.name
            return row.about if role == Qt.ItemDataRole.ToolTipRole else None
        text = row.cells[column - 1]
        problem = self._cell_problem(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return text
        if role == Qt.ItemDataRole.DisplayRole:
            if problem:
                return text
            if not text.strip():
                return self.tr("No cap") if column == 3 else text  # the words Word shows too
            if column < 3:
                share = parse_value("cell", "percent", text)
                return text if share is None else say.percent(share)  # None: "none" typed
            cap = parse_value("cell", "money", text)
            return text if cap is None else say.money(cap)
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or self.tr(("Share of any gain, in per cent", "Share of any loss, in per cent",
                                       "Most this party can lose, in pounds; leave empty for no cap")[column - 1])
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return QColor(PROBLEM_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Take typed text (or a number) for a gain, loss or cap cell; the text is checked when read."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        if not 0 <= index.row() < len(self._rows):
            return False
        text = "" if value is None else str(value)
        row = self._rows[index.row()]
        if row.cells[index.column() - 1] != text:
            row.cells[index.column() - 1] = text
            self.dataChanged.emit(index, index)
        return True
