"""Vietnamese formatting and parsing: money, dates, document numbers, amounts in words.

Pure Python (no Qt, no third-party packages), so documents, reports, importers and the
screens all show the same thing:

* money is always an ``int`` number of đồng, never a float: ``3.031.150.000``;
* dates are day/month/year, never US order: ``06/03/2023``;
* the place–date line and document number follow Decree 30/2020/NĐ-CP;
* amounts in words follow Vietnamese accounting style (see :func:`amount_in_words`).

Parsers (:func:`parse_money`, :func:`parse_date`, :func:`parse_percent`,
:func:`words_to_amount`) take what a
spreadsheet cell or a user may hold and raise ``ValueError`` with a Vietnamese message that
names the offending value, ready to be shown next to the column label.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

from core.common.text import clean, fold

__all__ = [
    "amount_in_words",
    "date_line",
    "doc_number",
    "format_date",
    "format_money",
    "format_percent",
    "parse_date",
    "parse_money",
    "parse_percent",
    "words_to_amount",
]


# ---- money --------------------------------------------------------------------------------


def _require_int(value: object, what: str) -> int:
    """``value`` if it is a real ``int`` (not ``bool``, not ``float``), else TypeError."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} phải là số nguyên, không phải {type(value).__name__}: {value!r}")
    return value


def format_money(n: int) -> str:
    """Money with "." between thousands: ``3031150000`` → ``"3.031.150.000"``.

    Negative amounts get a leading minus (``"-1.000"``). Money is whole đồng, so a float
    (or bool) raises ``TypeError`` rather than being silently rounded.
    """
    _require_int(n, "Số tiền")
    return f"{n:,}".replace(",", ".")


# ---- dates and document headings ------------------------------------------------------------


