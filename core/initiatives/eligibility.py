"""Eligibility of an initiative for a programme (seed 004 §1.3–1.4), explained rule by rule.

Each rule gives a pass or a reason in Vietnamese; the form lists them and the register shows
an icon for the overall result. The check reads only plain values, so it works on an ORM
object and on a row fetched for the list alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from core.common.vnformat import format_date


class _InitiativeLike(Protocol):
    """What the rules read of an initiative: an ORM record, a register row or a form draft."""

    @property
    def recognised_by(self) -> object: ...

    @property
    def decision_number(self) -> str: ...

    @property
    def decision_date(self) -> date | None: ...

    @property
    def new_in_unit(self) -> bool: ...

    @property
    def first_applied_on(self) -> date | None: ...

    @property
    def economic_benefit(self) -> int | None: ...

    @property
    def social_benefit(self) -> str: ...

    @property
    def unlawful(self) -> bool: ...

    @property
    def ip_protected(self) -> bool: ...

    # ``registered_on`` (date | None) is read too when the item has it: a recognition dated
    # before the registration fails the "recognised" rule.


@dataclass(frozen=True)
class RuleResult:
    code: str
    title: str  # the rule, short, Vietnamese
    passed: bool
    reason: str = ""  # why it failed, Vietnamese


@dataclass(frozen=True)
class Window:
    """The programme's window for the date first applied (either end may be open)."""

    start: date | None
    end: date | None


def check(item: _InitiativeLike, window: Window | None) -> list[RuleResult]:
    """All rules, in the order of seed 004."""
    results = [
        RuleResult(
            "new",
            "Có tính mới trong phạm vi đơn vị",
            bool(item.new_in_unit),
            "" if item.new_in_unit else "Sáng kiến không có tính mới trong phạm vi đơn vị.",
        ),
        _recognised(item),
        _applied(item),
        _benefit(item),
        _window(item, window),
        RuleResult(
            "lawful",
            "Không trái trật tự công cộng, đạo đức xã hội",
            not item.unlawful,
            "Nội dung trái với trật tự công cộng hoặc đạo đức xã hội." if item.unlawful else "",
        ),
        RuleResult(
            "ip",
            "Không đang được bảo hộ sở hữu trí tuệ",
            not item.ip_protected,
            "Sáng kiến đang được bảo hộ quyền sở hữu trí tuệ." if item.ip_protected else "",
        ),
    ]
    return results


def is_eligible(item: _InitiativeLike, window: Window | None) -> bool:
    return all(r.passed for r in check(item, window))


def reasons(item: _InitiativeLike, window: Window | None) -> list[str]:
    return [r.reason for r in check(item, window) if not r.passed]


def _recognised(item) -> RuleResult:
    title = "Được Hội đồng sáng kiến hoặc thủ trưởng đơn vị công nhận"
    if not item.recognised_by:
        return RuleResult("recognised", title, False, "Chưa được cấp có thẩm quyền công nhận.")
    if not (item.decision_number or item.decision_date):
        return RuleResult(
            "recognised", title, False, "Thiếu số hoặc ngày của quyết định công nhận."
        )
    # A form draft may not have the registration date yet: then nothing to compare.
    registered = getattr(item, "registered_on", None)
    decided = item.decision_date
    if decided is not None and registered is not None and decided < registered:
        return RuleResult(
            "recognised", title, False,
            f"Ngày công nhận {format_date(decided)} trước ngày đăng ký {format_date(registered)}: "
            "sáng kiến phải được đăng ký trước khi công nhận.",
        )
    return RuleResult("recognised", title, True)


def _applied(item) -> RuleResult:
    title = "Đã áp dụng hoặc áp dụng thử"
    if item.first_applied_on is None:
        return RuleResult("applied", title, False, "Chưa có ngày áp dụng lần đầu.")
    return RuleResult("applied", title, True)


def _benefit(item) -> RuleResult:
    title = "Mang lại hiệu quả kinh tế hoặc lợi ích xã hội"
    if (item.economic_benefit or 0) > 0 or (item.social_benefit or "").strip():
        return RuleResult("benefit", title, True)
    return RuleResult(
        "benefit", title, False, "Chưa xác định giá trị làm lợi hoặc hiệu quả xã hội."
    )


def _window(item, window: Window | None) -> RuleResult:
    title = "Áp dụng lần đầu trong thời gian của Chương trình"
    applied = item.first_applied_on
    if window is None or applied is None or (window.start is None and window.end is None):
        return RuleResult("window", title, True)
    too_early = window.start is not None and applied < window.start
    too_late = window.end is not None and applied > window.end
    if too_early or too_late:
        start = format_date(window.start) if window.start else "…"
        end = format_date(window.end) if window.end else "…"
        return RuleResult(
            "window",
            title,
            False,
            f"Ngày áp dụng lần đầu {format_date(applied)} ngoài thời gian của Chương trình "
            f"({start} – {end}).",
        )
    return RuleResult("window", title, True)
