"""The bundled serif (Liberation Serif, metric-compatible with Times New Roman) for reportlab.

:func:`register_fonts` registers the four faces once, lazily and thread-safely, under the
family :data:`FAMILY`, and maps ``<b>``/``<i>`` in paragraph mini-markup onto them. The faces
are TrueType, so every PDF embeds (a subset of) them; the base-14 fonts, which have no
Vietnamese, are never used. Licence: ``resources/fonts/LICENSE-LiberationSerif.txt``.
"""

from __future__ import annotations

import threading

from core.common.paths import resource_path

FAMILY = "VNSerif"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

FONT_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the faces with reportlab (first call only) and return the family name."""
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if _registered:
            return FAMILY
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, filename in FONT_FILES.items():
            path = resource_path("fonts", filename)
            if not path.is_file():
                raise FileNotFoundError(f"Thiếu phông chữ {filename} trong {path.parent}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True
    return FAMILY
