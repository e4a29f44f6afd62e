"""The rules of commendation (seed 002 §IV; QĐ 1564/QĐ-TLĐ), each check explaining itself in
Vietnamese: the criteria checklist, Creative Labour eligibility from the linked initiatives'
benefit values, two awards at the same level in the same year, a linked initiative that is
not valid (hợp lệ), an award the round does not offer. Pure functions over plain values."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from core.common.vnformat import format_money
from db.models import AwardForm, InitiativeStatus, NomineeKind, RoundLevel, Tier

AWARD_LABELS: dict[AwardForm, str] = {
    AwardForm.GIAY_KHEN: "Giấy khen",
    AwardForm.BANG_KHEN: "Bằng khen",
    AwardForm.LAO_DONG_SANG_TAO: "Bằng Lao động sáng tạo",
    AwardForm.BIEU_DUONG: "Biểu dương",
}
LEVEL_LABELS: dict[RoundLevel, str] = {
    RoundLevel.GRASSROOTS: "Công đoàn cơ sở",
    RoundLevel.UPPER: "Công đoàn cấp trên trực tiếp cơ sở",
    RoundLevel.PROVINCE: "Liên đoàn Lao động tỉnh",
    RoundLevel.NATIONAL: "Tổng Liên đoàn Lao động Việt Nam",
}
# Who awards: levels from the grassroots up; each award form carries the lowest level that
# awards it (Bằng Lao động sáng tạo: the Tổng Liên đoàn, QĐ 1564/QĐ-TLĐ; Bằng khen: the
# province or above); a lower round proposes it upward in its Tờ trình, never decides it.
LEVEL_ORDER: tuple[RoundLevel, ...] = (RoundLevel.GRASSROOTS, RoundLevel.UPPER, RoundLevel.PROVINCE,
                                       RoundLevel.NATIONAL)
AWARD_ISSUER: dict[AwardForm, RoundLevel] = {
    AwardForm.BIEU_DUONG: RoundLevel.GRASSROOTS,
    AwardForm.GIAY_KHEN: RoundLevel.GRASSROOTS,
    AwardForm.BANG_KHEN: RoundLevel.PROVINCE,
    AwardForm.LAO_DONG_SANG_TAO: RoundLevel.NATIONAL,
}
ISSUER_BODIES: dict[RoundLevel, str] = {
    RoundLevel.GRASSROOTS: "Ban Chấp hành công đoàn cơ sở",
    RoundLevel.UPPER: "Ban Thường vụ công đoàn cấp trên trực tiếp cơ sở",
    RoundLevel.PROVINCE: "Ban Thường vụ Liên đoàn Lao động tỉnh",
    RoundLevel.NATIONAL: "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
}


def issuer(award: AwardForm, level: RoundLevel) -> RoundLevel:
    """The level that awards ``award`` proposed in a round at ``level``: the round's own level
    when the form is within it, else the form's issuing level above."""
    own, lowest = LEVEL_ORDER.index(RoundLevel(level)), LEVEL_ORDER.index(AWARD_ISSUER[AwardForm(award)])
    return LEVEL_ORDER[max(own, lowest)]


def is_own(award: AwardForm, level: RoundLevel) -> bool:
    """Whether a round at ``level`` decides (and prints) ``award`` itself."""
    return issuer(award, level) == RoundLevel(level)
KIND_LABELS = {NomineeKind.INDIVIDUAL: "Cá nhân", NomineeKind.COLLECTIVE: "Tập thể"}
TIER_LABELS = {Tier.WORKER: "Người lao động không giữ chức vụ lãnh đạo",
               Tier.UNIVERSITY: "Cấp đại học", Tier.LEADER: "Cán bộ lãnh đạo, quản lý"}

# Seed 002 §IV.1: the criteria, as a checklist (key, label).
COLLECTIVE_CRITERIA: tuple[tuple[str, str], ...] = (
    ("launched", "Có phát động phong trào thi đua, tuyên truyền, vận động đoàn viên tham gia"),
    ("agreement", "Có ký giao ước thi đua, tổ chức đăng ký đề tài, sáng kiến"),
    ("reviewed", "Có sơ kết, tổng kết phong trào; xét duyệt, nghiệm thu sáng kiến nghiêm túc"),
    ("applied", "Nhiều cá nhân có sáng kiến được công nhận và áp dụng hiệu quả"),
    ("compliance", "Nội bộ đoàn kết, chấp hành tốt chủ trương, pháp luật, Điều lệ Công đoàn"),
    ("rating", "Được xếp loại vững mạnh hoặc tốt"),
)
INDIVIDUAL_CRITERIA: tuple[tuple[str, str], ...] = (
    ("initiative", "Có đề tài, sáng kiến được nghiệm thu và ứng dụng trong thực tế"),
    ("compliance", "Chấp hành tốt chủ trương của Đảng, pháp luật, quy định của Công đoàn"),
)


