"""Change notices and the register page: what another page (or a dialog) changed shows without
rebuilding the page, and every change the page makes is announced on the bus. Also: the
register's screens speak only to core (core.initiatives.ops)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.common.changes import Changes
from core.initiatives import ops
from core.initiatives.ops import AuthorInput, InitiativeInput, InitiativeKind, InitiativeStatus
from core.org import units as org
from db.models import UnitKind
from gui.common.changes import ChangeBus
from gui.initiatives.page import RegisterPage
from tests.gui.test_register_actions import select_rows, wait_job

ROOT = Path(__file__).resolve().parents[2]


class Notices:
    """Records what was announced on a bus, and by whom."""

    def __init__(self, bus: ChangeBus) -> None:
        self.seen: list[tuple[Changes, object]] = []
        bus.changed.connect(lambda changes, source: self.seen.append((changes, source)))

    def kinds(self) -> list[list[str]]:
        return [changes.kinds() for changes, _source in self.seen]


def shown(qtbot, page: RegisterPage) -> RegisterPage:
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.units_job is not None and page.units_job.outcome is not None, timeout=5000)
    qtbot.waitUntil(lambda: page.model.totals is not None, timeout=5000)
    return page


@pytest.fixture
def page(qtbot, app_db, sample_units) -> RegisterPage:
    return shown(qtbot, RegisterPage(app_db))


def programme(db, code="1TRIEU-SK") -> ops.ProgrammeInfo:
    return next(p for p in ops.programmes(db) if p.code == code)


def add_elsewhere(db, unit_id, name: str, registered: date = date(2022, 3, 1)):
    """An initiative written the way another page or the command line does: through core."""
    data = InitiativeInput(name=name, kind=InitiativeKind.TECHNICAL, unit_id=unit_id,
                           authors=[AuthorInput("Lê Thị Hương")], programme_id=programme(db).id,
                           registered_on=registered)
    return ops.save_initiative(db, data)


def test_a_unit_added_elsewhere_is_offered_by_the_unit_filter(qtbot, page, sample_units, app_db):
    chosen = sample_units["VL-0002"]
    assert page.unit_filter.set_value(chosen)
    page.apply_filter()
    assert page.model.filter.unit_ids == {chosen}
    with app_db.transaction() as s:
        new = org.create_unit(s, org.UnitInput(code="VL-0009", name="CĐCS Trường Mầm non Hoa Sen",
                                               kind=UnitKind.GRASSROOTS, parent_code="VL")).id
    assert page.unit_filter.index_of(new) == -1
    before = page.units_job

    page.bus.notify(Changes(units=True))
    qtbot.waitUntil(lambda: page.units_job is not before and page.units_job.outcome is not None, timeout=5000)
    index = page.unit_filter.index_of(new)
    assert index > 0 and page.unit_filter.itemText(index) == "CĐCS Trường Mầm non Hoa Sen"
    assert page.unit_filter.value() == chosen  # the choice stays
    assert page.model.filter.unit_ids == {chosen}
    # Typed in the box, the new unit is found (and filters the list) like any other.
    page.unit_filter.setCurrentIndex(index)
    page.apply_filter()
    assert page.model.filter.unit_ids == {new}


def test_an_initiative_added_elsewhere_shows_in_the_list_count_and_years(qtbot, page, sample_units, app_db):
    assert page.model.rowCount() == 0 and page.count_label.text() == "0 sáng kiến"
    assert page.year_filter.count() == 1  # "all years" only
    done = add_elsewhere(app_db, sample_units["VL-0001"], "Số hóa hồ sơ đoàn viên", date(2023, 4, 2))
    assert page.model.rowCount() == 0  # nothing told the page yet

    page.bus.notify(done.changes)
    assert page.model.rowCount() == 1 and page.model.row_at(0).id == done.value
    qtbot.waitUntil(lambda: page.count_label.text() == "1 sáng kiến", timeout=5000)
    qtbot.waitUntil(lambda: page.year_filter.index_of(2023) > 0, timeout=5000)
    # Other kinds of change leave the list alone.
    add_elsewhere(app_db, sample_units["VL-0002"], "Cải tiến quy trình tiếp nhận hồ sơ")
    generation = page.model.generation
    page.bus.notify(Changes(members=True, office=True))
    assert page.model.generation == generation and page.model.rowCount() == 1


def test_phase_dates_changed_elsewhere_refresh_the_phase_choices_and_keep_the_filter(qtbot, page, sample_units, app_db):
    plan = programme(app_db)
    early = add_elsewhere(app_db, sample_units["VL-0001"], "Sổ tay công đoàn điện tử", date(2022, 5, 20)).value
    page.bus.notify(Changes(initiatives=True))
    page.programme_filter.set_value(plan.id)
    page.phase_filter.set_value(1)
    assert page.model.filter.phase == 1 and page.model.rowCount() == 1

    done = ops.set_phase_dates(app_db, plan.id, 1, date(2021, 9, 1), date(2022, 4, 30))
    page.bus.notify(done.changes)
    phase = next(p for p in page.programmes if p.id == plan.id).phases[0]
    assert phase.ends_on == date(2022, 4, 30)
    assert page.programme_filter.value() == plan.id and page.phase_filter.value() == 1
    assert page.model.rowCount() == 0  # moved out of phase 1
    page.phase_filter.set_value(None)
    assert page.model.rowCount() == 1 and page.model.row_at(0).id == early


def test_the_page_and_its_dialogs_announce_every_change(qtbot, app_db, sample_units, messages):
    bus = ChangeBus()
    notices = Notices(bus)
    page = RegisterPage(app_db, bus=bus)
    bus.changed.connect(page.apply_changes)  # as the main window does
    shown(qtbot, page)
    first = add_elsewhere(app_db, sample_units["VL-0001"], "Số hóa hồ sơ đoàn viên").value
    bus.notify(Changes(initiatives=True))
    notices.seen.clear()

    # The form: a payment is saved (and announced) at once, then the record.
    page.select_initiative(first)
    dialog = page.edit_initiative()
    dialog.payments.paid_on.setText("01/04/2022")
    dialog.payments.amount.setText("100.000")
    assert dialog.payments.add_payment()
    assert notices.seen == [(Changes(initiatives=True), dialog)]
    dialog.awards.setText("Giấy khen")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert notices.seen[-1] == (Changes(initiatives=True), dialog)
    assert ops.initiative_detail(app_db, first).awards == "Giấy khen"

    # Review, delete and undo from the page.
    notices.seen.clear()
    select_rows(page, [0])
    assert page.mark_valid()
    assert ops.initiative_detail(app_db, first).status == InitiativeStatus.VALID
    page.delete_initiatives()
    assert page.model.rowCount() == 0
    page.undo_stack.undo()
    assert page.model.rowCount() == 1
    assert notices.seen == [(Changes(initiatives=True), page)] * 3

    # Phase dates: programmes and initiatives.
    notices.seen.clear()
    dialog = page.edit_phases()
    dialog.programme.set_value(programme(app_db).id)
    dialog.phase.set_value(1)
    dialog.ends_on.setText("30/04/2022")
    dialog.ok_button.click()
    assert wait_job(qtbot, page).outcome == "succeeded", messages.errors
    assert notices.seen == [(Changes(programmes=True, initiatives=True), page)]
    assert next(p for p in page.programmes if p.code == "1TRIEU-SK").phases[0].ends_on == date(2022, 4, 30)

