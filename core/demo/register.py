"""Demo initiative register for the Lai Châu demo (seed 000, seed 003).

:func:`load_demo_register` adds to a database that already holds the demo units
(:func:`core.demo.org.load_demo`) the register of LĐLĐ tỉnh Lai Châu as seed 000 reports it on
06/3/2023: 2,412 initiatives in the "01 triệu sáng kiến" programme, 1,775 of them registered
in phase 1 (to 31/5/2022), all uploaded to the national portal, "hơn 15 tỉ đồng" of benefit,
six Creative Labour certificates in 2022; statuses in seed 003's proportions (136 valid,
260 under review of 396). By default a few hundred initiatives of the yearly "Lao động
giỏi, lao động sáng tạo" movement (2024–2025) follow.

Initiatives go to the CĐCS roughly in proportion to their members, more in schools, health
and administration than in enterprises (seed 000 §II.1.1). Names, objectives and effects
come from templates per kind of unit ("Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 4");
authors are members of the unit. Everything is derived from the seed (ids included), so
the same seed on the same demo gives the same register; only row timestamps differ.

Rows are written with Core bulk inserts in chunks, in one transaction; the search forms
(``*_folded``) are built from pre-folded pieces, equal to what core.initiatives.records._apply
stores. A million initiatives (``count=1_000_000``, for benchmarks) load in a few minutes.
"""

from __future__ import annotations

import itertools
import math
import random
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.common.database import AppDatabase
from core.common.errors import UserError
from core.common.text import clean, fold
from core.demo.org import MARKER_CODE, OFFICE_CODE, UPPER_UNIONS, Progress, Weighted
from core.initiatives.records import AuthorInput, authors_text, lead_author, next_number, next_seq
from core.org.units import find_by_code
from db.bulk import bulk_insert, insert_triggers_deferred, larger_cache
from db.models import (
    Initiative,
    InitiativeAuthor,
    InitiativeField,
    InitiativeKind,
    InitiativeStatus,
    Member,
    Programme,
    ProgrammePhase,
    Recogniser,
    Sector,
    Unit,
    UnitKind,
    new_row_stamp,
    utcnow,
)

PROGRAMME_CODE = "1TRIEU-SK"
YEARLY_CODE = "LDG-LDST"
DEFAULT_COUNT = 2412  # seed 000: 2.412/2.300 initiatives on 06/3/2023
DEFAULT_PHASE1 = 1775  # seed 000: 1.775/1.200 at the end of phase 1 (31/5/2022)
DEFAULT_YEARLY = 300  # "Lao động giỏi, lao động sáng tạo", 2024 and 2025
YEARLY_SPLIT = {2024: 0.56, 2025: 0.44}
REPORT_DATE = date(2023, 3, 6)  # the date of seed 000: phase 2 registrations stop here
VALID_SHARE = 136 / 396  # seed 003
BENEFIT_TOTAL = 15_600_000_000  # seed 000: "hơn 15 tỉ đồng" for the 2,412
# Seed 003 knows only valid and under review (396 = 136 + 260), and seed 000 counts 2,412
# registered against the 2,300 target: no rejections in the programme, so the demo shows
# 2,412/2,300 = 105% and 1,775/1,200 = 148%. The yearly movement has a few.
REJECTED_SHARE = 0.0
CHUNK = 20_000

Piece = tuple[str, str]  # (text, fold(text))

K = InitiativeKind
F = InitiativeField


def _piece(text: str) -> Piece:
    text = clean(text)
    return text, fold(text)


def _pieces(values: Sequence[str]) -> tuple[Piece, ...]:
    return tuple(_piece(v) for v in values)


# ---- templates ----------------------------------------------------------------------------

_SLOT = re.compile(r"\{(\w+)\}")


class _Template:
    """A pattern with ``{slot}`` places; filled with pieces, it gives text and folded text
    at once (folding commutes with filling: slots hold clean text, never empty)."""

    __slots__ = ("folded", "kind", "field", "pattern", "slots")

    def __init__(self, pattern: str, kind: InitiativeKind | None = None,
                 field: InitiativeField | None = None):
        self.pattern = clean(pattern)
        self.folded = fold(self.pattern)
        self.slots = tuple(dict.fromkeys(_SLOT.findall(self.pattern)))
        self.kind = kind
        self.field = field

    def fill(self, rng: random.Random, slots: dict[str, tuple[Piece, ...]],
             fixed: dict[str, Piece]) -> Piece:
        if not self.slots:
            return self.pattern, self.folded
        text, folded = {}, {}
        for name in self.slots:
            value = fixed.get(name) or rng.choice(slots[name])
            text[name], folded[name] = value
        return self.pattern.format(**text), self.folded.format(**folded)


def _choice(entries: Sequence[tuple[float, _Template]]) -> Weighted:
    """Weighted choice among templates given as (weight, template)."""
    return Weighted([(template, weight) for weight, template in entries])


def _t(weight: float, kind: InitiativeKind, pattern: str,
       field: InitiativeField | None = None) -> tuple[float, _Template]:
    return weight, _Template(pattern, kind, field)


def _grades(first: int, last: int) -> tuple[str, ...]:
    return tuple(f"lớp {n}" for n in range(first, last + 1))


def _courses(subjects: Sequence[tuple[str, int, int, int]]) -> tuple[str, ...]:
    """"Toán lớp 4" for each subject (name, weight, first grade, last grade) and grade."""
    return tuple(
        f"{name} lớp {grade}"
        for name, weight, first, last in subjects
        for grade in range(first, last + 1)
        for _ in range(weight)
    )


# Subjects of the general curriculum by level, with the grades that have them; the weight
# says how often initiatives are written about them (Toán and Tiếng Việt most).
_PRIMARY = (
    ("Toán", 3, 1, 5), ("Tiếng Việt", 3, 1, 5), ("Tiếng Anh", 1, 3, 5),
    ("Tự nhiên và Xã hội", 1, 1, 3), ("Khoa học", 1, 4, 5), ("Lịch sử và Địa lí", 1, 4, 5),
    ("Đạo đức", 1, 1, 5), ("Âm nhạc", 1, 1, 5), ("Mĩ thuật", 1, 1, 5), ("Tin học", 1, 3, 5),
    ("Giáo dục thể chất", 1, 1, 5), ("Hoạt động trải nghiệm", 1, 1, 5),
)
_LOWER = (
    ("Toán", 3, 6, 9), ("Ngữ văn", 3, 6, 9), ("Tiếng Anh", 2, 6, 9), ("Khoa học tự nhiên", 2, 6, 9),
    ("Lịch sử và Địa lí", 1, 6, 9), ("Giáo dục công dân", 1, 6, 9), ("Tin học", 1, 6, 9),
    ("Công nghệ", 1, 6, 9), ("Âm nhạc", 1, 6, 9), ("Mĩ thuật", 1, 6, 9),
    ("Giáo dục thể chất", 1, 6, 9), ("Hoạt động trải nghiệm, hướng nghiệp", 1, 6, 9),
)
_UPPER = (
    ("Toán", 3, 10, 12), ("Ngữ văn", 3, 10, 12), ("Tiếng Anh", 2, 10, 12), ("Vật lí", 1, 10, 12),
    ("Hóa học", 1, 10, 12), ("Sinh học", 1, 10, 12), ("Lịch sử", 1, 10, 12), ("Địa lí", 1, 10, 12),
    ("Giáo dục kinh tế và pháp luật", 1, 10, 12), ("Tin học", 1, 10, 12), ("Công nghệ", 1, 10, 12),
    ("Giáo dục quốc phòng và an ninh", 1, 10, 12), ("Giáo dục thể chất", 1, 10, 12),
)

