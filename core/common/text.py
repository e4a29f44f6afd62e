"""Vietnamese text rules: NFC on the way in, tone- and đ-insensitive folding, name sort keys.

Everything typed or imported passes through :func:`clean` (NFC, trimmed, inner whitespace
collapsed). Search compares :func:`fold` of both sides, so "cong doan" finds "Công đoàn".
Names sort by given name (the last word) first, with Vietnamese alphabet order
(a ă â b c d đ e ê …) and tones only as a tie-break: see :func:`name_sort_key`.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Byte-order marks and zero-width characters that spreadsheets and chat apps leave in text.
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")
# Anything clean() must change besides the ends: whitespace other than a plain space, two
# spaces in a row, an invisible character. Most cells have none (a 4× faster import).
_WORK = re.compile(r"[^\S ]|  |[\ufeff\u200b\u200c\u200d\u2060]")

# Vietnamese alphabet order; letters not listed sort by code point after these.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_PRIMARY = {ch: chr(0x41 + i) for i, ch in enumerate(_ALPHABET)}
# Combining marks that make separate letters (breve, circumflex, horn) vs tone marks.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONE_ORDER = {"": "0", "\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}


def nfc(text: str) -> str:
    """Unicode NFC form (keyboards and some spreadsheets produce NFD)."""
    return unicodedata.normalize("NFC", text)


def clean(value: object) -> str:
    """Text as stored: NFC, trimmed, runs of whitespace (incl. non-breaking) made one space."""
    if value is None:
        return ""
    text = str(value)
    if not text.isascii():
        text = nfc(text)
    if _WORK.search(text) is None:
        return text.strip()
    text = _INVISIBLE.sub("", text.replace("\u00a0", " "))
    return _SPACES.sub(" ", text).strip()


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
