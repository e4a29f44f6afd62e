"""The tone-free completer's filter (gui.common.completion.FoldedFilter): what is typed is
folded once per change and each row's text once, and the cache follows the source model."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel

from gui.common import completion
from gui.common.completion import FoldedFilter

NAMES = [f"Nguyễn Văn Bình {n:02d}" for n in range(40)] + ["Trần Thị Ánh", "Lê Thị Hương"]


def _shown(proxy: FoldedFilter) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def _model(names: list[str]) -> QStandardItemModel:
    model = QStandardItemModel()
    for name in names:
        model.appendRow(QStandardItem(name))
    return model


def test_each_row_and_each_typed_text_is_folded_once(qapp, monkeypatch):
    # Failed before: what was typed was folded again for every row (42 rows × 3 changes).
    folded: list[str] = []
    real = completion.fold
    monkeypatch.setattr(completion, "fold", lambda text: folded.append(text) or real(text))
    model = _model(NAMES)
    proxy = FoldedFilter()
    proxy.setSourceModel(model)
    for typed in ("t", "tr", "tran"):
        proxy.set_typed(typed)
        proxy.rowCount()
    assert _shown(proxy) == ["Trần Thị Ánh"]
    assert len(folded) == len(NAMES) + 3
    assert folded.count("tran") == 1


def test_the_cache_follows_inserted_rows_a_new_order_and_a_new_model(qapp):
    # Failed before: the proxy filtered a row inserted at the top, and every row after a
    # sort, with the words cached for whatever row had that number before.
    model = _model(NAMES)
    proxy = FoldedFilter()
    proxy.setSourceModel(model)
    proxy.set_typed("hoang")
    assert _shown(proxy) == []
    model.insertRow(0, QStandardItem("Hoàng Văn Nam"))
    assert _shown(proxy) == ["Hoàng Văn Nam"]
    proxy.set_typed("huong")
    model.sort(0)  # "Hoàng…", "Lê Thị Hương", "Nguyễn…", "Trần…": the rows renumbered
    assert _shown(proxy) == ["Lê Thị Hương"]
    model.item(0).setText("Phạm Thị Hường")
    assert _shown(proxy) == ["Phạm Thị Hường", "Lê Thị Hương"]
    proxy.setSourceModel(_model(["Đỗ Văn Hưng", "Võ Thị Hương"]))
    assert _shown(proxy) == ["Võ Thị Hương"]