# Slot values. Repeated entries weigh more.
_WORDS: dict[str, tuple[str, ...]] = {
    "primary_course": _courses(_PRIMARY),
    "lower_course": _courses(_LOWER),
    "upper_course": _courses(_UPPER),
    "upper_subject": tuple(name for name, weight, _, _ in _UPPER for _ in range(weight)),
    "primary_grade": _grades(1, 5),
    "lower_grade": _grades(6, 9),
    "upper_grade": _grades(10, 12),
    "method": (
        "bàn tay nặn bột", "dạy học theo dự án", "khăn trải bàn", "mảnh ghép",
        "dạy học hợp tác nhóm", "lớp học đảo ngược", "trạm học tập", "dạy học STEM", "đóng vai",
        "giải quyết vấn đề", "góc học tập",
    ),
    "edu_software": (
        "GeoGebra", "Azota", "Quizizz", "Kahoot", "PowerPoint", "Microsoft Teams", "Violet",
        "Canva", "Padlet", "Google Forms", "Shub Classroom", "Yenka", "Plickers",
    ),
    "school_work": (
        "công tác chủ nhiệm lớp", "bồi dưỡng học sinh giỏi",
        "phụ đạo học sinh chưa hoàn thành chương trình", "công tác bán trú",
        "giáo dục kỹ năng sống cho học sinh", "công tác thư viện", "sinh hoạt tổ chuyên môn",
        "kiểm tra, đánh giá học sinh", "giáo dục hướng nghiệp cho học sinh",
        "công tác Đội Thiếu niên Tiền phong Hồ Chí Minh", "giáo dục thể chất cho học sinh",
    ),
    "school_mgmt": (
        "quản lý học sinh bán trú", "xây dựng trường học xanh – sạch – đẹp",
        "phối hợp với cha mẹ học sinh", "duy trì sĩ số học sinh", "phòng, chống học sinh bỏ học",
        "xây dựng văn hóa đọc", "quản lý hồ sơ chuyên môn",
        "chỉ đạo sinh hoạt chuyên môn theo nghiên cứu bài học", "xây dựng trường đạt chuẩn quốc gia",
    ),
    "school_proc": (
        "quản lý hồ sơ học sinh", "tuyển sinh đầu cấp", "kiểm tra nội bộ trường học",
        "quản lý tài sản, thiết bị dạy học", "quản lý suất ăn bán trú",
    ),
    "theme": (
        "tìm hiểu di sản văn hóa địa phương", "về bảo vệ môi trường", "về an toàn giao thông",
        "tìm hiểu văn hóa dân tộc Thái", "tìm hiểu nghề trồng chè", "về phòng, chống đuối nước",
        "về giáo dục giới tính", "tìm hiểu lễ hội truyền thống",
    ),
    "edu_research": (
        "nâng cao chất lượng giáo dục vùng đồng bào dân tộc thiểu số",
        "giảm tỷ lệ học sinh bỏ học", "phát triển năng lực tự học của học sinh",
        "giáo dục kỹ năng sống cho học sinh bán trú",
    ),
    "child": (
        "trẻ 24 – 36 tháng", "trẻ 3 – 4 tuổi", "trẻ 4 – 5 tuổi", "trẻ 5 – 6 tuổi", "trẻ 5 – 6 tuổi",
        "trẻ mẫu giáo ghép", "trẻ dân tộc thiểu số",
    ),
    "preschool_skill": (
        "làm quen với chữ cái", "làm quen với biểu tượng toán", "phát triển ngôn ngữ",
        "phát triển vận động", "hình thành kỹ năng tự phục vụ", "mạnh dạn, tự tin trong giao tiếp",
        "có thói quen vệ sinh cá nhân", "yêu thích hoạt động đọc sách",
        "ăn hết suất, ăn đa dạng các loại thức ăn", "nói tốt tiếng Việt",
    ),
    "preschool_activity": (
        "khám phá khoa học", "làm quen văn học", "tạo hình", "âm nhạc", "làm quen với toán",
        "phát triển vận động", "vui chơi ở các góc",
    ),
    "preschool_work": (
        "công tác nuôi dưỡng, chăm sóc trẻ", "bữa ăn bán trú", "giáo dục dinh dưỡng cho trẻ",
        "chuẩn bị tiếng Việt cho trẻ vùng dân tộc thiểu số", "phòng, chống suy dinh dưỡng thấp còi",
        "công tác phối hợp với cha mẹ trẻ",
    ),
    "preschool_env": (
        "học tập lấy trẻ làm trung tâm", "giáo dục thân thiện, an toàn", "chữ viết",
        "hoạt động ngoài trời", "góc thiên nhiên",
    ),
    "preschool_mgmt": (
        "chỉ đạo xây dựng trường mầm non lấy trẻ làm trung tâm", "huy động trẻ đến trường",
        "quản lý bếp ăn bán trú", "bồi dưỡng chuyên môn cho giáo viên",
        "xây dựng trường đạt chuẩn quốc gia",
    ),
    "edu_office_object": (
        "hồ sơ cán bộ, giáo viên", "cơ sở dữ liệu ngành giáo dục", "công tác thi và tuyển sinh",
        "phổ cập giáo dục, xóa mù chữ", "tài sản, thiết bị trường học", "văn bản đi, đến",
    ),
    "edu_office_work": (
        "công tác kiểm tra chuyên môn các trường học", "bồi dưỡng thường xuyên cho giáo viên",
        "công tác phổ cập giáo dục", "công tác tư vấn tuyển sinh",
        "kiểm định chất lượng giáo dục", "công tác thi đua, khen thưởng ngành giáo dục",
    ),
    "edu_office_proc": (
        "tổng hợp số liệu thống kê giáo dục", "thẩm định hồ sơ xét tốt nghiệp",
        "cấp phát văn bằng, chứng chỉ", "xét duyệt hồ sơ chế độ cho học sinh",
    ),
    "trade": (
        "trồng và chăm sóc chè", "chăn nuôi gia súc, gia cầm", "may dân dụng",
        "sửa chữa máy nông nghiệp", "trồng nấm", "kỹ thuật xây dựng", "điện dân dụng",
        "thêu thổ cẩm",
    ),
    "health_software": (
        "quản lý bệnh viện", "quản lý bệnh viện", "bệnh án điện tử", "HIS",
        "quản lý xét nghiệm LIS", "lưu trữ và truyền tải hình ảnh PACS", "quản lý dược",
    ),
    "dept": (
        "tại khoa Nội tổng hợp", "tại khoa Ngoại tổng hợp", "tại khoa Nhi", "tại khoa Phụ sản",
        "tại khoa Hồi sức cấp cứu", "tại khoa Khám bệnh", "tại khoa Truyền nhiễm",
        "tại khoa Y học cổ truyền – Phục hồi chức năng", "tại khoa Dược", "tại khoa Xét nghiệm",
        "tại khoa Chẩn đoán hình ảnh", "tại khoa Gây mê hồi sức", "tại khoa Liên chuyên khoa",
    ),
    "disease": (
        "tăng huyết áp", "đái tháo đường", "sau phẫu thuật", "tai biến mạch máu não",
        "viêm phổi", "suy dinh dưỡng", "gãy xương", "lao phổi", "bệnh phổi tắc nghẽn mạn tính",
        "sốt xuất huyết", "sốt rét", "suy tim", "viêm dạ dày",
    ),
    "health_proc": (
        "tiếp đón người bệnh", "cấp phát thuốc", "khám sức khỏe định kỳ", "lấy mẫu xét nghiệm",
        "tiệt khuẩn dụng cụ", "bàn giao người bệnh", "thanh toán bảo hiểm y tế",
        "quản lý vật tư tiêu hao", "chuyển tuyến người bệnh", "kiểm soát nhiễm khuẩn",
    ),
    "wait": (
        "khám bệnh", "làm xét nghiệm", "nhận kết quả chẩn đoán hình ảnh", "thanh toán ra viện",
        "lĩnh thuốc bảo hiểm y tế",
    ),
    "med_tech": (
        "nội soi", "siêu âm Doppler", "điện châm", "cấy chỉ", "xoa bóp bấm huyệt", "thủy châm",
        "vật lý trị liệu",
    ),
    "med_device": (
        "xe đẩy cấp phát thuốc", "giá treo dịch truyền", "khay đựng dụng cụ tiểu phẫu",
        "hộp bảo quản vắc xin", "bàn kéo giãn cột sống", "nẹp cố định chi gãy",
    ),
    "med_use": (
        "chăm sóc người bệnh", "điều trị phục hồi chức năng", "sơ cứu ban đầu",
        "tiêm chủng tại thôn, bản", "cấp cứu ngoài bệnh viện",
    ),
    "hospital_work": (
        "công tác điều dưỡng", "công tác dược lâm sàng", "quản lý chất thải y tế",
        "công tác kiểm soát nhiễm khuẩn", "khám, chữa bệnh bảo hiểm y tế",
    ),
    "chronic": ("tăng huyết áp", "đái tháo đường", "tâm thần phân liệt", "động kinh", "lao"),
    "health_topic": (
        "phòng, chống suy dinh dưỡng trẻ em", "sinh đẻ an toàn tại cơ sở y tế",
        "tiêm chủng mở rộng", "vệ sinh an toàn thực phẩm", "phòng, chống sốt rét",
        "nuôi con bằng sữa mẹ", "phòng, chống tảo hôn",
    ),
    "health_rate": (
        "tiêm chủng đầy đủ cho trẻ dưới 1 tuổi", "phụ nữ có thai được khám thai định kỳ",
        "người dân tham gia bảo hiểm y tế", "phụ nữ sinh con tại cơ sở y tế",
        "người dân có hồ sơ sức khỏe điện tử",
    ),
    "clinic_software": (
        "quản lý tiêm chủng quốc gia", "quản lý hồ sơ sức khỏe điện tử", "quản lý trạm y tế xã",
        "khám, chữa bệnh bảo hiểm y tế",
    ),
    "epidemic": ("sốt xuất huyết", "sốt rét", "tay chân miệng", "bệnh dại", "tiêu chảy cấp"),
    "health_office_object": (
        "hồ sơ hành nghề y, dược", "số liệu giám sát dịch bệnh", "hồ sơ kiểm nghiệm mẫu",
        "hồ sơ giám định y khoa", "văn bản đi, đến",
    ),
    "health_office_proc": (
        "thẩm định hồ sơ cấp chứng chỉ hành nghề", "giám sát, báo cáo dịch bệnh truyền nhiễm",
        "lấy và vận chuyển mẫu kiểm nghiệm", "kiểm tra an toàn thực phẩm", "giám định y khoa",
    ),
    "health_office_work": (
        "công tác giám sát dịch tễ", "công tác kiểm nghiệm thuốc",
        "công tác dân số – kế hoạch hóa gia đình", "công tác tham mưu quản lý nhà nước về y tế",
    ),
    "health_research": (
        "thực trạng suy dinh dưỡng ở trẻ em dưới 5 tuổi",
        "tỷ lệ tăng huyết áp ở người từ 40 tuổi trở lên",
        "kiến thức, thực hành phòng bệnh sốt rét của người dân",
        "kết quả điều trị đái tháo đường týp 2",
    ),
    "covid_health": (
        "phân luồng, sàng lọc người bệnh", "khu cách ly điều trị người bệnh",
        "tiêm vắc xin an toàn", "theo dõi, chăm sóc F0 tại nhà", "lấy mẫu xét nghiệm",
    ),
    "commune_proc": (
        "tiếp nhận và trả kết quả thủ tục hành chính", "chứng thực bản sao điện tử",
        "đăng ký khai sinh, khai tử", "xác nhận hồ sơ chính sách", "xử lý văn bản đến",
    ),
    "tthc_field": (
        "lĩnh vực hộ tịch", "lĩnh vực đất đai", "lĩnh vực chính sách xã hội",
        "lĩnh vực chứng thực", "lĩnh vực đăng ký kinh doanh",
    ),
    "records": (
        "hồ sơ lưu trữ", "sổ hộ tịch", "hồ sơ địa chính", "hồ sơ cán bộ, công chức",
        "hồ sơ người có công",
    ),
    "office_records": (
        "hồ sơ lưu trữ", "hồ sơ cán bộ, công chức", "chứng từ kế toán", "hồ sơ dự án đầu tư",
        "hồ sơ thanh tra, kiểm tra",
    ),
    "propaganda": (
        "pháp luật", "chính sách dân tộc", "xây dựng nông thôn mới", "phòng, chống ma túy",
        "bảo vệ rừng", "phòng, chống tảo hôn và hôn nhân cận huyết thống",
    ),
    "admin_software": (
        "quản lý văn bản và điều hành", "một cửa điện tử", "kế toán MISA",
        "quản lý tài sản công", "quản lý cán bộ, công chức", "chữ ký số", "Excel",
        "quản lý lưu trữ điện tử",
    ),
    "admin_object": (
        "văn bản đi, đến", "hồ sơ cán bộ, công chức", "tài sản công", "hồ sơ lưu trữ",
        "hồ sơ thủ tục hành chính", "kinh phí hoạt động", "công tác thi đua, khen thưởng",
    ),
    "office_proc": (
        "lập và trình ký văn bản", "thanh toán, quyết toán kinh phí", "tiếp nhận và xử lý đơn thư",
        "kiểm soát chi ngân sách nhà nước", "quyết toán thuế thu nhập cá nhân", "tiếp công dân",
        "tổ chức hội nghị trực tuyến", "lập dự toán ngân sách", "thẩm định dự án đầu tư",
    ),
    "admin_work": (
        "công tác tham mưu", "công tác văn thư, lưu trữ", "công tác cải cách hành chính",
        "công tác tuyên truyền, phổ biến, giáo dục pháp luật", "công tác thi đua, khen thưởng",
        "công tác dân vận", "công tác kiểm tra, giám sát", "công tác hòa giải ở cơ sở",
        "công tác thu ngân sách",
    ),
    "media": (
        "mạng xã hội", "trang thông tin điện tử", "hệ thống loa truyền thanh cơ sở", "nhóm Zalo",
    ),
    "agri_tech": (
        "ảnh viễn thám", "thiết bị bay không người lái", "phần mềm GIS",
        "phần mềm theo dõi diễn biến rừng", "ứng dụng trên điện thoại di động",
    ),
    "agri_task": (
        "theo dõi diễn biến rừng", "phòng cháy, chữa cháy rừng", "quản lý vùng trồng chè",
        "dự báo sâu bệnh hại lúa", "quản lý đất đai", "quan trắc môi trường nước",
    ),
    "agri_work": (
        "bảo vệ và phát triển rừng", "phòng, chống dịch bệnh gia súc, gia cầm",
        "chi trả dịch vụ môi trường rừng", "xây dựng nông thôn mới",
        "quản lý công trình thủy lợi", "phát triển cây mắc ca",
    ),
    "agri_technique": (
        "trồng lúa hàng hóa", "trồng và chăm sóc chè", "nuôi cá nước lạnh",
        "trồng cây dược liệu", "chăn nuôi lợn an toàn sinh học", "ủ phân hữu cơ",
    ),
    "agri_proc": (
        "thẩm định hồ sơ giao đất, giao rừng", "kiểm dịch động vật",
        "cấp giấy chứng nhận quyền sử dụng đất", "thống kê diện tích gieo trồng",
    ),
    "hydro_equipment": (
        "hệ thống làm mát ổ trục tổ máy", "lưới chắn rác cửa nhận nước", "hệ thống kích từ",
        "hệ thống dầu áp lực", "hệ thống bôi trơn ổ hướng", "tủ điều khiển máy phát",
        "hệ thống nước kỹ thuật",
    ),
    "energy_goal": (
        "giảm thời gian dừng máy", "tăng sản lượng điện phát", "nâng cao độ an toàn vận hành",
        "giảm chi phí bảo dưỡng", "tiết kiệm điện tự dùng",
    ),
    "energy_tech": (
        "thiết bị bay không người lái", "camera nhiệt", "phần mềm giám sát từ xa SCADA",
        "công tơ điện tử đo xa",
    ),
    "energy_task": (
        "kiểm tra đường dây trung thế", "phát hiện điểm phát nhiệt trên lưới điện",
        "giám sát mực nước hồ chứa", "ghi chỉ số công tơ",
    ),
    "energy_tool": (
        "sào thao tác hotline", "giá đỡ thay sứ", "dụng cụ kéo dây", "xe đẩy vận chuyển thiết bị",
    ),
    "energy_job": (
        "sửa chữa điện không cắt điện", "thay thế thiết bị trạm biến áp", "bảo dưỡng tổ máy",
    ),
    "energy_proc": (
        "vận hành tổ máy mùa lũ", "xử lý sự cố lưới điện", "bảo dưỡng định kỳ thiết bị",
        "quản lý an toàn đập",
    ),
    "tea_machine": ("vò", "sao", "sấy", "phân loại", "đóng gói"),
    "factory_goal": (
        "tiết kiệm điện năng", "tăng năng suất lao động", "giảm tỷ lệ sản phẩm hỏng",
        "bảo đảm an toàn lao động", "giảm tiêu hao nhiên liệu",
    ),
    "tea_product": ("xanh", "đen", "Ô long", "búp tươi", "Shan tuyết"),
    "tea_proc": (
        "thu hái chè búp tươi", "chế biến chè xanh", "kiểm soát chất lượng nguyên liệu",
        "bảo quản thành phẩm",
    ),
    "telecom_software": (
        "quản lý bưu gửi", "quản lý trạm BTS", "chăm sóc khách hàng", "quản lý thuê bao",
    ),
    "telecom_task": (
        "chi trả lương hưu qua bưu điện", "quản lý sự cố mạng", "phát triển thuê bao",
        "thu cước dịch vụ",
    ),
    "telecom_quality": (
        "mạng di động 4G", "mạng cáp quang", "dịch vụ hành chính công qua bưu chính",
        "dịch vụ chuyển phát",
    ),
    "telecom_proc": (
        "xử lý sự cố cáp quang", "tiếp nhận hồ sơ hành chính công", "lắp đặt dịch vụ Internet",
    ),
    "service_proc": (
        "thẩm định hồ sơ vay vốn", "thu tiền nước", "thu gom, vận chuyển rác thải",
        "bán vé xe khách", "đón tiếp khách lưu trú", "kiểm kê hàng hóa",
        "giải ngân vốn vay hộ nghèo", "chăm sóc khách hàng", "bảo quản thuốc, vật tư y tế",
    ),
    "service_tech": (
        "ngân hàng số", "hóa đơn điện tử", "thanh toán không dùng tiền mặt",
        "đồng hồ nước thông minh", "phần mềm quản lý kho",
    ),
    "service_task": (
        "thu tiền dịch vụ", "quản lý khách hàng", "quản lý vật tư",
        "phát hiện rò rỉ đường ống cấp nước",
    ),
    "resource": (
        "điện năng", "nhiên liệu", "nước sạch", "hóa chất xử lý nước", "văn phòng phẩm", "vật tư",
    ),
    "service_process": (
        "vận hành trạm bơm", "xử lý nước sạch", "vận hành xe chuyên dùng", "hoạt động văn phòng",
    ),
    "machine": (
        "máy trộn bê tông", "máy nghiền đá", "băng tải vật liệu", "máy đầm nền",
        "máy cắt uốn thép", "hệ thống sàng đá",
    ),
    "industry_process": (
        "thi công công trình", "sản xuất vật liệu xây dựng", "khai thác đá", "bảo dưỡng xe, máy",
    ),
    "industry_proc": (
        "nghiệm thu công trình", "quản lý vật tư, thiết bị", "kiểm tra an toàn lao động",
        "lập hồ sơ thanh toán, quyết toán",
    ),
    "industry_tech": (
        "phần mềm dự toán", "máy toàn đạc điện tử", "phần mềm quản lý dự án", "vật liệu mới",
    ),
    "industry_task": (
        "lập dự toán công trình", "đo đạc, cắm mốc", "quản lý tiến độ thi công",
        "gia cố mái taluy",
    ),
    "industry_tool": (
        "giàn giáo di động", "khuôn đúc cấu kiện", "dụng cụ uốn thép", "xe rùa cải tiến",
    ),
    "industry_job": (
        "thi công trên cao", "sản xuất gạch không nung", "sửa chữa đường giao thông nông thôn",
    ),
    "union_purpose": (
        "tham gia phong trào thi đua “Lao động giỏi, lao động sáng tạo”",
        "tham gia Chương trình “01 triệu sáng kiến”",
        "thực hiện nếp sống văn minh nơi công sở", "tham gia các hoạt động văn hóa, thể thao",
    ),
    "union_work": (
        "chăm lo đời sống đoàn viên", "phát triển đoàn viên",
        "giám sát thực hiện quy chế dân chủ ở cơ sở",
        "tổ chức Hội nghị cán bộ, công chức, viên chức", "xây dựng “Mái ấm Công đoàn”",
    ),
}
_SLOTS: dict[str, tuple[Piece, ...]] = {k: _pieces(v) for k, v in _WORDS.items()}

