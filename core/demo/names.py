"""Word lists for the demo data (:mod:`core.demo.org`): people's names and Lai Châu place names.

Family names carry rough weights (share among people of that group). Lai Châu is home to
Kinh, Thái, Mông, Dao and Hà Nhì people among others; the groups below have their own
family names and naming habits (Mông men often have the middle name "A", Dao men "Láo").
Place names are the communes, wards and towns of each district before the 2025 reform.
"""

from __future__ import annotations

# ---- people -------------------------------------------------------------------------

# Family names with rough weights, by ethnic group.
FAMILY_NAMES: dict[str, tuple[tuple[str, float], ...]] = {
    "kinh": (
        ("Nguyễn", 38.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Hoàng", 5.0),
        ("Vũ", 4.0), ("Phan", 3.5), ("Đặng", 2.2), ("Bùi", 2.0), ("Đỗ", 1.5),
        ("Hồ", 1.2), ("Ngô", 1.3), ("Dương", 1.0), ("Đinh", 1.0), ("Đào", 0.9),
        ("Trịnh", 0.9), ("Hà", 0.9), ("Lương", 0.6), ("Mai", 0.5), ("Cao", 0.5),
        ("Lý", 0.4), ("Tạ", 0.4), ("Tô", 0.3), ("Lưu", 0.4), ("Chu", 0.3),
        ("Văn", 0.3), ("Nông", 0.3), ("Kiều", 0.2), ("Quách", 0.2), ("Khúc", 0.1),
    ),
    "thai": (
        ("Lò", 30.0), ("Lường", 15.0), ("Tòng", 10.0), ("Quàng", 8.0), ("Hoàng", 7.0),
        ("Điêu", 6.0), ("Cầm", 5.0), ("Vì", 5.0), ("Lù", 3.0), ("Bạc", 3.0),
        ("Lèo", 2.0), ("Sầm", 2.0), ("Hà", 2.0), ("Lừ", 1.0), ("Mè", 1.0),
    ),
    "hmong": (
        ("Giàng", 20.0), ("Vàng", 18.0), ("Sùng", 15.0), ("Lý", 12.0), ("Thào", 10.0),
        ("Lầu", 6.0), ("Hờ", 5.0), ("Mùa", 5.0), ("Tráng", 4.0), ("Vừ", 3.0),
        ("Cứ", 3.0), ("Hạng", 2.0), ("Chang", 2.0),
    ),
    "dao": (
        ("Tẩn", 30.0), ("Phàn", 20.0), ("Chảo", 20.0), ("Lý", 15.0), ("Đặng", 10.0),
        ("Triệu", 5.0),
    ),
    "hanhi": (
        ("Pờ", 30.0), ("Chu", 25.0), ("Lò", 20.0), ("Phu", 10.0), ("Lỳ", 10.0),
        ("Ly", 5.0),
    ),
}

# Middle names by gender, with weights (Kinh-style, also used by most other groups).
MIDDLE_NAMES: dict[str, tuple[tuple[str, float], ...]] = {
    "male": (
        ("Văn", 45.0), ("Đức", 8.0), ("Minh", 7.0), ("Quang", 6.0), ("Xuân", 5.0),
        ("Hữu", 5.0), ("Mạnh", 3.0), ("Ngọc", 3.0), ("Tiến", 3.0), ("Thanh", 3.0),
        ("Công", 3.0), ("Duy", 2.0), ("Hoàng", 2.0), ("Trung", 2.0), ("Việt", 2.0),
        ("Đình", 3.0), ("Bá", 1.0), ("Kim", 1.0),
    ),
    "female": (
        ("Thị", 50.0), ("Thu", 7.0), ("Thanh", 6.0), ("Ngọc", 5.0), ("Minh", 3.0),
        ("Hồng", 4.0), ("Phương", 3.0), ("Thùy", 3.0), ("Kim", 3.0), ("Hải", 2.0),
        ("Bích", 2.0), ("Thị Thu", 4.0), ("Thị Thanh", 3.0), ("Thị Ngọc", 2.0),
        ("Thị Hồng", 2.0), ("Diệu", 1.0), ("Mai", 1.0),
    ),
}

GIVEN_NAMES: dict[str, tuple[str, ...]] = {
    "male": (
        "An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Chung", "Công", "Dũng", "Duy",
        "Dương", "Đạt", "Định", "Đông", "Đức", "Giang", "Hải", "Hào", "Hiếu", "Hiệp",
        "Hòa", "Hoàng", "Học", "Hùng", "Huy", "Hưng", "Khánh", "Khoa", "Khải", "Kiên",
        "Lâm", "Linh", "Long", "Lợi", "Lực", "Mạnh", "Minh", "Nam", "Nghĩa", "Ngọc",
        "Nhân", "Phong", "Phúc", "Phương", "Quân", "Quang", "Quý", "Quyết", "Sơn", "Tài",
        "Tâm", "Tân", "Thắng", "Thành", "Thanh", "Thịnh", "Thuận", "Tiến", "Toàn", "Trọng",
        "Trung", "Trường", "Tú", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Xuân", "Yên",
    ),
    "female": (
        "An", "Anh", "Ánh", "Bích", "Chi", "Châm", "Dung", "Duyên", "Diệp", "Giang",
        "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Hường", "Huyền",
        "Lan", "Liên", "Liễu", "Linh", "Loan", "Lụa", "Mai", "Minh", "My", "Nga",
        "Ngân", "Ngọc", "Nguyệt", "Nhung", "Oanh", "Phượng", "Phương", "Quyên", "Quỳnh",
        "Sen", "Tâm", "Thảo", "Thắm", "Thanh", "Thơm", "Thu", "Thủy", "Thúy", "Thư",
        "Trang", "Tuyết", "Uyên", "Vân", "Xuân", "Yến",
    ),
}

# Given names of Mông, Dao and Hà Nhì people (many also use the Kinh-style ones above).
ETHNIC_GIVEN_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "hmong": {
        "male": (
            "Páo", "Chứ", "Sử", "Của", "Dế", "Lử", "Sình", "Tủa", "Phử", "Thề", "Chơ",
            "Pó", "Sèo", "Chá", "Dình", "Vảng", "Cở", "Di", "Nhè", "Khua",
        ),
        "female": (
            "Mỷ", "Dợ", "Súa", "Pà", "Dia", "Mảy", "Xúa", "Sông", "Chía", "Dê", "Mai",
            "Ngoan", "Chua",
        ),
    },
    "dao": {
        "male": ("San", "Lở", "Chòi", "Phẩy", "Quẩy", "Siểu", "Tả", "Chiêu", "Kiềm", "Phù"),
        "female": ("Mẩy", "Chiêu", "Lai", "Phin", "Mùi", "Sinh", "Chản", "Nái", "Xuân"),
    },
    "hanhi": {
        "male": ("Xá", "Chà", "Gia", "Phì", "Lừ", "Sạ", "Cà", "Hừ"),
        "female": ("Pa", "Chừ", "Dơ", "Xé", "Nhừ", "Mé", "Sứ"),
    },
}

