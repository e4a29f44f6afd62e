"""The issuing office as printed documents show it (Decree 30/2020 header, date line,
signature block). Kept by core.org.office; read by every document and report writer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class OfficeSettings:
    unit_code: str = ""
    name: str = ""  # e.g. "LĐLĐ huyện Vĩnh Linh"
    parent_name: str = ""  # issuing body's parent, e.g. "LĐLĐ tỉnh Quảng Trị"
    place: str = ""  # place name of the date line, e.g. "Vĩnh Linh"
    doc_symbol: str = "LĐLĐ"  # symbol after the document kind: "08/HD-LĐLĐ"
    on_behalf: str = "TM. BAN THƯỜNG VỤ"
    chair_title: str = "CHỦ TỊCH"
    chair_name: str = ""

    @property
    def is_complete(self) -> bool:
        return bool(self.unit_code and self.name and self.place)