# Templates of names per kind of unit ("domain"); {unit} is the unit, {place} its commune
# or district, {cdcs} the grassroots union itself.
_SCHOOL = [
    _t(3, K.TECHNICAL, "Sử dụng sơ đồ tư duy trong dạy học môn {course}"),
    _t(4, K.OPERATIONAL, "Một số biện pháp nâng cao chất lượng dạy học môn {course}"),
    _t(3, K.APPLIED_TECHNOLOGY, "Ứng dụng công nghệ thông tin trong dạy học môn {course}"),
    _t(2, K.APPLIED_TECHNOLOGY, "Sử dụng phần mềm {edu_software} trong dạy học môn {course}"),
    _t(2, K.TECHNICAL, "Thiết kế trò chơi học tập trong dạy học môn {course}"),
    _t(2, K.TECHNICAL, "Vận dụng phương pháp {method} trong dạy học môn {course}"),
    _t(1, K.TECHNICAL, "Xây dựng ngân hàng câu hỏi trắc nghiệm môn {course}"),
    _t(1, K.TECHNICAL, "Làm đồ dùng dạy học môn {course} từ vật liệu sẵn có ở địa phương"),
    _t(2, K.MANAGEMENT, "Giải pháp nâng cao chất lượng {school_work} tại {unit}"),
    _t(2, K.MANAGEMENT, "Một số kinh nghiệm {school_mgmt} ở {unit}"),
    _t(1, K.MANAGEMENT, "Cải tiến quy trình {school_proc} tại {unit}"),
    _t(1, K.OPERATIONAL, "Tổ chức hoạt động trải nghiệm {theme} cho học sinh {grade}"),
]
_ETHNIC_VIETNAMESE = _t(
    2, K.OPERATIONAL, "Một số biện pháp tăng cường tiếng Việt cho học sinh dân tộc thiểu số {grade}"
)
_DOMAIN_TEMPLATES: dict[str, list[tuple[float, _Template]]] = {
    "primary": [*_SCHOOL, _ETHNIC_VIETNAMESE],
    "lower": [*_SCHOOL, _ETHNIC_VIETNAMESE],
    "upper": list(_SCHOOL),
    "preschool": [
        _t(4, K.OPERATIONAL, "Một số biện pháp giúp {child} {preschool_skill}"),
        _t(2, K.OPERATIONAL, "Sử dụng sơ đồ tư duy trong tổ chức hoạt động {preschool_activity} cho {child}"),
        _t(3, K.TECHNICAL, "Làm đồ dùng, đồ chơi từ nguyên vật liệu tái chế cho {child}"),
        _t(2, K.APPLIED_TECHNOLOGY, "Ứng dụng công nghệ thông tin trong tổ chức hoạt động {preschool_activity} cho {child}"),
        _t(2, K.MANAGEMENT, "Giải pháp nâng cao chất lượng {preschool_work} tại {unit}"),
        _t(1, K.OPERATIONAL, "Xây dựng môi trường {preschool_env} cho {child}"),
        _t(1, K.MANAGEMENT, "Một số kinh nghiệm {preschool_mgmt} ở {unit}"),
    ],
    "edu_office": [
        _t(3, K.APPLIED_TECHNOLOGY, "Ứng dụng phần mềm {admin_software} trong quản lý {edu_office_object}"),
        _t(3, K.MANAGEMENT, "Giải pháp nâng cao chất lượng {edu_office_work}"),
        _t(2, K.MANAGEMENT, "Cải tiến quy trình {edu_office_proc}"),
        _t(2, K.OPERATIONAL, "Đổi mới phương pháp đào tạo nghề {trade} cho lao động nông thôn"),
        _t(1, K.OPERATIONAL, "Một số biện pháp nâng cao chất lượng dạy học môn {subject} cho học viên giáo dục thường xuyên"),
    ],
    "hospital": [
        _t(3, K.APPLIED_TECHNOLOGY, "Ứng dụng phần mềm {health_software} trong quản lý hồ sơ bệnh án {dept}"),
        _t(3, K.OPERATIONAL, "Nâng cao chất lượng chăm sóc người bệnh {disease} {dept}"),
        _t(3, K.MANAGEMENT, "Cải tiến quy trình {health_proc} {dept}"),
        _t(2, K.MANAGEMENT, "Giải pháp giảm thời gian chờ {wait} tại {unit}"),
        _t(2, K.APPLIED_TECHNOLOGY, "Ứng dụng kỹ thuật {med_tech} trong điều trị {disease}"),
        _t(2, K.TECHNICAL, "Cải tiến {med_device} phục vụ {med_use}"),
        _t(1, K.MANAGEMENT, "Giải pháp nâng cao chất lượng {hospital_work} tại {unit}"),
    ],
    "clinic": [
        _t(3, K.MANAGEMENT, "Quản lý người bệnh {chronic} tại {unit}"),
        _t(3, K.OPERATIONAL, "Truyền thông {health_topic} cho đồng bào dân tộc thiểu số tại {place}"),
        _t(2, K.MANAGEMENT, "Giải pháp nâng cao tỷ lệ {health_rate} tại {place}"),
        _t(2, K.APPLIED_TECHNOLOGY, "Ứng dụng phần mềm {clinic_software} tại {unit}"),
        _t(1, K.OPERATIONAL, "Một số biện pháp phòng, chống {epidemic} tại {place}"),
    ],
    "health_office": [
        _t(3, K.APPLIED_TECHNOLOGY, "Ứng dụng phần mềm {admin_software} trong quản lý {health_office_object}"),
        _t(3, K.MANAGEMENT, "Cải tiến quy trình {health_office_proc}"),
        _t(2, K.MANAGEMENT, "Giải pháp nâng cao chất lượng {health_office_work}"),
        _t(1, K.OPERATIONAL, "Truyền thông {health_topic} cho đồng bào dân tộc thiểu số tại {place}"),
    ],
    "commune": [
        _t(3, K.MANAGEMENT, "Cải tiến quy trình {commune_proc} tại {unit}"),
        _t(2, K.APPLIED_TECHNOLOGY, "Ứng dụng phần mềm {admin_software} trong quản lý {admin_object}", F.IT_ELECTRONICS_TELECOM),
        _t(2, K.MANAGEMENT, "Giải pháp nâng cao chất lượng {admin_work} tại {unit}"),
        _t(2, K.MANAGEMENT, "Thực hiện cơ chế một cửa liên thông trong giải quyết thủ tục hành chính {tthc_field}"),
        _t(2, K.APPLIED_TECHNOLOGY, "Số hóa {records} tại {unit}", F.IT_ELECTRONICS_TELECOM),
        _t(1, K.OPERATIONAL, "Đổi mới hình thức tuyên truyền {propaganda} cho đồng bào dân tộc thiểu số tại {place}"),
    ],
    "agri": [
        _t(3, K.APPLIED_TECHNOLOGY, "Ứng dụng {agri_tech} trong {agri_task}"),
        _t(3, K.MANAGEMENT, "Giải pháp nâng cao hiệu quả {agri_work} tại {place}"),
        _t(2, K.TECHNICAL, "Chuyển giao kỹ thuật {agri_technique} cho người dân {place}"),
        _t(1, K.MANAGEMENT, "Cải tiến quy trình {agri_proc}"),
    ],
    "office": [
        _t(3, K.APPLIED_TECHNOLOGY, "Ứng dụng phần mềm {admin_software} trong quản lý {admin_object}", F.IT_ELECTRONICS_TELECOM),
        _t(3, K.MANAGEMENT, "Cải tiến quy trình {office_proc}"),
        _t(3, K.MANAGEMENT, "Giải pháp nâng cao chất lượng {admin_work}"),
        _t(1, K.APPLIED_TECHNOLOGY, "Số hóa {office_records} tại {unit}", F.IT_ELECTRONICS_TELECOM),
        _t(1, K.OPERATIONAL, "Đổi mới hình thức tuyên truyền {propaganda} trên {media}"),
    ],
    "energy": [
        _t(3, K.TECHNICAL, "Cải tiến {hydro_equipment} nhằm {energy_goal}"),
        _t(2, K.TECHNICAL, "Giải pháp giảm tổn thất điện năng trên lưới điện {place}"),
        _t(2, K.APPLIED_TECHNOLOGY, "Ứng dụng {energy_tech} trong {energy_task}"),
        _t(2, K.TECHNICAL, "Chế tạo {energy_tool} phục vụ {energy_job}"),
        _t(1, K.MANAGEMENT, "Cải tiến quy trình {energy_proc}"),
    ],
    "tea": [
        _t(3, K.TECHNICAL, "Cải tiến máy {tea_machine} chè nhằm {factory_goal}"),
        _t(2, K.TECHNICAL, "Giải pháp nâng cao năng suất, chất lượng chè {tea_product}"),
        _t(2, K.MANAGEMENT, "Cải tiến quy trình {tea_proc}"),
    ],
    "telecom": [
        _t(3, K.APPLIED_TECHNOLOGY, "Ứng dụng phần mềm {telecom_software} trong {telecom_task}"),
        _t(2, K.TECHNICAL, "Giải pháp nâng cao chất lượng {telecom_quality} tại {place}"),
        _t(2, K.MANAGEMENT, "Cải tiến quy trình {telecom_proc}"),
    ],
    "service": [
        _t(3, K.MANAGEMENT, "Cải tiến quy trình {service_proc}"),
        _t(2, K.APPLIED_TECHNOLOGY, "Ứng dụng {service_tech} trong {service_task}"),
        _t(2, K.TECHNICAL, "Giải pháp tiết kiệm {resource} trong {service_process}"),
    ],
    "industry": [
        _t(3, K.TECHNICAL, "Cải tiến {machine} nhằm {factory_goal}"),
        _t(2, K.TECHNICAL, "Giải pháp tiết kiệm {resource} trong {industry_process}"),
        _t(2, K.MANAGEMENT, "Cải tiến quy trình {industry_proc}"),
        _t(2, K.APPLIED_TECHNOLOGY, "Ứng dụng {industry_tech} trong {industry_task}"),
        _t(1, K.TECHNICAL, "Chế tạo {industry_tool} phục vụ {industry_job}"),
    ],
}
_COVID_TEMPLATES: dict[str, list[tuple[float, _Template]]] = {
    "school": [
        _t(3, K.COVID, "Dạy học trực tuyến môn {course} trong thời gian phòng, chống dịch Covid-19"),
        _t(1, K.COVID, "Giải pháp bảo đảm an toàn phòng, chống dịch Covid-19 khi học sinh trở lại trường học"),
        _t(1, K.COVID, "Hỗ trợ học sinh học tập tại nhà trong thời gian giãn cách do dịch Covid-19"),
    ],
    "preschool": [
        _t(1, K.COVID, "Phòng, chống dịch Covid-19 cho trẻ tại trường mầm non"),
        _t(1, K.COVID, "Hướng dẫn cha mẹ tổ chức hoạt động cho {child} tại nhà trong thời gian nghỉ học do dịch Covid-19"),
    ],
    "health": [
        _t(3, K.COVID, "Tổ chức {covid_health} phòng, chống dịch Covid-19 tại {unit}"),
        _t(1, K.COVID, "Theo dõi, hỗ trợ người nhiễm Covid-19 điều trị tại nhà ở {place}"),
    ],
    "other": [
        _t(2, K.COVID, "Tổ chức làm việc trực tuyến trong thời gian giãn cách phòng, chống dịch Covid-19"),
        _t(1, K.COVID, "Giải pháp bảo đảm an toàn phòng, chống dịch Covid-19 tại nơi làm việc"),
        _t(1, K.COVID, "Hỗ trợ người lao động gặp khó khăn do đại dịch Covid-19 tại {unit}"),
    ],
}
_RESEARCH_TEMPLATES: dict[str, list[tuple[float, _Template]]] = {
    "education": [_t(1, K.RESEARCH, "Nghiên cứu thực trạng và giải pháp {edu_research} trên địa bàn tỉnh Lai Châu")],
    "health": [_t(1, K.RESEARCH, "Nghiên cứu {health_research} tại {place}")],
    "other": [_t(1, K.RESEARCH, "Nghiên cứu giải pháp {agri_work} trên địa bàn tỉnh Lai Châu", F.AGRICULTURE_ENVIRONMENT)],
}
_UNION_TEMPLATES = [
    _t(2, K.UNION_WORK, "Giải pháp nâng cao hiệu quả hoạt động của Ban Chấp hành {cdcs}", F.OTHER),
    _t(2, K.UNION_WORK, "Đổi mới phương thức tuyên truyền, vận động đoàn viên {union_purpose}", F.OTHER),
    _t(1, K.UNION_WORK, "Xây dựng mô hình “Quỹ tương hỗ Công đoàn” tại {cdcs}", F.OTHER),
    _t(1, K.UNION_WORK, "Nâng cao chất lượng sinh hoạt công đoàn tại {cdcs}", F.OTHER),
    _t(1, K.UNION_WORK, "Ứng dụng mạng xã hội Zalo trong hoạt động công đoàn cơ sở", F.OTHER),
    _t(2, K.UNION_WORK, "Một số giải pháp {union_work} tại {cdcs}", F.OTHER),
]


