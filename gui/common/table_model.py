"""One lazy table model for long lists (the members list, the initiative register).

The idea of Anki's browser table (``qt/aqt/browser/table/model.py``): the model keeps the
*keys* of the whole list, in list order, and reads rows by key only for what is shown.

- A reset (a new search, filter or sort; a reload after an edit) reads the first window of
  rows with one LIMIT query, so the view paints at once.
- Then, in the background, the keys of every row of the list are read once: integers in an
  ``array('q')``, 8 bytes a row (8 MB for a million). They give the total, and the place of
  any row.
- When the view asks for a row that is not in memory, the model reads its whole *window*
  (:attr:`page_size` rows) by key: one query of indexed lookups, as quick in the middle of
  a million rows as at the top, where OFFSET walks every row before it. The
  :attr:`keep_pages` most recently used windows are kept.

Rows are shown as Qt's incremental fetching asks for them (``canFetchMore``/``fetchMore``,
:attr:`page_size` rows at a time): no query once the keys are known; before that, the next
page is read with OFFSET, up to :data:`OFFSET_PAGES` pages (small offsets: the user is near
the top). :meth:`reveal` and :meth:`show_all` make more rows part of the list at once. A
subclass may also have a count read on a second worker, quicker than the keys.

A reload that keeps the rows shown (after an edit) reads the first window again and keeps
the old keys after it until the new ones arrive, so the view keeps its place; if the new
keys differ where rows are shown, the rows move (``layoutChanged``) and selections follow
their rows.

A subclass says how to read (:meth:`_read_page`, :meth:`_read_rows`, :meth:`_keys_work`,
:meth:`_read_key_of`, maybe :meth:`_count_work`) and what to show (:meth:`_cell`, the
translated headers, alignments); every read goes through ``core`` functions that take the
``AppDatabase``.
"""

from __future__ import annotations

import logging
from array import array
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from core.common.database import AppDatabase
from gui.common import jobs, widgets

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_HORIZONTAL = Qt.Orientation.Horizontal

NEAR = 512  # a moved row is looked for this far around its old place first
DEDUPE_LIMIT = 5_000  # kept keys checked against a new first window (after an edit)
OFFSET_PAGES = 10  # pages read by OFFSET while the keys are read; then wait for them

# Run on a worker after a reset, so they capture plain values, never the model:
KeysWork = Callable[[Callable[[], bool]], "array | None"]  # (is_cancelled) → the keys or None
CountWork = Callable[[], Any]  # → a count (or the register's totals), sooner than the keys


class KeyFinder:
    """Where keys are in a list of keys: around a given place first, then anywhere by a
    byte search over the whole array (C speed: a few ms for a million keys)."""

    def __init__(self, keys: array) -> None:
        self.keys = keys
        self._raw: bytes | None = None

    def __call__(self, key: int, near: int = 0) -> int | None:
        keys = self.keys
        low = max(0, near - NEAR)
        try:
            return low + keys[low:near + NEAR].index(key)
        except ValueError:
            pass
        if self._raw is None:
            self._raw = keys.tobytes()
        raw, pattern = self._raw, array("q", [key]).tobytes()
        found = raw.find(pattern)
        while found != -1 and found % keys.itemsize:
            found = raw.find(pattern, found + 1)
        return None if found == -1 else found // keys.itemsize


# Key reads run in a pool of their own: reading a million keys takes seconds, and the
# other background work of a page (its count, its unit list) should not queue behind it.
_key_pool: QThreadPool | None = None
_key_reads: set[jobs.Job] = set()


def _start_key_read(work: Callable, succeeded: Callable, failed: Callable,
                    model: QObject) -> jobs.Job:
    global _key_pool
    if _key_pool is None:
        _key_pool = QThreadPool()
        _key_pool.setMaxThreadCount(2)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(stop_key_reads)
    job = jobs.Job(work)
    job.succeeded.connect(lambda result: shiboken6.isValid(model) and succeeded(result))
    job.failed.connect(lambda exc: shiboken6.isValid(model) and failed(exc))
    _key_reads.add(job)
    job.finished.connect(lambda: _key_reads.discard(job))
    return job.start(_key_pool)


def stop_key_reads(wait_ms: int = 10_000) -> None:
    """Ask every key read to stop (they do between chunks) and wait for them (on quit)."""
    for job in list(_key_reads):
        job.cancel()
    if _key_pool is not None:
        _key_pool.waitForDone(wait_ms)


