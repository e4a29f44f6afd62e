"""PDF documents (Decree 30/2020/NĐ-CP layout) with reportlab and the bundled serif font.

reportlab is heavy: import this package only where a document is produced, never at start-up
(``core/__init__`` does not import it). No Qt here. :mod:`core.common.pdf.layout` holds the page
(header, closing, numbering), the paragraph styles and tables, with an example;
:mod:`core.common.pdf.blocks` the reusable pieces of bodies (form fields, signatures in the
body, a corner stamp). Documents hold only their content.
"""

from core.common.pdf.blocks import (
    balanced_lines,
    corner_stamp,
    heading,
    keep_together,
    labelled,
    page_break,
    section,
    side_by_side,
    signature_column,
    split_paragraphs,
)
from core.common.pdf.fonts import FAMILY, register_fonts
from core.common.pdf.layout import (
    PARAGRAPH_STYLES,
    DocumentHeader,
    SignatureBlock,
    build_document,
    closing_block,
    escape,
    group_thousands,
    measure_mm,
    paragraph,
    rule,
    spacer,
    table,
    text_width_mm,
)

__all__ = [
    "FAMILY",
    "PARAGRAPH_STYLES",
    "DocumentHeader",
    "SignatureBlock",
    "balanced_lines",
    "build_document",
    "closing_block",
    "corner_stamp",
    "escape",
    "group_thousands",
    "heading",
    "keep_together",
    "labelled",
    "measure_mm",
    "page_break",
    "paragraph",
    "register_fonts",
    "rule",
    "section",
    "side_by_side",
    "signature_column",
    "spacer",
    "split_paragraphs",
    "table",
    "text_width_mm",
]