# Middle names particular to a group, with the share of people of that gender using one.
ETHNIC_MIDDLE_NAMES: dict[str, dict[str, tuple[tuple[str, float], ...]]] = {
    "hmong": {"male": (("A", 65.0), ("Văn", 30.0), ("Seo", 5.0)), "female": (("Thị", 100.0),)},
    "dao": {"male": (("Văn", 55.0), ("Láo", 30.0), ("A", 15.0)), "female": (("Thị", 80.0), ("Xá", 20.0))},
    "hanhi": {"male": (("Văn", 60.0), ("Mờ", 20.0), ("Hừ", 20.0)), "female": (("Thị", 90.0), ("Mé", 10.0))},
}

# Share of people of each group whose given name is a traditional one (else Kinh-style).
ETHNIC_GIVEN_SHARE = {"hmong": 0.55, "dao": 0.45, "hanhi": 0.45}

# Ethnic mix of union members by area (civil servants and teachers are more often Kinh
# than the population at large).
ETHNIC_MIX: dict[str, tuple[tuple[str, float], ...]] = {
    "default": (("kinh", 50.0), ("thai", 25.0), ("hmong", 15.0), ("dao", 7.0), ("hanhi", 3.0)),
    "town": (("kinh", 65.0), ("thai", 18.0), ("hmong", 9.0), ("dao", 6.0), ("hanhi", 2.0)),
    "thai": (("kinh", 42.0), ("thai", 42.0), ("hmong", 11.0), ("dao", 4.0), ("hanhi", 1.0)),
    "highland": (("kinh", 40.0), ("thai", 20.0), ("hmong", 28.0), ("dao", 10.0), ("hanhi", 2.0)),
    "muongte": (("kinh", 40.0), ("thai", 18.0), ("hmong", 20.0), ("dao", 4.0), ("hanhi", 18.0)),
}