def position(keys: array, key: int, near: int = 0) -> int | None:
    """Where ``key`` is in ``keys`` (looked for around ``near`` first), or None."""
    return KeyFinder(keys)(key, near)


class LazyTableModel(QAbstractTableModel):
    """Generic part. ``sort_keys`` maps the sortable columns to core's sort names."""

    keys_ready = Signal()  # the whole list is known (``total``, rows anywhere)
    restarted = Signal()  # a new list (filter, search or sort): views go back to its top
    keys_failed = Signal(str)
    count_failed = Signal(str)

    def __init__(self, db: AppDatabase, parent=None, *, column_count: int,
                 sort_keys: dict[int, str], sort_column: int, descending: bool,
                 page_size: int, keep_pages: int) -> None:
        super().__init__(parent)
        self._db = db
        self.page_size = page_size
        self.keep_pages = max(2, keep_pages)
        self._column_count = column_count
        self._sort_keys = sort_keys
        self._sort_column = sort_column
        self._descending = descending
        self._keys = array("q")  # keys by row: the whole list once complete, else a start
        self._complete = True
        self._count = 0  # rows the view knows about
        self._windows: OrderedDict[int, list] = OrderedDict()
        self._last_number: int | None = None  # the window row_at used last
        self._last_rows: list = []
        self._held = False
        self._changing = False  # inside a reset, an insertion or a move
        self._pending: list[tuple[Callable, Callable]] = []  # held back (hold_background)
        self.keys_job: jobs.Job | None = None
        self.count_job: jobs.Job | None = None
        self.generation = 0  # bumped on every reset: late answers for older ones are ignored
        self.queries = 0  # row reads run on the GUI thread (for tests and the benchmark)
        self._headers: dict[int, str] = {}  # translated by the subclass
        self._tips: dict[int, str] = {}
        self._row_roles: frozenset[int] | None = None  # roles that need the row (None: all)
        self._align: dict[int, Any] = {}  # text alignment by column

    # --- for the subclass ------------------------------------------------------------
    def _read_page(self, offset: int, limit: int) -> list:
        """Rows ``offset …`` of the list in its order (core's OFFSET page)."""
        raise NotImplementedError

    def _read_rows(self, keys: list[int]) -> list:
        """The rows of these keys, in the same order (None for a row gone meanwhile)."""
        raise NotImplementedError

    def _keys_work(self) -> KeysWork:
        """How to read the keys of the whole list in the current order (on a worker)."""
        raise NotImplementedError

    def _count_work(self, complete: bool) -> CountWork | None:
        """A count to read on a second worker after a reset (``complete``: the first window
        was the whole list), or None."""
        return None

    def _counted(self, result: Any) -> None:
        """The count has arrived (GUI thread)."""

    def _read_key_of(self, item_id: Hashable) -> int | None:
        raise NotImplementedError

    def _key(self, row) -> int:
        return row.key

    def _id(self, row) -> Hashable:
        return row.id

    def _completed(self) -> None:
        """The whole list is known: ``total`` is set."""
        self.keys_ready.emit()

    def _cell(self, row, column: int, role: int):
        raise NotImplementedError

    # --- what is shown -----------------------------------------------------------------
    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def complete(self) -> bool:
        """Whether the keys of the whole list are known."""
        return self._complete

    @property
    def total(self) -> int | None:
        """How many rows the list has, once known."""
        return len(self._keys) if self._complete else None

    def sort_args(self) -> tuple[str, bool]:
        return self._sort_keys[self._sort_column], self._descending

    def is_sortable(self, column: int) -> bool:
        return column in self._sort_keys

    def loaded_pages(self) -> list[int]:
        """Numbers of the windows in memory, least recently used first."""
        return list(self._windows)

    def reload(self, keep_loaded: bool = False) -> None:
        """Read the list again. ``keep_loaded`` keeps as many rows as were shown (after an
        edit, so the view keeps its place)."""
        self._reset(keep_loaded)

    def row_at(self, row: int | None):
        """The row (read with its window if not in memory), or None past the end (or for a
        row gone from the table since the keys were read)."""
        if row is None or not 0 <= row < self._count:
            return None
        number, offset = divmod(row, self.page_size)
        if number == self._last_number:
            rows = self._last_rows  # the same window as the call before (most calls)
        else:
            rows = self._windows.get(number)
            if rows is None:
                rows = self._read_window(number)
            else:
                self._windows.move_to_end(number)
            self._last_number, self._last_rows = number, rows
        return rows[offset] if offset < len(rows) else None

    def row_of(self, item_id: Hashable) -> int | None:
        """The row of an item: among the rows in memory, else (once the keys are known)
        anywhere in the list, which then shows rows down to it. None if not in the list."""
        for number, rows in self._windows.items():
            for offset, item in enumerate(rows):
                if item is not None and self._id(item) == item_id:
                    found = number * self.page_size + offset
                    self.reveal(found)  # a window may reach past the rows shown
                    return found
        if not self._complete or item_id is None:
            return None
        key = self._read_key_of(item_id)
        found = None if key is None else position(self._keys, key)
        if found is not None:
            self.reveal(found)
        return found

    def reveal(self, row: int) -> None:
        """Make the list show rows down to ``row`` (no query: rows are read when shown)."""
        last = min(row, len(self._keys) - 1)
        if last >= self._count and not self._changing:
            self._changing = True
            try:
                self.beginInsertRows(QModelIndex(), self._count, last)
                self._count = last + 1
                self.endInsertRows()
            finally:
                self._changing = False

    def make_view(self) -> QTableView:
        """The list view every lazy list uses: whole rows selected (several with Shift/Ctrl),
        read-only, alternating colours, one line per row of a fixed height (so a million
        rows need no measuring), and following this model (:meth:`follow`)."""
        view = QTableView()
        view.setModel(self)
        self.follow(view)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
        return view

    def follow(self, view) -> None:
        """How a list view uses this model: back to the top for a new list, and once the
        keys are known the scroll bar spans the whole list (Ctrl+End reaches the last row)."""
        self.restarted.connect(view.scrollToTop)
        self.keys_ready.connect(self.show_all)

    def show_all(self) -> None:
        """Make every row part of the list (once the keys are known): the scroll bar then
        spans the whole list and any place is one jump away."""
        if self._complete:
            self.reveal(len(self._keys) - 1)

    def hold_background(self) -> None:
        """Do not start background reads until :meth:`release_background` (a page holds them
        back until its first rows are painted: a busy worker slows that paint)."""
        self._held = True

    def release_background(self) -> None:
        self._held = False
        pending, self._pending = self._pending, []
        for work, done in pending:
            self._start(work, done)

    # --- resets ------------------------------------------------------------------------
    def _reset(self, keep_rows: bool) -> None:
        old_keys, old_count = self._keys, self._count
        self._changing = True
        self.beginResetModel()
        try:
            self.generation += 1
            if self.keys_job is not None:
                self.keys_job.cancel()  # an older read: stop it between chunks
            self._pending = []
            self._windows.clear()
            self._last_number = None
            first = self._read_page(0, self.page_size)
            self.queries += 1
            keys = array("q", map(self._key, first))
            self._complete = len(first) < self.page_size
            if first:
                self._windows[0] = first
            if keep_rows and not self._complete and old_count > len(first):
                keys.extend(self._kept_after(old_keys, keys))
            self._keys = keys
            self._count = min(max(old_count, len(first)) if keep_rows else len(first), len(keys))
        finally:
            self.endResetModel()
            self._changing = False
        if not keep_rows:
            self.restarted.emit()
        if self._complete:
            self._completed()
        works: list[tuple[Callable, Callable]] = []
        if not self._complete:
            keys = self._keys_work()
            works.append((lambda ctx: keys(ctx.is_cancelled), self._keys_done))
        count = self._count_work(self._complete)
        if count is not None:
            works.append((lambda _ctx: count(), self._count_done))
        if self._held:
            self._pending = works
        else:
            for work, done in works:
                self._start(work, done)

    @staticmethod
    def _kept_after(old: array, first: array) -> array:
        """The old keys after the new first window, until the new keys arrive: from after
        the old place of the window's last row, without the window's own keys."""
        at = position(old, first[-1], len(first) - 1) if first else None
        kept = old[at + 1:] if at is not None else old[len(first):]
        shown = set(first)
        head = kept[:DEDUPE_LIMIT]
        if any(key in shown for key in head):
            kept = array("q", (key for key in head if key not in shown)) + kept[DEDUPE_LIMIT:]
        return kept

    def _start(self, work: Callable, done: Callable) -> None:
        generation = self.generation
        keys = done == self._keys_done
        failed = self.keys_failed if keys else self.count_failed

        def succeeded(result) -> None:
            if generation == self.generation:  # else an answer for an older query
                done(result)

        def went_wrong(exc: BaseException) -> None:
            log.warning("reading a list in the background failed", exc_info=exc)
            if generation == self.generation:
                failed.emit(widgets.error_text(exc))

        if keys:
            self.keys_job = _start_key_read(work, succeeded, went_wrong, self)
        else:
            self.count_job = jobs.run_job(work, on_success=succeeded, on_failure=went_wrong,
                                          owner=self)

    def _keys_done(self, keys: array | None) -> None:
        if keys is not None:  # None: cancelled
            self._adopt(keys)

    def _count_done(self, result: Any) -> None:
        self._counted(result)

    def _adopt(self, keys: array) -> None:
        """The keys of the whole list have arrived: from now on rows are read by key."""
        old, shown = self._keys, self._count
        if len(keys) >= shown and old[:shown] == keys[:shown]:
            # The rows shown are the same (the usual case): nothing moves.
            self._keys = keys
            partial = shown // self.page_size if shown % self.page_size else None
            if partial is not None:
                self._windows.pop(partial, None)  # may hold rows past those shown
                self._last_number = None
        else:
            self._move_rows(old, keys)
        was_complete, self._complete = self._complete, True
        if not was_complete:
            self._completed()

    def _move_rows(self, old: array, keys: array) -> None:
        """The list changed where rows are shown: each row the view holds on to (selection,
        current row) goes where its key now is; the rest are read again when shown."""
        self._changing = True
        try:
            self._relayout(old, keys)
        finally:
            self._changing = False

    def _relayout(self, old: array, keys: array) -> None:
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        find = KeyFinder(keys)
        places: dict[int, int | None] = {}
        for index in before:
            row = index.row()
            if row not in places:
                places[row] = find(old[row], row) if 0 <= row < len(old) else None
        count = min(self._count, len(keys))
        moved = [p for p in places.values() if p is not None]
        if moved:
            count = max(count, max(moved) + 1)
        self._keys = keys
        self._count = count
        self._windows.clear()
        self._last_number = None
        after = []
        for index in before:
            place = places[index.row()]
            after.append(QModelIndex() if place is None else self.createIndex(place, index.column()))
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # --- reading rows ----------------------------------------------------------------
    def _read_window(self, number: int) -> list:
        start = number * self.page_size
        wanted = self._keys[start:start + self.page_size].tolist()
        rows = self._read_rows(wanted) if wanted else []
        self.queries += 1
        self._keep(number, rows)
        return rows

    def _keep(self, number: int, rows: list) -> None:
        """Keep a window, dropping the least recently used beyond :attr:`keep_pages`."""
        self._windows[number] = rows
        self._windows.move_to_end(number)
        while len(self._windows) > self.keep_pages:
            self._windows.popitem(last=False)
        self._last_number = None

    # --- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._column_count

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        if self._count < len(self._keys):
            return True
        # While the keys are read, a few pages by OFFSET (SQLite walks every row before the
        # page: far down the list that takes seconds); then the keys.
        return not self._complete and self._count < OFFSET_PAGES * self.page_size

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._changing:
            return  # not from inside another change (a slot of one of its signals)
        first, known = self._count, len(self._keys)
        if first < known:
            added = min(self.page_size, known - first)  # known: read when shown
        elif self._complete or first >= OFFSET_PAGES * self.page_size:
            return
        else:
            # The keys are still being read: the next page by OFFSET (near the top).
            rows = self._read_page(first, self.page_size)
            self.queries += 1
            if rows and first % self.page_size == 0:
                self._keep(first // self.page_size, rows)
            self._keys.extend(map(self._key, rows))
            added = len(rows)
            if added < self.page_size:
                self._complete = True
                self._completed()
        if added <= 0:
            return
        self._changing = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + added - 1)
            self._count += added
            self.endInsertRows()
        finally:
            self._changing = False

    def data(self, index: _Index, role: int = _DISPLAY):
        # Called for every role of every cell painted (thousands per screen): the roles the
        # subclass does not answer return at once; an invalid index has row -1 (no row).
        if role == _ALIGNMENT:
            return self._align.get(index.column())
        roles = self._row_roles
        if roles is not None and role not in roles:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        return self._cell(row, index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == _HORIZONTAL and role == _DISPLAY:
            return self._headers.get(section)
        if orientation == _HORIZONTAL and role == _TOOLTIP:
            return self._tips.get(section)
        if orientation == Qt.Orientation.Vertical and role == _DISPLAY:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in self._sort_keys:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        self._resorted()

    def _resorted(self) -> None:
        self._reset(keep_rows=False)

