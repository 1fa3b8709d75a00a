"""The declarative table of actions: menus (and later toolbars and the palette) are built from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


@dataclass(frozen=True)
class ActionSpec:
    """One user action: where it lives, what it is called, its shortcut and what it does."""

    id: str
    menu: str
    text: str
    handler: str  # the window method that carries it out ("agreements.move_up": a method of window.agreements)
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.open", "&File", "&Open Library…", "open_library_dialog", QKeySequence.StandardKey.Open,
               "Open another library file"),
    ActionSpec("file.import", "&File", "&Import Clauses…", "import_clauses_dialog", "Ctrl+I",
               "Add the clauses of a library file (TOML or JSON)"),
    ActionSpec("file.export", "&File", "&Export to Word…", "export_to_word", QKeySequence.StandardKey.SaveAs,
               "Write the open agreement to Word: clean, or redlined with each party's changes"),
    ActionSpec("file.import_redline", "&File", "Import &Returned Redline…", "exchange.import_redline",
               "Ctrl+Shift+O", "Bring a counterparty's tracked changes back as its proposals"),
    ActionSpec("file.export_package", "&File", "Export Negotiation &Package…", "exchange.export_package", None,
               "Write this agreement's negotiation to a file for the other parties"),
    ActionSpec("file.import_package", "&File", "Import Negotiation Pac&kage…", "exchange.import_package", None,
               "Merge a package received from another party"),
    ActionSpec("file.quit", "&File", "&Quit", "close", QKeySequence.StandardKey.Quit, "Close Negotiator"),
    ActionSpec("edit.find", "&Edit", "&Find Clause", "focus_search", QKeySequence.StandardKey.Find,
               "Search the library"),
    ActionSpec("clause.revise", "&Clause", "&Revise Wording…", "revise_clause", "Ctrl+E",
               "Write new wording for this clause (a new version)"),
    ActionSpec("clause.restore", "&Clause", "Re&store Selected Version", "restore_version", "Ctrl+Shift+R",
               "Make the selected version's wording current again"),
    ActionSpec("clause.compare", "&Clause", "&Compare with Previous Version", "compare_with_previous", "Ctrl+D",
               "Show the word-level changes from the previous version"),
    ActionSpec("clause.retire", "&Clause", "Re&tire Clause", "toggle_retired", None,
               "Hide this clause from the library; it is kept and can be reinstated"),
    ActionSpec("agreement.new", "&Agreement", "&New Agreement…", "agreements.new_agreement",
               QKeySequence.StandardKey.New, "Create an agreement and give each party its role"),
    ActionSpec("agreement.status", "&Agreement", "Set &Status…", "agreements.set_status", None,
               "Drafting, in negotiation, agreed or signed"),
    ActionSpec("agreement.add_clause", "&Agreement", "Add &Library Clause", "agreements.add_library_clause",
               "Ctrl+Shift+A", "Add the clause shown in the clause view after the selected section"),
    ActionSpec("agreement.edit_section", "&Agreement", "&Edit Section Wording…", "agreements.edit_section",
               "Ctrl+Shift+E", "Write new wording for the selected section (a new version)"),
    ActionSpec("agreement.remove_section", "&Agreement", "&Remove Section", "agreements.remove_section",
               "Ctrl+Shift+Del", "Take the selected section out of the outline; its history is kept"),
    ActionSpec("agreement.move_up", "&Agreement", "Move Section &Up", "agreements.move_up", "Alt+Up",
               "Move the selected section above the one before it"),
    ActionSpec("agreement.move_down", "&Agreement", "Move Section &Down", "agreements.move_down", "Alt+Down",
               "Move the selected section below the one after it"),
    ActionSpec("agreement.indent", "&Agreement", "&Indent Section", "agreements.indent", "Alt+Right",
               "Make the selected section a sub-section of the one above (1.2 becomes 1.1.1)"),
    ActionSpec("agreement.outdent", "&Agreement", "&Outdent Section", "agreements.outdent", "Alt+Left",
               "Make the selected sub-section a section of the level above (1.1.1 becomes 1.2)"),
    ActionSpec("agreement.repin", "&Agreement", "Re-&pin to Newest Library Version…", "agreements.repin_section",
               None, "See what the newest library wording would change, then take it"),
    ActionSpec("agreement.rename", "&Agreement", "Re&name Agreement…", "agreements.rename_agreement", "F2",
               "Give the open agreement a new title"),
    ActionSpec("agreement.check", "&Agreement", "&Check the Network", "check_network", "F5",
               "Look for contradictions between the agreements and show them in the Findings panel"),
    ActionSpec("negotiation.act_for", "&Negotiation", "Act &For…", "act_for", "Ctrl+Shift+F",
               "Choose the party you propose and decide for"),
    ActionSpec("negotiation.propose", "&Negotiation", "&Propose Change…", "negotiation.propose", "Ctrl+Shift+N",
               "Propose new wording, a new term value, or a new section, in the acting party's name"),
    ActionSpec("negotiation.accept", "&Negotiation", "&Accept Proposal", "negotiation.panel.accept_selected",
               "Ctrl+Return", "Accept the selected proposal and apply it"),
    ActionSpec("negotiation.reject", "&Negotiation", "&Reject Proposal", "negotiation.panel.reject_selected",
               "Ctrl+Shift+J", "Reject the selected proposal"),
    ActionSpec("negotiation.withdraw", "&Negotiation", "&Withdraw Proposal", "negotiation.panel.withdraw_selected",
               None, "Withdraw the acting party's own proposal"),
    ActionSpec("negotiation.counter", "&Negotiation", "&Counter Proposal…", "negotiation.panel.counter_selected", None,
               "Answer the selected proposal with another wording or value"),
    ActionSpec("negotiation.round", "&Negotiation", "&Issue Round…", "negotiation.issue_round", "Ctrl+Shift+I",
               "Freeze the agreement as a numbered draft that later changes are measured from"),
    ActionSpec("negotiation.positions", "&Negotiation", "Show P&ositions", "views.show_positions", "Ctrl+Shift+M",
               "Each party's position on every item under negotiation"),
    ActionSpec("negotiation.compare", "&Negotiation", "Compare &Side by Side", "views.show_compare", "Ctrl+Shift+C",
               "Compare versions, rounds, library wording and proposals of the selected section"),
    ActionSpec("help.about", "&Help", "&About Negotiator", "show_about", None, "Version and licence"),
)


def build_menus(
    window: QMainWindow, specs: tuple[ActionSpec, ...], extra: dict[str, list[QAction]]
) -> dict[str, QAction]:
    """Create the menu bar from the table; ``extra`` adds ready-made actions (undo, redo) per menu."""
    menus: dict[str, QMenu] = {}
    actions: dict[str, QAction] = {}
    order = ["&File", "&Edit", "&View", "&Clause", "&Agreement", "&Negotiation", "&Help"]
    for name in order:
        menus[name] = window.menuBar().addMenu(window.tr(name))
        for action in extra.get(name, []):
            menus[name].addAction(action)
    for spec in specs:
        action = QAction(window.tr(spec.text), window)
        action.setObjectName(spec.id)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setToolTip(window.tr(spec.tip))
        action.setStatusTip(window.tr(spec.tip))
        handler: Callable[[], object] = reduce(getattr, spec.handler.split("."), window)
        action.triggered.connect(lambda _checked=False, h=handler: h())
        menus[spec.menu].addAction(action)
        actions[spec.id] = action
    return actions
