"""The app's translator: the window's own words (menus, labels, buttons, dialogs) in the user's language.

Only the strings written in ``negotiator/ui`` through ``tr()`` are translated; messages that come from
the domain and the services (a rule a term breaks, why a file was refused, the network checks'
findings) are in English whatever the language, as are the Word exports.

Shipped: British English (``resources/translations/negotiator_en_GB.qm``, compiled from the ``.ts``
beside it), which the source text is written in; what it adds is the plural forms the source writes
as "%n clause(s)". A language with no file of its own gets British English too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from negotiator.locations import resources_dir

log = logging.getLogger(__name__)
FALLBACK = "negotiator_en_GB"


def translations_dir() -> Path:
    """The folder of the compiled translations (``negotiator_<locale>.qm``)."""
    return resources_dir() / "translations"


def install_translator(app: QCoreApplication, locale: QLocale | None = None,
                       folder: Path | None = None) -> QTranslator | None:
    """Install the translation for ``locale`` (the system's by default): the best match among its
    languages, else British English. Returns the translator installed, or None when no file could be read
    (the source English is shown)."""
    folder = folder or translations_dir()
    locale = locale or QLocale.system()
    translator = QTranslator(app)
    if not translator.load(locale, "negotiator", "_", str(folder)) and not translator.load(FALLBACK, str(folder)):
        log.warning("no translation found in %s for %s", folder, locale.name())
        return None
    app.installTranslator(translator)
    log.info("translation %s installed for the locale %s", translator.language(), locale.name())
    return translator