# ---- body texts per group of domains ----------------------------------------------------

@dataclass(frozen=True)
class _Texts:
    objectives: tuple[Piece, ...]
    details: tuple[Piece, ...]
    social: tuple[_Template, ...]
    conditions: tuple[str, ...]
    peers: str
    # Of the unit's group (see _benefits): chance of an economic benefit, its median
    benefit_share: float = 0.0
    benefit_median: int = 0  # đồng per year


_STEPS = (
    "Khảo sát; xây dựng giải pháp; áp dụng thử; đánh giá.",
    "Khảo sát; thiết kế; áp dụng tại đơn vị; tổng kết.",
    "Đánh giá thực trạng; triển khai; kiểm tra hiệu quả.",
)
_GROUP_TEXTS: dict[str, _Texts] = {
    "education": _Texts(
        _pieces((
            "Nâng cao chất lượng dạy và học, học sinh hứng thú học tập.",
            "Phát huy tính tích cực, chủ động của học sinh.",
            "Học sinh tiếp thu bài nhanh và nhớ lâu hơn.",
            "Nâng cao tỷ lệ học sinh đạt yêu cầu và khá, giỏi.",
            "Duy trì sĩ số học sinh dân tộc thiểu số.",
        )),
        _pieces((
            "Các biện pháp phù hợp với học sinh vùng cao, đánh giá sau mỗi học kỳ.",
            "Thiết kế hoạt động theo từng bài, kiểm tra, đánh giá thường xuyên.",
            "Tài liệu hướng dẫn để tổ chuyên môn cùng áp dụng.",
        )),
        (
            _Template("Tỷ lệ học sinh đạt yêu cầu tăng {pct}% so với đầu năm học."),
            _Template("Được tổ chuyên môn áp dụng, nâng cao chất lượng giáo dục."),
            _Template("Cha mẹ học sinh phối hợp chặt chẽ hơn với nhà trường."),
        ),
        ("Có máy tính, máy chiếu.", "Giáo viên được tập huấn."),
        "trường học",
        0.34,
        6_000_000,
    ),
    "health": _Texts(
        _pieces((
            "Nâng cao chất lượng khám, chữa bệnh.",
            "Rút ngắn thời gian chờ, giảm sai sót chuyên môn.",
            "Bảo đảm an toàn người bệnh.",
            "Tiết kiệm chi phí cho người bệnh và đơn vị.",
        )),
        _pieces((
            "Chuẩn hóa các bước, phân công rõ trách nhiệm từng vị trí.",
            "Áp dụng thử tại một khoa, sau đó mở rộng toàn đơn vị.",
            "Tập huấn nhân viên, có bảng kiểm theo dõi hằng tháng.",
        )),
        (
            _Template("Thời gian chờ giảm khoảng {minutes} phút mỗi lượt."),
            _Template("Người bệnh hài lòng hơn, an toàn hơn."),
            _Template("Người dân tiếp cận dịch vụ y tế thuận lợi hơn."),
        ),
        ("Nhân viên y tế được tập huấn.", "Có máy tính và phần mềm."),
        "cơ sở y tế",
        0.45,
        12_000_000,
    ),
    "administration": _Texts(
        _pieces((
            "Rút ngắn thời gian giải quyết công việc.",
            "Nâng cao chất lượng tham mưu, phục vụ người dân.",
            "Công khai, minh bạch, dễ tra cứu.",
            "Tiết kiệm văn phòng phẩm và thời gian.",
        )),
        _pieces((
            "Sắp xếp lại các bước, bỏ khâu trung gian, theo dõi trên máy tính.",
            "Hướng dẫn thực hiện thống nhất, kiểm tra định kỳ.",
            "Áp dụng thử 6 tháng, sau đó áp dụng chính thức.",
        )),
        (
            _Template("Thời gian giải quyết hồ sơ giảm khoảng {pct}%."),
            _Template("Tra cứu nhanh, chính xác, minh bạch."),
            _Template("Góp phần cải cách hành chính, chuyển đổi số."),
        ),
        ("Có máy tính kết nối mạng.", "Lãnh đạo đơn vị đồng ý."),
        "cơ quan, đơn vị",
        0.48,
        9_000_000,
    ),
    "enterprise": _Texts(
        _pieces((
            "Tăng năng suất, giảm chi phí sản xuất.",
            "An toàn cho người lao động và thiết bị.",
            "Giảm thời gian dừng máy.",
            "Tiết kiệm nhiên liệu, bảo vệ môi trường.",
        )),
        _pieces((
            "Cải tiến bằng vật tư sẵn có, công nhân tự gia công.",
            "Sắp xếp lại quy trình, có hướng dẫn vận hành an toàn.",
            "Đã vận hành ổn định, được áp dụng rộng rãi.",
        )),
        (
            _Template("Giảm cường độ lao động cho công nhân."),
            _Template("Nâng cao ý thức tiết kiệm, bảo vệ môi trường."),
            _Template("Năng suất tăng khoảng {pct}%."),
        ),
        ("Kinh phí cải tiến nhỏ.", "Công nhân được hướng dẫn vận hành."),
        "doanh nghiệp cùng ngành",
        0.75,
        30_000_000,
    ),
}
_UNION_TEXTS = _Texts(
    _pieces((
        "Nâng cao vai trò công đoàn trong chăm lo cho đoàn viên.",
        "Thu hút đoàn viên tham gia phong trào thi đua.",
    )),
    _pieces((
        "Ban Chấp hành phân công cụ thể, đánh giá hằng quý.",
    )),
    (
        _Template("Số đoàn viên tham gia phong trào tăng {pct}%."),
        _Template("Đoàn viên gắn bó với tổ chức công đoàn."),
    ),
    ("Thủ trưởng đơn vị phối hợp.",),
    "công đoàn cơ sở",
)
_COVID_TEXTS = _Texts(
    _pieces((
        "Phòng, chống dịch Covid-19 hiệu quả.",
        "Duy trì hoạt động chuyên môn trong mùa dịch.",
    )),
    _pieces((
        "Triển khai ngay trong đợt dịch, theo dõi hằng ngày.",
    )),
    (
        _Template("Không để dịch lây lan trong đơn vị."),
        _Template("Hoạt động được duy trì trong thời gian giãn cách."),
    ),
    ("Có trang thiết bị phòng hộ.",),
    "cơ quan, đơn vị",
)
_SCOPE = "Toàn đơn vị; nhân rộng được ở {peers}."

