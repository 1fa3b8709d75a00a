"""The app's icons: SVGs drawn for Negotiator in ``resources/icons``, one per action id.

The SVGs are listed in ``resources/icons.qrc``. No generated Python is kept in the repository: when
``pyside6-rcc`` is at hand the .qrc is compiled on the fly into a binary ``.rcc`` in the user's cache
folder (rebuilt when it is missing or older than the .qrc or any SVG) and registered with
``QResource``; the icons are then read from ``:/icons/<name>.svg``. An installed app may have no rcc,
so every icon is also found as a plain file in ``resources/icons``.

Qt draws SVG icons through its svg icon-engine and image-format plugins (``iconengines/libqsvgicon``,
``imageformats/libqsvg``), both part of PySide6-Essentials, as is ``QtSvg``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QFile, QIODevice, QRectF, QResource, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from negotiator.locations import APP_DIR_NAME, resources_dir

log = logging.getLogger(__name__)

PREFIX = ":/icons"
APP_ICON = "negotiator"
STROKE = "#5f6b7a"  # the one grey every icon is drawn in; the accent (#1f6feb) reads on light and dark alike
_SIZES = (16, 20, 24, 32, 40, 48, 64)  # pixmaps painted for a recoloured icon (40 and 48: 20 and 24 at 2x)
_RCC_TIMEOUT = 60


def recolour(svg: bytes, colour: str) -> bytes:
    """The SVG with its grey stroke replaced by ``colour`` (a ``#rrggbb`` name)."""
    return svg.replace(STROKE.encode("ascii"), colour.encode("ascii"))


def dark_stroke(palette: QPalette | None = None) -> str | None:
    """The palette's text colour when the palette is dark (light text on a dark window), else None.

    Dark palettes are handled by recolouring at load time rather than by a second set of SVGs in
    ``icons/dark``: one set of drawings to keep in step, and the icons take the user's own text
    colour (whatever the theme) instead of a fixed light grey. The grey is kept on light palettes,
    where it is softer than black text. Icons are made when the actions are built: a palette changed
    while the app runs takes effect for icons made after the change.
    """
    if palette is None:
        if QGuiApplication.instance() is None:
            return None
        palette = QGuiApplication.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    if palette.color(QPalette.ColorRole.Window).lightness() >= text.lightness():
        return None
    return text.name()


def painted_icon(svg: bytes) -> QIcon:
    """An icon made of pixmaps of ``svg`` painted at the usual sizes (empty if the SVG is not valid)."""
    renderer = QSvgRenderer(QByteArray(svg))
    result = QIcon()
    if not renderer.isValid():
        return result
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def _rcc_command() -> list[str] | None:
    """``pyside6-rcc`` beside the running Python (a virtual environment) or on the PATH; None if absent."""
    suffix = ".exe" if sys.platform == "win32" else ""
    beside = Path(sys.executable).with_name(f"pyside6-rcc{suffix}")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("pyside6-rcc")
    return [found] if found else None


class IconSet:
    """The icons of one resources folder, compiled into ``cache`` when rcc is at hand; made once per name."""

    def __init__(self, root: Path, cache: Path | None, *, use_rcc: bool = True) -> None:
        self.folder = root / "icons"
        self.qrc = root / "icons.qrc"
        self.cache = cache
        self.use_rcc = use_rcc
        self.registered: Path | None = None  # the .rcc registered with QResource
        self._tried = False
        self._made: dict[tuple[str, str | None], QIcon] = {}

    @property
    def compiled(self) -> Path | None:
        """Where this resources folder's .rcc is kept: named after the folder, so checkouts do not collide."""
        if self.cache is None:
            return None
        key = hashlib.sha1(str(self.folder.resolve()).encode("utf-8")).hexdigest()[:12]
        return self.cache / f"icons-{key}.rcc"

    def sources(self) -> list[Path]:
        """The .qrc and the SVGs it is built from."""
        return [self.qrc, *sorted(self.folder.glob("*.svg"))]

    def is_stale(self) -> bool:
        """True when the .rcc is missing or older than the .qrc or any SVG."""
        target = self.compiled
        if target is None or not target.exists():
            return True
        built = target.stat().st_mtime
        return any(path.stat().st_mtime > built for path in self.sources() if path.exists())

    def build(self) -> Path | None:
        """The up-to-date .rcc, compiled with ``pyside6-rcc --binary`` if need be; None when that cannot be done."""
        target = self.compiled
        if target is None or not self.use_rcc or not self.qrc.is_file():
            return None
        if not self.is_stale():
            return target
        command = _rcc_command()
        if command is None:
            log.info("pyside6-rcc is not installed: icons are read from %s", self.folder)
            return None
        import subprocess  # only when the icons are compiled: not on every start

        partial = target.with_name(f"{target.name}.{os.getpid()}.part")  # another instance may build at once
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([*command, "--binary", "-o", str(partial), str(self.qrc)],
                           check=True, capture_output=True, timeout=_RCC_TIMEOUT)
            os.replace(partial, target)
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("the icons could not be compiled (%s): they are read from %s", error, self.folder)
            partial.unlink(missing_ok=True)
            return None
        return target

    def register(self) -> bool:
        """Build and register the compiled icons once; False if the plain SVG files are to be used."""
        if not self._tried:
            self._tried = True
            built = self.build()
            if built is not None and QResource.registerResource(str(built)):
                self.registered = built
            elif built is not None:
                log.warning("the compiled icons in %s could not be registered", built)
        return self.registered is not None

    def source(self, name: str) -> str | None:
        """Where the icon ``name`` is read from: the registered resource, else its SVG file; None if unknown."""
        if self.register() and QFile.exists(f"{PREFIX}/{name}.svg"):
            return f"{PREFIX}/{name}.svg"
        path = self.folder / f"{name}.svg"
        return str(path) if path.is_file() else None

    def has(self, name: str) -> bool:
        """True if there is an icon called ``name``."""
        return self.source(name) is not None

    def icon(self, name: str, colour: str | None = None) -> QIcon:
        """The icon ``name``, its grey stroke drawn in ``colour`` if given; empty (and logged) if unknown."""
        key = (name, colour)
        if key not in self._made:
            self._made[key] = self._make(name, colour)
        return self._made[key]

    def _make(self, name: str, colour: str | None) -> QIcon:
        where = self.source(name)
        if where is None:
            log.warning("no icon called %r", name)
            return QIcon()
        if colour is None:
            return QIcon(where)  # Qt's SVG icon engine: sharp at every size and state
        return painted_icon(recolour(_read(where), colour))


def _read(where: str) -> bytes:
    """The bytes of a resource (``:/…``) or a file."""
    if not where.startswith(":"):
        return Path(where).read_bytes()
    file = QFile(where)
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        return b""
    try:
        return bytes(file.readAll().data())
    finally:
        file.close()


_default: IconSet | None = None


def icon_set() -> IconSet:
    """The app's icons, from ``negotiator.locations.resources_dir()``, compiled into the user's cache folder."""
    global _default
    if _default is None:
        try:
            from platformdirs import user_cache_path

            cache: Path | None = user_cache_path(APP_DIR_NAME, appauthor=False)
        except OSError:
            cache = None
        _default = IconSet(resources_dir(), cache)
    return _default


def icon(name: str) -> QIcon:
    """The icon ``name`` (an action id such as ``file.open``), in the palette's text colour on a dark palette.

    An unknown name gives an empty QIcon and a logged warning, never an error.
    """
    return icon_set().icon(name, dark_stroke())


def app_icon() -> QIcon:
    """Negotiator's own icon, for the windows and the task bar (its colours do not follow the palette)."""
    return icon_set().icon(APP_ICON)