def format_date(d: date) -> str:
    """``date(2023, 3, 6)`` → ``"06/03/2023"`` (a ``datetime`` shows its date only)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def _decree30_date(d: date) -> str:
    """``"ngày 06 tháng 3 năm 2023"``: zero before days below 10 and months 1 and 2 only."""
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def date_line(place: str, d: date) -> str:
    """The place–date line of an administrative document (Decree 30/2020/NĐ-CP).

    >>> date_line("Vĩnh Linh", date(2023, 3, 6))
    'Vĩnh Linh, ngày 06 tháng 3 năm 2023'

    Decree 30 puts a leading zero on days below 10 and on months 1 and 2
    (``"ngày 15 tháng 02 năm 2023"``) but not on months 3–12. Without a place (an office
    not set up yet) the line is just the date part, ``"ngày 06 tháng 3 năm 2023"``.
    """
    place = clean(place)
    text = _decree30_date(d)
    return f"{place}, {text}" if place else text


def doc_number(number: int, symbol: str) -> str:
    """A document's number and symbol: ``doc_number(8, "HD-LĐLĐ")`` → ``"Số: 08/HD-LĐLĐ"``.

    Numbers below 10 get a leading zero (Decree 30). ``number`` must be a positive int and
    ``symbol`` non-empty (ValueError otherwise).
    """
    _require_int(number, "Số văn bản")
    if number < 1:
        raise ValueError(f"Số văn bản phải từ 1 trở lên: {number}")
    symbol = clean(symbol)
    if not symbol:
        raise ValueError("Thiếu ký hiệu văn bản (ví dụ HD-LĐLĐ)")
    return f"Số: {number:02d}/{symbol}"


# ---- amounts in words -----------------------------------------------------------------------

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_THOUSANDS = ("", "nghìn", "triệu")  # names of groups of three digits below a tỷ
_TY = 10**9
_WORDS_LIMIT = 10**18  # a tỷ tỷ: the first amount not read here


def _group_words(n: int, leading: bool) -> list[str]:
    """Words for one group of three digits, ``0 < n < 1000``.

    A leading group is read as is ("hai mươi lăm"); a later group always says its hundreds,
    even zero ("không trăm hai mươi lăm"), and a lone units digit after zero tens takes
    "linh" ("không trăm linh năm").
    """
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or not leading:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1 and tens >= 2:
        words.append("mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])  # includes "bốn" after tens ≥ 2 (not "tư")
    return words


def _below_ty_words(n: int, leading: bool) -> list[str]:
    """Words for ``0 <= n < 10^9`` as groups of three (triệu, nghìn, units); zero groups are
    left out. ``leading`` says whether the first group spoken starts the whole amount."""
    words: list[str] = []
    for index in (2, 1, 0):
        group = n // 1000**index % 1000
        if group:
            words += _group_words(group, leading=leading and not words)
            if _THOUSANDS[index]:
                words.append(_THOUSANDS[index])
    return words


def amount_in_words(n: int, currency: str = "đồng") -> str:
    """An amount written in Vietnamese words, accounting style, as on receipts and vouchers.

    >>> amount_in_words(3_031_150_000)
    'Ba tỷ không trăm ba mươi mốt triệu một trăm năm mươi nghìn đồng'
    >>> amount_in_words(1_005_000)
    'Một triệu không trăm linh năm nghìn đồng'

    Rules (written here because num2words gets Vietnamese wrong):

    * groups of three digits named nghìn, triệu, tỷ; above a tỷ the number of tỷ is read
      the same way, so the words "nghìn tỷ" and "triệu tỷ" come out: 10^12 is "Một nghìn tỷ",
      2.500.000.000.000 is "Hai nghìn năm trăm tỷ" (as spoken, not "hai nghìn tỷ năm trăm
      tỷ"), 10^15 is "Một triệu tỷ"; amounts up to 10^18 - 1 are supported;
    * groups that are zero are skipped ("Hai triệu đồng"), except that the whole amount 0
      is "Không đồng";
    * a group after the first always says its hundreds, "không trăm" included, and a units
      digit after zero tens takes "linh" (not "lẻ"): "Một nghìn không trăm linh năm đồng";
    * ten is "mười", other tens "mươi"; units 1 after tens ≥ 2 is "mốt", units 5 after any
      tens is "lăm"; units 4 stays "bốn" (the accounting form, not the spoken "tư");
    * negative amounts start with "Âm".

    Only the first letter is upper case. ``currency`` is appended after a space (pass ""
    for the bare number). A float or bool raises TypeError; an amount of 10^18 or more
    raises ValueError.
    """
    _require_int(n, "Số tiền")
    if abs(n) >= _WORDS_LIMIT:
        raise ValueError(f"Số tiền quá lớn để đọc thành chữ: {format_money(n)}")
    words: list[str] = ["âm"] if n < 0 else []
    ty, rest = divmod(abs(n), _TY)
    if ty:
        words += [*_below_ty_words(ty, leading=True), "tỷ"]
    words += _below_ty_words(rest, leading=not ty)
    if not n:
        words.append("không")
    currency = clean(currency)
    if currency:
        words.append(currency)
    text = " ".join(words)
    return text[0].upper() + text[1:]


# Folded word → digit value. Folding (no tones) makes "mốt"/"một" and "mười"/"mươi" one
# word each; their place in the group tells them apart.
_DIGIT_WORDS = {fold(word): value for value, word in enumerate(_DIGITS)}
_UNIT_AFTER_TENS = {**_DIGIT_WORDS, "lam": 5, "nham": 5, "tu": 4}  # lăm, nhăm, tư
_THOUSAND_WORDS = {"nghin": 1000, "ngan": 1000, "trieu": 10**6}  # nghìn, ngàn, triệu
_TY_WORDS = {"ty", "ti"}  # tỷ, tỉ
_LINH = {"linh", "le"}  # linh, lẻ
_TRAM, _MUOI = "tram", "muoi"


def _words_error(text: str) -> ValueError:
    return ValueError(f"Số tiền bằng chữ không hợp lệ: {text}")


def _parse_group(tokens: list[str], leading: bool, text: str) -> int:
    """Value 1..999 of one group's words (the reverse of :func:`_group_words`)."""
    digit = _DIGIT_WORDS.get
    value = 0
    rest = tokens
    has_hundreds = len(tokens) >= 2 and tokens[1] == _TRAM
    if has_hundreds:
        hundreds = digit(tokens[0])
        if hundreds is None or (leading and hundreds == 0):
            raise _words_error(text)
        value, rest = hundreds * 100, tokens[2:]
    elif not leading:
        # A later group must say its hundreds: "một nghìn năm" is colloquial for 1500.
        raise _words_error(text)
    if not rest:
        if not value:  # "không trăm" alone: zero groups are left out
            raise _words_error(text)
        return value
    if rest[0] in _LINH:
        units = _UNIT_AFTER_TENS.get(rest[1]) if len(rest) == 2 and has_hundreds else None
        if not units:  # None, or 0 ("linh không")
            raise _words_error(text)
        return value + units
    if rest[0] == _MUOI:
        tens, rest = 1, rest[1:]
    elif len(rest) >= 2 and rest[1] == _MUOI:
        first = digit(rest[0])
        if first is None or first < 2:
            raise _words_error(text)
        tens, rest = first, rest[2:]
    else:
        units = digit(rest[0])
        if len(rest) != 1 or has_hundreds or not units:
            raise _words_error(text)  # e.g. "một trăm năm": ambiguous, say "linh năm"
        return units
    value += tens * 10
    if rest:
        units = _UNIT_AFTER_TENS.get(rest[0])
        if len(rest) != 1 or not units:
            raise _words_error(text)
        value += units
    return value


def _parse_below_ty(tokens: list[str], leading: bool, text: str) -> int:
    """Value ``0 <= n < 10^9`` of words with groups cut by "triệu" and "nghìn" (the reverse
    of :func:`_below_ty_words`): scales must decrease and every group must be non-empty."""
    total = 0
    group: list[str] = []
    last_scale = _TY
    for word in [*tokens, ""]:  # "" closes the units group
        scale = _THOUSAND_WORDS.get(word, 1 if word == "" else None)
        if scale is None:
            group.append(word)
            continue
        if not group:
            if word == "":
                break  # ended at a scale word: "Hai triệu"
            raise _words_error(text)
        if scale >= last_scale:
            raise _words_error(text)
        total += _parse_group(group, leading and total == 0, text) * scale
        group, last_scale = [], scale
    return total


def words_to_amount(text: str, currency: str = "đồng") -> int:
    """The amount that :func:`amount_in_words` wrote: the inverse parser.

    >>> words_to_amount("Một triệu không trăm linh năm nghìn đồng")
    1005000

    Case, NFC/NFD and missing tone marks do not matter; the trailing ``currency`` word is
    optional. Also accepted: "lẻ" for "linh", "ngàn" for "nghìn", "tỉ" for "tỷ", "tư" and
    "nhăm" after tens. Groups must come in decreasing order (triệu before nghìn, with at
    most one "tỷ": the number of tỷ is read like any number below a tỷ) and a group after
    the first must say its hundreds. Anything else raises
    ValueError("Số tiền bằng chữ không hợp lệ: …").
    """
    shown = clean(text)
    if not shown:
        raise ValueError("Thiếu số tiền bằng chữ")
    tokens = fold(shown.replace(",", " ")).split()
    suffix = fold(currency).split()
    if suffix and tokens[-len(suffix) :] == suffix:
        tokens = tokens[: -len(suffix)]
    sign = 1
    if tokens[:1] == ["am"]:  # âm
        sign, tokens = -1, tokens[1:]
    if not tokens:
        raise _words_error(shown)
    if tokens == ["khong"] and sign == 1:
        return 0

    ty_at = [i for i, word in enumerate(tokens) if word in _TY_WORDS]
    if len(ty_at) > 1 or ty_at == [0]:
        raise _words_error(shown)
    if ty_at:
        ty = _parse_below_ty(tokens[: ty_at[0]], True, shown)
        rest = _parse_below_ty(tokens[ty_at[0] + 1 :], False, shown)
    else:
        ty, rest = 0, _parse_below_ty(tokens, True, shown)
    return sign * (ty * _TY + rest)


# ---- parsing spreadsheet cells --------------------------------------------------------------

# Digits, optionally in thousands groups with one kind of separator: "." "," or space.
_MONEY = re.compile(r"(\d+)|(\d{1,3}(?:([., ])\d{3})(?:\3\d{3})*)")
_CURRENCY_SUFFIX = re.compile(r"\s*(?:đồng|đ|₫|vnđ|vnd)\s*$", re.IGNORECASE)


def parse_money(value: object) -> int | None:
    """Whole đồng from a spreadsheet cell; empty (None or blank text) → None.

    * ``int`` as is; a whole ``float``/``Decimal`` (``1.0e6`` → ``1000000``);
    * text of digits with "." "," or space between thousands, optionally ending in
      "đ", "đồng", "₫" or "VNĐ" and optionally negative: ``"3.031.150.000"``,
      ``"3,031,150,000 đ"``, ``"1 500 000"``, ``"1.500.000₫"``.

    "1.500" is 1500 (a dot separates thousands in Vietnam). There are no fractional đồng,
    so ``1500.5`` or ``"1,5"`` raise ValueError, as does anything else ("15 triệu").
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"Số tiền không hợp lệ: {value}")
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        if not math.isfinite(value) or value != int(value):
            raise ValueError(f"Số tiền không hợp lệ: {value} (số tiền phải là số nguyên đồng)")
        return int(value)
    if not isinstance(value, str):
        raise ValueError(f"Số tiền không hợp lệ: {value}")
    text = clean(value)
    if not text:
        return None
    body = _CURRENCY_SUFFIX.sub("", text)
    sign = 1
    if body[:1] in ("-", "\u2212"):  # hyphen-minus or the minus sign
        sign, body = -1, body[1:].lstrip()
    if not _MONEY.fullmatch(body):
        raise ValueError(f"Số tiền không hợp lệ: {text} (ghi số nguyên đồng, ví dụ 1.500.000)")
    return sign * int(re.sub(r"[., ]", "", body))


# Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the 29/02/1900 that
# never was (a Lotus 1-2-3 bug Excel kept), so from serial 61 on day 0 is 1899-12-30.
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_MAX = (date(9999, 12, 31) - _EXCEL_EPOCH).days

_DMY = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
# Folded "[Vĩnh Linh, ]ngày 06 tháng 3 năm 2023".
_WORDED = re.compile(r"(?:.*,\s*)?ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")


def _date_error(value: object) -> ValueError:
    return ValueError(f"Ngày không hợp lệ: {value} (dùng dạng dd/mm/yyyy)")


def _missing_day_error(text: str, day: int, month: int, year: int) -> ValueError:
    """A well-formed date the calendar does not have (31/02) is named as such."""
    if 1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999:
        days = calendar.monthrange(year, month)[1]
        return ValueError(f"Ngày không tồn tại: {text} (tháng {month} năm {year} chỉ có {days} ngày)")
    return _date_error(text)


def _excel_serial(value: float | int) -> date:
    """Date of an Excel serial number (1900 system); a time-of-day fraction is dropped."""
    if not math.isfinite(value):
        raise _date_error(value)
    days = math.floor(value)
    if days < 1 or days == 60 or days > _EXCEL_MAX:
        raise _date_error(value)
    if days < 60:
        days += 1  # before the phantom 29/02/1900
    return _EXCEL_EPOCH + timedelta(days=days)


def parse_date(value: object) -> date | None:
    """A date from a spreadsheet cell or typed text; empty (None or blank text) → None.

    Accepts ``date``/``datetime`` objects, Excel serial numbers (1900 system:
    ``44991`` → 6 March 2023) and text in day/month/year order — never US order:
    ``"06/3/2023"``, ``"6/3/2023"``, ``"06-03-2023"``, ``"06.03.2023"``, the ISO
    ``"2023-03-06"``, and ``"ngày 06 tháng 3 năm 2023"`` (also with a place before it, as
    :func:`date_line` writes it). Two-digit years are refused as ambiguous.

    Anything else raises ValueError("Ngày không hợp lệ: … (dùng dạng dd/mm/yyyy)"); a day
    the month does not have is called so: ValueError("Ngày không tồn tại: 31/02/2023
    (tháng 2 năm 2023 chỉ có 28 ngày)").
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise _date_error(value)
    if isinstance(value, int | float):
        return _excel_serial(value)
    if not isinstance(value, str):
        raise _date_error(value)
    text = clean(value)
    if not text:
        return None
    if match := _DMY.fullmatch(text):
        day, _, month, year = match.groups()
    elif match := _ISO.fullmatch(text):
        year, month, day = match.groups()
    elif match := _WORDED.fullmatch(fold(text)):
        day, month, year = match.groups()
    else:
        raise _date_error(text)
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise _missing_day_error(text, int(day), int(month), int(year)) from None


# ---- percentages ----------------------------------------------------------------------------


def format_percent(numerator: int, denominator: int) -> int | None:
    """``numerator / denominator`` as a whole percent, rounded half up, integer arithmetic.

    ``format_percent(1775, 1200)`` → ``148``; ``format_percent(2412, 2300)`` → ``105``.
    Halves round away from zero (``1/200`` → ``1``, ``-1/200`` → ``-1``). A zero denominator
    returns ``None`` (no percentage: shown as blank, not an error). Floats raise TypeError.
    """
    _require_int(numerator, "Tử số")
    _require_int(denominator, "Mẫu số")
    if denominator == 0:
        return None
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    num, den = abs(numerator), abs(denominator)
    return sign * ((200 * num + den) // (2 * den))


_PERCENT_SUFFIX = re.compile(r"\s*%\s*(/\s*năm)?\s*$", re.IGNORECASE)


def parse_percent(value: object) -> int | None:
    """A percentage between 0 and 100 with at most two decimals → hundredths of a percent
    (basis points); empty (None or blank text) → None. The one parser of percentages typed
    by a person (the fund's fee or interest a year, in the window and on the command line).

    * a decimal comma, "." between thousands as in money: ``"0,5"`` → 50, ``"6,5 %"`` → 650;
    * a decimal point is read as one when there is no comma: ``"6.5"`` → 650;
    * "%" and "%/năm" may follow: ``"1,25 %/năm"`` → 125; an ``int`` is whole percent
      (``6`` → 600).

    ValueError with a Vietnamese message naming the value otherwise (``"abc"``, ``"0,125"``,
    ``"101"``, ``"-1"``)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"“{value}” không phải tỷ lệ phần trăm (ví dụ 0,5).")
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, str):
        text = clean(value).strip()
    else:
        raise ValueError(f"“{value}” không phải tỷ lệ phần trăm (ví dụ 0,5).")
    raw = _PERCENT_SUFFIX.sub("", text).strip()
    if not raw:
        return None
    if not re.fullmatch(r"[+-]?[0-9.,]+", raw):
        raise ValueError(f"“{text}” không phải tỷ lệ phần trăm (ví dụ 0,5).")
    try:
        number = Decimal(raw.replace(".", "").replace(",", ".") if "," in raw else raw)
    except ArithmeticError:
        raise ValueError(f"“{text}” không phải tỷ lệ phần trăm (ví dụ 0,5).") from None
    hundredths = number * 100
    if hundredths != hundredths.to_integral_value() or not 0 <= number <= 100:
        raise ValueError(f"Tỷ lệ {raw} % không hợp lệ: từ 0 đến 100, nhiều nhất hai chữ số "
                         "thập phân.")
    return int(hundredths)