_REJECTIONS = {
    "window": "Ngày áp dụng lần đầu trước thời gian của Chương trình (từ 01/9/2021).",
    "new": "Sáng kiến không có tính mới trong phạm vi đơn vị (trùng với giải pháp đã được công nhận).",
    "recognised": "Chưa có quyết định công nhận của Hội đồng sáng kiến hoặc thủ trưởng đơn vị.",
    "benefit": "Chưa chứng minh được hiệu quả áp dụng thực tế.",
    "routine": "Nội dung là nhiệm vụ chuyên môn thường xuyên, không phải giải pháp mới.",
}
_REJECTION_KEYS = tuple(_REJECTIONS)  # "window" first: not for the yearly movement (no window)
_AWARD_BLDST = "Bằng Lao động sáng tạo của Tổng Liên đoàn Lao động Việt Nam năm 2022"
_AWARD_CONTEST = (  # seed 000: Hội thi Sáng tạo kỹ thuật tỉnh Lai Châu lần thứ V năm 2022
    "Giải Nhì Hội thi Sáng tạo kỹ thuật tỉnh Lai Châu lần thứ V năm 2022",
    "Giải Ba Hội thi Sáng tạo kỹ thuật tỉnh Lai Châu lần thứ V năm 2022",
    "Giải Khuyến khích Hội thi Sáng tạo kỹ thuật tỉnh Lai Châu lần thứ V năm 2022",
    "Giải Khuyến khích Hội thi Sáng tạo kỹ thuật tỉnh Lai Châu lần thứ V năm 2022",
    "Giải Khuyến khích Hội thi Sáng tạo kỹ thuật tỉnh Lai Châu lần thứ V năm 2022",
)
_AWARD_PROVINCE = "Giấy khen của Ban Thường vụ LĐLĐ tỉnh Lai Châu năm {year}"


