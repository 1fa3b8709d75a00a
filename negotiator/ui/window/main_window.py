"""The main window: the library navigator beside the clause view, with menus from the action table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

from negotiator import APP_NAME
from negotiator.ui.common import commands
from negotiator.ui.common.actions import ACTIONS, build_menus, recolour_icons
from negotiator.ui.common.background import Job, run_with_progress
from negotiator.ui.common.commands import UndoStack
from negotiator.ui.common.errors import show_error
from negotiator.ui.common.settings import Settings
from negotiator.ui.common.widgets import scrollable
from negotiator.ui.controllers import stage_actions
from negotiator.ui.controllers.agreement_controller import AgreementController
from negotiator.ui.controllers.backup_controller import BackupController
from negotiator.ui.controllers.clause_actions import ClauseMixin
from negotiator.ui.controllers.exchange_controller import ExchangeController
from negotiator.ui.controllers.money_map_controller import MoneyMapController
from negotiator.ui.controllers.negotiation_controller import NegotiationController
from negotiator.ui.controllers.review_controller import ReviewController
from negotiator.ui.controllers.scenarios_controller import ScenariosController
from negotiator.ui.panels.clause_view import ClauseView
from negotiator.ui.panels.find_bar import Finder
from negotiator.ui.panels.library_panel import LibraryPanel
from negotiator.ui.panels.negotiation_views import NegotiationViews
from negotiator.ui.window import focus
from negotiator.ui.window.clipboard_actions import ClipboardActions
from negotiator.ui.window.printing import PrintActions
from negotiator.ui.window.welcome import WelcomePage
from negotiator.ui.window.window_layout import LayoutDefaults, first_geometry
from negotiator.ui.window.window_place import WindowPlace
from negotiator.ui.window.window_session import SessionMixin

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window has painted, the dialogs when first opened
    from negotiator.services.library import ImportReport, LibraryService
    from negotiator.services.session import Workspace
    from negotiator.ui.dialogs.export_dialog import ExportDialog
    from negotiator.ui.panels.window_parts import WindowParts


class MainWindow(ClauseMixin, SessionMixin, QMainWindow):
    """Negotiator's main window."""

    def __init__(self, author: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = Settings()
        self.author = author or cast(str, self.settings.get("author")) or None  # the setting admits only text
        self.workspace: Workspace | None = None
        self.service: LibraryService | None = None  # the clause library of the open workspace
        self.undo_stack = UndoStack(self)
        self.setGeometry(first_geometry(self.screen().availableGeometry()))  # a laptop's screen may be smaller
        self.library_panel = LibraryPanel()
        self.agreements = AgreementController(self)
        self.negotiation = NegotiationController(self)
        self.views = NegotiationViews(self)
        self.review = ReviewController(self)  # the review pane and the outline's markers
        self.exchange = ExchangeController(self)
        self.backups = BackupController(self)
        self.money_map = MoneyMapController(self)  # Agreement → Money Map
        self.panels = focus.PanelFocus(self)
        self.place = WindowPlace(self)
        self.clipboard = ClipboardActions(self)  # Edit → Cut, Copy, Paste, Select All
        self.printing = PrintActions(self)
        self.finder = Finder(self)  # Edit → Find in Agreement
        library_dock = self._dock("libraryDock", self.tr("Library"), self.library_panel,
                                  Qt.DockWidgetArea.LeftDockWidgetArea)
        agreements_dock = self._dock("agreementsDock", self.tr("Agreements"), self.agreements.panel,
                                     Qt.DockWidgetArea.LeftDockWidgetArea)
        findings_dock = self._dock("findingsDock", self.tr("Findings"), self.agreements.findings,
                                   Qt.DockWidgetArea.BottomDockWidgetArea)
        proposals_dock = self._dock("proposalsDock", self.tr("Proposals"), self.negotiation.panel,
                                    Qt.DockWidgetArea.BottomDockWidgetArea)
        history_dock = self._dock("historyDock", self.tr("History"), self.views.history_page,
                                  Qt.DockWidgetArea.BottomDockWidgetArea)
        self.terms_dock = self._dock("termsDock", self.tr("Terms"), self.agreements.view.terms_editor,
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        review_dock = self._dock("reviewDock", self.tr("Review"), self.review.page,
                                 Qt.DockWidgetArea.RightDockWidgetArea)
        self.review.page.watch(review_dock)
        self.views.history_page.watch(history_dock)
        self.tabifyDockWidget(self.terms_dock, review_dock)
        self.terms_dock.raise_()
        history_dock.visibilityChanged.connect(self.views.history_shown)
        self.tabifyDockWidget(findings_dock, proposals_dock)
        self.tabifyDockWidget(proposals_dock, history_dock)
        proposals_dock.raise_()
        self.arrangement = LayoutDefaults(self, ([library_dock, self.terms_dock], [300, 430], [findings_dock], [160]))
        self._first_sizes = True  # the panels get their first sizes when first shown, unless the user's are restored
        self.clause_view = ClauseView()
        self.central = QTabWidget()
        self.central.setAccessibleName(self.tr("Documents"))
        self.welcome = WelcomePage()
        self.central.addTab(self.welcome, self.tr("Welcome"))
        self.central.addTab(self.clause_view, self.tr("Clause"))
        self.central.addTab(self.agreements.view, self.tr("Agreement"))
        self.central.addTab(self.views.compare_panel, self.tr("Compare"))
        self.scenarios = ScenariosController(self)  # the Scenarios tab: the risk share in pounds
        self.agreements.view.tabs.addTab(self.views.positions_page, self.tr("&Positions"))
        self.setCentralWidget(self.central)
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        docks = [d.toggleViewAction() for d in (library_dock, agreements_dock, self.terms_dock, findings_dock,
                                                proposals_dock, history_dock, review_dock)]
        palette = QAction(self.tr("Find an &Action…"), self)
        palette.setShortcut(QKeySequence("Ctrl+Shift+P"))
        palette.setToolTip(self.tr("Type to find any action and run it"))
        palette.triggered.connect(self.show_command_palette)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setToolTip(self.tr("Libraries opened lately"))
        self.actions_by_id = build_menus(self, ACTIONS, {"&Edit": [undo, redo, palette], "&View": docks})
        opening = self.actions_by_id["file.open"]
        file_menu = next(m for m in self.menuBar().findChildren(QMenu) if opening in m.actions())
        following = file_menu.actions()[file_menu.actions().index(opening) + 1]
        file_menu.insertMenu(following, self.recent_menu)  # File → Open Recent, just below Open
        self.actions_by_id["edit.palette"] = palette
        self.actions_by_id["edit.undo"], self.actions_by_id["edit.redo"] = undo, redo
        # The stubs give the instance as a QCoreApplication: a window only ever runs in a QApplication.
        cast(QApplication, QApplication.instance()).focusChanged.connect(self.clipboard.update)
        self.clipboard.update()
        self.library_panel.clause_chosen.connect(self.show_clause)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.new_agreement_requested.connect(lambda: self.agreements.new_agreement())
        self.welcome.open_library_requested.connect(self.open_library_dialog)
        self.welcome.import_package_requested.connect(lambda: self.exchange.import_package())
        self.welcome.recent_chosen.connect(self.open_library)
        self.clause_view.versions_selected.connect(lambda _n: self.update_actions())
        self.agreements.view.section_selected.connect(self.views.section_chosen)
        self.agreements.view.terms_applied.connect(self.agreements.apply_terms)
        self._update_title()
        self.update_actions()
        self._fill_recent()
        self.arrangement.capture()  # View → Reset Layout goes back to this
        # Both settings admit only bytes (a QByteArray, or bytes).
        self.restoreGeometry(cast("QByteArray | bytes", self.settings.get("geometry")))
        if self.restoreState(cast("QByteArray | bytes", self.settings.get("window_state"))):
            self._first_sizes = False  # the panels as the user left them
        self.statusBar().showMessage(self.tr("Opening the library…"))

    # Acting party and negotiation --------------------------------------------------------------

    def refresh_negotiation(self) -> None:
        """Re-read everything a negotiation step can change."""
        self.agreements.reload()
        self.negotiation.reload()
        self.views.reload()
        self.review.reload()
        self.scenarios.changed()
        self.update_actions()

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(scrollable(widget))
        self.addDockWidget(area, dock)
        return dock

    # Library ------------------------------------------------------------------------------

    def open_library(self, target: str | None) -> bool:
        """Open a library (the user's own when target is None); on failure keep the current one."""
        from negotiator.services.session import open_session  # loaded once the window is on screen

        try:
            workspace = open_session(target, self.author)
        except Exception as error:
            show_error(self, self.tr("The library could not be opened"), error)
            self.statusBar().showMessage(self.tr("No library open"))
            return False
        self.place.remember()  # where the user was in the library being left
        self.set_workspace(workspace)
        self.place.restore()
        self.backups.library_opened(workspace)  # the rolling backup, in the background
        self.settings.remember_library(workspace.location)
        self._fill_recent()
        return True

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show a library that is already open."""
        if self.workspace is not None:
            self.workspace.close()
        self.workspace = workspace
        self.service = workspace.clauses if workspace else None
        service = self.service
        self.undo_stack.clear()
        self.library_panel.set_service(service)
        self.clause_view.show_clause(None, [])
        self.agreements.current = None
        if workspace is not None and workspace.acting.party is None:
            workspace.act_as_remembered()  # the party last acted for here, in the app or on the command line
        self.refresh_negotiation()
        self._update_title()
        self.update_actions()
        if service is not None:
            count = sum(n for _, n in self.library_panel.navigator_model.category_counts())
            self.statusBar().showMessage(self.tr("%n clause(s) in the library", "", count))

    def open_library_dialog(self) -> None:
        """Ask for a library file and open it."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Library"), "", self.tr("Negotiator libraries (*.sqlite *.db);;All files (*)")
        )
        if path:
            self.open_library(path)

    def import_clauses_dialog(self) -> None:
        """Ask for a library file and import its clauses."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Clauses"), "", self.tr("Clause library files (*.toml *.json);;All files (*)")
        )
        if path:
            self.import_clauses(Path(path))

    def import_clauses(self, path: Path) -> Job | None:
        """Import a library file's clauses (all or none) in the background; Cancel imports nothing."""
        service = self.service
        if service is None:
            return None

        def imported(result: object) -> None:
            if self.service is not service:
                return  # another library was opened meanwhile; the import went into the one it was meant for
            report = cast("ImportReport", result)  # what import_file returned, handed back untyped
            self.undo_stack.push(commands.imported(service, report, self._refresh, self.report))
            self._refresh("")
            self.statusBar().showMessage(self.tr("Imported %n clause(s)", "", len(report.keys)))

        def failed(error: BaseException) -> None:
            show_error(self, self.tr("The clauses were not imported"), error)
        return run_with_progress(self, self.tr("Importing %1…").replace("%1", path.name),
                                 lambda cancelled: service.import_file(path, cancelled), imported, failed)

    def show_about(self) -> None:
        """Versions of the app, Qt, SQLAlchemy and the library's schema."""
        from negotiator.ui.window import help as help_window  # loaded when help is first asked for

        help_window.show_about(self, self.workspace.schema_revision if self.workspace else None)

    def show_user_guide(self) -> None:
        """The user guide, beside the window (F1)."""
        from negotiator.ui.window import help as help_window  # loaded when help is first asked for

        help_window.show_user_guide(self)

    def open_log_folder(self) -> None:
        """Open the folder the app writes its log to."""
        from negotiator.ui.window import help as help_window  # loaded when help is first asked for

        folder = help_window.open_log_folder()
        self.statusBar().showMessage(self.tr("The log is in %1").replace("%1", str(folder)))

    # Plumbing ------------------------------------------------------------------------------

    def report(self, action: str, error: BaseException) -> None:
        """Show why an undo or redo could not be carried out."""
        show_error(self, action, error)

    def export_to_word(self) -> ExportDialog | None:
        """Open the export dialog for the open agreement."""
        if self.workspace is None or self.agreements.current is None:
            return None
        from negotiator.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.workspace, self.agreements.current, self.acting_party or None, self)
        dialog.setObjectName("exportDialog")
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def agreement_opened(self) -> None:
        """Another agreement is open: show it with its proposals and positions."""
        if self.agreements.view.current_section() is None:  # else selecting it has already done this
            self.negotiation.target = None
            self.negotiation.reload()
            self.views.reload_compare()
        self.views.reload_positions()
        self.views.reload_history()
        self.review.reload()
        self.scenarios.changed()
        self.show_agreement_tab()
        self.update_actions()

    def show_agreement_tab(self) -> None:
        """Bring the agreement view to the front."""
        self.central.setCurrentWidget(self.agreements.view)

    def check_network(self) -> None:
        """Re-run the network checks and show the findings panel."""
        if self.workspace is None:
            return
        self.agreements.reload()
        dock = self.findChild(QDockWidget, "findingsDock")
        if dock is not None:
            dock.show()
            dock.raise_()
        count = self.agreements.findings.model.rowCount()
        self.statusBar().showMessage(self.tr("%n finding(s) in the contract network", "", count))

    def _update_title(self) -> None:
        where = Path(self.service.location).name if self.service else self.tr("no library")
        acting = self.tr(" — acting for %1").replace("%1", self.acting_party) if self.acting_party else ""
        self.setWindowTitle(f"{APP_NAME} — {where}{acting}")

    def update_actions(self) -> None:
        """Enable each action only where it can act, named for the open agreement's stage."""
        stage_actions.update_actions(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """On the very first launch, give the side panels room once the window has its size (docks sized
        before then are squeezed to their minimum when a wide view opens)."""
        super().showEvent(event)
        if self._first_sizes:
            self._first_sizes = False
            self.arrangement.apply_first_sizes()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """The desktop (or Preferences) switched between light and dark: redraw the icons to match."""
        if event.type() == QEvent.Type.PaletteChange:  # the application's palette reaches here as this
            recolour_icons(self.actions_by_id)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.place.may_close():  # asks about terms not yet applied, and closes again once answered
            event.ignore()
            return
        self.place.remember()
        self.settings.put("geometry", self.saveGeometry())
        self.settings.put("window_state", self.saveState())
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = self.service = None
        super().closeEvent(event)


def _parts(window: MainWindow) -> WindowParts:
    """Never called: it makes the type checker prove that the window has every part the panels reach
    through ``parts_of`` (an unchecked cast on their side, since they cannot name this class)."""
    return window