# ---- positions ----------------------------------------------------------------------

# Jobs by sector (shown in the "position" column for members who are not union officers).
JOBS: dict[str, tuple[str, ...]] = {
    "education": ("Giáo viên",) * 8 + ("Nhân viên", "Nhân viên", "Tổ trưởng chuyên môn"),
    "health": ("Bác sĩ", "Y sĩ", "Điều dưỡng", "Điều dưỡng", "Hộ sinh", "Dược sĩ", "Kỹ thuật viên"),
    "administration": ("Chuyên viên", "Chuyên viên", "Công chức", "Văn thư", "Cán sự", "Viên chức"),
    "enterprise": ("Công nhân", "Công nhân", "Công nhân", "Kỹ sư", "Lái xe", "Thủ kho", "Nhân viên"),
}
HEADS: dict[str, str] = {
    "education": "Hiệu trưởng",
    "health": "Giám đốc",
    "administration": "Trưởng phòng",
    "enterprise": "Giám đốc",
}

# ---- places -------------------------------------------------------------------------

# Communes, wards and towns of each district (codes as in core.demo.org.UPPER_UNIONS).
COMMUNES: dict[str, tuple[str, ...]] = {
    "PT": (
        "thị trấn Phong Thổ", "xã Bản Lang", "xã Dào San", "xã Hoang Thèn", "xã Huổi Luông",
        "xã Khổng Lào", "xã Ma Ly Pho", "xã Mồ Sì San", "xã Mù Sang", "xã Mường So",
        "xã Nậm Xe", "xã Pa Vây Sử", "xã Sì Lở Lầu", "xã Sin Suối Hồ", "xã Tông Qua Lìn",
        "xã Vàng Ma Chải",
    ),
    "SH": (
        "thị trấn Sìn Hồ", "xã Căn Co", "xã Chăn Nưa", "xã Hồng Thu", "xã Làng Mô",
        "xã Lùng Thàng", "xã Ma Quai", "xã Nậm Cha", "xã Nậm Cuổi", "xã Nậm Hăn",
        "xã Nậm Mạ", "xã Nậm Tăm", "xã Noong Hẻo", "xã Pa Khóa", "xã Pa Tần",
        "xã Phăng Sô Lin", "xã Phìn Hồ", "xã Pu Sam Cáp", "xã Sà Dề Phìn", "xã Tả Ngảo",
        "xã Tả Phìn", "xã Tủa Sín Chải",
    ),
    "TU": (
        "thị trấn Than Uyên", "xã Hua Nà", "xã Khoen On", "xã Mường Cang", "xã Mường Kim",
        "xã Mường Mít", "xã Mường Than", "xã Pha Mu", "xã Phúc Than", "xã Ta Gia",
        "xã Tà Hừa", "xã Tà Mung",
    ),
    "TP": (
        "phường Đoàn Kết", "phường Đông Phong", "phường Quyết Thắng", "phường Quyết Tiến",
        "phường Tân Phong", "xã San Thàng", "xã Sùng Phài",
    ),
    "TD": (
        "thị trấn Tam Đường", "xã Bản Bo", "xã Bản Giang", "xã Bản Hon", "xã Bình Lư",
        "xã Giang Ma", "xã Hồ Thầu", "xã Khun Há", "xã Nà Tăm", "xã Nùng Nàng",
        "xã Sơn Bình", "xã Tả Lèng", "xã Thèn Sin",
    ),
    "TN": (
        "thị trấn Tân Uyên", "xã Hố Mít", "xã Mường Khoa", "xã Nậm Cần", "xã Nậm Sỏ",
        "xã Pắc Ta", "xã Phúc Khoa", "xã Tà Mít", "xã Thân Thuộc", "xã Trung Đồng",
    ),
    "MT": (
        "thị trấn Mường Tè", "xã Bum Nưa", "xã Bum Tở", "xã Ka Lăng", "xã Kan Hồ",
        "xã Mù Cả", "xã Mường Tè", "xã Nậm Khao", "xã Pa Ủ", "xã Pa Vệ Sử", "xã Tà Tổng",
        "xã Thu Lũm", "xã Tá Bạ", "xã Vàng San",
    ),
    "NN": (
        "thị trấn Nậm Nhùn", "xã Hua Bum", "xã Lê Lợi", "xã Mường Mô", "xã Nậm Ban",
        "xã Nậm Chà", "xã Nậm Hàng", "xã Nậm Manh", "xã Nậm Pì", "xã Pú Đao", "xã Trung Chải",
    ),
}