# ---- units --------------------------------------------------------------------------------

_SECTOR_WEIGHT = {  # seed 000 §II.1.1: most in schools, few in enterprises
    Sector.EDUCATION: 1.5,
    Sector.HEALTH: 1.3,
    Sector.ADMINISTRATION: 1.0,
    Sector.ENTERPRISE: 0.35,
    Sector.OTHER: 0.8,
}
_GROUP_FIELD = {
    "education": F.EDUCATION,
    "health": F.HEALTH,
    "administration": F.OTHER,
}
_DOMAIN_FIELD = {
    "agri": F.AGRICULTURE_ENVIRONMENT,
    "energy": F.MATERIALS_CHEMICALS_ENERGY,
    "industry": F.MATERIALS_CHEMICALS_ENERGY,
    "tea": F.AGRICULTURE_ENVIRONMENT,
    "telecom": F.IT_ELECTRONICS_TELECOM,
    "service": F.OTHER,
}
_PLACE = re.compile(r"\b((?:xã|phường|thị trấn|huyện|thành phố) [^,;()]+)$", re.IGNORECASE)


def _place(name: str) -> str:
    """The commune, ward or district a unit's name ends with ("xã Bản Lang"), or ""."""
    match = _PLACE.search(name)
    if not match:
        return ""
    first, rest = match.group(1).split(" ", 1)
    return f"{first.lower()} {rest}"


def _domain(name: str, sector: str | None) -> tuple[str, str]:
    """(group, domain) of a unit, from its sector and the words of its name."""
    if sector == Sector.EDUCATION:
        if "Mầm non" in name:
            return "education", "preschool"
        if "Tiểu học" in name:
            return "education", "primary"
        if "THPT" in name or "PTDTNT" in name:
            return "education", "upper"
        if "THCS" in name:
            return "education", "lower"
        return "education", "edu_office"
    if sector == Sector.HEALTH:
        if name.startswith(("Trạm Y tế",)):
            return "health", "clinic"
        if name.startswith(("Bệnh viện", "Trung tâm Y tế", "Phòng khám")):
            return "health", "hospital"
        return "health", "health_office"
    if sector == Sector.ENTERPRISE:
        if "Thủy điện" in name or "Điện lực" in name:
            return "enterprise", "energy"
        if "Chè" in name:
            return "enterprise", "tea"
        if "Bưu điện" in name or "Viễn thông" in name:
            return "enterprise", "telecom"
        if any(w in name for w in ("Ngân hàng", "Xổ số", "nước", "Môi trường", "Bến xe",
                                   "Khách sạn", "Sách", "Dược", "Du lịch", "Thương mại")):
            return "enterprise", "service"
        return "enterprise", "industry"
    if name.startswith("UBND") or "HĐND" in name:
        return "administration", "commune"
    if any(w in name for w in ("Kiểm lâm", "nông nghiệp", "Nông nghiệp", "Khuyến nông", "Thủy lợi",
                               "Chăn nuôi", "Trồng trọt", "Tài nguyên", "rừng", "đất đai",
                               "quỹ đất", "Quan trắc", "Hợp tác xã")):
        return "administration", "agri"
    return "administration", "office"


_HEAD_SUFFIX = {
    "preschool": "QĐ-MN", "primary": "QĐ-TH", "lower": "QĐ-THCS", "upper": "QĐ-THPT",
    "edu_office": "QĐ-GDĐT", "hospital": "QĐ-BV", "clinic": "QĐ-TYT", "health_office": "QĐ-SYT",
    "commune": "QĐ-UBND", "agri": "QĐ-CCKL", "office": "QĐ-VP", "energy": "QĐ-CT",
    "tea": "QĐ-CT", "telecom": "QĐ-VT", "service": "QĐ-CT", "industry": "QĐ-CT",
}


@dataclass
class _Unit:
    id: uuid.UUID
    group: str  # education | health | administration | enterprise
    domain: str  # key of _DOMAIN_TEMPLATES
    field: InitiativeField  # of its initiatives, unless the template says otherwise
    unit: Piece  # the unit's own name ("Trường THCS xã Bản Lang")
    fixed: dict[str, Piece]  # slots filled from the unit: {unit}, {cdcs}, {place}
    unit_folded: str  # fold of the union's name, as core.initiatives.records._apply stores it
    scope: str
    members: list[tuple[uuid.UUID, str, str]]  # (id, full name, folded name)
    templates: Weighted
    covid: Weighted
    research: Weighted | None
    slots: dict[str, tuple[Piece, ...]]


_DOMAIN_CACHE: dict[str, tuple[Weighted, Weighted, Weighted | None, dict]] = {}


def _domain_parts(group: str, domain: str) -> tuple[Weighted, Weighted, Weighted | None, dict]:
    key = f"{group}:{domain}"
    if key not in _DOMAIN_CACHE:
        slots = dict(_SLOTS)
        level = {"primary": "primary", "lower": "lower", "upper": "upper"}.get(domain, "upper")
        slots["course"] = _SLOTS[f"{level}_course"]
        slots["grade"] = _SLOTS[f"{level}_grade"]
        slots["subject"] = _SLOTS["upper_subject"]
        if domain in ("primary", "lower", "upper"):
            covid = _COVID_TEMPLATES["school"]
        elif domain == "preschool":
            covid = _COVID_TEMPLATES["preschool"]
        elif group == "health":
            covid = _COVID_TEMPLATES["health"]
        else:
            covid = _COVID_TEMPLATES["other"]
        research = {"education": "education", "health": "health"}.get(group)
        if research is None and domain == "agri":
            research = "other"
        _DOMAIN_CACHE[key] = (
            _choice(_DOMAIN_TEMPLATES[domain]),
            _choice(covid),
            _choice(_RESEARCH_TEMPLATES[research]) if research else None,
            slots,
        )
    return _DOMAIN_CACHE[key]


def _make_unit(uid: uuid.UUID, name: str, sector: str | None, area: str,
               members: list[tuple[uuid.UUID, str, str]]) -> _Unit:
    own = name.removeprefix("CĐCS ").strip()
    group, domain = _domain(own, sector)
    templates, covid, research, slots = _domain_parts(group, domain)
    return _Unit(
        id=uid, group=group, domain=domain,
        field=_DOMAIN_FIELD.get(domain) or _GROUP_FIELD.get(group, F.OTHER),
        unit=_piece(own),
        fixed={"unit": _piece(own), "cdcs": _piece(name), "place": _piece(_place(own) or area)},
        unit_folded=fold(name),
        scope=_SCOPE.format(peers=_GROUP_TEXTS[group].peers),
        members=members, templates=templates, covid=covid, research=research, slots=slots,
    )


# ---- loading ------------------------------------------------------------------------------

@dataclass
class _Plan:
    """Per-row decisions that need the whole register at once (quotas, awards, the benefit
    total); row ``i`` of the register is built from item ``i`` of each list."""

    units: list[_Unit]
    dates: list[int]  # registration day (ordinal), ascending
    yearly: list[bool]  # False: the 01-triệu programme; True: the yearly movement
    statuses: list[InitiativeStatus]
    reasons: list[str]  # key of _REJECTIONS for rejected ones, else ""
    awards: dict[int, str]
    benefits: list[int | None]


def _spread(rng: random.Random, n: int, segments: Sequence[tuple[float, date, date]]) -> list[int]:
    """``n`` day ordinals: shares of them uniform over each segment; Sundays move to Monday."""
    days: list[int] = []
    weights = [w for w, _, _ in segments]
    total = sum(weights)
    counts = [math.floor(n * w / total) for w in weights]
    counts[-1] += n - sum(counts)
    for (_, first, last), k in zip(segments, counts, strict=True):
        lo, hi = first.toordinal(), last.toordinal()
        for _ in range(k):
            d = rng.randint(lo, hi)
            if d % 7 == 0 and d < hi:  # Sunday
                d += 1
            days.append(d)
    days.sort()
    return days


