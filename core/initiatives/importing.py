"""Importing the initiative register from the lists offices keep in Excel.

Built on the workbook engine (:mod:`core.common.workbook`): the columns below are recognised under
their usual Vietnamese headers (title rows, two-row merged headers, an STT column and a
"Tổng cộng" row are handled by the engine). Each row becomes one initiative with its authors.

- Authors: one cell, people separated by commas, semicolons or line breaks, each optionally
  with a share "(60%)" / "60 %"; no shares means equal shares; shares must sum to 100.
- Kind, field and status are matched ignoring case and tone marks; an unknown value rejects
  the row with the accepted values listed.
- Units by code or name (ignoring case, tones and đ); an unknown unit rejects the row with
  the closest names suggested ("Có phải …?", :func:`core.org.units.suggest_units`), unless
  ``create_units`` creates it under this office.
- A row already in the register (same name, unit and lead author, ignoring tones) is
  skipped, so importing a file twice adds nothing. A likely duplicate of another record or of
  a row above — the same name up to tones, spacing, punctuation and small typos, with the same
  numbers ("số 7" is not "số 8"), the same unit and an author in common
  (:func:`core.common.similarity.likely_same_initiative`) — is imported and reported.

Speed (100,000 rows): the whole import is one transaction; every unit, programme and year is
looked up once; existing records are loaded once into memory (exact re-imports by a set of
keys, likely duplicates of the same units by a :class:`core.common.similarity.DuplicateIndex`);
each row is parsed as the loop reaches it while the rows before it (initiatives, authors and
their "imported" history rows, as driver values: :class:`db.bulk.Inserter`) go into SQLite on
a :class:`db.bulk.BackgroundWriter` thread; the search index, the tally and the sync outbox
are filled once after the rows (:class:`db.bulk.DeferredInsertTriggers`) while the likely
duplicates are matched; a larger page cache meanwhile; the cycle collector is paused. A dry
run does the same work and rolls back.
"""

from __future__ import annotations

import functools
import gc
import json
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from core.common import limits, similarity
from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.ids import UuidPool
from core.common.text import clean, fold
from core.common.vnformat import parse_date, parse_money
from core.common.workbook import (
    Column,
    ImportResult,
    ParsedRow,
    RejectedRow,
    iter_parsed,
    join_reasons,
    normalise_header,
    read_rows,
)
from core.common.workbook.headers import cell_text
from core.common.workbook.progress import Ticker
from core.initiatives.records import (
    FIELD_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    AuthorInput,
    current_user,
    find_programme,
    list_programmes,
    next_number,
    next_seq,
    normalise_shares,
)
from core.org import units as org
from db.bulk import BackgroundWriter, DeferredInsertTriggers, Inserter, larger_cache
from db.models import (
    Initiative,
    InitiativeAuthor,
    InitiativeChange,
    InitiativeField,
    InitiativeKind,
    InitiativeStatus,
    ProgrammePhase,
    Recogniser,
    Unit,
    UnitKind,
    new_row_stamp,
    table_of,
    utcnow,
)

Progress = Callable[[int, int], None] | None
IsCancelled = Callable[[], bool] | None

DEFAULT_PROGRAMME = "1TRIEU-SK"
DEFAULT_KIND = InitiativeKind.TECHNICAL


# ---- value parsers (ValueError messages are shown after the column label) ------------------

def _text(value: object) -> str:
    # The engine hands over text already cleaned; numbers and dates are shown as text.
    return value if isinstance(value, str) else cell_text(value)


def _choices(labels) -> str:
    return ", ".join(labels)


def _lookup_table(labels: dict, extra: dict[str, list[str]]) -> dict[str, object]:
    """normalised text → enum, from the labels, the enum values and extra spellings."""
    table: dict[str, object] = {}
    for member, label in labels.items():
        for text in (label, str(member), *extra.get(str(member), [])):
            table[normalise_header(text)] = member
    return table