# Hydropower plants and other enterprises of each district.
DISTRICT_ENTERPRISES: dict[str, tuple[str, ...]] = {
    "PT": (
        "Công ty Cổ phần Thủy điện Nậm Na 2", "Công ty TNHH Thủy điện Nậm Na 3",
        "Công ty Cổ phần Thủy điện Nậm Xe", "Công ty TNHH Khai thác khoáng sản Đông Pao",
    ),
    "SH": (
        "Công ty Cổ phần Thủy điện Nậm Củm", "Công ty TNHH Thủy điện Nậm Tăm",
        "Công ty TNHH Thủy điện Pa Tần",
    ),
    "TU": (
        "Công ty Cổ phần Chè Than Uyên", "Công ty TNHH Thủy điện Mường Kim",
        "Công ty Cổ phần Thủy điện Nậm Mu", "Công ty TNHH Thủy điện Tà Hừa",
    ),
    "TP": (
        "Công ty Cổ phần Cấp nước Lai Châu", "Công ty Cổ phần Môi trường và Công trình đô thị Lai Châu",
        "Công ty TNHH MTV Xổ số kiến thiết Lai Châu", "Công ty Cổ phần Quản lý và Xây dựng đường bộ Lai Châu",
        "Bưu điện tỉnh Lai Châu", "Viễn thông Lai Châu", "Công ty Điện lực Lai Châu",
        "Công ty Cổ phần Sách và Thiết bị trường học Lai Châu", "Công ty Cổ phần Bến xe Lai Châu",
        "Công ty Cổ phần Tư vấn xây dựng Lai Châu", "Công ty TNHH MTV Kinh doanh nước sạch Lai Châu",
        "Chi nhánh Ngân hàng Nông nghiệp và Phát triển nông thôn tỉnh Lai Châu",
        "Chi nhánh Ngân hàng TMCP Đầu tư và Phát triển Lai Châu",
        "Chi nhánh Ngân hàng TMCP Công Thương Lai Châu", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh Lai Châu",
        "Khách sạn Mường Thanh Lai Châu",
    ),
    "TD": (
        "Công ty Cổ phần Chè Tam Đường", "Công ty TNHH Thủy điện Sơn Bình",
        "Công ty Cổ phần Thủy điện Nậm Sì Lường",
    ),
    "TN": (
        "Công ty Cổ phần Chè Tân Uyên", "Công ty TNHH Chè Thân Thuộc",
        "Công ty Thủy điện Huội Quảng - Bản Chát", "Hợp tác xã Chè Phúc Khoa",
    ),
    "MT": (
        "Công ty Cổ phần Thủy điện Pắc Ma", "Công ty TNHH Thủy điện Nậm Củm 4",
        "Công ty TNHH Thủy điện Nậm Xí Lùng",
    ),
    "NN": (
        "Công ty Thủy điện Lai Châu", "Công ty TNHH Thủy điện Nậm Ngà",
        "Công ty Cổ phần Thủy điện Nậm Cuổi",
    ),
}

# Building blocks for generic company names ("Công ty TNHH Xây dựng Tiến Thành").
COMPANY_FORMS = ("Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV")
COMPANY_TRADES = (
    "Xây dựng", "Vận tải", "Thương mại và Dịch vụ", "Tư vấn xây dựng", "Vật liệu xây dựng",
    "Khai thác đá", "Nông lâm nghiệp", "Cơ khí", "Du lịch", "Đầu tư và Xây dựng",
)
COMPANY_BRANDS = (
    "Tiến Thành", "Hoàng Sơn", "Tuấn Hưng", "Phú Thịnh", "Minh Đức", "Hồng Hà", "Tây Bắc",
    "Sông Đà", "Thành Nam", "Bình Minh", "Trường Sơn", "Hưng Phát", "An Khang", "Quang Vinh",
    "Việt Hùng", "Hoàng Liên", "Phan Xi Păng", "Sơn Hà", "Đức Thịnh", "Bảo Long",
    "Thành Đạt", "Hải Long", "Phúc An", "Tân Phát", "Đại Dương", "Hòa Bình", "Thịnh Vượng",
    "Nam Việt", "Kim Long", "Toàn Thắng", "Hà Thành", "Ngọc Sơn", "Trường Thịnh", "Vĩnh Phát",
    "Sao Mai", "Đông Bắc", "Thái Sơn", "Lâm Phát", "Hưng Thịnh", "Phát Đạt", "Mường Thanh",
    "Nam Sơn",
)

