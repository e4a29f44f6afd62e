"""Vietnamese text rules: NFC on the way in, tone- and đ-insensitive folding, name sort keys.

Everything typed or imported passes through :func:`clean` (NFC, trimmed, inner whitespace
collapsed, control/bidi/non-characters removed; line breaks kept only in multi-line fields). Search compares :func:`fold` of both sides, so "cong doan" finds "Công đoàn".
Names sort by given name (the last word) first, with Vietnamese alphabet order
(a ă â b c d đ e ê …) and tones only as a tie-break: see :func:`name_sort_key`.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Horizontal whitespace only (multi-line fields keep their line breaks).
_LINE_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# Line breaks of every kind a multi-line field turns into "\n" (CR LF first, as one).
_NEWLINES = re.compile("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

# Code points that never belong in stored text (see :func:`clean`):
# C0 controls other than the whitespace ones (tab, line breaks, VT, FF, FS–US), DEL, C1
# controls (U+0080–009F, NEL aside), bidi marks/embeddings/overrides/isolates (they make a
# name read backwards on screen and in a terminal), lone surrogates and the Unicode
# non-characters U+FDD0–FDEF and U+xFFFE/xFFFF of every plane (invalid in XML: one such
# name spoils a whole exported workbook). Byte-order marks and zero-width characters that
# spreadsheets and chat apps leave in text go too.
_CONTROLS = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLES = "\ufeff\u200b\u200c\u200d\u2060"
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(1, 17))
_SURROGATES = "\ud800-\udfff"
FORBIDDEN = re.compile(f"[{_CONTROLS}{_BIDI}{_NONCHARACTERS}{_SURROGATES}]")
#: FORBIDDEN less the surrogates and the non-characters beyond the BMP: several times
#: quicker over a long text decoded from UTF-8 (no surrogate survives that); whoever uses it
#: looks for any astral code point as well (core.sync.package)
FORBIDDEN_BMP = re.compile(f"[{_CONTROLS}{_BIDI}\ufdd0-\ufdef\ufffe\uffff]")
_DROP = re.compile(f"[{_CONTROLS}{_BIDI}{_INVISIBLES}{_NONCHARACTERS}{_SURROGATES}]")
_HAS_SURROGATE = re.compile(f"[{_SURROGATES}]")
# Terminal escape sequences (colour, cursor moves, window titles) go whole, not just the ESC.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# Whitespace other than a plain space (what str.isspace() accepts), spelt out.
_OTHER_SPACES = "\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Anything clean() must change besides the ends, with "  " (two spaces) tested apart: other
# whitespace, a code point to drop, or any character beyond the BMP (emoji are rare; the
# careful path drops those planes' non-characters). Most cells have none (a 4× faster
# import): one search of this single character class is all they cost.
_SUSPECT = re.compile(f"[{_OTHER_SPACES}{_CONTROLS}{_BIDI}{_INVISIBLES}\ufdd0-\ufdef\ufffe\uffff"
                      f"{_SURROGATES}\U00010000-\U0010ffff]")

# Vietnamese alphabet order; letters not listed sort by code point after these.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_PRIMARY = {ch: chr(0x41 + i) for i, ch in enumerate(_ALPHABET)}
# Combining marks that make separate letters (breve, circumflex, horn) vs tone marks.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONE_ORDER = {"": "0", "\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}


def nfc(text: str) -> str:
    """Unicode NFC form (keyboards and some spreadsheets produce NFD)."""
    return unicodedata.normalize("NFC", text)


def clean(value: object, *, multiline: bool = False) -> str:
    """Text as stored: NFC, trimmed, runs of whitespace (incl. non-breaking) made one space,
    and no code point that breaks files or misleads a reader (:data:`FORBIDDEN`: control
    characters, bidi controls, lone surrogates, non-characters; also BOM and zero-width
    characters). A tab counts as a space.

    Single-line fields (the default) turn line breaks into a space too; with
    ``multiline=True`` (description, objective, steps … ) line breaks are kept as "\\n",
    each line trimmed, at most one blank line in a row. ``clean`` is idempotent.
    """
    if value is None:
        return ""
    text = str(value)
    if "  " not in text and _SUSPECT.search(text) is None:
        return (text if text.isascii() else nfc(text)).strip()
    if _HAS_SURROGATE.search(text):
        # A pair of surrogates (from UTF-16 text read as code units) is the character it
        # encodes; a lone one is dropped.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    if "\x1b" in text:
        text = _ESCAPES.sub("", text)
    text = _DROP.sub("", text)
    if not text.isascii():
        text = nfc(text)
    if not multiline:
        return _SPACES.sub(" ", text).strip()
    lines = [_LINE_SPACES.sub(" ", line).strip() for line in _NEWLINES.split(text)]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def has_forbidden(text: str) -> bool:
    """Whether ``text`` holds a code point :func:`clean` removes (controls other than
    whitespace, bidi controls, surrogates, non-characters)."""
    return FORBIDDEN.search(text) is not None


class _FoldTable(dict):
    """``str.translate`` table for :func:`fold`: combining marks dropped, đ/Đ → d/D; filled in
    as characters are first seen (a cache: each code point is looked at once per process)."""

    def __missing__(self, codepoint: int) -> int | str | None:
        value = None if unicodedata.combining(chr(codepoint)) else codepoint
        self[codepoint] = value
        return value


_FOLD = _FoldTable({ord("đ"): "d", ord("Đ"): "D"})


def fold(text: str | None) -> str:
    """Search form: lower case, no tone or letter marks, đ/Đ → d, single spaces.

    >>> fold("Công đoàn  ĐIỆN BIÊN")
    'cong doan dien bien'

    Fast, because imports fold every name, author and description: plain ASCII text is
    only lower-cased and its spaces collapsed; other text is decomposed (NFD) and run
    through one ``str.translate`` table that drops the marks.
    """
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFD", text).translate(_FOLD)
    return " ".join(text.casefold().split())


def _letter_keys(word: str) -> tuple[str, str]:
    """(primary, tones) keys for one word: alphabet order first, tones second."""
    primary: list[str] = []
    tones: list[str] = []
    for ch in nfc(word.casefold()):
        decomposed = unicodedata.normalize("NFD", ch)
        base = decomposed[0]
        marks = decomposed[1:]
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _LETTER_MARKS))
        if base == "đ" or ch == "đ":
            letter = "đ"
        tone = next((m for m in marks if m in _TONE_ORDER), "")
        primary.append(_PRIMARY.get(letter, "\u0100" + letter))
        tones.append(_TONE_ORDER[tone])
    return "".join(primary), "".join(tones)


def collate_key(text: str) -> str:
    """A string whose binary order is Vietnamese dictionary order of ``text``."""
    words = clean(text).split(" ")
    keys = [_letter_keys(w) for w in words if w]
    return " ".join(k[0] for k in keys) + "\x01" + " ".join(k[1] for k in keys)


def name_sort_key(full_name: str) -> str:
    """Sort key for a person's name: given name (last word) first, then the rest.

    "Lê Thị Hương" sorts under H, after "Nguyễn Văn Hùng" (u comes before ư).
    """
    words = clean(full_name).split(" ")
    if not words or words == [""]:
        return ""
    given, rest = words[-1], " ".join(words[:-1])
    return collate_key(given) + "\x02" + collate_key(rest)
