"""PDF documents (Decree 30/2020/NĐ-CP layout) with reportlab and the bundled serif font.

reportlab is heavy: import this package only where a document is produced, never at start-up
(``core/__init__`` does not import it). No Qt here. See :mod:`core.common.pdf.layout` for an example.
"""

from core.common.pdf.fonts import FAMILY, register_fonts
from core.common.pdf.layout import (
    PARAGRAPH_STYLES,
    DocumentHeader,
    SignatureBlock,
    build_document,
    escape,
    group_thousands,
    paragraph,
    spacer,
    table,
)

__all__ = [
    "FAMILY",
    "PARAGRAPH_STYLES",
    "DocumentHeader",
    "SignatureBlock",
    "build_document",
    "escape",
    "group_thousands",
    "paragraph",
    "register_fonts",
    "spacer",
    "table",
]
