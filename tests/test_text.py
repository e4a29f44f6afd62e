"""Golden tests for core/common/text.py: NFC, cleaning, folding for search, Vietnamese name order."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from core.common.text import clean, collate_key, fold, name_sort_key, nfc


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# ---- nfc / clean ------------------------------------------------------------------------------


def test_nfc_composes_decomposed_input():
    decomposed = nfd("Công đoàn")
    assert decomposed != "Công đoàn"  # "ô" and "à" really are two code points each here
    assert len(decomposed) == len("Công đoàn") + 2

    assert nfc(decomposed) == "Công đoàn"
    assert len(nfc(decomposed)) == 9
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_nfc_leaves_composed_text_alone():
    assert nfc("Nguyễn Thị Hương") == "Nguyễn Thị Hương"


def test_clean_trims_and_collapses_spaces_including_nbsp():
    assert clean("  Công\u00a0\u00a0đoàn   cơ sở\t\n") == "Công đoàn cơ sở"
    assert clean("Lê\u00a0Thị  Hương") == "Lê Thị Hương"
    assert clean("a \u202f b") == "a b"  # narrow no-break space, as some spreadsheets write


def test_clean_makes_nfc():
    cleaned = clean(" " + nfd("Lê Thị Hương") + " ")
    assert cleaned == "Lê Thị Hương"
    assert unicodedata.is_normalized("NFC", cleaned)


@pytest.mark.parametrize(("value", "expected"), [(None, ""), ("", ""), ("   ", ""), (12, "12")])
def test_clean_of_empty_and_non_text(value, expected):
    assert clean(value) == expected


# ---- fold -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Công đoàn", "cong doan"),
        ("Đường", "duong"),
        ("Công đoàn  ĐIỆN BIÊN", "cong doan dien bien"),
        ("Nguyễn Thị Hương", "nguyen thi huong"),
        ("Ủy ban Ơn Ưng Ấp Ắt", "uy ban on ung ap at"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


def test_fold_ignores_normalisation_form():
    for text in ("Công đoàn", "Đường", "Lê Thị Hương", "Phạm Văn Dũng"):
        assert fold(nfd(text)) == fold(text)
    assert fold(nfd("Công đoàn")) == "cong doan"


def test_fold_makes_search_match_without_tones():
    assert fold("cong doan") in fold("Liên đoàn Lao động huyện — Công đoàn cơ sở")


def _reference_fold(text: str | None) -> str:
    """fold() as first written: NFD, marks dropped character by character, regex spaces."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped.casefold()).strip()


VIETNAMESE = [
    "Công đoàn  ĐIỆN BIÊN", "Đoàn Thị Đường", "ĐỖ VĂN DŨNG", "Nguyễn Thị Hương", "Ủy ban Ơn Ưng Ấp Ắt",
    "CĐCS Trường THPT Cửa Tùng", "Ứng dụng CNTT trong công tác văn thư số 7", "Quỹ tương hỗ – 3.031.150.000 ₫",
    "Lò Văn Páo", "Tòng Thị Ỏn", "Hoá / Hóa", "Thuỷ Thủy", "Bằng Lao động sáng tạo", "ß Straße",
    "  ", "Ｆｕｌｌ", "ǅ", "\u0301a", "İstanbul", "ǰ", "x\u00a0y\t\nz", "a\u2028b", "lop4 lớp 4",
]


def test_fold_equals_the_reference_on_many_vietnamese_strings():
    rnd = random.Random(7)
    alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạấầẩẫậéèẻẽẹỳýỷỹỵ–-₫\u00a0\t1,."
    samples = [*VIETNAMESE]
    samples += ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(40))) for _ in range(2000)]
    for text in samples:
        for form in ("NFC", "NFD", "NFKC"):
            value = unicodedata.normalize(form, text)
            for variant in (value, value.upper(), value.lower(), value.title()):
                assert fold(variant) == _reference_fold(variant), repr(variant)
    assert fold(None) == "" and fold("") == ""


# ---- collation and name order -----------------------------------------------------------------

NAMES = [
    "Nguyễn Văn Hùng",
    "Lê Thị Hương",
    "Trần An",
    "Đỗ Văn Dũng",
    "Phạm Thị Dung",
    "Vũ Đức Anh",
]


def test_names_sort_by_given_name_in_vietnamese_order():
    assert sorted(NAMES, key=name_sort_key) == [
        "Trần An",
        "Vũ Đức Anh",
        "Phạm Thị Dung",  # tones only break ties: Dung before Dũng
        "Đỗ Văn Dũng",
        "Nguyễn Văn Hùng",  # u before ư
        "Lê Thị Hương",
    ]


def test_name_order_does_not_depend_on_normalisation_or_spacing():
    messy = [" " + nfd(name).replace(" ", "  ") for name in NAMES]
    assert [name_sort_key(m) for m in messy] == [name_sort_key(n) for n in NAMES]