_KINDS = _lookup_table(KIND_LABELS, {
    "technical": ["kỹ thuật", "giải pháp kĩ thuật", "kĩ thuật", "GPKT", "sáng kiến kỹ thuật"],
    "management": ["quản lý", "quản lí", "giải pháp quản lí", "sáng kiến quản lý"],
    "operational": ["tác nghiệp", "sáng kiến tác nghiệp"],
    "applied_technology": [
        "ứng dụng tiến bộ kỹ thuật", "ứng dụng tiến bộ khoa học kỹ thuật",
        "giải pháp ứng dụng tiến bộ khoa học kỹ thuật", "ứng dụng khoa học kỹ thuật",
        "ứng dụng khoa học công nghệ", "ứng dụng tiến bộ kĩ thuật",
    ],
    "union_work": [
        "hoạt động công đoàn", "công tác công đoàn", "giải pháp công tác công đoàn",
        "trong hoạt động công đoàn", "công đoàn",
    ],
    "covid": [
        "phòng chống Covid-19", "phòng, chống Covid-19", "phòng chống dịch Covid-19",
        "giải pháp phòng, chống dịch Covid-19", "Covid-19", "Covid",
    ],
    "research": [
        "đề tài", "đề tài khoa học", "nghiên cứu khoa học", "đề tài nghiên cứu",
        "đề tài nghiên cứu khoa học cấp tỉnh", "đề tài nghiên cứu khoa học cấp bộ",
        "đề tài nghiên cứu khoa học cấp ngành", "đề tài cấp tỉnh", "đề tài cấp bộ",
        "đề tài cấp ngành",
    ],
})
_FIELDS = _lookup_table(FIELD_LABELS, {
    "agriculture_environment": [
        "nông nghiệp", "nông lâm ngư nghiệp", "nông, lâm, ngư nghiệp", "môi trường",
        "nông nghiệp và môi trường", "nông – lâm – ngư nghiệp, môi trường",
    ],
    "it_electronics_telecom": [
        "công nghệ thông tin", "CNTT", "điện tử", "viễn thông", "điện tử, viễn thông",
        "công nghệ thông tin, điện tử", "công nghệ thông tin điện tử viễn thông",
    ],
    "materials_chemicals_energy": [
        "vật liệu", "hóa chất", "hoá chất", "năng lượng", "vật liệu, hoá chất, năng lượng",
    ],
    "health": ["y tế", "chăm sóc sức khỏe", "chăm sóc sức khoẻ", "y tế, chăm sóc sức khỏe"],
    "education": ["giáo dục", "đào tạo", "giáo dục, đào tạo", "giáo dục - đào tạo"],
    "other": ["khác", "lĩnh vực khác", "các lĩnh vực khác"],
})
_STATUSES = _lookup_table(STATUS_LABELS, {
    "draft": ["bản nháp", "chưa gửi"],
    "under_review": [
        "đang xét", "đang xem xét", "chờ xét", "chờ xét duyệt", "chờ xem xét", "đang thẩm định",
        "chờ thẩm định", "chưa xét", "chưa đánh giá", "chưa thẩm định", "đang đánh giá",
        "đã đăng ký", "đăng ký",
    ],
    "valid": ["đạt", "được công nhận", "đã công nhận", "công nhận", "hợp lệ, được công nhận"],
    "rejected": ["không đạt", "không được công nhận", "không công nhận", "loại"],
})
_RESEARCH_PREFIX = "de tai"
_STATUS_REASON = re.compile(r"^(?P<status>[^:(\-–—]+?)\s*(?::|\(|\s[-–—]\s?|[-–—]\s)\s*(?P<reason>.+?)\)?$")


def _enum(value: object, table: dict, labels: dict):
    text = normalise_header(value)
    if text in table:
        return table[text]
    for prefix in ("giai phap ", "sang kien ", "linh vuc "):
        if text.startswith(prefix) and text[len(prefix):] in table:
            return table[text[len(prefix):]]
    raise ValueError(f"không rõ “{cell_text(value)}” (dùng: {_choices(labels.values())})")


@functools.lru_cache(maxsize=1024)
def parse_kind(value: object) -> InitiativeKind:
    """Kind of solution from its Vietnamese name (tones and case ignored)."""
    try:
        return _enum(value, _KINDS, KIND_LABELS)
    except ValueError:
        if normalise_header(value).startswith(_RESEARCH_PREFIX):  # "Đề tài NCKH cấp tỉnh …"
            return InitiativeKind.RESEARCH
        raise


@functools.lru_cache(maxsize=1024)
def parse_field(value: object) -> InitiativeField:
    return _enum(value, _FIELDS, FIELD_LABELS)


@functools.lru_cache(maxsize=1024)
def parse_status(value: object) -> tuple[InitiativeStatus, str]:
    """(status, reason): "Không hợp lệ: trùng lặp" gives the reason after the status."""
    try:
        return _enum(value, _STATUSES, STATUS_LABELS), ""
    except ValueError:
        match = _STATUS_REASON.match(cell_text(value))
        if match:
            try:
                status = _enum(match["status"], _STATUSES, STATUS_LABELS)
            except ValueError:
                pass
            else:
                return status, clean(match["reason"].strip(" )"))
        raise


_YES = {"x", "co", "mat", "1", "true", "v", "yes", "bao mat", "toi mat", "tuyet mat"}
_NO = {"khong", "0", "false", "no", "khong mat"}


def parse_flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = normalise_header(value) or clean(value)
    if text in _YES or clean(value) in {"✓", "✔", "☑"}:
        return True
    if text in _NO:
        return False
    raise ValueError(f"không rõ “{cell_text(value)}” (ghi x hoặc Có nếu đúng, để trống nếu không)")


def parse_benefit(value: object) -> int | None:
    amount = parse_money(value)
    if amount is not None and amount < 0:
        raise ValueError(f"không được âm: {cell_text(value)}")
    return amount


# ---- authors -------------------------------------------------------------------------------

# Separators between people: ";", line breaks, " và ", commas that are not a decimal comma
# ("33,5%"), and the space after a share ("Lê Văn A 60% Trần Văn B 40%": line breaks
# flattened); none of them inside brackets ("Lê Văn A (Trường X, 60%)").
_AUTHOR_SPLIT = re.compile(
    r"\s*(?:[;\n\r]|,(?!\d)|\s+và\s+|(?<=%)\s+(?=\D)|(?<=%\))\s+(?=\D))(?![^()\[\]]*[)\]])\s*"
)
_SHARE = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")
_BRACKETS = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_BULLET = re.compile(r"^(?:\d{1,2}\s*[.)/]\s*|[-–—•+*·]\s*)")
_TRIM = " -–—:,.;"
# Family names (folded), to split names run together when a cell's line breaks were lost.
_FAMILY_NAMES_TEXT = (
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh dao trinh "
    "ha luong mai cao ta to luu chu nong kieu quach truong lam doan thai trieu lo giang vang "
    "sung thao tong quang dieu cam tan chao tang khuat kim lai ninh thieu lu"
)
_FAMILY_NAMES = frozenset(_FAMILY_NAMES_TEXT.split())


