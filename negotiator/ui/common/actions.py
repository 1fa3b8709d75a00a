"""The declarative table of actions: the menus, the main toolbar and the palette are built from it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from typing import cast

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton, QToolTip

from negotiator.ui.common.icons import icon, icon_set

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ActionSpec:
    """One user action: where it lives, what it is called, its shortcut and what it does."""

    id: str
    menu: str
    text: str
    handler: str  # the window method that carries it out ("agreements.move_up": a method of window.agreements)
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    icon: str = ""  # the icon's name in resources/icons; empty: the same as the id

    def __post_init__(self) -> None:
        if not self.icon:
            object.__setattr__(self, "icon", self.id)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.open", "&File", "&Open Library…", "open_library_dialog", QKeySequence.StandardKey.Open,
               "Open another library file"),
    ActionSpec("file.import", "&File", "&Import Clauses…", "import_clauses_dialog", "Ctrl+I",
               "Add the clauses of a library file (TOML or JSON)"),
    ActionSpec("file.export", "&File", "&Export to Word…", "export_to_word", QKeySequence.StandardKey.SaveAs,
               "Write the open agreement to Word: clean, or redlined with each party's changes"),
    ActionSpec("file.import_redline", "&File", "Import &Returned Redline…", "exchange.import_redline",
               "Ctrl+Shift+O", "Bring a counterparty's tracked changes back as its proposals"),
    ActionSpec("file.print", "&File", "&Print…", "printing.print_current", QKeySequence.StandardKey.Print,
               "Print the open agreement (its numbered sections and terms schedule), or the positions matrix "
               "when it is in front"),
    ActionSpec("file.export_pdf", "&File", "Export as P&DF…", "printing.export_pdf", None,
               "Write the open agreement, or the positions matrix when it is in front, to a PDF file"),
    ActionSpec("file.export_package", "&File", "Export Negotiation &Package…", "exchange.export_package", None,
               "Write this agreement's negotiation to a file for the other parties"),
    ActionSpec("file.import_package", "&File", "Import Negotiation Pac&kage…", "exchange.import_package", None,
               "Merge a package received from another party"),
    ActionSpec("file.fingerprints", "&File", "Library &Fingerprints…", "exchange.show_fingerprints", None,
               "This library's key fingerprint and the other parties' pinned keys, to compare by phone",
               icon="agreement.check"),
    ActionSpec("file.backup", "&File", "Back &Up Library Now", "backups.back_up_now", None,
               "Copy the library into its backups folder now; the newest ten copies are kept"),
    ActionSpec("file.restore_backup", "&File", "Restore from &Backup…", "backups.restore_dialog", None,
               "Replace the library with one of its backups; the library as it is now is backed up first",
               icon="clause.restore"),
    ActionSpec("file.close", "&File", "&Close Agreement", "close_agreement", "Ctrl+W",
               "Close the open agreement and return to the welcome page", icon="file.quit"),
    ActionSpec("file.preferences", "&File", "Prefere&nces…", "show_preferences", "Ctrl+,",
               "Your name on what you write", icon="agreement.rename"),
    ActionSpec("file.quit", "&File", "&Quit", "close", QKeySequence.StandardKey.Quit, "Close Negotiator"),
    ActionSpec("edit.cut", "&Edit", "Cu&t", "clipboard.cut", QKeySequence.StandardKey.Cut,
               "Move the selected text to the clipboard"),
    ActionSpec("edit.copy", "&Edit", "&Copy", "clipboard.copy", QKeySequence.StandardKey.Copy,
               "Copy the selected text, or a table's selected rows as tab-separated text"),
    ActionSpec("edit.paste", "&Edit", "&Paste", "clipboard.paste", QKeySequence.StandardKey.Paste,
               "Paste the clipboard's text where the cursor is"),
    ActionSpec("edit.select_all", "&Edit", "Select &All", "clipboard.select_all", QKeySequence.StandardKey.SelectAll,
               "Select all the text, or every row of the table"),
    ActionSpec("edit.find_in_agreement", "&Edit", "&Find in Agreement…", "finder.start", QKeySequence.StandardKey.Find,
               "Find words in the open agreement's sections and in its proposals", icon="edit.find"),
    ActionSpec("edit.find_next", "&Edit", "Find &Next", "finder.next", QKeySequence.StandardKey.FindNext,
               "Go to the next place the words are found"),
    ActionSpec("edit.find_previous", "&Edit", "Find Pre&vious", "finder.previous",
               QKeySequence.StandardKey.FindPrevious, "Go to the previous place the words are found"),
    ActionSpec("edit.find", "&Edit", "&Search Library", "focus_search", "Ctrl+K",
               "Search the clause library's titles and wording"),
    ActionSpec("view.next_panel", "&View", "&Next Panel", "panels.next", "F6",
               "Move the keyboard focus to the next panel"),
    ActionSpec("view.previous_panel", "&View", "&Previous Panel", "panels.previous", "Shift+F6",
               "Move the keyboard focus to the previous panel"),
    ActionSpec("view.terms", "&View", "Agreement &Terms", "panels.terms", "Ctrl+T",
               "Show the open agreement's terms and put the cursor in the first field"),
    ActionSpec("view.review", "&View", "Re&view Pane", "review.show_pane", "Ctrl+Shift+L",
               "Every proposal, remark and recorded decision of the open agreement as a compact inline diff, "
               "with filters; puts the cursor in its list"),
    ActionSpec("view.scenarios", "&View", "Risk-Share &Scenarios…", "scenarios.show", "Ctrl+Shift+G",
               "What each party gains or loses across a range of year-end results, under the current terms and "
               "with open proposals, as a chart and a table"),
    ActionSpec("view.reset_layout", "&View", "&Reset Layout", "arrangement.reset", None,
               "Put the panels, dividers and tabs back where they were at the first start"),
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
    ActionSpec("agreement.money_map", "&Agreement", "&Money Map…", "money_map.show", "Ctrl+Alt+M",
               "The contract network drawn: who pays whom, how much, how fast, the risk passed on, and the "
               "findings on the agreements they concern"),
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
    ActionSpec("negotiation.next_change", "&Negotiation", "&Next Change", "review.next_change", "F8",
               "Go to the next proposal or remark in the review pane, and to its place in the agreement"),
    ActionSpec("negotiation.previous_change", "&Negotiation", "Pre&vious Change", "review.previous_change",
               "Shift+F8", "Go to the previous proposal or remark in the review pane, and to its place in the "
               "agreement"),
    ActionSpec("negotiation.positions", "&Negotiation", "Show P&ositions", "views.show_positions", "Ctrl+Shift+M",
               "Each party's position on every item under negotiation"),
    ActionSpec("negotiation.export_positions", "&Negotiation", "&Export Positions…", "views.export_positions", None,
               "Write the positions matrix to a CSV file or a Word table", icon="file.export"),
    ActionSpec("negotiation.compare", "&Negotiation", "Compare &Side by Side", "views.show_compare", "Ctrl+Shift+C",
               "Compare versions, rounds, library wording and proposals of the selected section"),
    ActionSpec("history.check_document", "Hi&story", "&Check a Document Against the Record…",
               "views.check_document", None, "Say whether a Word export or negotiation package sent earlier still "
               "matches this library's negotiation record, or the history was rewritten since",
               icon="agreement.check"),
    ActionSpec("help.guide", "&Help", "&User Guide", "show_user_guide", QKeySequence.StandardKey.HelpContents,
               "The contracting models, the negotiation flow and the Word round trip", icon="help.about"),
    ActionSpec("help.log", "&Help", "Open &Log Folder", "open_log_folder", None,
               "The folder where the app writes its log, to send with a problem report", icon="file.open"),
    ActionSpec("help.about", "&Help", "&About Negotiator", "show_about", None, "Version and licence"),
)


# The main toolbar, left to right; the extra undo and redo actions are found by their shortcut or text.
TOOLBAR: tuple[str, ...] = (
    "file.open", "file.export", "edit.undo", "edit.redo", "edit.find", "negotiation.propose",
    "negotiation.accept", "negotiation.reject", "negotiation.round", "negotiation.compare",
)
_TOOLBAR_GROUPS = {"edit.undo", "edit.find", "negotiation.propose", "negotiation.compare"}  # a separator before
# The ready-made actions main_window passes in ``extra`` have no object names: they are known by their
# shortcut, else by the start of their (English) name.
_EXTRA_KEYS = ((QKeySequence.StandardKey.Undo, "edit.undo"), (QKeySequence.StandardKey.Redo, "edit.redo"))
_EXTRA_SHORTCUTS = {"Ctrl+Shift+P": "edit.palette"}
_EXTRA_TEXTS = (("undo", "edit.undo"), ("redo", "edit.redo"), ("find an action", "edit.palette"),
                ("open recent", "file.recent"))


def plain_text(action: QAction) -> str:
    """The action's name as a tooltip shows it: no mnemonic ``&``, no trailing ellipsis."""
    return action.text().replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip("…").rstrip(".")


