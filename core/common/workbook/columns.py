"""The declarative description of one expected column of an import sheet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column an importer expects.

    ``key``       name of the field in :class:`~core.common.workbook.rows.ParsedRow.data`.
    ``synonyms``  header texts that name this column. They are compared after
                  :func:`~core.common.workbook.headers.normalise_header` (case, tone marks, đ/d,
                  punctuation and spacing ignored). A header equal to a synonym wins; failing
                  that, a header that *starts with* a synonym followed by more words matches
                  too ("Giá trị làm lợi (đồng)" is matched by "Giá trị làm lợi").
    ``parse``     turns a non-empty cell value into the field value; raises ``ValueError``
                  with a Vietnamese message for bad input. Empty cells are never passed to it
                  (the field is ``None``). Without ``parse`` the cleaned cell value is kept.
    ``required``  the header must be present and every data row must have a value.
    ``label``     the name shown in messages; defaults to the first synonym.
    ``money``     the field is an amount of money (previews show it as ``3.031.150.000``).
    """

    key: str
    synonyms: tuple[str, ...]
    parse: Callable[[object], object] | None = None
    required: bool = False
    label: str = ""
    money: bool = False

    def __post_init__(self) -> None:
        synonyms = self.synonyms
        if isinstance(synonyms, str):  # ("Họ và tên") without the comma is a plain str
            synonyms = (synonyms,)
        synonyms = tuple(synonyms)
        if not self.key or not synonyms:
            raise ValueError("Column needs a key and at least one synonym")
        object.__setattr__(self, "synonyms", synonyms)
        if not self.label:
            object.__setattr__(self, "label", synonyms[0])

    def describe(self) -> str:
        """The label as listed in "missing header" messages."""
        return f"{self.label} (bắt buộc)" if self.required else self.label