@dataclass(frozen=True, slots=True)
class ParsedAuthors:
    """The authors of one row, shares normalised; ``run_together`` when names written one
    after another with no separator (line breaks flattened) were split by family names."""

    authors: list[AuthorInput]
    run_together: bool = False


_PLAIN_NAME = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")  # words of letters, single spaces


def _author(piece: str) -> AuthorInput | None:
    if _PLAIN_NAME.fullmatch(piece):  # the usual case: just a name
        return AuthorInput(piece)
    piece = _BULLET.sub("", piece.strip(_TRIM))
    share = None
    found = _SHARE.findall(piece)
    if len(found) > 1:
        raise ValueError(f"ghi nhiều tỷ lệ cho một người: “{piece}”")
    if found:
        number = found[0]
        if not number.isdigit():
            raise ValueError(f"tỷ lệ đóng góp phải là số nguyên phần trăm: “{number}%”")
        share = int(number)
        piece = _SHARE.sub("", piece)
    units = [clean(u).strip(_TRIM) for u in _BRACKETS.findall(piece)]
    name = clean(_BRACKETS.sub(" ", piece)).strip(_TRIM)
    if not name:
        return AuthorInput("", "", share) if share is not None else None
    return AuthorInput(name, ", ".join(u for u in units if u), share)