# City schools with their own names (Thành phố Lai Châu).
CITY_SCHOOLS: tuple[tuple[str, str], ...] = (
    ("Trường Mầm non Hoa Ban", "education"), ("Trường Mầm non Hoa Hồng", "education"),
    ("Trường Mầm non Hoa Mai", "education"), ("Trường Mầm non Hoa Sen", "education"),
    ("Trường Tiểu học Kim Đồng", "education"), ("Trường Tiểu học Lê Văn Tám", "education"),
    ("Trường Tiểu học Nguyễn Trãi", "education"), ("Trường THCS Lê Quý Đôn", "education"),
    ("Trường THCS Chu Văn An", "education"), ("Trường THCS Nguyễn Du", "education"),
)

# Provincial departments and bodies (Công đoàn Viên chức tỉnh); the first ones always appear.
PROVINCIAL_BODIES: tuple[tuple[str, str], ...] = (
    ("Sở Tài chính", "administration"), ("Sở Kế hoạch và Đầu tư", "administration"),
    ("Sở Nội vụ", "administration"), ("Sở Tư pháp", "administration"),
    ("Sở Công Thương", "administration"), ("Sở Xây dựng", "administration"),
    ("Sở Giao thông vận tải", "administration"), ("Sở Tài nguyên và Môi trường", "administration"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "administration"),
    ("Sở Khoa học và Công nghệ", "administration"), ("Sở Thông tin và Truyền thông", "administration"),
    ("Sở Văn hóa, Thể thao và Du lịch", "administration"),
    ("Sở Lao động - Thương binh và Xã hội", "administration"), ("Sở Ngoại vụ", "administration"),
    ("Thanh tra tỉnh", "administration"), ("Văn phòng UBND tỉnh", "administration"),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "administration"), ("Ban Dân tộc tỉnh", "administration"),
    ("Văn phòng Tỉnh ủy", "administration"), ("Ban Tổ chức Tỉnh ủy", "administration"),
    ("Ban Tuyên giáo Tỉnh ủy", "administration"), ("Ban Dân vận Tỉnh ủy", "administration"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "administration"), ("Trường Chính trị tỉnh", "administration"),
    ("Báo Lai Châu", "administration"), ("Đài Phát thanh và Truyền hình tỉnh", "administration"),
    ("Cơ quan Ủy ban MTTQ Việt Nam tỉnh", "administration"), ("Cơ quan LĐLĐ tỉnh", "administration"),
    ("Tỉnh Đoàn Lai Châu", "administration"), ("Hội Liên hiệp Phụ nữ tỉnh", "administration"),
    ("Hội Nông dân tỉnh", "administration"), ("Hội Cựu chiến binh tỉnh", "administration"),
    ("Liên minh Hợp tác xã tỉnh", "administration"), ("Tòa án nhân dân tỉnh", "administration"),
    ("Viện Kiểm sát nhân dân tỉnh", "administration"),
    ("Cục Thi hành án dân sự tỉnh", "administration"),
    ("Ban Quản lý Khu kinh tế tỉnh", "administration"),
    ("Trường Cao đẳng Cộng đồng Lai Châu", "education"),
    ("Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh", "administration"),
    ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh", "administration"),
    ("Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh", "administration"),
    ("Chi cục Kiểm lâm tỉnh", "administration"), ("Chi cục Thủy lợi", "administration"),
    ("Chi cục Chăn nuôi và Thú y", "administration"),
    ("Chi cục Trồng trọt và Bảo vệ thực vật", "administration"),
    ("Trung tâm Khuyến nông tỉnh", "administration"), ("Trung tâm Dịch vụ việc làm tỉnh", "administration"),
    ("Trung tâm Công nghệ thông tin và Truyền thông tỉnh", "administration"),
    ("Trung tâm Phát triển quỹ đất tỉnh", "administration"),
    ("Văn phòng Đăng ký đất đai tỉnh", "administration"),
    ("Quỹ Bảo vệ và Phát triển rừng tỉnh", "administration"),
    ("Trung tâm Văn hóa - Điện ảnh tỉnh", "administration"), ("Thư viện tỉnh", "administration"),
    ("Bảo tàng tỉnh", "administration"),
    ("Trung tâm Huấn luyện và Thi đấu thể dục thể thao tỉnh", "administration"),
    ("Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh", "administration"),
    ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh", "administration"),
    ("Trung tâm Kiểm định chất lượng công trình xây dựng", "administration"),
    ("Trung tâm Quan trắc tài nguyên và môi trường", "administration"),
    ("Quỹ Đầu tư phát triển tỉnh", "administration"), ("Trung tâm Bảo trợ xã hội tỉnh", "administration"),
    ("Hội Chữ thập đỏ tỉnh", "administration"), ("Hội Văn học nghệ thuật tỉnh", "administration"),
    ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "administration"),
)

