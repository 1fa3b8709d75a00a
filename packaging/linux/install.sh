#!/bin/sh
# Install this built Negotiator folder for the current user (or, with PREFIX=/usr/local as root, for
# everyone): the program goes to PREFIX/lib/negotiator, the `negotiator` command to PREFIX/bin, and
# the menu entry, icon and AppStream metadata to PREFIX/share. Run it again to upgrade;
# `./install.sh --uninstall` takes it all away again (your libraries are kept).
set -eu

APP_ID=org.negotiator.Negotiator
PREFIX="${PREFIX:-$HOME/.local}"
HERE="$(cd "$(dirname "$0")" && pwd)"
TARGET="$PREFIX/lib/negotiator"

uninstall() {
    rm -rf "$TARGET"
    rm -f "$PREFIX/bin/negotiator" \
        "$PREFIX/share/applications/$APP_ID.desktop" \
        "$PREFIX/share/metainfo/$APP_ID.metainfo.xml" \
        "$PREFIX/share/icons/hicolor/scalable/apps/$APP_ID.svg"
}

refresh_menus() {
    # Desktops pick the entry up by themselves sooner or later; these make it immediate where present.
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -qtf "$PREFIX/share/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    uninstall
    refresh_menus
    echo "Negotiator was removed from $PREFIX."
    exit 0
fi

if [ "$HERE" != "$TARGET" ]; then
    uninstall
    mkdir -p "$PREFIX/lib"
    cp -R "$HERE" "$TARGET"
fi
mkdir -p "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo" \
    "$PREFIX/share/icons/hicolor/scalable/apps"
ln -sf "$TARGET/negotiator" "$PREFIX/bin/negotiator"
# The menu entry names the installed program by its full path, so it works whatever the PATH is.
sed "s|^Exec=negotiator\$|Exec=\"$TARGET/negotiator\"|" "$TARGET/share/applications/$APP_ID.desktop" \
    > "$PREFIX/share/applications/$APP_ID.desktop"
cp "$TARGET/share/metainfo/$APP_ID.metainfo.xml" "$PREFIX/share/metainfo/"
cp "$TARGET/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$PREFIX/share/icons/hicolor/scalable/apps/"
refresh_menus
echo "Negotiator is installed in $TARGET. Start it from the applications menu, or run $PREFIX/bin/negotiator."