def _split_run_together(name: str) -> list[str] | None:
    """"Nguyễn Văn An Trần Thị Bình" → two people, when the words split into names of 2-4
    words each starting with a family name, and one such split is clearly the best (names of
    three words preferred). Six words at least: a single person's name rarely has more than
    five."""
    words = name.split(" ")
    if len(words) < 6:
        return None
    folded = [fold(w) for w in words]
    if folded[0] not in _FAMILY_NAMES:
        return None
    # best[i] = (cost, number of equally good ways, cut points) for words[i:]
    best: dict[int, tuple[int, int, tuple[int, ...]]] = {len(words): (0, 1, ())}
    for i in range(len(words) - 1, -1, -1):
        if folded[i] not in _FAMILY_NAMES:
            continue
        options = []
        for size in (2, 3, 4):
            rest = best.get(i + size)
            if rest is not None:
                options.append((abs(size - 3) + rest[0], rest[1], (i, *rest[2])))
        if options:
            low = min(o[0] for o in options)
            ties = [o for o in options if o[0] == low]
            best[i] = (low, sum(t[1] for t in ties), ties[0][2])
    found = best.get(0)
    if found is None or found[1] != 1 or len(found[2]) < 2:
        return None
    cuts = [*found[2], len(words)]
    return [" ".join(words[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]


def parse_authors(value: object) -> ParsedAuthors:
    """The people of an authors cell, with shares summing to 100 (equal when none given)."""
    text = cell_text(value) if not isinstance(value, str) else value
    authors: list[AuthorInput] = []
    for piece in _AUTHOR_SPLIT.split(text):
        author = _author(piece)
        if author is None:
            continue
        if not author.full_name:  # "Lê Văn A, 60%": the share of the person before
            if not authors or authors[-1].share is not None:
                raise ValueError(f"có tỷ lệ {author.share}% nhưng thiếu họ tên")
            authors[-1].share = author.share
            continue
        authors.append(author)
    run_together = False
    if not any(a.share is not None or a.unit_text for a in authors):
        split: list[AuthorInput] = []
        for author in authors:
            names = _split_run_together(author.full_name)
            if names:
                split.extend(AuthorInput(n) for n in names)
                run_together = True
            else:
                split.append(author)
        authors = split
    return ParsedAuthors(normalise_shares(authors), run_together)


# ---- the columns ---------------------------------------------------------------------------

COLUMNS = (
    Column(
        "name",
        ("Tên sáng kiến", "Tên giải pháp", "Tên đề tài", "Tên sáng kiến, giải pháp",
         "Tên sáng kiến/giải pháp", "Tên sáng kiến, đề tài", "Tên sáng kiến hoặc giải pháp",
         "Tên giải pháp, sáng kiến", "Tên đề tài, sáng kiến"),
        parse=_text, required=True, label="Tên sáng kiến",
    ),
    Column(
        "authors",
        ("Tác giả", "Họ và tên tác giả", "Tác giả, nhóm tác giả", "Tác giả/nhóm tác giả",
         "Tác giả hoặc nhóm tác giả", "Họ tên tác giả", "Nhóm tác giả", "Tác giả, đồng tác giả",
         "Tác giả Họ và tên", "Tác giả Họ tên", "Họ và tên tác giả, đồng tác giả"),
        parse=parse_authors, required=True, label="Tác giả",
    ),
    Column(
        "unit",
        ("Đơn vị", "Đơn vị công tác", "CĐCS", "Công đoàn cơ sở", "Tên CĐCS", "Mã đơn vị",
         "Đơn vị, CĐCS", "Tên đơn vị", "Đơn vị áp dụng", "Tác giả Đơn vị công tác"),
        parse=_text, required=True, label="Đơn vị",
    ),
    Column("field", ("Lĩnh vực", "Lĩnh vực áp dụng", "Thuộc lĩnh vực"), parse=parse_field,
           label="Lĩnh vực"),
    Column(
        "kind",
        ("Loại giải pháp", "Loại sáng kiến", "Loại hình sáng kiến", "Loại hình giải pháp",
         "Loại",  # the register's own export before it was headed "Loại giải pháp"
         "Phân loại", "Loại giải pháp, sáng kiến"),
        parse=parse_kind, label="Loại giải pháp",
    ),
    Column("registered_on", ("Ngày đăng ký", "Ngày đăng kí", "Ngày nhận hồ sơ"),
           parse=parse_date, label="Ngày đăng ký"),
    Column(
        "first_applied_on",
        ("Ngày áp dụng lần đầu", "Ngày áp dụng", "Thời gian áp dụng", "Ngày áp dụng thử",
         "Ngày áp dụng lần đầu hoặc áp dụng thử", "Thời gian áp dụng lần đầu",
         "Ngày bắt đầu áp dụng"),
        parse=parse_date, label="Ngày áp dụng lần đầu",
    ),
    Column(
        "economic_benefit",
        ("Giá trị làm lợi", "Giá trị làm lợi (đồng)", "Hiệu quả kinh tế",
         "Hiệu quả kinh tế (đồng)", "Số tiền làm lợi", "Giá trị làm lợi ước tính",
         "Hiệu quả Kinh tế", "Hiệu quả Giá trị làm lợi"),
        parse=parse_benefit, label="Giá trị làm lợi", money=True,
    ),
    Column("social_benefit", ("Hiệu quả xã hội", "Lợi ích xã hội", "Hiệu quả về xã hội"),
           parse=_text, label="Hiệu quả xã hội"),
    Column(
        "status",
        ("Tình trạng", "Trạng thái", "Kết quả xét duyệt", "Kết quả đánh giá",
         "Kết quả thẩm định"),
        parse=parse_status, label="Tình trạng",
    ),
    Column("rejection_reason", ("Lý do không hợp lệ", "Lý do không đạt", "Lý do"),
           parse=_text, label="Lý do không hợp lệ"),
    Column(
        "decision_number",
        ("Số quyết định công nhận", "Số QĐ công nhận", "Quyết định công nhận số",
         "Số quyết định", "Số QĐ", "Quyết định công nhận Số", "Quyết định công nhận"),
        parse=_text, label="Số quyết định công nhận",
    ),
    Column(
        "decision_date",
        ("Ngày công nhận", "Ngày quyết định công nhận", "Ngày QĐ công nhận", "Ngày quyết định",
         "Ngày QĐ", "Quyết định công nhận Ngày"),
        parse=parse_date, label="Ngày công nhận",
    ),
    Column(
        "description",
        ("Tóm tắt nội dung", "Mô tả", "Nội dung", "Tóm tắt", "Mô tả tóm tắt",
         "Nội dung tóm tắt", "Tóm tắt nội dung sáng kiến", "Mô tả giải pháp"),
        parse=_text, label="Tóm tắt nội dung",
    ),
    Column("objective", ("Mục tiêu", "Mục đích", "Mục tiêu của giải pháp"), parse=_text,
           label="Mục tiêu"),
    Column("scope", ("Phạm vi áp dụng", "Khả năng áp dụng", "Phạm vi, khả năng áp dụng"),
           parse=_text, label="Phạm vi áp dụng"),
    Column("programme", ("Chương trình", "Thuộc chương trình", "Phong trào"), parse=_text,
           label="Chương trình"),
    Column("confidential", ("Mật", "Bảo mật", "Sáng kiến mật", "Độ mật"), parse=parse_flag,
           label="Mật"),
    Column("awards", ("Khen thưởng", "Hình thức khen thưởng", "Giải thưởng"), parse=_text,
           label="Khen thưởng"),
)


# ---- result --------------------------------------------------------------------------------

@dataclass(frozen=True)
class DuplicateWarning:
    """Row ``row`` was imported but looks like record ``existing`` (its number), or, when
    ``file_row`` is set, like that earlier row of the same file (not in the register yet)."""

    row: int
    existing: str
    name: str
    similarity: int  # percent
    file_row: int | None = None

    def message(self) -> str:
        like = (f"dòng {self.file_row} của tệp này" if self.file_row is not None
                else f"sáng kiến {self.existing}")
        return (f"Dòng {self.row}: có thể trùng với {like} “{self.name}” "
                f"(giống {self.similarity}%).")


@dataclass
class InitiativeImportResult(ImportResult):
    """:class:`ImportResult` plus likely duplicates, notes, and the units created."""

    duplicates: list[DuplicateWarning] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    created_units: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        data = super().to_json()
        data["duplicates"] = [
            {"row": d.row, "existing": d.existing, "file_row": d.file_row, "name": d.name,
             "similarity": d.similarity}
            for d in self.duplicates
        ]
        data["warnings"] = list(self.warnings)
        data["created_units"] = list(self.created_units)
        return data


# ---- likely duplicates (in memory) -------------------------------------------------------------

def _known_records(session: Session, unit_ids: set[uuid.UUID], before_seq: int
                   ) -> list[tuple[str, str, str, uuid.UUID, set[str]]]:
    """(number, name, folded name, unit, folded authors) of every record of these units
    kept before this import (``seq < before_seq``: the rows it inserted are not "kept"),
    oldest first (a likely duplicate has the same unit)."""
    ids = list(unit_ids)
    authors: dict[uuid.UUID, set[str]] = defaultdict(set)
    records: list[Row[int, uuid.UUID, str, str, str, uuid.UUID]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for initiative_id, full_name in session.execute(
            select(InitiativeAuthor.initiative_id, InitiativeAuthor.full_name)
            .join(Initiative, Initiative.id == InitiativeAuthor.initiative_id)
            .where(Initiative.unit_id.in_(chunk), Initiative.deleted_at.is_(None),
                   Initiative.seq < before_seq, InitiativeAuthor.deleted_at.is_(None))
        ):
            authors[initiative_id].add(fold(full_name))
        records += session.execute(
            select(Initiative.seq, Initiative.id, Initiative.number, Initiative.name,
                   Initiative.name_folded, Initiative.unit_id)
            .where(Initiative.unit_id.in_(chunk), Initiative.deleted_at.is_(None),
                   Initiative.seq < before_seq)
        ).all()
    records.sort(key=lambda r: r[0])
    return [(number, name, folded, unit_id, authors.get(rid, set()))
            for _seq, rid, number, name, folded, unit_id in records]


# A new row for the duplicate check: row in the file, name, folded name, unit, folded authors.
_NewRow = tuple[int, str, str, uuid.UUID, tuple[str, ...]]


def _match_duplicates(new: list[_NewRow],
                      known: list[tuple[str, str, str, uuid.UUID, set[str]]]
                      ) -> list[DuplicateWarning]:
    """Likely duplicates of the new rows among ``known`` (:func:`_known_records` of their
    units) and the new rows above them: the judgement of the form's check
    (:func:`core.initiatives.records.find_duplicates`,
    :func:`core.common.similarity.likely_same_initiative`), made in memory by a
    :class:`core.common.similarity.DuplicateIndex` — one unit at a time (a likely duplicate
    has the same unit), so only one unit's records are indexed at once. No database: it runs
    while the search index is filled."""
    if not new:
        return []
    by_unit: dict[uuid.UUID, list[_NewRow]] = defaultdict(list)
    for row in new:
        by_unit[row[3]].append(row)
    kept: dict[uuid.UUID, list[tuple[str, str, str, uuid.UUID, set[str]]]] = defaultdict(list)
    for record in known:
        kept[record[3]].append(record)
    found = []
    for unit_id, rows in by_unit.items():
        # Labels: (register number, name) of a kept record, (row in the file, name) of a
        # new row.
        index: similarity.DuplicateIndex[tuple[str | int, str]] = similarity.DuplicateIndex()
        for number, name, folded, _unit, authors in kept.pop(unit_id, ()):
            index.add((number, name), similarity.InitiativeKey(
                similarity.Title.of(folded), unit_id, frozenset(authors)))
        for row_number, name, name_folded, _unit, people in rows:
            # A new row is known by its row in the file: its number does not exist until
            # saved.
            match = index.find_and_add((row_number, name), similarity.InitiativeKey(
                similarity.Title.of(name_folded), unit_id, frozenset(people)))
            if match is None:
                continue
            (label, like), percent = match
            if isinstance(label, int):
                found.append(DuplicateWarning(row_number, "", like, percent, file_row=label))
            else:
                found.append(DuplicateWarning(row_number, label, like, percent))
    found.sort(key=lambda d: d.row)
    return found


BULK_CACHE_KIB = 32 * 1024  # the default 2 MiB makes 100,000 random UUID keys thrash: 2× the time
# (32 MiB: 40 and 120 MiB were no faster with the sync capture deferred; the cache counts
# fully in the peak memory of a 100,000-row import: 32 MiB keeps it near 480 MB, 40 MiB
# went to 490–515 MB once the search index was filled while duplicates are looked for)


# ---- the import ----------------------------------------------------------------------------

def _programme_choices(session: Session) -> str:
    return ", ".join(f"{p.code} ({p.name})" for p in list_programmes(session))


def _phases(session: Session) -> dict:
    phases: dict[uuid.UUID, list[tuple[int, date, date]]] = defaultdict(list)
    rows = session.execute(
        select(ProgrammePhase.programme_id, ProgrammePhase.number, ProgrammePhase.starts_on,
               ProgrammePhase.ends_on)
        .where(ProgrammePhase.deleted_at.is_(None)).order_by(ProgrammePhase.number)
    )
    for programme_id, number, starts, ends in rows:
        phases[programme_id].append((number, starts, ends))
    return phases


def _phase_of(phases: list[tuple[int, date, date]], on: date) -> int | None:
    for number, starts, ends in phases:
        if starts <= on <= ends:
            return number
    return None


@dataclass(frozen=True)
class _UnitRow:
    id: uuid.UUID
    code: str
    name: str
    name_folded: str
    deleted_at: object
    merged_into_id: uuid.UUID | None


class _Context:
    """Everything looked up once per import: units, programmes, numbers, known records."""

    def __init__(self, session: Session, office_code: str, programme_text: str,
                 create_units: bool, result: InitiativeImportResult):
        self.session = session
        self.office_code = office_code
        self.create_units = create_units
        self.result = result
        programme = find_programme(session, programme_text or DEFAULT_PROGRAMME)
        if programme is None:
            raise UserError(f"Không có chương trình “{programme_text}”. Các chương trình: "
                            f"{_programme_choices(session)}.")
        self.programme_id = programme.id
        self.programmes: dict[str, uuid.UUID | str] = {}
        self.phases = _phases(session)
        self.units: dict[str, tuple[uuid.UUID, str] | str] = {}
        # Every unit in one query (a row names one by code or name): by code, and the
        # units not deleted by folded name, in the order SQLite keeps them.
        self.by_code: dict[str, _UnitRow] = {}
        self.by_name: dict[str, list[_UnitRow]] = defaultdict(list)
        for unit in session.execute(select(
                Unit.id, Unit.code, Unit.name, Unit.name_folded, Unit.deleted_at,
                Unit.merged_into_id)):
            self._know_unit(_UnitRow(*unit))
        self.office_unit = org.find_by_code(session, office_code)
        # Called before any later use of the session: while rows are written by a
        # db.bulk.BackgroundWriter, it waits until the connection is free.
        self.before_query: Callable[[], None] = lambda: None
        self.numbers: dict[int, int] = {}
        self.seq = next_seq(session)
        self.known: set[tuple[str, uuid.UUID, str]] = {
            (name_folded, unit_id, fold(lead))
            for name_folded, unit_id, lead in session.execute(
                select(Initiative.name_folded, Initiative.unit_id, Initiative.lead_author)
                .where(Initiative.deleted_at.is_(None))
            )
        }

    # units ------------------------------------------------------------------------------
    def unit(self, text: str) -> tuple[uuid.UUID, str]:
        """(id, folded name) of the unit a row names; UserError when there is none."""
        found = self.units.get(text)
        if found is None:
            found = self.units[text] = self._resolve_unit(text)
        if isinstance(found, str):
            raise UserError(found)
        return found

    def _know_unit(self, unit: _UnitRow) -> None:
        self.by_code[unit.code] = unit
        if unit.deleted_at is None:
            self.by_name[unit.name_folded].append(unit)

    def _find_unit(self, text: str) -> _UnitRow | None:
        """:func:`core.org.units.find_unit` over the units loaded once."""
        text = clean(text)
        if not text:
            return None
        unit = self.by_code.get(text.upper())
        if unit is not None:
            return unit
        matches = self.by_name.get(fold(text), [])
        active = [u for u in matches if u.merged_into_id is None] or matches
        return active[0] if len(active) == 1 else None

    def _resolve_unit(self, text: str) -> tuple[uuid.UUID, str] | str:
        unit = self._find_unit(text)
        if unit is not None and unit.deleted_at is None:
            return unit.id, fold(unit.name)
        # Names equal but for tones ("Nậm Cha" / "Nậm Chà"): the one written exactly wins.
        same = self.by_name.get(fold(text), [])
        exact = [u for u in same if u.name.casefold() == text.casefold()]
        if len(exact) == 1:
            return exact[0].id, fold(exact[0].name)
        if same:
            codes = ", ".join(f"{u.code} {u.name}" for u in same)
            return f"Đơn vị: “{text}” giống tên nhiều đơn vị ({codes}); hãy ghi mã đơn vị."
        self.before_query()
        if self.create_units:
            if self.office_unit is None:
                return "Không tìm thấy đơn vị của văn phòng để tạo đơn vị mới."
            created = org.create_unit(self.session, org.UnitInput(
                code=org.next_unit_code(self.session, self.office_code), name=text,
                kind=UnitKind.GRASSROOTS, parent_code=self.office_unit.code))
            self.result.created_units.append(f"{created.code} {created.name}")
            self._know_unit(_UnitRow(created.id, created.code, created.name,
                                     created.name_folded, None, None))
            return created.id, fold(created.name)
        hints = org.suggest_units(self.session, text)
        hint = f" Có phải: {', '.join(hints)}?" if hints else ""
        return f"Đơn vị: không tìm thấy “{text}”.{hint}"

    # programmes -------------------------------------------------------------------------
    def programme(self, text: str | None) -> uuid.UUID:
        if not text:
            return self.programme_id
        found = self.programmes.get(text)
        if found is None:
            self.before_query()
            programme = find_programme(self.session, text)
            found = self.programmes[text] = (
                programme.id if programme is not None else
                f"Chương trình: không có “{text}” (dùng: {_programme_choices(self.session)})"
            )
        if isinstance(found, str):
            raise UserError(found)
        return found

    def phase(self, programme_id: uuid.UUID, on: date) -> int | None:
        return _phase_of(self.phases.get(programme_id, ()), on)

    # numbers ----------------------------------------------------------------------------
    def number(self, year: int) -> str:
        n = self.numbers.get(year)
        if n is None:
            self.before_query()
            first = next_number(self.session, self.office_code, year)
            n = int(first.rsplit("-", 1)[1])
        self.numbers[year] = n + 1
        return f"{self.office_code}-SK-{year}-{n:05d}"

    def next_seq(self) -> int:
        seq, self.seq = self.seq, self.seq + 1
        return seq


def import_initiatives(
    db: AppDatabase,
    path: str | Path,
    *,
    dry_run: bool,
    create_units: bool = False,
    programme: str = DEFAULT_PROGRAMME,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> InitiativeImportResult:
    """Initiatives from a workbook (see the module docstring); one transaction, or none
    written at all with ``dry_run``. Raises :class:`core.common.workbook.WorkbookError` for a file
    that cannot be read, :class:`UserError` for an unknown ``programme``, and
    :class:`core.common.errors.Cancelled` (nothing written) when ``is_cancelled()`` turns true."""
    if not db.office_code:
        raise UserError("Chưa khởi tạo đơn vị của văn phòng (lệnh init).")
    with _gc_paused():
        return _import(db, Path(path), dry_run=dry_run, create_units=create_units,
                       programme=programme, progress=progress, is_cancelled=is_cancelled)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cycle collector off while 100,000s of rows are alive: they hold no cycles, and a
    growing heap makes every full collection slower (a fifth of an import's time). Memory is
    still freed as usual by reference counting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import(db: AppDatabase, path: Path, *, dry_run: bool, create_units: bool, programme: str,
            progress: Progress, is_cancelled: IsCancelled) -> InitiativeImportResult:
    read = read_rows(path, COLUMNS, progress=progress, is_cancelled=is_cancelled)
    missing = set(read.missing)

    def work(session: Session) -> InitiativeImportResult:
        result = InitiativeImportResult()
        ctx = _Context(session, db.office_code, programme, create_units, result)
        now, by, office = utcnow(), current_user(), db.office_code
        stamp = new_row_stamp(office, now)
        initiatives: list[dict] = []
        authors: list[dict] = []
        changes: list[dict] = []
        new: list[_NewRow] = []
        change_text = json.dumps({"file": path.name}, ensure_ascii=False)
        default_kind_rows: list[int] = []
        run_together_rows: list[int] = []
        today = date.today()
        first_seq = ctx.seq
        new_id = UuidPool().next  # three keys a row: uuid4() one at a time was 4 % of the time
        connection = session.connection()
        inserters: list[Inserter] = []
        writer = BackgroundWriter(connection)

        def flush() -> None:
            """The rows built so far go to the writer (a chunk at a time: never all of them
            in memory)."""
            if not initiatives:
                return
            if session.new or session.dirty or session.deleted:  # units created for them
                writer.wait()
                session.flush()
            if not inserters:
                inserters.extend(Inserter(connection, table_of(model), list(rows[0]), writer)
                                 for model, rows in ((Initiative, initiatives),
                                                     (InitiativeAuthor, authors),
                                                     (InitiativeChange, changes)))
            for inserter, rows in zip(inserters, (initiatives, authors, changes), strict=True):
                inserter.insert(rows)
                rows.clear()

        ticker = Ticker(len(read.rows), progress, is_cancelled)
        ticker.start()
        parsed = 0
        triggers = DeferredInsertTriggers(connection, first_seq)
        with larger_cache(connection, BULK_CACHE_KIB):
            triggers.drop()
            with writer:
                ctx.before_query = writer.wait
                # Each row is parsed as it is reached (the rows before it are meanwhile
                # being written).
                for done, row in enumerate(iter_parsed(read, COLUMNS), start=1):
                    ticker.tick(done)
                    if not isinstance(row, ParsedRow):
                        result.rejected.append(_with_unit_problem(ctx, row))
                        continue
                    parsed += 1
                    try:
                        record, people = _record(ctx, row, today)
                    except UserError as exc:
                        result.rejected.append(row.reject(str(exc)))
                        continue
                    key = (record["name_folded"], record["unit_id"], record.pop("_lead_folded"))
                    people_folded = tuple(record.pop("_people_folded"))
                    if key in ctx.known:
                        result.skipped.append(row)
                        continue
                    ctx.known.add(key)
                    initiative_id = new_id()
                    registered = record["registered_on"]
                    record.update(stamp, id=initiative_id, seq=ctx.next_seq(),
                                  number=ctx.number(registered.year),
                                  phase_number=ctx.phase(record["programme_id"], registered))
                    initiatives.append(record)
                    new.append((row.number, record["name"], record["name_folded"],
                                record["unit_id"], people_folded))
                    for position, a in enumerate(people):
                        authors.append({**stamp, "id": new_id(), "initiative_id": initiative_id,
                                        "position": position, "member_id": None,
                                        "full_name": a.full_name, "unit_text": a.unit_text,
                                        "share": a.share})
                    changes.append({**stamp, "id": new_id(), "initiative_id": initiative_id,
                                    "changed_by": by, "action": "imported",
                                    "changes": change_text})
                    result.accepted.append(row)
                    if row.data.get("kind") is None:
                        default_kind_rows.append(row.number)
                    if row.data["authors"].run_together:
                        run_together_rows.append(row.number)
                    if len(initiatives) >= Inserter.CHUNK:
                        flush()
                flush()
                ticker.finish()
                # The records kept before, read once the rows are in; then the search
                # index and the tally are filled by the writer while the duplicates are
                # looked for here.
                writer.wait()
                known = (_known_records(session, {row[3] for row in new}, first_seq)
                         if new else [])
                triggers.fill(writer)
                result.duplicates = _match_duplicates(new, known)
                ctx.before_query = lambda: None
            triggers.restore()
        ticker.check()
        result.rejected.sort(key=lambda r: r.number)
        result.warnings = [*_notes(missing, default_kind_rows, run_together_rows, parsed),
                           *(d.message() for d in result.duplicates)]
        return result

    return db.run(work, dry_run=dry_run)


def _rows_text(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (f" … ({len(numbers)} dòng)" if len(numbers) > 10 else "")


def _notes(missing: set[str], default_kind: list[int], run_together: list[int],
           parsed: int) -> list[str]:
    notes = []
    kind = KIND_LABELS[DEFAULT_KIND]
    if "kind" in missing and parsed:
        notes.append(f"Bảng không có cột Loại giải pháp: các sáng kiến được ghi là “{kind}”.")
    elif default_kind:
        notes.append(f"Dòng {_rows_text(default_kind)} không ghi Loại giải pháp: đã ghi là "
                     f"“{kind}”.")
    if run_together:
        notes.append(f"Dòng {_rows_text(run_together)}: ô Tác giả có nhiều họ tên viết liền "
                     "nhau (có thể do xuống dòng trong ô), đã tách theo họ — hãy kiểm tra lại.")
    return notes


def _with_unit_problem(ctx: _Context, row: RejectedRow) -> RejectedRow:
    """A row rejected while parsing, with its unit's problem added to its reason when the
    unit is unknown too, so that one correction of the file fixes everything (no unit is
    created for a rejected row)."""
    text = row.values.get("unit")
    if ctx.create_units or not isinstance(text, str) or not text.strip():
        return row
    try:
        ctx.unit(text)
    except UserError as exc:
        return RejectedRow(row.number, join_reasons([row.reason, str(exc)]), row.values)
    return row


def _record(ctx: _Context, row: ParsedRow, today: date) -> tuple[dict, list[AuthorInput]]:
    """The initiative row to insert (without its ids and number) and its authors."""
    data = row.data
    unit_id, unit_folded = ctx.unit(data["unit"])
    people: list[AuthorInput] = data["authors"].authors
    status, reason = data.get("status") or (InitiativeStatus.UNDER_REVIEW, "")
    reason = data.get("rejection_reason") or reason
    if status == InitiativeStatus.REJECTED and not reason:
        raise UserError("Tình trạng “Không hợp lệ” cần ghi lý do (cột Lý do không hợp lệ, "
                        "hoặc ghi “Không hợp lệ: <lý do>”).")
    first_applied = data.get("first_applied_on")
    decision_number, decision_date = data.get("decision_number") or "", data.get("decision_date")
    registered = data.get("registered_on") or first_applied or today
    for label, value in (("Ngày đăng ký", data.get("registered_on")),
                         ("Ngày áp dụng lần đầu", first_applied),
                         ("Ngày công nhận", decision_date)):
        if value is not None and value > today:
            raise UserError(f"{label}: ngày {value:%d/%m/%Y} chưa tới.")
    programme_id = ctx.programme(data.get("programme"))
    lead = max(people, key=lambda a: a.share or 0)
    folded_names = [fold(a.full_name) for a in people]
    folded_all = [f for a, name in zip(people, folded_names, strict=True)
                  for f in (name, fold(a.unit_text) if a.unit_text else "") if f]
    name = data["name"]
    limits.check_fields(((key, data.get(key) or "") for key in limits.INITIATIVE_FIELDS),
                        limits.INITIATIVE_FIELDS)
    limits.check_fields([("rejection_reason", reason)], limits.INITIATIVE_FIELDS)
    description = data.get("description") or ""
    objective = data.get("objective") or ""
    social = data.get("social_benefit") or ""
    authors_text = (people[0].full_name if len(people) == 1
                    else ", ".join(f"{a.full_name} ({a.share}%)" for a in people))
    record = {
        "name": name,
        "kind": str(data.get("kind") or DEFAULT_KIND),
        "field": str(data["field"]) if data.get("field") else None,
        "programme_id": programme_id,
        "unit_id": unit_id,
        "registered_on": registered,
        "objective": objective,
        "steps": "",
        "scope": data.get("scope") or "",
        "description": description,
        "conditions": "",
        "first_applied_on": first_applied,
        "trial_only": False,
        "economic_benefit": data.get("economic_benefit"),
        "social_benefit": social,
        "recognised_by": (str(Recogniser.COUNCIL) if decision_number or decision_date
                          else None),
        "decision_number": decision_number,
        "decision_date": decision_date,
        "status": str(status),
        "rejection_reason": reason if status == InitiativeStatus.REJECTED else "",
        "new_in_unit": True,
        "ip_protected": False,
        "unlawful": False,
        "confidential": bool(data.get("confidential")),
        "portal_uploaded": False,
        "portal_uploaded_on": None,
        "awards": data.get("awards") or "",
        "authors_text": authors_text,
        "lead_author": lead.full_name,
        "name_folded": fold(name),
        # fold(a b) == fold(a) + " " + fold(b): each piece is folded once
        "authors_folded": " ".join(folded_all),
        "description_folded": " ".join(
            f for f in (fold(description), fold(objective), fold(social)) if f
        ),
        "unit_folded": unit_folded,
        "_lead_folded": folded_names[people.index(lead)],
        "_people_folded": set(folded_names),
    }
    return record, people


__all__ = [
    "COLUMNS",
    "DEFAULT_PROGRAMME",
    "DuplicateWarning",
    "InitiativeImportResult",
    "ParsedAuthors",
    "import_initiatives",
    "parse_authors",
    "parse_field",
    "parse_flag",
    "parse_kind",
    "parse_status",
]