def toolbar_tip(action: QAction) -> str:
    """A toolbar button's tooltip: the action's name and its shortcut, e.g. ``Open Library (Ctrl+O)``."""
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{plain_text(action)} ({shortcut})" if shortcut else plain_text(action)


def extra_icon_name(action: QAction) -> str | None:
    """The icon id of a ready-made action: its object name, else told by its shortcut or its name; None if unknown."""
    if action.objectName():
        return action.objectName()
    shortcut = action.shortcut()
    if not shortcut.isEmpty():
        for key, name in _EXTRA_KEYS:
            if shortcut in QKeySequence.keyBindings(key):
                return name
        if shortcut.toString() in _EXTRA_SHORTCUTS:
            return _EXTRA_SHORTCUTS[shortcut.toString()]
    text = " ".join(plain_text(action).lower().split())
    return next((name for start, name in _EXTRA_TEXTS if text.startswith(start)), None)


class _TextTips(QObject):
    """Shows a toolbar button's action name as its tooltip.

    The action's own tooltip stays the longer description (the status bar and the command palette
    show it), and a QToolButton copies the action's tooltip whenever the action changes, so the
    button's tooltip cannot simply be set once.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(watched, QToolButton) and watched.defaultAction():
            where = event.globalPos() if isinstance(event, QHelpEvent) else watched.mapToGlobal(watched.rect().center())
            QToolTip.showText(where, toolbar_tip(watched.defaultAction()), watched)
            return True
        return super().eventFilter(watched, event)


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """Add the main toolbar (icons only) of the ``TOOLBAR`` actions found in ``actions``."""
    bar = window.addToolBar(window.tr("Main"))
    bar.setObjectName("mainToolBar")  # saved and restored with the window state
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    bar.setIconSize(QSize(24, 24))  # the icons are drawn on a 24 px grid
    tips = _TextTips(bar)
    for action_id in TOOLBAR:
        action = actions.get(action_id)
        if action is None:
            log.debug("no %s action for the toolbar", action_id)
            continue
        if action_id in _TOOLBAR_GROUPS and bar.actions():
            bar.addSeparator()
        bar.addAction(action)
        button = bar.widgetForAction(action)
        if button is not None:
            button.installEventFilter(tips)
    return bar


def build_menus(
    window: QMainWindow, specs: tuple[ActionSpec, ...], extra: dict[str, list[QAction]]
) -> dict[str, QAction]:
    """Create the menu bar and the main toolbar from the table; ``extra`` adds ready-made actions (undo, redo) per menu.

    Returns the table's actions by id; the extra actions keep their own names and are not returned.
    """
    menus: dict[str, QMenu] = {}
    actions: dict[str, QAction] = {}
    known_extra: dict[str, QAction] = {}
    order = ["&File", "&Edit", "&View", "&Clause", "&Agreement", "&Negotiation", "Hi&story", "&Help"]
    for name in order:
        menus[name] = window.menuBar().addMenu(window.tr(name))
        for action in extra.get(name, []):
            icon_name = extra_icon_name(action)
            if icon_name is not None and icon_set().has(icon_name):
                action.setIcon(icon(icon_name))
                known_extra.setdefault(icon_name, action)
            menus[name].addAction(action)
    for spec in specs:
        action = QAction(window.tr(spec.text), window)
        action.setObjectName(spec.id)
        action.setIcon(icon(spec.icon))
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setToolTip(window.tr(spec.tip))
        action.setStatusTip(window.tr(spec.tip))
        # The spec names a method of the window or of one of its parts ("agreements.open", say).
        handler = cast(Callable[[], object], reduce(getattr, spec.handler.split("."), window))
        action.triggered.connect(lambda _checked=False, h=handler: h())
        menus[spec.menu].addAction(action)
        actions[spec.id] = action
    build_toolbar(window, {**known_extra, **actions})
    return actions


def recolour_icons(actions: dict[str, QAction]) -> None:
    """Redraw every action's icon for the palette now in use (after a switch between light and dark)."""
    names = {spec.id: spec.icon for spec in ACTIONS}
    for action_id, action in actions.items():
        name = names.get(action_id) or extra_icon_name(action)
        if name and icon_set().has(name):
            action.setIcon(icon(name))
