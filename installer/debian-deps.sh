#!/bin/sh
# Installs the Debian packages that Sổ Công đoàn and its tests need, when they are missing:
# Qt's runtime libraries (offscreen platform included), the libraries of Qt's xcb platform
# plugin that opens the window on Linux (checked with `ldd` on libqxcb.so and
# libQt6XcbQpa.so.6, the same list as gui/common/platform_check.py: the window names what is
# missing at start), fontconfig, poppler-utils and the sqlite3 shell (`backup --salvage`).
# With --test (`make test`), also what only the tests need: LibreOffice Calc, to print every
# exported workbook to PDF (tests/test_print_readable.py), and the fonts metric-compatible
# with Times New Roman and Calibri that it prints them with.
set -e
PKGS="libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 poppler-utils sqlite3
 libxcb1 libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-util1 libxcb-image0
 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 libx11-6 libxau6 libxdmcp6 libglx0 libglvnd0 libfreetype6
 libpng16-16"
TEST_PKGS="libreoffice-calc-nogui fonts-liberation fonts-crosextra-carlito"
[ "$1" = "--test" ] && PKGS="$PKGS $TEST_PKGS"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
command -v apt-get >/dev/null || { echo "Thiếu gói hệ thống:$missing (không có apt-get để cài)"; exit 1; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Cài gói hệ thống:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