# Công đoàn ngành Y tế: hospitals and health centres; the first ones always appear.
HEALTH_BODIES: tuple[tuple[str, str], ...] = (
    ("Bệnh viện Đa khoa tỉnh", "health"), ("Cơ quan Sở Y tế", "health"),
    ("Trung tâm Kiểm soát bệnh tật tỉnh", "health"),
    ("Trung tâm Y tế huyện Phong Thổ", "health"), ("Trung tâm Y tế huyện Sìn Hồ", "health"),
    ("Trung tâm Y tế huyện Than Uyên", "health"), ("Trung tâm Y tế thành phố Lai Châu", "health"),
    ("Trung tâm Y tế huyện Tam Đường", "health"), ("Trung tâm Y tế huyện Tân Uyên", "health"),
    ("Trung tâm Y tế huyện Mường Tè", "health"), ("Trung tâm Y tế huyện Nậm Nhùn", "health"),
    ("Bệnh viện Y dược cổ truyền tỉnh", "health"), ("Bệnh viện Sản - Nhi tỉnh", "health"),
    ("Bệnh viện Phổi tỉnh", "health"),
    ("Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm tỉnh", "health"),
    ("Trung tâm Giám định y khoa - Pháp y tỉnh", "health"),
    ("Chi cục Dân số - Kế hoạch hóa gia đình tỉnh", "health"),
    ("Chi cục An toàn vệ sinh thực phẩm tỉnh", "health"),
    ("Bệnh viện Đa khoa khu vực Than Uyên", "health"),
    ("Công ty Cổ phần Dược - Vật tư y tế Lai Châu", "enterprise"),
    ("Phòng khám Đa khoa khu vực Pa Tần", "health"), ("Phòng khám Đa khoa khu vực Mường So", "health"),
)

# Công đoàn ngành Giáo dục: upper-secondary and boarding schools; the first ones always appear.
EDUCATION_BODIES: tuple[tuple[str, str], ...] = (
    ("Cơ quan Sở Giáo dục và Đào tạo", "education"), ("Trường THPT Chuyên Lê Quý Đôn", "education"),
    ("Trường PTDTNT tỉnh", "education"), ("Trường THPT Thành phố Lai Châu", "education"),
    ("Trường THPT Quyết Thắng", "education"), ("Trường THPT Phong Thổ", "education"),
    ("Trường THPT Mường So", "education"), ("Trường THPT Dào San", "education"),
    ("Trường THPT Sìn Hồ", "education"), ("Trường THPT Nậm Tăm", "education"),
    ("Trường THPT Than Uyên", "education"), ("Trường THPT Mường Kim", "education"),
    ("Trường THPT Tam Đường", "education"), ("Trường THPT Bình Lư", "education"),
    ("Trường THPT Tân Uyên", "education"), ("Trường THPT Trung Đồng", "education"),
    ("Trường THPT Mường Tè", "education"), ("Trường THPT Nậm Nhùn", "education"),
    ("Trường PTDTNT THCS và THPT huyện Phong Thổ", "education"),
    ("Trường PTDTNT THCS và THPT huyện Sìn Hồ", "education"),
    ("Trường PTDTNT THCS và THPT huyện Than Uyên", "education"),
    ("Trường PTDTNT THCS và THPT huyện Tân Uyên", "education"),
    ("Trường PTDTNT THCS và THPT huyện Mường Tè", "education"),
    ("Trường PTDTNT THCS và THPT huyện Nậm Nhùn", "education"),
    ("Trường PTDTNT THCS và THPT huyện Tam Đường", "education"),
    ("Trung tâm Giáo dục thường xuyên tỉnh", "education"), ("Trường THPT Bum Tở", "education"),
)
