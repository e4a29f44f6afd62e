"""Every column of every synced table has a Vietnamese name; values read as on the pages."""

from __future__ import annotations

from core.sync import labels
from db.models import Base
from db.models.base import SyncedMixin


def _synced_tables():
    return [m.class_.__table__ for m in Base.registry.mappers if issubclass(m.class_, SyncedMixin)]


def test_every_synced_table_and_column_has_a_vietnamese_label():
    tables = _synced_tables()
    assert len(tables) >= 20
    missing = [f"{t.name}.{c.name}" for t in tables for c in t.columns
               if not labels.field_label(t.name, c.name, fallback=False)]
    assert missing == []
    assert [t.name for t in tables if labels.table_label(t.name) == labels.UNKNOWN_TABLE] == []
    for t in tables:
        for c in t.columns:
            label = labels.field_label(t.name, c.name)
            assert label != c.name and "_" not in label, (t.name, c.name, label)


def test_an_unknown_column_never_shows_its_raw_name():
    assert labels.field_label("initiative", "brand_new_column") == labels.UNKNOWN_FIELD
    assert labels.table_label("brand_new_table") == labels.UNKNOWN_TABLE


def test_values_are_formatted_as_a_clerk_reads_them():
    assert labels.format_value("initiative", "economic_benefit", 80_000_000) == "80.000.000 đồng"
    assert labels.format_value("initiative", "registered_on", "2026-05-04") == "04/05/2026"
    assert labels.format_value("initiative", "confidential", 1) == "Có"
    assert labels.format_value("initiative", "name", None) == "(trống)"
    assert labels.format_value("unit_member_count", "year", 2026) == "2026"
    assert labels.format_value("initiative", "status", "rejected") == "Không hợp lệ"
    assert labels.format_value("member", "gender", "female") == "Nữ"
    assert labels.format_value("fund_loan", "status", "disbursed") == "Đang vay"


def test_money_and_counts_are_formatted_by_the_one_vietnamese_formatter(monkeypatch):
    """No copy of the money formatter in core/sync: a change to vnformat shows everywhere."""
    from core.common import vnformat
    from core.sync import ops

    assert labels.format_value("initiative_payment", "amount", 1_250_000) == "1.250.000 đồng"
    assert labels.format_value("fund_posting", "amount", -50_000) == "-50.000 đồng"
    monkeypatch.setattr(vnformat, "format_money", lambda n: f"<{n}>")
    assert labels.format_value("initiative", "economic_benefit", 7) == "<7> đồng"
    assert not hasattr(labels, "format_money") and not hasattr(ops, "format_count")


def test_dates_are_formatted_by_the_one_vietnamese_formatter(monkeypatch):
    """No copy of the date formatter in core/sync (it was strftime, which writes the year
    999 as "999" where vnformat writes "0999")."""
    from core.common import vnformat

    assert labels.format_value("initiative", "registered_on", "0999-01-02") == "02/01/0999"
    monkeypatch.setattr(vnformat, "format_date", lambda d: f"<{d.isoformat()}>")
    assert labels.format_value("initiative", "registered_on", "2026-05-04T08:00:00") == "<2026-05-04>"
