"""Before the window opens on Linux: are the libraries of Qt's xcb platform plugin there?

Without them Qt prints, in English, "could not load the Qt platform plugin "xcb"" and aborts.
This check runs before QApplication exists: it loads each library the plugin links to (the
list comes from ``ldd`` on ``PySide6/Qt/plugins/platforms/libqxcb.so`` and
``libQt6XcbQpa.so.6``) and, when some are missing, names them with their Debian packages
and the command that installs them, in Vietnamese.

No Qt here: this module must work when Qt's plugin cannot.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# Library (soname) → Debian package. installer/debian-deps.sh installs every one of them
# (tests/gui/test_platform_check.py keeps the two lists equal).
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libpng16.so.16": "libpng16-16",
}


def _load(name: str) -> bool:
    """Whether the dynamic loader finds ``name`` (also next to a frozen bundle's files)."""
    candidates = [name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, str(Path(bundle) / name))
    for candidate in candidates:
        try:
            ctypes.CDLL(candidate)
            return True
        except OSError:
            continue
    return False


def xcb_will_be_used(env: Mapping[str, str], argv: list[str]) -> bool:
    """Qt will open the window through xcb: Linux, an X display, no platform forced
    (QT_QPA_PLATFORM or -platform) and no Wayland session (where Qt uses its wayland plugin)."""
    if not sys.platform.startswith("linux"):
        return False
    if "-platform" in argv or any(a.startswith("-platform=") for a in argv):
        return False
    forced = env.get("QT_QPA_PLATFORM", "")
    if forced and not forced.startswith("xcb"):
        return False
    if not forced and env.get("WAYLAND_DISPLAY"):
        return False
    return bool(env.get("DISPLAY"))


def missing_xcb_libraries(load: Callable[[str], bool] | None = None) -> list[tuple[str, str]]:
    """(library, Debian package) of every library the xcb plugin needs and cannot load."""
    load = load or _load
    return [(name, package) for name, package in XCB_LIBRARIES.items() if not load(name)]


def missing_message(missing: list[tuple[str, str]]) -> str:
    packages = " ".join(dict.fromkeys(package for _, package in missing))
    lines = [
        "Không mở được cửa sổ của Sổ Công đoàn: máy còn thiếu thư viện hệ thống mà Qt cần để",
        "hiện cửa sổ (nền tảng xcb của X11):",
        *(f"  - {name} (gói {package})" for name, package in missing),
        "",
        "Hãy cài các gói còn thiếu bằng lệnh:",
        f"  sudo apt-get install {packages}",
        "hoặc chạy  sh installer/debian-deps.sh  (cài mọi gói chương trình cần), rồi mở lại chương trình.",
    ]
    return "\n".join(lines)


def check_platform(env: Mapping[str, str] | None = None, argv: list[str] | None = None,
                   load: Callable[[str], bool] | None = None) -> str | None:
    """The Vietnamese message to print when the window cannot open, or None when it can."""
    env = os.environ if env is None else env
    argv = sys.argv if argv is None else argv
    if not xcb_will_be_used(env, argv):
        return None
    missing = missing_xcb_libraries(load)
    return missing_message(missing) if missing else None