def _quota(rng: random.Random, n: int, shares: Sequence[tuple[InitiativeStatus, float]]
           ) -> list[InitiativeStatus]:
    """``n`` statuses in exactly the given shares (the last one takes the rest), shuffled."""
    out: list[InitiativeStatus] = []
    for status, share in shares[:-1]:
        out += [status] * round(n * share)
    out = out[:n] + [shares[-1][0]] * max(0, n - len(out))
    rng.shuffle(out)
    return out


def _plan(rng: random.Random, units: list[_Unit], count: int, phase1: int, yearly: int,
          phases: dict[int, tuple[date, date]]) -> _Plan:
    p1_start, p1_end = phases[1]
    p2_start, p2_end = phases[2][0], min(phases[2][1], REPORT_DATE)
    # Phase 1: a slow start, then the 40-day peak campaign (seed 000) up to 31/5/2022.
    peak = p1_end - timedelta(days=40)
    dates = _spread(rng, phase1, [
        (0.15, p1_start, date(2021, 12, 31)),
        (0.40, date(2022, 1, 1), peak - timedelta(days=1)),
        (0.45, peak, p1_end),
    ])
    phase2 = count - phase1
    dates += _spread(rng, phase2, [(1.0, p2_start, p2_end)])
    # Statuses: seed 003's share of valid ones overall; older registrations reviewed more.
    valid = round(count * VALID_SHARE)
    valid2 = min(phase2, round(valid * 0.18) if phase1 else valid)
    valid1 = min(phase1, valid - valid2)
    statuses: list[InitiativeStatus] = []
    for n, v in ((phase1, valid1), (phase2, valid2)):
        statuses += _quota(rng, n, [
            (InitiativeStatus.VALID, v / n if n else 0.0),
            (InitiativeStatus.REJECTED, REJECTED_SHARE),
            (InitiativeStatus.UNDER_REVIEW, 1.0),
        ])
    flags = [False] * count
    years = sorted(YEARLY_SPLIT)
    left = yearly
    for i, year in enumerate(years):
        last = i == len(years) - 1
        n = left if last else round(yearly * YEARLY_SPLIT[year])
        left -= n
        dates += _spread(rng, n, [(1.0, date(year, 1, 3), date(year, 12, 28))])
        flags += [True] * n
        statuses += _quota(rng, n, [
            (InitiativeStatus.VALID, 0.65), (InitiativeStatus.REJECTED, 0.03),
            (InitiativeStatus.UNDER_REVIEW, 1.0),
        ] if not last else [
            (InitiativeStatus.VALID, 0.30), (InitiativeStatus.DRAFT, 0.15),
            (InitiativeStatus.REJECTED, 0.02), (InitiativeStatus.UNDER_REVIEW, 1.0),
        ])
    reasons = [
        rng.choice(_REJECTION_KEYS[1:] if flag else _REJECTION_KEYS)
        if status == InitiativeStatus.REJECTED else ""
        for status, flag in zip(statuses, flags, strict=True)
    ]
    # Awards: six Creative Labour certificates in 2022 and the provincial contest's five
    # prizes (seed 000), scaled with the register; certificates of merit for a few more.
    awards: dict[int, str] = {}
    candidates = [i for i in range(phase1) if statuses[i] == InitiativeStatus.VALID]
    scale = count / DEFAULT_COUNT
    k_bldst = min(len(candidates), max(1, round(6 * scale)))
    k_contest = min(len(candidates) - k_bldst, round(5 * scale))
    chosen = rng.sample(candidates, k_bldst + k_contest)
    prizes = set(chosen)
    for i in chosen[:k_bldst]:
        awards[i] = _AWARD_BLDST
    for j, i in enumerate(chosen[k_bldst:]):
        awards[i] = _AWARD_CONTEST[j % len(_AWARD_CONTEST)]
    for i, status in enumerate(statuses):
        if status == InitiativeStatus.VALID and i not in awards and rng.random() < 0.03:
            awards[i] = _AWARD_PROVINCE.format(year=max(date.fromordinal(dates[i]).year, 2022))
    benefits = _benefits(rng, units, reasons, prizes, count)
    return _Plan(units, dates, flags, statuses, reasons, awards, benefits)


def _benefits(rng: random.Random, units: list[_Unit], reasons: list[str], prizes: set[int],
              count: int) -> list[int | None]:
    """Economic benefit (đồng per year) of each initiative, or None: for about 40% of them,
    more often and larger in enterprises; the programme's total is seed 000's "hơn 15 tỉ
    đồng" scaled to ``count``. Prize winners have a large benefit."""
    raw: list[float | None] = []
    for i, unit in enumerate(units):
        texts = _GROUP_TEXTS[unit.group]
        value = None
        if reasons[i] == "benefit":
            pass
        elif i in prizes:
            value = max(texts.benefit_median * 6 * math.exp(rng.gauss(0.0, 0.5)), 80_000_000)
        elif rng.random() < texts.benefit_share:
            value = texts.benefit_median * math.exp(rng.gauss(0.0, 1.0))
        raw.append(value)
    fixed = sum(v for i, v in enumerate(raw[:count]) if v is not None and i in prizes)
    free = sum(v for i, v in enumerate(raw[:count]) if v is not None and i not in prizes)
    target = BENEFIT_TOTAL * count / DEFAULT_COUNT
    factor = max(0.1, (target - fixed) / free) if free else 1.0
    return [
        None if v is None else max(500_000, round(v * (1.0 if i in prizes else factor), -5))
        for i, v in enumerate(raw)
    ]


class _Generator:
    def __init__(self, seed: int, office: str, programmes: tuple[uuid.UUID, uuid.UUID],
                 window_start: date, phases: dict[int, tuple[date, date]], seq: int,
                 numbers: dict[int, int], with_authors: bool):
        self.rng = random.Random(f"{seed}:register")
        self._ids = random.Random(f"{seed}:register-ids")
        self.office = office
        self.programmes = programmes
        self.window_start = window_start
        self.phase_ends = sorted((end.toordinal(), start.toordinal(), number)
                                 for number, (start, end) in phases.items())
        self.seq = seq
        self.numbers = numbers
        self.with_authors = with_authors
        now = utcnow()
        self.common = new_row_stamp(office, now)
        self._decision_numbers: dict[tuple[uuid.UUID, int], int] = {}

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self._ids.getrandbits(128), version=4)

    def _template(self, unit: _Unit, registered: date, yearly: bool) -> tuple[_Template, _Texts]:
        r = self.rng.random()
        # Covid-19 solutions: most in phase 1, some in phase 2, none in later years.
        covid = 0.0 if yearly else 0.08 if registered < _COVID_EASED else 0.03
        if r < covid:
            return unit.covid.pick(self.rng), _COVID_TEXTS
        r -= covid
        if r < 0.05:
            return _UNION_CHOICE.pick(self.rng), _UNION_TEXTS
        r -= 0.05
        if unit.research is not None and r < 0.012:
            return unit.research.pick(self.rng), _GROUP_TEXTS[unit.group]
        return unit.templates.pick(self.rng), _GROUP_TEXTS[unit.group]

    def _phase(self, day: int) -> int | None:
        for end, start, number in self.phase_ends:
            if start <= day <= end:
                return number
        return None

    def row(self, plan: _Plan, i: int) -> tuple[dict, list[dict]]:
        rng = self.rng
        unit = plan.units[i]
        day = plan.dates[i]
        registered = date.fromordinal(day)
        yearly = plan.yearly[i]
        status = plan.statuses[i]
        reason = plan.reasons[i]
        award = plan.awards.get(i, "")
        economic = plan.benefits[i]

        template, texts = self._template(unit, registered, yearly)
        name, name_folded = template.fill(rng, unit.slots, unit.fixed)
        kind = template.kind
        if kind == K.COVID and unit.group == "health":
            field_ = F.HEALTH
        else:
            field_ = template.field or unit.field
        objective = rng.choice(texts.objectives)
        description = rng.choice(texts.details)
        social_text = social_folded = ""
        if reason != "benefit" and (economic is None or rng.random() < 0.5):
            social_text, social_folded = rng.choice(texts.social).fill(rng, _NUMBER_SLOTS, {})

        # Eligibility facts, consistent with the status (and the reason of a rejection).
        outside = reason == "window" or (
            status == InitiativeStatus.UNDER_REVIEW and not yearly and rng.random() < 0.025
        )
        start = date(registered.year, 1, 1) if yearly else self.window_start
        if outside:
            first_applied = start - timedelta(days=rng.randint(20, 500))
        else:
            lo = max(start.toordinal(), day - 240)
            first_applied = date.fromordinal(rng.randint(lo, max(lo, day - rng.randint(0, 10))))
        if status == InitiativeStatus.VALID:
            recognised = True
        elif status == InitiativeStatus.DRAFT or reason == "recognised":
            recognised = False
        else:
            recognised = rng.random() < 0.6
        recogniser = decision = None
        decision_number = ""
        if recognised:
            recogniser = Recogniser.COUNCIL if rng.random() < 0.75 else Recogniser.HEAD
            decision = max(first_applied, min(
                first_applied + timedelta(days=rng.randint(15, 120)),
                registered + timedelta(days=rng.randint(0, 45)),
                date(registered.year, 12, 31) if yearly else REPORT_DATE,
            ))
            if kind == K.UNION_WORK:
                suffix = "QĐ-CĐCS"
            elif recogniser == Recogniser.COUNCIL:
                suffix = "QĐ-HĐSK"
            else:
                suffix = _HEAD_SUFFIX[unit.domain]
            decision_number = f"{self._decision_number(unit.id, decision.year):02d}/{suffix}"

        uploaded = not yearly and status != InitiativeStatus.DRAFT
        uploaded_on = None
        if uploaded:
            uploaded_on = min(registered + timedelta(days=rng.randint(0, 5)),
                              max(REPORT_DATE, registered))

        # Authors: one to three members of the unit; the lead has the highest share.
        r = rng.random()
        people = rng.sample(unit.members, min(1 if r < 0.55 else 2 if r < 0.85 else 3,
                                              len(unit.members)))
        shares = rng.choice(_SHARES[len(people)])
        authors = [AuthorInput(name_, unit.unit[0], share, mid)
                   for (mid, name_, _), share in zip(people, shares, strict=True)]
        authors_folded = " ".join(f"{folded} {unit.unit[1]}" for _, _, folded in people)

        year = registered.year
        number = self.numbers[year]
        self.numbers[year] = number + 1
        seq = self.seq
        self.seq += 1
        iid = self.new_id()
        row = {
            "id": iid,
            "seq": seq,
            "number": f"{self.office}-SK-{year}-{number:05d}",
            "name": name,
            "kind": kind.value,
            "field": field_.value,
            "programme_id": self.programmes[yearly],
            "phase_number": year if yearly else self._phase(day),
            "unit_id": unit.id,
            "registered_on": registered,
            "objective": objective[0],
            "steps": rng.choice(_STEPS),
            "scope": unit.scope,
            "description": description[0],
            "conditions": rng.choice(texts.conditions),
            "first_applied_on": first_applied,
            "trial_only": rng.random() < 0.08,
            "economic_benefit": economic,
            "social_benefit": social_text,
            "recognised_by": recogniser.value if recogniser else None,
            "decision_number": decision_number,
            "decision_date": decision,
            "status": status.value,
            "rejection_reason": _REJECTIONS[reason] if reason else "",
            "new_in_unit": reason not in ("new", "routine"),
            "ip_protected": False,
            "unlawful": False,
            "confidential": rng.random() < 0.05,
            "portal_uploaded": uploaded,
            "portal_uploaded_on": uploaded_on,
            "awards": award,
            "authors_text": authors_text(authors),
            "lead_author": lead_author(authors).full_name,
            "name_folded": name_folded,
            "authors_folded": authors_folded,
            # = fold(" ".join([description, objective, social_benefit])), piece by piece
            "description_folded": f"{description[1]} {objective[1]} {social_folded}".rstrip(),
            "unit_folded": unit.unit_folded,
            **self.common,
        }
        if not self.with_authors:
            return row, []
        return row, [
            {
                "id": self.new_id(),
                "initiative_id": iid,
                "position": position,
                "member_id": a.member_id,
                "full_name": a.full_name,
                "unit_text": a.unit_text,
                "share": a.share,
                **self.common,
            }
            for position, a in enumerate(authors)
        ]

    def _decision_number(self, unit_id: uuid.UUID, year: int) -> int:
        """A unit's decisions of a year are numbered upward, several initiatives per decision."""
        key = (unit_id, year)
        n = self._decision_numbers.get(key) or self.rng.randint(1, 30)
        self._decision_numbers[key] = n + self.rng.randint(0, 3)
        return n


