<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Trade Union Register</source>
        <translation>Sổ Công đoàn</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>The file could not be read or written: {0}</source>
        <translation>Không đọc hoặc ghi được tệp: {0}</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {0}</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến: {0}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up this office</source>
        <translation>Thiết lập đơn vị sử dụng</translation>
    </message>
    <message>
        <source>This database has not been set up yet. Enter the identity of your office: it appears on every document, and its code is part of every number the office issues. The unit code and level cannot be changed later.</source>
        <translation>Cơ sở dữ liệu này chưa được thiết lập. Hãy nhập thông tin về đơn vị của bạn: thông tin này xuất hiện trên mọi văn bản, và mã đơn vị có mặt trong mọi số hiệu do đơn vị cấp. Mã đơn vị và cấp không thể thay đổi về sau.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of {0}</source>
        <translation>Lịch sử của {0}</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Thành lập</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Chuyển trực thuộc</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Sáp nhập</translation>
    </message>
    <message>
        <source>Took over</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Unit {0} — {1}</source>
        <translation>Đơn vị {0} — {1}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import preview — {0}</source>
        <translation>Xem trước khi nhập — {0}</translation>
    </message>
    <message>
        <source>Checked {what} in “{file}”. Nothing has been saved yet.
• Ready to import: {accepted}
• Skipped (already present or empty): {skipped}
• Rejected: {rejected}</source>
        <translation>Đã kiểm tra {what} trong tệp “{file}”. Chưa có gì được lưu.
