"""File → Print… and File → Export as PDF…: the open agreement (its numbered sections and terms schedule,
as the clean Word export lays them out) or, when it is in front, the positions matrix, as a
QTextDocument. Qt's print support is loaded only when something is printed, to keep start-up fast."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog

from negotiator.ui.common.errors import show_error

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter  # loaded only when printing

    from negotiator.domain.document import Paragraph, WordDocument
    from negotiator.ui.window.main_window import MainWindow

_STYLE = ("body { font-size: 10pt; } h1 { font-size: 18pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; } "
          "h4 { font-size: 10pt; } table { border-collapse: collapse; } th { text-align: left; }")


def _runs(paragraph: Paragraph) -> str:
    return "".join(f"<b>{escape(r.text)}</b>" if r.bold else escape(r.text) for r in paragraph.runs)


def agreement_html(document: WordDocument) -> str:
    """The agreement as HTML for a QTextDocument: the title page, each heading numbered as Word numbers it
    (1, 1.1, 1.1.1 by level), the wording, and the schedule's tables."""
    from negotiator.domain.document import Table  # the document model loads when something is printed

    parts = [f"<html><head><style>{_STYLE}</style></head><body>"]
    if document.header:
        parts.append(f"<p align='right'><small>{escape(document.header)}</small></p>")
    counters: list[int] = []
    for block in document.blocks:
        if isinstance(block, Table):
            parts.append("<table border='1' cellspacing='0' cellpadding='4' width='100%'>")
            for row in block.rows:
                cell = "th" if row.header else "td"
                texts = ("<br/>".join(_runs(p) for p in c.paragraphs) for c in row.cells)
                parts.append("<tr>" + "".join(f"<{cell}>{text}</{cell}>" for text in texts) + "</tr>")
            parts.append("</table>")
            continue
        brk = " style='page-break-before: always'" if block.page_break_before else ""
        text = _runs(block)
        if block.style == "Title":
            parts.append(f"<h1{brk}>{text}</h1>")
        elif block.style == "Subtitle":
            parts.append(f"<p{brk}><i>{text}</i></p>")
        elif block.style.startswith("Heading "):
            level = int(block.style.split()[1])
            if block.numbered:
                counters = (counters + [0] * level)[:level]
                counters[level - 1] += 1
                text = f"{'.'.join(map(str, counters))} {text}"
            parts.append(f"<h{level + 1}{brk}>{text}</h{level + 1}>")
        else:
            parts.append(f"<p{brk}>{text}</p>")
    if document.footer:
        parts.append(f"<p><small>{escape(document.footer)}</small></p>")
    return "".join(parts) + "</body></html>"


def table_html(title: str, model: QAbstractItemModel, notes: list[str]) -> str:
    """A table model as HTML: a heading, the column titles and every row's text, then ``notes``."""
    columns = range(model.columnCount())
    head = "".join(f"<th>{escape(str(model.headerData(c, Qt.Orientation.Horizontal) or ''))}</th>" for c in columns)
    rows = "".join("<tr>" + "".join(f"<td>{escape(str(model.index(r, c).data() or ''))}</td>" for c in columns)
                   + "</tr>" for r in range(model.rowCount()))
    key = "".join(f"<p><small>{escape(note)}</small></p>" for note in notes)
    return (f"<html><head><style>{_STYLE}</style></head><body><h2>{escape(title)}</h2>"
            f"<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{rows}</table>{key}"
            "</body></html>")


def _printer(pdf: Path | None = None) -> QPrinter:
    """A high-resolution printer on A4; writing a PDF file when ``pdf`` is given."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    if pdf is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
    return printer


class PrintActions(QObject):
    """Prints, or writes as PDF, what the window has in front: the agreement or its positions matrix."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.printer: QPrinter | None = None  # the last one chosen: the dialog offers its settings again

    def positions_in_front(self) -> bool:
        """Whether the positions matrix is the view in front (else the agreement is printed)."""
        view = self.window.agreements.view
        positions = self.window.views.positions_page
        return self.window.central.currentWidget() is view and view.tabs.currentWidget() is positions

    def document(self) -> tuple[str, QTextDocument] | None:
        """What would be printed now, with its title; None (and a dialog saying why) when nothing can be."""
        window = self.window
        agreement = window.agreements.current
        if window.workspace is None or agreement is None:
            return None
        title = window.agreements.view.agreement.title if window.agreements.view.agreement else ""
        document = QTextDocument(self)
        if self.positions_in_front():
            positions = window.views.positions_model.positions
            notes = [f"{p.short_name}: {p.name}" for p in positions.parties] if positions else []
            name = self.tr("Positions on %1").replace("%1", title)
            document.setHtml(table_html(name, window.views.positions_model, notes))
            return name, document
        try:
            exported = window.workspace.export.clean_document(agreement)
        except Exception as error:
            show_error(window, self.tr("The agreement could not be laid out for printing"), error)
            return None
        document.setHtml(agreement_html(exported))
        return title, document

    def print_current(self) -> bool:
        """Ask where to print (the system's print dialog) and print there; returns whether it was printed."""
        from PySide6.QtPrintSupport import QPrintDialog

        made = self.document()
        if made is None:
            return False
        name, document = made
        self.printer = _printer()
        self.printer.setDocName(name)
        dialog = QPrintDialog(self.printer, self.window)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", name))
        # exec(), not open(): on Windows and macOS the system's own dialog is shown only by exec().
        chosen = dialog.exec() == QPrintDialog.DialogCode.Accepted
        dialog.deleteLater()
        if chosen:
            document.print_(self.printer)
            self.window.statusBar().showMessage(self.tr("Sent %1 to the printer").replace("%1", name))
        return chosen

    def export_pdf(self, path: Path | None = None) -> Path | None:
        """Write what is in front to a PDF file (asking where, unless ``path`` is given); returns the file."""
        made = self.document()
        if made is None:
            return None
        name, document = made
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export as PDF"), f"{name}.pdf",
                                                    self.tr("PDF files (*.pdf)"))
            if not chosen:
                return None
            path = Path(chosen)
        before = path.stat().st_mtime_ns if path.is_file() else None  # a file chosen to be replaced
        printer = _printer(path)
        printer.setDocName(name)
        document.print_(printer)
        if not path.is_file() or path.stat().st_size == 0 or path.stat().st_mtime_ns == before:
            show_error(self.window, self.tr("The PDF was not written"),
                       OSError(self.tr("Nothing could be written to %1. Choose a folder you can save in.").replace(
                           "%1", str(path))))
            return None
        self.window.statusBar().showMessage(self.tr("Wrote %1").replace("%1", str(path)))
        return path