def test_same_given_name_sorts_by_the_rest_of_the_name():
    names = ["Trần Văn An", "Đỗ An", "Lê An", "Dương An"]
    assert sorted(names, key=name_sort_key) == ["Dương An", "Đỗ An", "Lê An", "Trần Văn An"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Dung", "Đan"),  # d < đ whatever follows
        ("Dương", "Đạt"),
        ("Hùng", "Hương"),  # u < ư
        ("Tú", "Từ"),
        ("Anh", "Ăn"),  # a < ă < â
        ("Ăn", "Ân"),
        ("Co", "Cô"),  # o < ô < ơ
        ("Cô", "Cơ"),
        ("Le", "Lê"),  # e < ê
        ("Anh", "Ánh"),  # tone is only a tie-break
        ("Ánh", "Bình"),
        ("An", "Anh"),  # a prefix first
    ],
)
def test_collate_key_follows_the_vietnamese_alphabet(before, after):
    assert collate_key(before) < collate_key(after)


def test_tone_order_breaks_ties():
    # Dictionary order of tones: ngang, huyền, hỏi, ngã, sắc, nặng.
    words = ["Mạ", "Má", "Mã", "Mả", "Mà", "Ma"]
    assert sorted(words, key=collate_key) == ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]


def test_collate_key_is_case_and_form_insensitive():
    assert (
        collate_key("ĐỖ VĂN DŨNG") == collate_key("đỗ văn dũng") == collate_key(nfd("Đỗ Văn Dũng"))
    )


def test_name_sort_key_of_empty_name():
    assert name_sort_key("") == ""
    assert name_sort_key("   ") == ""


def test_clean_drops_byte_order_marks_and_zero_width_characters():
    from core.common.text import clean

    assert clean("\ufeffHọ và tên\u200b ") == "Họ và tên"


# ---- characters that break files or mislead (issue 9) ----------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from core.common.text import has_forbidden  # noqa: E402


def _forbidden(ch: str, multiline: bool) -> bool:
    cp = ord(ch)
    if ch == "\n":
        return not multiline
    return (
        cp < 0x20 or 0x7F <= cp <= 0x9F
        or 0xD800 <= cp <= 0xDFFF
        or 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE
        or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069 or cp in (0x200E, 0x200F, 0x061C)
    )


@pytest.mark.parametrize(("raw", "expected"), [
    ("Lê\x00 Thị\x07 Hương", "Lê Thị Hương"),  # NUL, BEL
    ("\x1b[31mĐỏ\x1b[0m Lan", "Đỏ Lan"),  # a terminal colour sequence goes whole
    ("Tên\ufffe\uffff sáng kiến", "Tên sáng kiến"),  # non-characters (invalid in XML)
    ("Nguyễn \ufdd0An", "Nguyễn An"),
    ("Văn\U0001fffe\U0010ffff A", "Văn A"),  # non-characters of the other planes
    ("a\x85b\x9bc", "a bc"),  # C1: NEL is a line break, CSI dropped
    ("Trần\u202eA\u202c B", "TrầnA B"),  # right-to-left override and its pop
    ("\u2066x\u2069 \u200ey\u200f", "x y"),  # isolates and marks
    ("x\udc00y", "xy"),  # a lone surrogate
    ("x\ud83d\ude00y", "x\U0001f600y"),  # a surrogate pair is the character it encodes
    ("a\tb\r\nc\rd", "a b c d"),  # single-line: tab and line breaks are spaces
])
def test_clean_drops_controls_bidi_and_non_characters(raw, expected):
    assert clean(raw) == expected
    assert not has_forbidden(clean(raw))


def test_clean_keeps_line_breaks_only_in_multiline_fields():
    raw = "  Bước 1:\tđo\r\nBước 2: \x00lắp\r\r\n\n\n\nBước 3\u2028cuối  \n"
    assert clean(raw, multiline=True) == "Bước 1: đo\nBước 2: lắp\n\nBước 3\ncuối"
    assert clean(raw) == "Bước 1: đo Bước 2: lắp Bước 3 cuối"


def test_ordinary_vietnamese_text_is_unchanged():
    for text in ["Công đoàn cơ sở Trường THPT Mường Tè", "Nguyễn Thị Ánh Tuyết",
                 "Giải pháp “tiết kiệm điện” – 15% (đợt 2/2024)", "₫ € © ½ ỹ Ỵ"]:
        assert clean(text) == text
        assert clean(text, multiline=True) == text


_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60)
_NASTY = st.text(alphabet=st.sampled_from(
    list("aăâêđ ơư\t\r\n\x00\x07\x1b[m\x7f\x85\x9f\u0301\u0323\u202e\u2066\u200f\ufeff\ufffe\uffff"
         "\ufdd0\ud800\udc00\u00a0\u2028") + ["\U0001fffe", "\U0010ffff", "\U0001f600"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, _NASTY), st.booleans())
def test_clean_output_has_no_forbidden_code_point_and_is_idempotent(text, multiline):
    out = clean(text, multiline=multiline)
    assert not any(_forbidden(ch, multiline) for ch in out)
    assert not has_forbidden(out)
    assert clean(out, multiline=multiline) == out
    assert unicodedata.is_normalized("NFC", out)
    assert out == out.strip()
    if not multiline:
        assert "  " not in out
