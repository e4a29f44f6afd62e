"""The targets dashboard (Chỉ tiêu & báo cáo): figures as core.targets.progress computes them, units
behind schedule in red, drill-down, the targets grid, and the signal to open the register."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox

from core.initiatives import records as initiatives
from core.initiatives.records import AuthorInput, InitiativeInput
from core.org import units as org
from core.targets import progress, targets
from core.targets.progress import CountRule
from db.models import InitiativeField, InitiativeStatus, Programme, Sector, UnitKind
from gui.targets.models import (
    COL_ACHIEVED,
    COL_EXPECTED,
    COL_NAME,
    COL_PERCENT,
    COL_SHORTFALL,
    COL_TARGET,
    BehindRole,
)

AS_OF = date(2022, 3, 31)  # phase 1: 01/9/2021 – 31/5/2022 (273 days; 212 elapsed)


@pytest.fixture
def dashboard_db(app_db):
    """VL (the office) → three CĐCS. Phase 1 targets: A 10 (achieved 8, on track by
    31/3/2022), B 10 (achieved 2, behind), C none."""
    ids: dict[str, uuid.UUID] = {}
    with app_db.transaction() as s:
        for code, name, sector in (("VL-0001", "CĐCS Trường THCS Hồ Xuân Hương", Sector.EDUCATION),
                                   ("VL-0002", "CĐCS Trung tâm Y tế huyện", Sector.HEALTH),
                                   ("VL-0003", "CĐCS Xã Vĩnh Thái", Sector.ADMINISTRATION)):
            ids[code] = org.create_unit(s, org.UnitInput(code, name, UnitKind.GRASSROOTS, "VL", sector)).id
        programme = initiatives.find_programme(s, "1TRIEU-SK")
        plan = [("VL-0001", 8, InitiativeField.EDUCATION, 2_000_000),
                ("VL-0002", 2, InitiativeField.HEALTH, 15_000_000),
                ("VL-0003", 1, None, None)]
        for code, count, field, benefit in plan:
            for n in range(count):
                item = initiatives.create_initiative(s, InitiativeInput(
                    name=f"Sáng kiến {code} số {n + 1}", kind="management", unit_id=ids[code],
                    authors=[AuthorInput("Lê Thị Hương")], programme_id=programme.id,
                    registered_on=date(2021, 10 + n % 3, 5), field=field, economic_benefit=benefit))
                if n % 2 == 0:
                    initiatives.set_status(s, item.id, InitiativeStatus.VALID)
        targets.set_initiative_target(s, ids["VL-0001"], programme.id, 1, 10)
        targets.set_initiative_target(s, ids["VL-0002"], programme.id, 1, 10)
        org.set_member_count(s, ids["VL-0001"], 2022, 95)
        org.set_member_count(s, ids["VL-0002"], 2022, 101)
        org.set_member_count(s, ids["VL-0003"], 2021, 7)
        ids["VL"] = org.find_by_code(s, "VL").id
        ids["programme"] = programme.id
    return app_db, ids


def make_page(qtbot, db, as_of=AS_OF, phase=1):
    from gui.targets.page import DashboardPage

    page = DashboardPage(db)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    page.as_of_field.set_value(as_of)
    page.phase_combo.set_value(phase)  # refreshes
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    return page


def cell(page, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return page.proxy.index(row, column).data(role)


def listed(page) -> dict[str, int]:
    return {cell(page, r, COL_NAME): r for r in range(page.proxy.rowCount())}


def test_page_shows_the_figures_of_core_progress(qtbot, dashboard_db):
    db, ids = dashboard_db
    page = make_page(qtbot, db)
    assert page.scope_id == ids["VL"]  # the office's unit by default
    with db.reading() as s:
        expected = progress.progress(s, ids["programme"], 1, as_of=AS_OF, root_code="VL")
    rows = listed(page)
    assert len(rows) == 3
    for code in ("VL-0001", "VL-0002", "VL-0003"):
        want = expected.by_code(code)
        r = rows[want.name]
        assert cell(page, r, COL_ACHIEVED) == str(want.achieved)
        assert cell(page, r, COL_TARGET) == ("—" if want.target is None else str(want.target))
        assert cell(page, r, COL_PERCENT) == ("—" if want.percent is None else f"{want.percent}%")
        assert cell(page, r, COL_EXPECTED) == ("—" if want.expected is None else str(want.expected))
        assert cell(page, r, COL_SHORTFALL) == ("—" if want.target is None else str(want.shortfall))
    a = expected.by_code("VL-0001")
    assert (a.target, a.achieved, a.percent, a.expected, a.shortfall) == (10, 8, 80, 8, 2)
    vl = expected.by_code("VL")
    assert "20" in page.summary.text() and "11" in page.summary.text()  # target 20, achieved 11
    assert vl.target == 20 and vl.achieved == 11
    # Charts got the same figures.
    assert page.time_chart.points[-1][1] == 11
    assert sum(t.benefit for t in page.field_chart.totals) == 8 * 2_000_000 + 2 * 15_000_000
    assert not page.overlay.isVisible()


def test_behind_schedule_unit_is_red(qtbot, dashboard_db):
    db, ids = dashboard_db
    page = make_page(qtbot, db)
    rows = listed(page)
    behind = rows["CĐCS Trung tâm Y tế huyện"]
    on_track = rows["CĐCS Trường THCS Hồ Xuân Hương"]
    assert cell(page, behind, COL_NAME, BehindRole) is True
    assert cell(page, on_track, COL_NAME, BehindRole) is False
    colour = cell(page, behind, COL_ACHIEVED, Qt.ItemDataRole.ForegroundRole).color()
    assert colour.red() > 150 and colour.green() < 60
    assert cell(page, on_track, COL_ACHIEVED, Qt.ItemDataRole.ForegroundRole) is None
    assert "1 chậm tiến độ" in page.status.text()
    # The bar is painted red in the row behind (look at the pixels of the progress cell).
    QApplication.processEvents()
    image = page.table.viewport().grab().toImage()
    rect = page.table.visualRect(page.proxy.index(behind, COL_PERCENT))
    reds = sum(1 for x in range(rect.left() + 4, rect.left() + 12)
               if (c := image.pixelColor(x, rect.center().y())).red() > 170 and c.green() < 80)
    assert reds > 0


def test_counting_rule_changes_the_figures_and_is_remembered(qtbot, dashboard_db):
    from core.targets import settings

    db, ids = dashboard_db
    page = make_page(qtbot, db)
    page.rule_combo.set_value(CountRule.VALID)
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    assert cell(page, listed(page)["CĐCS Trường THCS Hồ Xuân Hương"], COL_ACHIEVED) == "4"
    with db.reading() as s:
        assert settings.load_count_rule(s) == CountRule.VALID
    again = make_page(qtbot, db)
    assert again.rule_combo.value() == CountRule.VALID


def test_a_grassroots_union_has_nothing_below_it(qtbot, dashboard_db):
    db, ids = dashboard_db
    page = make_page(qtbot, db)
    assert page.drill_down(ids["VL-0001"]) is False
    assert page.scope_id == ids["VL"] and len(listed(page)) == 3
    assert "không có đơn vị trực thuộc" in page.status.text()
    assert page.go_up() is False  # VL is the top of this office's table
    assert not page.act_up.isEnabled()


def test_drill_down_on_a_province(qtbot, app_db):
    """LC province → two upper-level unions → their CĐCS; Enter goes down, Backspace up."""
    db = app_db
    with db.transaction() as s:
        qt = org.find_by_code(s, "QT")
        vl = org.find_by_code(s, "VL")
        gl = org.create_unit(s, org.UnitInput("GL", "LĐLĐ huyện Gio Linh", UnitKind.UPPER, "QT"))
        for i in range(3):
            org.create_unit(s, org.UnitInput(f"GL-000{i + 1}", f"CĐCS Gio {i + 1}", UnitKind.GRASSROOTS, "GL"))
        org.create_unit(s, org.UnitInput("VL-0001", "CĐCS Vĩnh 1", UnitKind.GRASSROOTS, "VL"))
        ids = {"QT": qt.id, "VL": vl.id, "GL": gl.id}
    # The office is the province here (the window of LĐLĐ tỉnh).
    from db.models import Setting

    with db.transaction() as s:
        s.merge(Setting(key="office.unit_code", value="QT"))
    page = make_page(qtbot, db)
    assert page.scope_id == ids["QT"]
    assert sorted(listed(page)) == ["LĐLĐ huyện Gio Linh", "LĐLĐ huyện Vĩnh Linh"]
    page.select_unit(ids["GL"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.scope_id == ids["GL"]
    assert sorted(listed(page)) == ["CĐCS Gio 1", "CĐCS Gio 2", "CĐCS Gio 3"]
    assert "LĐLĐ huyện Gio Linh" in page.crumbs.text()
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    qtbot.keyClick(page.table, Qt.Key.Key_Backspace)
    assert page.scope_id == ids["QT"]
    assert page.current_row().unit_id == ids["GL"]  # back on the unit we came from
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)


def test_view_initiatives_emits_the_unit(qtbot, dashboard_db):
    db, ids = dashboard_db
    page = make_page(qtbot, db)
    page.select_unit(ids["VL-0002"])
    with qtbot.waitSignal(page.open_register, timeout=1000) as signal:
        page.act_register.trigger()
    assert signal.args == [ids["VL-0002"], page.params().programme_id, page.params().phase]


def test_view_initiatives_says_so_when_nothing_listens(qtbot, dashboard_db):
    db, ids = dashboard_db
    page = make_page(qtbot, db)
    page.select_unit(ids["VL-0002"])
    assert page.view_initiatives() is None
    assert "sổ theo dõi sáng kiến" in page.status.text()


def test_targets_grid_suggests_and_saves(qtbot, dashboard_db, messages):
    db, ids = dashboard_db
    page = make_page(qtbot, db)
    dialog = page.edit_targets()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    model = dialog.model
    rows = {model.row_at(r).code: r for r in range(model.rowCount())}
    assert [(model.row_at(r).members, model.row_at(r).suggested, model.target(r))
            for r in (rows["VL-0001"], rows["VL-0002"], rows["VL-0003"])] == [
        (95, 10, 10), (101, 11, 10), (7, 1, None)]
    dialog.suggest_button.click()
    assert [model.target(rows[c]) for c in ("VL-0001", "VL-0002", "VL-0003")] == [10, 11, 1]
    # Typing a target in the grid (the spin box delegate).
    index = model.index(rows["VL-0001"], 4)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.findChild(QSpinBox)
    editor.setValue(12)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: model.target(rows["VL-0001"]) == 12, timeout=2000)
    assert "12" in model.index(rows["VL-0001"], 4).data()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    with db.reading() as s:
        saved = targets.initiative_targets(s, ids["programme"], 1)
    assert saved == {ids["VL-0001"]: 12, ids["VL-0002"]: 11, ids["VL-0003"]: 1}
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    assert cell(page, listed(page)["CĐCS Xã Vĩnh Thái"], COL_TARGET) == "1"  # the page refreshed


def test_suggestion_is_ten_percent_rounded_up(qtbot, dashboard_db):
    import math

    db, ids = dashboard_db
    page = make_page(qtbot, db)
    dialog = page.edit_targets()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    for r in range(dialog.model.rowCount()):
        row = dialog.model.row_at(r)
        assert row.suggested == math.ceil(row.members / 10)
    dialog.table.selectRow(0)
    dialog.clear_selected()
    assert dialog.model.target(0) is None and dialog.save_button.isEnabled()
    dialog.model.set_target(0, dialog.model.row_at(0).target)
    assert not dialog.save_button.isEnabled()
    dialog.reject()


def test_reports_are_written_in_the_background(qtbot, dashboard_db, tmp_path, messages):
    db, ids = dashboard_db
    page = make_page(qtbot, db)
    job = page.reports.write_progress(tmp_path / "tien-do.xlsx")
    qtbot.waitUntil(lambda: not job.running, timeout=30_000)
    assert job.outcome == "succeeded", messages.errors
    assert (tmp_path / "tien-do.xlsx").stat().st_size > 3000
    job = page.reports.write_summary(tmp_path / "tong-hop.pdf")
    qtbot.waitUntil(lambda: not job.running, timeout=30_000)
    assert job.outcome == "succeeded", messages.errors
    assert (tmp_path / "tong-hop.pdf").read_bytes()[:4] == b"%PDF"


def test_page_says_computing_while_it_loads(qtbot, dashboard_db):
    from gui.targets.page import DashboardPage

    db, ids = dashboard_db
    page = DashboardPage(db)
    qtbot.addWidget(page)
    page.show()
    assert page.busy and page.overlay.isVisible()
    assert page.overlay.text() == "Đang tính…"
    with qtbot.waitSignal(page.ready, timeout=10_000):
        pass
    assert not page.busy and not page.overlay.isVisible()
    assert page.model.rowCount() == 3


def test_no_english_on_the_page_and_in_the_targets_grid(qtbot, dashboard_db):
    from tests.gui.test_translations import _english_patterns, english_on_screen, visible_texts

    db, ids = dashboard_db
    page = make_page(qtbot, db)
    dialog = page.edit_targets()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    page.reports._fill_fund_menu()
    patterns = _english_patterns()
    roots = [page, dialog, page.reports.menu, page.reports.fund_menu]
    assert {type(r).__name__: found for r in roots if (found := english_on_screen(r, patterns))} == {}
    seen = " ".join(visible_texts(page) + visible_texts(dialog))
    for expected in ("Chương trình", "Cả chương trình", "Cần đạt đến nay", "Còn thiếu", "Dùng gợi ý", "Gợi ý (10%)"):
        assert expected in seen


def test_targets_import_from_a_workbook_with_preview(qtbot, dashboard_db, tmp_path, messages):
    from openpyxl import Workbook

    db, ids = dashboard_db
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã đơn vị", "Tên đơn vị", "Chỉ tiêu"])
    sheet.append(["VL-0001", "CĐCS Trường THCS Hồ Xuân Hương", 14])
    sheet.append(["VL-0003", "CĐCS Xã Vĩnh Thái", 2])
    sheet.append(["VL-9999", "Không có đơn vị này", 5])
    path = tmp_path / "chi-tieu.xlsx"
    book.save(path)

    page = make_page(qtbot, db)  # phase 1 chosen: the sheet has no phase column
    from gui.targets.importing import TargetImportFlow

    flow = TargetImportFlow(page, db, "1TRIEU-SK", 1)
    job = flow.check(path)
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=20_000)
    assert job.outcome == "succeeded", messages.errors
    preview = flow.preview_dialog
    qtbot.addWidget(preview)
    assert len(preview.result.accepted) == 2 and len(preview.result.rejected) == 1
    with db.reading() as s:  # the dry run changed nothing
        assert targets.initiative_targets(s, ids["programme"], 1)[ids["VL-0001"]] == 10
    with qtbot.waitSignal(flow.imported, timeout=20_000):
        preview.accept()
    with db.reading() as s:
        saved = targets.initiative_targets(s, ids["programme"], 1)
    assert saved[ids["VL-0001"]] == 14 and saved[ids["VL-0003"]] == 2
    assert any("Đã nhập 2 chỉ tiêu" in text for text in messages.infos)


def test_view_initiatives_opens_the_register_filtered_to_the_unit(qtbot, dashboard_db, window):
    db, ids = dashboard_db
    page = window.show_page("targets")
    qtbot.waitUntil(lambda: not page.busy and page.model.rowCount() == 3, timeout=10_000)
    page.select_unit(ids["VL-0002"])
    page.act_register.trigger()
    assert window.current_key() == "initiatives"
    register = window.pages["initiatives"]
    qtbot.waitUntil(lambda: register.chosen_unit() == ids["VL-0002"], timeout=10_000)
    shown = register.current_filter()  # the programme and phase the dashboard counted
    assert shown.programme_id is not None
    assert (shown.programme_id, shown.phase) == (page.params().programme_id, page.params().phase)


# --- change notices (gui.common.changes) ------------------------------------------------------------

def _add_initiatives(db, unit_id, programme_id, count: int, status=InitiativeStatus.VALID) -> None:
    """``count`` registered initiatives of ``unit_id`` in phase 1, added through core."""
    with db.transaction() as s:
        for n in range(count):
            item = initiatives.create_initiative(s, InitiativeInput(
                name=f"Sáng kiến bổ sung số {n + 1}", kind="management", unit_id=unit_id,
                authors=[AuthorInput("Trần Văn Nam")], programme_id=programme_id,
                registered_on=date(2022, 2, 10)))
            initiatives.set_status(s, item.id, status)


def test_figures_follow_initiatives_added_elsewhere(qtbot, dashboard_db):
    from core.common.changes import Changes

    db, ids = dashboard_db
    page = make_page(qtbot, db)
    row = listed(page)["CĐCS Trung tâm Y tế huyện"]
    assert cell(page, row, COL_ACHIEVED) == "2"
    assert page.time_chart.points[-1][1] == 11
    _add_initiatives(db, ids["VL-0002"], ids["programme"], 3)
    assert cell(page, row, COL_ACHIEVED) == "2"  # nothing told the page yet
    page.bus.notify(Changes(initiatives=True))
    qtbot.waitUntil(lambda: not page.busy
                    and cell(page, listed(page)["CĐCS Trung tâm Y tế huyện"], COL_ACHIEVED) == "5",
                    timeout=10_000)
    row = listed(page)["CĐCS Trung tâm Y tế huyện"]
    assert cell(page, row, COL_PERCENT) == "50%"
    assert cell(page, row, COL_SHORTFALL) == "5"
    assert page.time_chart.points[-1][1] == 14  # the chart's figures too
    assert page.scope_id == ids["VL"] and page.params().phase == 1  # the choices stay


def test_a_hidden_page_catches_up_when_shown(qtbot, dashboard_db):
    from core.common.changes import Changes

    db, ids = dashboard_db
    page = make_page(qtbot, db)
    page.hide()
    _add_initiatives(db, ids["VL-0003"], ids["programme"], 4)
    page.bus.notify(Changes(initiatives=True))
    assert page.stale and not page.busy  # noted, not computed
    assert cell(page, listed(page)["CĐCS Xã Vĩnh Thái"], COL_ACHIEVED) == "1"
    page.show()
    qtbot.waitUntil(lambda: not page.busy and not page.stale
                    and cell(page, listed(page)["CĐCS Xã Vĩnh Thái"], COL_ACHIEVED) == "5",
                    timeout=10_000)


def test_notices_that_do_not_touch_the_figures_are_ignored(qtbot, dashboard_db):
    from core.common.changes import Changes

    db, ids = dashboard_db
    page = make_page(qtbot, db)
    page.bus.notify(Changes(fund=True, commendations=True, sync=False))
    assert not page.busy and not page.stale


def test_new_programme_reloads_the_choices_and_keeps_the_chosen_one(qtbot, dashboard_db):
    from core.common.changes import Changes

    db, ids = dashboard_db
    page = make_page(qtbot, db)
    before = page.programme_combo.count()
    chosen = page.params()
    with db.transaction() as s:  # listed first (by name): the chosen one must stay chosen
        s.add(Programme(code="00-TRE", name="00 Sáng tạo trẻ", eligible_from=date(2025, 1, 1),
                        eligible_to=date(2025, 12, 31)))
    page.bus.notify(Changes(programmes=True))
    qtbot.waitUntil(lambda: not page.busy and page.programme_combo.count() == before + 1, timeout=10_000)
    assert page.programme_combo.itemText(0) == "00 Sáng tạo trẻ"
    assert page.params() == chosen and page.scope_id == ids["VL"]
    assert cell(page, listed(page)["CĐCS Trung tâm Y tế huyện"], COL_ACHIEVED) == "2"


def test_saving_targets_and_the_rule_notify_the_other_pages(qtbot, dashboard_db):
    db, ids = dashboard_db
    page = make_page(qtbot, db)
    heard = []
    page.bus.changed.connect(lambda changes, source: heard.append((changes, source)))
    page.rule_combo.set_value(CountRule.VALID)
    assert [(c.kinds(), s) for c, s in heard] == [(["targets"], page)]
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    dialog = page.edit_targets()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.row_at(r).code == "VL-0003")
    dialog.model.set_target(row, 3)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    assert [(c.kinds(), s) for c, s in heard[1:]] == [(["targets"], dialog)]
    # The page heard it (its own bus) and shows the new target.
    qtbot.waitUntil(lambda: not page.busy
                    and cell(page, listed(page)["CĐCS Xã Vĩnh Thái"], COL_TARGET) == "3", timeout=10_000)


def test_in_the_window_a_hidden_dashboard_waits_until_shown(qtbot, dashboard_db, window):
    from core.common.changes import Changes

    db, ids = dashboard_db
    page = window.show_page("targets")
    qtbot.waitUntil(lambda: not page.busy and page.model.rowCount() == 3, timeout=10_000)
    row = listed(page)["CĐCS Trung tâm Y tế huyện"]
    before = cell(page, row, COL_ACHIEVED)
    window.show_page("initiatives")
    assert not page.isVisible()
    _add_initiatives(db, ids["VL-0002"], ids["programme"], 2)
    window.bus.notify(Changes(initiatives=True))
    assert page.stale and not page.busy
    window.show_page("targets")
    qtbot.waitUntil(lambda: not page.busy and not page.stale
                    and cell(page, listed(page)["CĐCS Trung tâm Y tế huyện"], COL_ACHIEVED)
                    == str(int(before) + 2), timeout=10_000)


def test_bar_labels_are_cut_in_the_middle_whole_in_the_tooltip(qtbot):
    """A long bar label keeps its start and its distinctive end ("CĐCS Trường … Nậm Cha"),
    as the tables show unit names; it used to end in "…" and lose the end."""
    from core.targets.figures import BenefitTotal
    from gui.targets.charts import BenefitBars

    long = "CĐCS Trường Phổ thông Dân tộc Bán trú Tiểu học và Trung học cơ sở Nậm Cha"
    chart = BenefitBars("Giá trị làm lợi theo đơn vị (đồng)")
    qtbot.addWidget(chart)
    chart.set_data([BenefitTotal("x", long, 3, 2, 45_000_000), BenefitTotal("y", "Y tế", 1, 1, 5_000_000)])
    chart.resize(520, chart.sizeHint().height())
    chart.show()
    qtbot.waitExposed(chart)
    cut, short = chart.shown_labels()
    assert cut.startswith("CĐCS Trường") and cut.endswith("Nậm Cha") and "…" in cut, cut
    assert short == "Y tế"
    assert chart.tooltip_for(0).splitlines()[0] == long