• Sẵn sàng nhập: {accepted}
• Bỏ qua (đã có hoặc dòng trống): {skipped}
• Bị từ chối: {rejected}</translation>
    </message>
    <message>
        <source>Rejected rows (fix them in the workbook and import it again):</source>
        <translation>Các dòng bị từ chối (hãy sửa trong bảng tính rồi nhập lại):</translation>
    </message>
    <message>
        <source>No row was rejected.</source>
        <translation>Không có dòng nào bị từ chối.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Lưu báo cáo…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Save import report</source>
        <translation>Lưu báo cáo nhập dữ liệu</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Import report: {0}</source>
        <translation>Báo cáo nhập dữ liệu: {0}</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Đang ghi báo cáo…</translation>
    </message>
    <message>
        <source>The report was saved to {0}.</source>
        <translation>Đã lưu báo cáo vào {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Initiatives</source>
        <translation>Sáng kiến</translation>
    </message>
    <message>
        <source>Targets &amp; reports</source>
        <translation>Chỉ tiêu &amp; báo cáo</translation>
    </message>
    <message>
        <source>Mutual-aid fund</source>
        <translation>Quỹ tương hỗ</translation>
    </message>
    <message>
        <source>Commendations</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>The initiative register: programmes and their phases, authors and their shares, eligibility checks with reasons, recognition decisions.</source>
        <translation>Sổ theo dõi sáng kiến: chương trình và các giai đoạn, tác giả và tỷ lệ đóng góp, kiểm tra điều kiện kèm lý do, quyết định công nhận.</translation>
    </message>
    <message>
        <source>Targets per unit and phase or year: achieved, percentage and shortfall, and the reports sent to the level above.</source>
        <translation>Chỉ tiêu theo đơn vị và giai đoạn hoặc năm: số đạt được, tỷ lệ phần trăm, số còn thiếu, cùng các báo cáo gửi cấp trên.</translation>
    </message>
    <message>
        <source>The mutual-aid fund ledger: contributions, loans, repayments, arrears and the fund balance, with amounts in figures and in words.</source>
        <translation>Sổ Quỹ tương hỗ: đóng góp, cho vay, thu hồi nợ, nợ quá hạn và số dư quỹ, số tiền ghi bằng số và bằng chữ.</translation>
    </message>
    <message>
        <source>Commendation files: submission letters, decisions and certificates printed onto pre-printed stock.</source>
        <translation>Hồ sơ khen thưởng: tờ trình, quyết định và giấy khen in lên phôi có sẵn.</translation>
    </message>
    <message>
        <source>Sync packages exchanged with the province by USB stick, e-mail or chat app.</source>
        <translation>Gói đồng bộ trao đổi với LĐLĐ tỉnh qua USB, thư điện tử hoặc ứng dụng nhắn tin.</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Cơ sở dữ liệu: {0}</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Đang mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>(office not set up)</source>
        <translation>(chưa thiết lập đơn vị)</translation>
    </message>
    <message>
        <source>Code {0}</source>
        <translation>Mã {0}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Đ&amp;i tới</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>Trade Union Register: offline registers for trade-union offices.
Database: {0}</source>
        <translation>Sổ Công đoàn: sổ sách của cơ quan công đoàn, dùng được khi không có mạng.
Cơ sở dữ liệu: {0}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit member</source>
        <translation>Sửa thông tin đoàn viên</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Thêm đoàn viên</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(chưa ghi)</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;Giới tính:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Ngày &amp;sinh:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>&amp;Chức vụ:</translation>
    </message>
    <message>
        <source>&amp;Member since:</source>
        <translation>Ngày vào công đ&amp;oàn:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Enter the member&apos;s full name.</source>
        <translation>Hãy nhập họ và tên đoàn viên.</translation>
    </message>
    <message>
        <source>Date of birth: write the date as dd/mm/yyyy, e.g. 06/03/1985.</source>
        <translation>Ngày sinh: hãy ghi theo dạng ngày/tháng/năm, ví dụ 06/03/1985.</translation>
    </message>
    <message>
        <source>Member since: write the date as dd/mm/yyyy, e.g. 01/05/2010.</source>
        <translation>Ngày vào công đoàn: hãy ghi theo dạng ngày/tháng/năm, ví dụ 01/05/2010.</translation>
    </message>
    <message>
        <source>Choose the member&apos;s unit from the list.</source>
        <translation>Hãy chọn đơn vị của đoàn viên trong danh sách.</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>Ngày vào CĐ</translation>
    </message>
    <message>
        <source>Sorted by given name, then family and middle names</source>
        <translation>Sắp xếp theo tên, rồi đến họ và tên đệm</translation>
    </message>
    <message>
        <source>Date of joining the trade union</source>
        <translation>Ngày vào công đoàn</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge unit</source>
        <translation>Sáp nhập đơn vị</translation>
    </message>
    <message>
        <source>Merge “{0}” ({1}) into:</source>
        <translation>Sáp nhập “{0}” ({1}) vào:</translation>
    </message>
    <message>
        <source>&amp;Target unit:</source>
        <translation>Đơn vị &amp;tiếp nhận:</translation>
    </message>
    <message>
        <source>&amp;Date of merger:</source>
        <translation>&amp;Ngày sáp nhập:</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Sáp nhập…</translation>
    </message>
    <message>
        <source>There is no other active unit of the same level to merge into.</source>
        <translation>Không có đơn vị cùng cấp nào khác đang hoạt động để sáp nhập vào.</translation>
    </message>
    <message>
        <source>From {date}, “{source}” ({source_code}) is merged into “{target}” ({target_code}).
• {members} members and {units} sub-units move to “{target}”.
• “{source}” keeps its code {source_code} and its history, marked as merged; it no longer takes new members or units.
This cannot be undone.</source>
        <translation>Từ ngày {date}, “{source}” ({source_code}) sáp nhập vào “{target}” ({target_code}).
• {members} đoàn viên và {units} đơn vị trực thuộc chuyển sang “{target}”.
• “{source}” giữ nguyên mã {source_code} và lịch sử, được đánh dấu là đã sáp nhập; không nhận thêm đoàn viên hay đơn vị mới.
Thao tác này không thể hoàn tác.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Sáp nhập</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Ẩn thông báo này</translation>
    </message>
</context>
<context>
    <name>OfficeForm</name>
    <message>
        <source>e.g. {0}</source>
        <translation>VD: {0}</translation>
    </message>
    <message>
        <source>A short code for your office. It is part of every number the office issues and cannot be changed later.</source>
        <translation>Mã ngắn của đơn vị bạn. Mã có mặt trong mọi số hiệu do đơn vị cấp và không thể thay đổi về sau.</translation>
    </message>
    <message>
        <source>Written before the date on documents: “Vĩnh Linh, ngày 06 tháng 3 năm 2023”.</source>
        <translation>Ghi trước ngày tháng trên văn bản: “Vĩnh Linh, ngày 06 tháng 3 năm 2023”.</translation>
    </message>
    <message>
        <source>Written after the document kind in numbers such as “Số: 08/HD-LĐLĐ”.</source>
        <translation>Ghi sau loại văn bản trong số hiệu, ví dụ “Số: 08/HD-LĐLĐ”.</translation>
    </message>
    <message>
        <source>Unit &amp;code:</source>
        <translation>&amp;Mã đơn vị:</translation>
    </message>
    <message>
        <source>Unit &amp;name:</source>
        <translation>&amp;Tên đơn vị:</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Cấp:</translation>
    </message>
    <message>
        <source>&amp;Parent unit code:</source>
        <translation>Mã đơn vị cấp t&amp;rên:</translation>
    </message>
    <message>
        <source>Pa&amp;rent unit name:</source>
        <translation>Tê&amp;n đơn vị cấp trên:</translation>
    </message>
    <message>
        <source>Place name on the &amp;date line:</source>
        <translation>Địa &amp;danh ghi ngày tháng:</translation>
    </message>
    <message>
        <source>Document &amp;symbol:</source>
        <translation>&amp;Ký hiệu văn bản:</translation>
    </message>
    <message>
        <source>Signature &amp;wording:</source>
        <translation>Thẩm &amp;quyền ký:</translation>
    </message>
    <message>
        <source>Chair&apos;s &amp;title:</source>
        <translation>Chức &amp;vụ người ký:</translation>
    </message>
    <message>
        <source>C&amp;hair&apos;s name:</source>
        <translation>&amp;Họ tên người ký:</translation>
    </message>
    <message>
        <source>Enter the unit code.</source>
        <translation>Hãy nhập mã đơn vị.</translation>
    </message>
    <message>
        <source>The unit code may contain only letters A–Z, digits, “-” and “_” (no spaces, no accents).</source>
        <translation>Mã đơn vị chỉ gồm chữ cái A–Z, chữ số, “-” và “_” (không có dấu cách, không có dấu tiếng Việt).</translation>
    </message>
    <message>
        <source>Enter the unit name.</source>
        <translation>Hãy nhập tên đơn vị.</translation>
    </message>
    <message>
        <source>Enter the code of the parent unit (the level above yours).</source>
        <translation>Hãy nhập mã đơn vị cấp trên (cấp trên trực tiếp của đơn vị bạn).</translation>
    </message>
    <message>
        <source>The parent unit code may contain only letters A–Z, digits, “-” and “_”.</source>
        <translation>Mã đơn vị cấp trên chỉ gồm chữ cái A–Z, chữ số, “-” và “_”.</translation>
    </message>
    <message>
        <source>The parent unit code must differ from your own code.</source>
        <translation>Mã đơn vị cấp trên phải khác mã của đơn vị bạn.</translation>
    </message>
    <message>
        <source>Enter the name of the parent unit.</source>
        <translation>Hãy nhập tên đơn vị cấp trên.</translation>
    </message>
    <message>
        <source>Enter the place name for the date line of documents.</source>
        <translation>Hãy nhập địa danh ghi ngày tháng trên văn bản.</translation>
    </message>
    <message>
        <source>Enter the document symbol (e.g. LĐLĐ).</source>
        <translation>Hãy nhập ký hiệu văn bản (VD: LĐLĐ).</translation>
    </message>
    <message>
        <source>Enter the signature wording and the chair&apos;s title.</source>
        <translation>Hãy nhập thẩm quyền ký và chức vụ người ký.</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Find a unit (Ctrl+Shift+F)</source>
        <translation>Tìm đơn vị (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Show &amp;merged units</source>
        <translation>Hiện cả đơn vị đã &amp;sáp nhập</translation>
    </message>
    <message>
        <source>Search members by name, with or without tone marks (Ctrl+F)</source>
        <translation>Tìm đoàn viên theo tên, gõ có dấu hay không dấu đều được (Ctrl+F)</translation>
    </message>
    <message>
        <source>New unit…</source>
        <translation>Thêm đơn vị…</translation>
    </message>
    <message>
        <source>Edit unit…</source>
        <translation>Sửa đơn vị…</translation>
    </message>
    <message>
        <source>Merge unit…</source>
        <translation>Sáp nhập đơn vị…</translation>
    </message>
    <message>
        <source>Unit history</source>
        <translation>Lịch sử đơn vị</translation>
    </message>
    <message>
        <source>New member…</source>
        <translation>Thêm đoàn viên…</translation>
    </message>
    <message>
        <source>Edit member…</source>
        <translation>Sửa đoàn viên…</translation>
    </message>
    <message>
        <source>Delete member</source>
        <translation>Xóa đoàn viên</translation>
    </message>
    <message>
        <source>Import units…</source>
        <translation>Nhập đơn vị…</translation>
    </message>
    <message>
        <source>Import members…</source>
        <translation>Nhập đoàn viên…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Find member</source>
        <translation>Tìm đoàn viên</translation>
    </message>
    <message>
        <source>Find unit</source>
        <translation>Tìm đơn vị</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Import from a workbook</source>
        <translation>Nhập từ bảng tính</translation>
    </message>
    <message>
        <source>Unit created.</source>
        <translation>Đã thêm đơn vị.</translation>
    </message>
    <message>
        <source>Unit saved.</source>
        <translation>Đã lưu đơn vị.</translation>
    </message>
    <message>
        <source>{0} was merged; {1} members moved.</source>
        <translation>Đã sáp nhập {0}; {1} đoàn viên đã được chuyển sang đơn vị tiếp nhận.</translation>
    </message>
    <message>
        <source>Members of {0}</source>
        <translation>Đoàn viên của {0}</translation>
    </message>
    <message>
        <source>Members of {0} and its sub-units</source>
        <translation>Đoàn viên của {0} và các đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>Members of all units</source>
        <translation>Đoàn viên của tất cả các đơn vị</translation>
    </message>
    <message>
        <source>{0} members match “{1}”</source>
        <translation>{0} đoàn viên khớp với “{1}”</translation>
    </message>
    <message>
        <source>{0} members</source>
        <translation>{0} đoàn viên</translation>
    </message>
    <message>
        <source>Member added.</source>
        <translation>Đã thêm đoàn viên.</translation>
    </message>
    <message>
        <source>Member saved.</source>
        <translation>Đã lưu thông tin đoàn viên.</translation>
    </message>
    <message>
        <source>Deleted member {0}.</source>
        <translation>Đã xóa đoàn viên {0}.</translation>
    </message>
    <message>
        <source>Deleted {0} members.</source>
        <translation>Đã xóa {0} đoàn viên.</translation>
    </message>
    <message>
        <source>Restored {0} members.</source>
        <translation>Đã khôi phục {0} đoàn viên.</translation>
    </message>
    <message>
        <source>units</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>members</source>
        <translation>đoàn viên</translation>
    </message>
    <message>
        <source>Import units from a workbook</source>
        <translation>Nhập đơn vị từ bảng tính</translation>
    </message>
    <message>
        <source>Import members from a workbook</source>
        <translation>Nhập đoàn viên từ bảng tính</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx *.xls *.ods)</source>
        <translation>Bảng tính (*.xlsx *.xls *.ods)</translation>
    </message>
    <message>
        <source>Importing from workbooks is not available in this version.</source>
        <translation>Phiên bản này chưa có chức năng nhập từ bảng tính.</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>Đang kiểm tra {0}…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was saved.</source>
        <translation>Đã hủy nhập dữ liệu; không có gì được lưu.</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>Đang nhập {0}…</translation>
    </message>
    <message>
        <source>Imported {0} {1}; {2} skipped, {3} rejected.</source>
        <translation>Đã nhập {0} {1}; bỏ qua {2} dòng, từ chối {3} dòng.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This module is coming in a later version. Until then, the Organisation page keeps your units and members, and the Settings page your office&apos;s details.</source>
        <translation>Phân hệ này sẽ có trong phiên bản sau. Trong lúc chờ, trang Tổ chức quản lý đơn vị và đoàn viên, trang Cài đặt lưu thông tin của đơn vị bạn.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Please wait</source>
        <translation>Vui lòng chờ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be saved.</source>
        <translation>Đang hủy… sẽ không có gì được lưu.</translation>
    </message>
</context>
<context>
    <name>RejectedRowsModel</name>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Data in the row</source>
        <translation>Dữ liệu trên dòng</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Office details</source>
        <translation>Thông tin đơn vị</translation>
    </message>
    <message>
        <source>These details are printed on documents and certificates. The unit code was fixed when the office was set up and cannot be changed.</source>
        <translation>Các thông tin này được in trên văn bản và giấy khen. Mã đơn vị đã cố định khi thiết lập và không thể thay đổi.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Database file: {0}</source>
        <translation>Tệp cơ sở dữ liệu: {0}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Edit unit</source>
        <translation>Sửa đơn vị</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>Thêm đơn vị</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(chưa ghi)</translation>
    </message>
    <message>
        <source>Record the number of members for year</source>
        <translation>Ghi số đoàn viên của năm</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Số đoàn viên:</translation>
    </message>
    <message>
        <source>of whom women:</source>
        <translation>trong đó nữ:</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Mã:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Cấp:</translation>
    </message>
    <message>
        <source>&amp;Parent unit:</source>
        <translation>Đơn vị cấp t&amp;rên:</translation>
    </message>
    <message>
        <source>&amp;Sector:</source>
        <translation>&amp;Khối ngành:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>A unit&apos;s code never changes.</source>
        <translation>Mã đơn vị không bao giờ thay đổi.</translation>
    </message>
    <message>
        <source>(none: top level)</source>
        <translation>(không có: cấp cao nhất)</translation>
    </message>
    <message>
        <source>Enter the unit code.</source>
        <translation>Hãy nhập mã đơn vị.</translation>
    </message>
    <message>
        <source>Enter the unit name.</source>
        <translation>Hãy nhập tên đơn vị.</translation>
    </message>
    <message>
        <source>Choose the parent unit.</source>
        <translation>Hãy chọn đơn vị cấp trên.</translation>
    </message>
    <message>
        <source>The number of women cannot exceed the number of members.</source>
        <translation>Số đoàn viên nữ không được lớn hơn tổng số đoàn viên.</translation>
    </message>
</context>
<context>
    <name>UnitTreeModel</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source> (merged)</source>
        <translation> (đã sáp nhập)</translation>
    </message>
</context>
</TS>
