"""What lazy lists share: the keys of a whole list, read fast and in order.

A list view (``gui.common.table_model``) reads the integer keys of every row of a list
once, in the background, then only the rows it shows, by key (see
``core.initiatives.register.keys`` and ``core.org.members.keys``).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from operator import itemgetter

from sqlalchemy import Select
from sqlalchemy.orm import Session

Cancelled = Callable[[], bool] | None

KEY_CHUNK = 256  # keys read per step (a cancelled read stops between steps); so few rows
# are alive at a time that the garbage collector is not woken: a full collection while a
# million rows pass would hold the window (the GIL) for tens of milliseconds


def read_keys(session: Session, query: Select, is_cancelled: Cancelled = None) -> array | None:
    """The first column of ``query`` (integers) as an ``array('q')`` in the query's order,
    or None if ``is_cancelled()`` turned true meanwhile.

    Read in chunks straight from the driver's cursor: a million keys through SQLAlchemy's
    result rows cost about twice as much, and a plain list of ints four times the memory.
    """
    result = session.connection().execute(query)
    cursor = getattr(result, "cursor", None)
    fetch = cursor.fetchmany if cursor is not None else result.fetchmany
    found = array("q")
    first = itemgetter(0)
    try:
        while rows := fetch(KEY_CHUNK):
            found.extend(map(first, rows))
            if is_cancelled is not None and is_cancelled():
                return None
    finally:
        result.close()
    return found