def criteria_for(kind: NomineeKind) -> tuple[tuple[str, str], ...]:
    return COLLECTIVE_CRITERIA if kind == NomineeKind.COLLECTIVE else INDIVIDUAL_CRITERIA


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    met: bool
    note: str  # evidence (minh chứng)


def parse_criteria(kind: NomineeKind, stored: str) -> tuple[Criterion, ...]:
    try:
        values = json.loads(stored or "{}")
    except ValueError:
        values = {}
    if not isinstance(values, dict):
        values = {}
    out = []
    for key, label in criteria_for(kind):
        value = values.get(key) or {}
        out.append(Criterion(key, label, bool(value.get("met")), str(value.get("note", ""))))
    return tuple(out)


def dump_criteria(items: Iterable[Criterion]) -> str:
    return json.dumps({c.key: {"met": c.met, "note": c.note} for c in items}, ensure_ascii=False,
                      sort_keys=True)


@dataclass(frozen=True)
class Thresholds:
    """Creative Labour (Bằng Lao động sáng tạo) benefit thresholds in đồng (QĐ 1564/QĐ-TLĐ)."""

    worker: int = 80_000_000
    worker_three_years: int = 120_000_000
    university: int = 150_000_000
    leader: int = 200_000_000


@dataclass(frozen=True)
class LinkedInitiative:
    id: uuid.UUID
    number: str
    name: str
    status: InitiativeStatus
    benefit: int | None
    year: int


@dataclass(frozen=True)
class OtherAward:
    """Another nomination of the same person or unit (for the same-level, same-year rule)."""

    round_name: str
    award: AwardForm


@dataclass(frozen=True)
class Finding:
    rule: str  # criteria | creative_labour | duplicate | initiative | award
    ok: bool
    message: str


STATUS_WORDS = {
    InitiativeStatus.DRAFT: "nháp",
    InitiativeStatus.UNDER_REVIEW: "đang xem xét",
    InitiativeStatus.VALID: "hợp lệ",
    InitiativeStatus.REJECTED: "không hợp lệ",
}


def _money(n: int) -> str:
    return f"{format_money(n)} đồng"


def creative_labour(tier: Tier, year: int, linked: Sequence[LinkedInitiative],
                    t: Thresholds) -> Finding:
    """Eligibility for the Creative Labour certificate from the valid linked initiatives'
    benefit values (đồng/năm), counted over the three years up to the round's year."""
    window = range(year - 2, year + 1)
    valid = [i for i in linked if i.status == InitiativeStatus.VALID and i.benefit and i.year in window]
    by_year = {y: sum(i.benefit or 0 for i in valid if i.year == y) for y in window}
    best_year = max(window, key=lambda y: (by_year[y], y))
    best, total = by_year[best_year], sum(by_year.values())
    if not valid:
        if tier == Tier.WORKER:
            need_text = (f"{_money(t.worker)} trong một năm hoặc {_money(t.worker_three_years)} "
                         "trong ba năm liên tiếp")
        else:
            need_text = f"{_money(t.university if tier == Tier.UNIVERSITY else t.leader)} trong một năm"
        return Finding("creative_labour", False,
                       "Bằng Lao động sáng tạo: chưa có sáng kiến hợp lệ nào có giá trị làm lợi "
                       f"trong các năm {year - 2}–{year} được gắn với người được đề nghị (mức cần: "
                       f"{need_text}).")
    if tier == Tier.WORKER:
        if best >= t.worker:
            return Finding("creative_labour", True,
                           f"Bằng Lao động sáng tạo: giá trị làm lợi năm {best_year} là "
                           f"{_money(best)}, đạt mức {_money(t.worker)}.")
        if total >= t.worker_three_years:
            return Finding("creative_labour", True,
                           f"Bằng Lao động sáng tạo: tổng giá trị làm lợi ba năm liên tiếp "
                           f"{year - 2}–{year} là {_money(total)}, đạt mức "
                           f"{_money(t.worker_three_years)}.")
        return Finding("creative_labour", False,
                       f"Bằng Lao động sáng tạo: chưa đạt — giá trị làm lợi cao nhất trong một "
                       f"năm là {_money(best)} (năm {best_year}), cần {_money(t.worker)}; tổng "
                       f"ba năm {year - 2}–{year} là {_money(total)}, cần "
                       f"{_money(t.worker_three_years)}.")
    need = t.university if tier == Tier.UNIVERSITY else t.leader
    who = "cấp đại học" if tier == Tier.UNIVERSITY else "cán bộ lãnh đạo, quản lý"
    if best >= need:
        return Finding("creative_labour", True,
                       f"Bằng Lao động sáng tạo ({who}): giá trị làm lợi năm {best_year} là "
                       f"{_money(best)}, đạt mức {_money(need)}.")
    return Finding("creative_labour", False,
                   f"Bằng Lao động sáng tạo ({who}): chưa đạt — giá trị làm lợi cao nhất trong "
                   f"một năm là {_money(best)} (năm {best_year}), cần {_money(need)}.")


