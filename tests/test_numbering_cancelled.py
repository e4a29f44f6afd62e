"""The numbering book never gives a number twice: a number issued to a document that is later
deleted (a tombstone, from this office or through sync) stays in the book marked cancelled
(đã hủy); the next free number is after it, and asking for it by hand is refused by name."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from core.common import numbering
from core.common.errors import UserError
from db.models import DocumentNumber, utcnow


def _take(db, title: str, number: int | None = None) -> int:
    with db.transaction() as s:
        return numbering.take(s, symbol="TTr-LĐLĐ", issued_on=date(2023, 12, 1), title=title,
                              feature="commendations", number=number)


def test_a_cancelled_number_is_never_given_again(app_db):
    assert [_take(app_db, f"Tờ trình số {i}") for i in (1, 2, 3)] == [1, 2, 3]
    with app_db.transaction() as s:  # the document holding 3 is deleted afterwards
        row = s.scalar(select(DocumentNumber).where(DocumentNumber.number == 3))
        row.deleted_at = utcnow()
    with app_db.reading() as s:
        assert numbering.next_free(s, "TTr-LĐLĐ", 2023) == 4
        book = numbering.entries(s, 2023)
        assert [(e.number, e.cancelled) for e in book] == [(1, False), (2, False), (3, True)]
    with pytest.raises(UserError, match=r"Số 03/TTr-LĐLĐ năm 2023 đã cấp cho văn bản «Tờ trình số 3» "
                                        r"ngày 01/12/2023 và đã hủy; số đã cấp không dùng lại\. "
                                        r"Hãy dùng số 4"):
        _take(app_db, "Tờ trình khác", number=3)
    with pytest.raises(UserError, match="đã hủy"):  # not even the same document's reprint
        _take(app_db, "Tờ trình số 3", number=3)
    assert _take(app_db, "Tờ trình khác") == 4
    with app_db.reading() as s:
        assert [e.number for e in numbering.entries(s, 2023)] == [1, 2, 3, 4]


def test_a_number_rolled_back_with_its_document_was_never_issued_and_is_free(app_db):
    _take(app_db, "Tờ trình số 1")
    with pytest.raises(RuntimeError), app_db.transaction() as s:
        numbering.take(s, symbol="TTr-LĐLĐ", issued_on=date(2023, 12, 1), title="Hỏng",
                       feature="commendations")
        raise RuntimeError("the PDF could not be written")
    assert _take(app_db, "Tờ trình số 2") == 2
