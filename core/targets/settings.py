"""The dashboard's saved setting: the counting rule the office chose (Đã đăng ký / Chỉ hợp lệ),
kept with the office's settings so the next start counts the same way."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.targets.progress import CountRule
from db.models import Setting

COUNT_RULE_KEY = "dashboard.count_rule"


def load_count_rule(session: Session) -> CountRule:
    """The saved counting rule; "registered" when none (or an unknown one) is saved."""
    value = session.scalar(select(Setting.value).where(Setting.key == COUNT_RULE_KEY))
    if value is None:
        return CountRule.REGISTERED
    try:
        return CountRule(value)
    except ValueError:
        return CountRule.REGISTERED


def save_count_rule(session: Session, rule: CountRule) -> None:
    session.merge(Setting(key=COUNT_RULE_KEY, value=CountRule(rule).value))