def check(*, kind: NomineeKind, tier: Tier, award: AwardForm, round_year: int,
          round_level: RoundLevel, offered: Sequence[AwardForm], criteria: Sequence[Criterion],
          linked: Sequence[LinkedInitiative], others: Sequence[OtherAward],
          thresholds: Thresholds) -> list[Finding]:
    """Every rule for one nominee, in order; each finding says whether it passed and why."""
    out: list[Finding] = [
        Finding("duplicate", False,
                f"Cùng năm {round_year}, cùng cấp ({LEVEL_LABELS[round_level]}) đã "
                f"được đề nghị {AWARD_LABELS[other.award]} trong đợt «{other.round_name}»: "
                "một người, một tập thể không nhận hai hình thức cùng cấp trong một năm.")
        for other in others]  # first: the one that must not be missed
    if award not in offered:
        names = ", ".join(AWARD_LABELS[a] for a in offered) or "không có"
        out.append(Finding("award", False, f"Đợt này không xét hình thức {AWARD_LABELS[award]} "
                                           f"(các hình thức của đợt: {names})."))
    valid = [i for i in linked if i.status == InitiativeStatus.VALID]
    for c in criteria:
        if c.met and c.key == "initiative" and kind == NomineeKind.INDIVIDUAL and not valid:
            # Met only by a valid (hợp lệ) linked initiative, whatever the tick says.
            out.append(Finding("criteria", False, f"Chưa đạt tiêu chuẩn: {c.label} — đã đánh dấu "
                                                  "đạt nhưng chưa có sáng kiến hợp lệ nào được gắn."))
        elif c.met:
            lines = "; ".join(filter(None, c.note.splitlines()))  # a note may have several lines
            note = f" (minh chứng: {lines})" if lines else " (chưa ghi minh chứng)"
            out.append(Finding("criteria", True, f"Đạt: {c.label}{note}."))
        else:
            out.append(Finding("criteria", False, f"Chưa đạt tiêu chuẩn: {c.label}."))
    for i in linked:
        if i.status != InitiativeStatus.VALID:
            out.append(Finding("initiative", False,
                               f"Sáng kiến {i.number} “{i.name}” chưa hợp lệ "
                               f"({STATUS_WORDS[i.status]}): không dùng làm căn cứ khen thưởng."))
    if kind == NomineeKind.INDIVIDUAL and not linked:
        out.append(Finding("initiative", False, "Chưa gắn sáng kiến nào với cá nhân này."))
    if award == AwardForm.LAO_DONG_SANG_TAO:
        if kind == NomineeKind.COLLECTIVE:
            out.append(Finding("creative_labour", False,
                               "Bằng Lao động sáng tạo chỉ xét cho cá nhân."))
        else:
            out.append(creative_labour(tier, round_year, linked, thresholds))
    return out


def thresholds_from(values: Mapping[str, str]) -> Thresholds:
    """Thresholds from stored settings (missing or unreadable values: the defaults)."""
    base = Thresholds()
    kw = {}
    for name in ("worker", "worker_three_years", "university", "leader"):
        try:
            kw[name] = int(values.get(name, getattr(base, name)))
        except ValueError:
            kw[name] = getattr(base, name)
    return Thresholds(**kw)


def default_round_name(year: int) -> str:
    return f"Tổng kết phong trào Lao động giỏi, lao động sáng tạo năm {year}"


def today() -> date:
    return date.today()