_COVID_EASED = date(2022, 6, 1)
_UNION_CHOICE = _choice(_UNION_TEMPLATES)
_SHARES = {
    1: ((100,),),
    2: ((50, 50), (60, 40), (60, 40), (70, 30), (55, 45)),
    3: ((40, 30, 30), (34, 33, 33), (50, 30, 20), (50, 25, 25), (60, 20, 20)),
}
_NUMBER_SLOTS = {
    "pct": _pieces([str(n) for n in range(5, 41)]),
    "minutes": _pieces([str(n) for n in range(10, 61, 5)]),
}


def _demo_units(session: Session) -> tuple[list[_Unit], list[float]]:
    """The demo's CĐCS that have members, with their weights; raises UserError when there
    are none, or when they already have initiatives."""
    if find_by_code(session, MARKER_CODE) is None:
        raise UserError(
            "Chưa có dữ liệu mẫu của LĐLĐ tỉnh Lai Châu trong cơ sở dữ liệu này; "
            "hãy nạp dữ liệu mẫu (các đơn vị và đoàn viên) trước khi nạp sổ sáng kiến mẫu."
        )
    uppers = {uid: name for uid, name in session.execute(
        select(Unit.id, Unit.name).where(Unit.code.in_([u.code for u in UPPER_UNIONS])))}
    units = session.execute(
        select(Unit.id, Unit.name, Unit.sector, Unit.parent_id)
        .where(Unit.kind == UnitKind.GRASSROOTS, Unit.parent_id.in_(list(uppers)),
               Unit.merged_into_id.is_(None), Unit.deleted_at.is_(None))
        .order_by(Unit.code)
    ).all()
    if not units:
        raise UserError("Không tìm thấy CĐCS nào của dữ liệu mẫu để nạp sổ sáng kiến mẫu.")
    existing = session.scalar(
        select(func.count()).select_from(Initiative).join(Unit, Unit.id == Initiative.unit_id)
        .where(Unit.kind == UnitKind.GRASSROOTS, Unit.parent_id.in_(list(uppers)))
    )
    if existing:
        count = f"{existing:,}".replace(",", ".")
        raise UserError(
            f"Các CĐCS của dữ liệu mẫu đã có {count} sáng kiến (sổ sáng kiến mẫu đã được "
            "nạp); không nạp lại."
        )
    by_unit: dict[uuid.UUID, list[tuple[uuid.UUID, str, str]]] = {u.id: [] for u in units}
    for mid, name, folded, unit_id in session.execute(
        select(Member.id, Member.full_name, Member.name_folded, Member.unit_id)
        .where(Member.unit_id.in_(list(by_unit)), Member.deleted_at.is_(None))
        .order_by(Member.unit_id, Member.id)
    ):
        by_unit[unit_id].append((mid, name, folded))
    demo_units, weights = [], []
    for u in units:
        members = by_unit[u.id]
        if members:
            area = _place(uppers.get(u.parent_id, "")) or "tỉnh Lai Châu"
            demo_units.append(_make_unit(u.id, u.name, u.sector, area, members))
            weights.append(len(members) * _SECTOR_WEIGHT.get(u.sector, 0.8))
    if not demo_units:
        raise UserError(
            "Các CĐCS của dữ liệu mẫu chưa có đoàn viên; không nạp được sổ sáng kiến mẫu."
        )
    return demo_units, weights


def _programme(session: Session, code: str) -> tuple[Programme, dict[int, tuple[date, date]]]:
    programme = session.scalar(select(Programme).where(Programme.code == code))
    if programme is None:
        raise UserError(f"Không tìm thấy chương trình {code} trong cơ sở dữ liệu.")
    phases = {
        number: (starts, ends)
        for number, starts, ends in session.execute(
            select(ProgrammePhase.number, ProgrammePhase.starts_on, ProgrammePhase.ends_on)
            .where(ProgrammePhase.programme_id == programme.id, ProgrammePhase.deleted_at.is_(None))
            .order_by(ProgrammePhase.number)
        )
    }
    return programme, phases


def load_demo_register(
    db: AppDatabase,
    *,
    count: int | None = None,
    yearly: int | None = None,
    seed: int = 2023,
    progress: Progress = None,
    with_authors: bool = True,
) -> int:
    """Add the demo initiative register (one transaction); returns how many initiatives.

    ``count`` initiatives go to the "01 triệu sáng kiến" programme (default 2,412, of which
    1,775 in phase 1 — seed 000; other counts keep that split) and ``yearly`` to "Lao động
    giỏi, lao động sáng tạo" in 2024–2025 (default 300 with the default count, else 0).
    ``with_authors=False`` skips the author rows (the register's author columns are still
    filled), for very large benchmark registers. ``progress(done, total)`` per chunk.

    Raises :class:`UserError` (nothing changed) without the demo units, or when the demo
    units already have initiatives.
    """
    if count is None:
        count = DEFAULT_COUNT
        yearly = DEFAULT_YEARLY if yearly is None else yearly
    yearly = yearly or 0
    if count < 0 or yearly < 0:
        raise ValueError("count and yearly must not be negative")
    phase1 = round(count * DEFAULT_PHASE1 / DEFAULT_COUNT)
    total = count + yearly
    office = db.office_code or OFFICE_CODE
    with db.transaction() as session:
        units, weights = _demo_units(session)
        main, phases = _programme(session, PROGRAMME_CODE)
        movement, _ = _programme(session, YEARLY_CODE)
        if 1 not in phases or 2 not in phases:
            raise UserError(f"Chương trình {PROGRAMME_CODE} thiếu giai đoạn 1 hoặc 2.")
        rng = random.Random(f"{seed}:register-plan")
        picks = rng.choices(units, cum_weights=list(itertools.accumulate(weights)), k=total)
        plan = _plan(rng, picks, count, phase1, yearly, phases)
        numbers = {}
        for year in sorted({date.fromordinal(d).year for d in plan.dates}):
            numbers[year] = int(next_number(session, office, year).rsplit("-", 1)[1])
        gen = _Generator(seed, office, (main.id, movement.id), main.eligible_from or phases[1][0],
                         phases, next_seq(session), numbers, with_authors)
        conn = session.connection()
        with larger_cache(conn, 1024 * 1024), insert_triggers_deferred(conn, gen.seq):
            if progress is not None:
                progress(0, total)
            initiative_table, author_table = Initiative.__table__, InitiativeAuthor.__table__
            for start in range(0, total, CHUNK):
                stop = min(total, start + CHUNK)
                rows, authors = [], []
                for i in range(start, stop):
                    row, author_rows = gen.row(plan, i)
                    rows.append(row)
                    authors += author_rows
                bulk_insert(conn, initiative_table, rows)
                bulk_insert(conn, author_table, authors)
                if progress is not None:
                    progress(stop, total)
    return total
