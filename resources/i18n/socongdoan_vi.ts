<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>AcceptedRowsModel</name>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Data in the row</source>
        <translation>Dữ liệu trên dòng</translation>
    </message>
</context>
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
    <message>
        <source>The database {0} is damaged; the file was not changed.

You can bring back one of its backups (the newest was taken {1}). The damaged file is kept first as a backup of kind “before a restore”.</source>
        <translation>Tệp cơ sở dữ liệu {0} bị hỏng; tệp không bị thay đổi.

Có thể khôi phục một bản sao lưu của nó (bản mới nhất được lưu lúc {1}). Tệp hỏng được giữ lại trước, thành một bản sao lưu loại “trước khi khôi phục”.</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>The database {0} is damaged and has no backup.

“Rescue the data” copies what can still be read from it into a new file beside it (named with “-cuu-” and today&apos;s date) and opens that copy. The damaged file itself is never changed: it stays as it is, for a specialist to look at.

The rescue may miss what was entered last; check the rescued data before working on.</source>
        <translation>Tệp cơ sở dữ liệu {0} bị hỏng và chưa có bản sao lưu nào.

“Cứu dữ liệu” chép phần dữ liệu còn đọc được sang một tệp mới bên cạnh (tên có “-cuu-” và ngày hôm nay) rồi mở tệp đó. Tệp hỏng không bao giờ bị thay đổi: nó được giữ nguyên để người có chuyên môn xem lại.

Có thể thiếu những gì nhập gần nhất; hãy kiểm tra dữ liệu đã cứu trước khi làm tiếp.</translation>
    </message>
    <message>
        <source>&amp;Rescue the data</source>
        <translation>&amp;Cứu dữ liệu</translation>
    </message>
    <message>
        <source>The readable data of {0} was rescued into {1} ({2} rows); the damaged file was not changed. The rescued copy opens now.</source>
        <translation>Đã cứu phần dữ liệu còn đọc được của {0} sang {1} ({2} dòng); tệp hỏng không bị thay đổi. Bây giờ chương trình mở bản đã cứu.</translation>
    </message>
    <message>
        <source>The rescued copy still has faults ({0}); check it carefully.</source>
        <translation>Bản đã cứu vẫn còn lỗi ({0}); hãy kiểm tra kỹ.</translation>
    </message>
    <message>
        <source>The database is already open</source>
        <translation>Cơ sở dữ liệu đang được mở</translation>
    </message>
    <message>
        <source>Nothing recognisable as this program&apos;s data could be rescued into {0}; the damaged file {1} was not changed.</source>
        <translation>Không cứu được dữ liệu nào nhận ra được là của Sổ Công đoàn vào {0}; tệp hỏng {1} không bị thay đổi.</translation>
    </message>
    <message>
        <source>Rescue the data</source>
        <translation>Cứu dữ liệu</translation>
    </message>
    <message>
        <source>Rescuing the readable data…</source>
        <translation>Đang cứu phần dữ liệu còn đọc được…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>The database was restored from {0}.
The damaged file is kept as {1}.</source>
        <translation>Đã khôi phục cơ sở dữ liệu từ {0}.
Tệp hỏng được giữ ở {1}.</translation>
    </message>
    <message>
        <source>Restoring the database…</source>
        <translation>Đang khôi phục cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>The database {0} is already open in another window of the program (process {1} on {2}). Use that window, or close it and open the program again: two windows writing to one database would overwrite each other&apos;s work.</source>
        <translation>Cơ sở dữ liệu {0} đang được mở trong một cửa sổ khác của chương trình (tiến trình {1} trên máy {2}). Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại chương trình: hai cửa sổ cùng ghi vào một cơ sở dữ liệu sẽ ghi đè lên việc của nhau.</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Not approved by decision</source>
        <translation>Không duyệt theo quyết định</translation>
    </message>
    <message>
        <source>Approve by decision</source>
        <translation>Duyệt khen thưởng theo quyết định</translation>
    </message>
    <message>
        <source>Decision &amp;number:</source>
        <translation>&amp;Số quyết định:</translation>
    </message>
    <message>
        <source>&amp;Signed on:</source>
        <translation>Ngày &amp;ký:</translation>
    </message>
    <message>
        <source>{0} will be recorded as not approved.</source>
        <translation>{0} sẽ được ghi là không được khen thưởng.</translation>
    </message>
    <message>
        <source>Nominees to appro&amp;ve (✓ passes its checks, ✗ fails one):</source>
        <translation>&amp;Người được duyệt (✓ đạt các điều kiện, ✗ chưa đạt):</translation>
    </message>
    <message>
        <source>{0} proposed nominee(s) will be approved.</source>
        <translation>{0} tập thể, cá nhân đang đề nghị sẽ được duyệt.</translation>
    </message>
    <message>
        <source>Decision {0} was recorded signed on {1} (round «{2}»); a decision has one date.</source>
        <translation>Quyết định {0} đã ghi ngày ký {1} (đợt «{2}»); một quyết định chỉ có một ngày ký.</translation>
    </message>
    <message>
        <source>Decision {0} was signed on {1}; keep that date, or use another number for another decision.</source>
        <translation>Quyết định {0} ký ngày {1}; hãy giữ ngày đó, hoặc dùng số khác nếu là quyết định khác.</translation>
    </message>
    <message>
        <source>Tick the nominees to approve.</source>
        <translation>Hãy đánh dấu những người/tập thể được duyệt.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Ticked although a check fails — {0}: {1}</source>
        <translation>Đã đánh dấu dù chưa đạt — {0}: {1}</translation>
    </message>
    <message>
        <source>{0} ticked nominee(s) will be approved.</source>
        <translation>Sẽ duyệt {0} tập thể, cá nhân đã đánh dấu.</translation>
    </message>
    <message>
        <source>Enter the decision&apos;s number, e.g. 25/QĐ-LĐLĐ.</source>
        <translation>Hãy nhập số quyết định, ví dụ 25/QĐ-LĐLĐ.</translation>
    </message>
    <message>
        <source>Enter the date the decision was signed (dd/mm/yyyy).</source>
        <translation>Hãy nhập ngày ký quyết định (ngày/tháng/năm).</translation>
    </message>
</context>
<context>
    <name>AuthorsEditor</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Unit or workplace</source>
        <translation>Đơn vị, nơi công tác</translation>
    </message>
    <message>
        <source>Remove this author</source>
        <translation>Bỏ tác giả này</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Tỷ lệ đóng góp</translation>
    </message>
    <message>
        <source>&amp;Add author</source>
        <translation>&amp;Thêm tác giả</translation>
    </message>
    <message>
        <source>Add a row for another author (Alt+A)</source>
        <translation>Thêm một dòng cho tác giả khác (Alt+T)</translation>
    </message>
    <message>
        <source>E&amp;qual shares</source>
        <translation>&amp;Chia đều</translation>
    </message>
    <message>
        <source>Split 100% equally between the authors</source>
        <translation>Chia đều 100% cho các tác giả</translation>
    </message>
    <message>
        <source>Type a name, or pick one of the unit&apos;s members from the list that appears. Credit goes to the author with the highest share.</source>
        <translation>Gõ họ tên, hoặc chọn một đoàn viên của đơn vị trong danh sách hiện ra. Sáng kiến được tính cho tác giả có tỷ lệ đóng góp cao nhất.</translation>
    </message>
    <message>
        <source>Add at least one author.</source>
        <translation>Cần ít nhất một tác giả.</translation>
    </message>
    <message>
        <source>Author {0}: enter the name, or remove the row.</source>
        <translation>Tác giả {0}: hãy ghi họ tên, hoặc bỏ dòng này.</translation>
    </message>
    <message>
        <source>Author {0}: the share must be from 1% to 100%.</source>
        <translation>Tác giả {0}: tỷ lệ đóng góp phải từ 1% đến 100%.</translation>
    </message>
    <message>
        <source>The shares add up to {0}%; they must add up to 100%.</source>
        <translation>Các tỷ lệ đóng góp cộng lại {0}%; phải bằng 100%.</translation>
    </message>
    <message>
        <source>Total: {0}% ✓</source>
        <translation>Tổng: {0}% ✓</translation>
    </message>
    <message>
        <source>Total: {0}% — must be 100%</source>
        <translation>Tổng: {0}% — phải bằng 100%</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <source>Backups kept</source>
        <translation>Số bản sao lưu giữ lại</translation>
    </message>
    <message>
        <source>How many backups of each kind are kept in the backups folder beside the database; the oldest beyond that are deleted.</source>
        <translation>Số bản sao lưu mỗi loại được giữ trong thư mục sao lưu (backups) cạnh tệp dữ liệu; các bản cũ hơn số này sẽ bị xóa.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Daily</source>
        <translation>Hằng ngày</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Trước khi nhập</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Trước khi nâng cấp</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Trước khi khôi phục</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Thủ công</translation>
    </message>
    <message>
        <source>Before importing “{0}”</source>
        <translation>Trước khi nhập “{0}”</translation>
    </message>
</context>
<context>
    <name>BenefitBars</name>
    <message>
        <source>{0}
{1} initiatives, {2} with an economic benefit
Benefit value: {3} đồng</source>
        <translation>{0}
{1} sáng kiến, {2} sáng kiến có giá trị làm lợi
Giá trị làm lợi: {3} đồng</translation>
    </message>
</context>
<context>
    <name>BookPeriodDialog</name>
    <message>
        <source>Fund book: period</source>
        <translation>Sổ quỹ: chọn kỳ</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>Từ ngày … đến ngày …</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Ngày cuối kỳ trước ngày đầu kỳ.</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Từ %1 đến %2</translation>
    </message>
</context>
<context>
    <name>BucketFields</name>
    <message>
        <source>days</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>The days must increase from one bucket to the next.</source>
        <translation>Số ngày phải tăng dần từ nhóm này sang nhóm sau.</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Tên sáng kiến</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Điều kiện công nhận</translation>
    </message>
    <message>
        <source>{0} (left out)</source>
        <translation>{0} (không đưa vào)</translation>
    </message>
</context>
<context>
    <name>CashCountDialog</name>
    <message>
        <source>Cash count of %1</source>
        <translation>Kiểm kê %1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ghi</translation>
    </message>
    <message>
        <source>Counted (đồng)</source>
        <translation>Số tiền kiểm đếm (đồng)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Cash in the book</source>
        <translation>Tồn quỹ trên sổ</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Chênh lệch</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>%1 đồng at the end of that day</source>
        <translation>%1 đồng (đến hết ngày đó)</translation>
    </message>
    <message>
        <source>none: the count agrees with the book</source>
        <translation>không có: số kiểm đếm khớp với sổ</translation>
    </message>
    <message>
        <source>over by %1 đồng</source>
        <translation>thừa %1 đồng</translation>
    </message>
    <message>
        <source>short by %1 đồng</source>
        <translation>thiếu %1 đồng</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Print certificates</source>
        <translation>In giấy khen, bằng khen</translation>
    </message>
    <message>
        <source>By award form</source>
        <translation>Theo hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Onto pre-printed &amp;stock (text only, shifted by the calibration)</source>
        <translation>In lên phôi in &amp;sẵn (chỉ in chữ, dịch theo độ lệch căn chỉnh)</translation>
    </message>
    <message>
        <source>Default printer</source>
        <translation>Máy in mặc định</translation>
    </message>
    <message>
        <source>right</source>
        <translation>sang phải</translation>
    </message>
    <message>
        <source>down</source>
        <translation>xuống dưới</translation>
    </message>
    <message>
        <source>Save for this printer</source>
        <translation>Lưu cho máy in này</translation>
    </message>
    <message>
        <source>(printed, No. {0})</source>
        <translation>(đã in, số {0})</translation>
    </message>
    <message>
        <source>&amp;Nominees:</source>
        <translation>&amp;Người được in:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Mẫu:</translation>
    </message>
    <message>
        <source>P&amp;rinter:</source>
        <translation>Má&amp;y in:</translation>
    </message>
    <message>
        <source>Calibration:</source>
        <translation>Căn chỉnh:</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Xem trước</translation>
    </message>
    <message>
        <source>&amp;Calibration page</source>
        <translation>&amp;Trang căn chỉnh</translation>
    </message>
    <message>
        <source>Save a pr&amp;oof…</source>
        <translation>Lưu bản xem t&amp;hử…</translation>
    </message>
    <message>
        <source>A PDF to check: no number is entered in the register</source>
        <translation>Bản PDF để kiểm tra: không ghi số nào vào sổ</translation>
    </message>
    <message>
        <source>Save to &amp;print…</source>
        <translation>&amp;Lưu để in…</translation>
    </message>
    <message>
        <source>The PDF to print: each certificate is entered in the register</source>
        <translation>Bản PDF để in: mỗi giấy khen/bằng khen được ghi số vào sổ</translation>
    </message>
    <message>
        <source>The preview and “Save a proof” enter nothing in the certificate register; “Print” and “Save to print” give each certificate its register number (a reprint keeps its number).</source>
        <translation>Xem trước và “Lưu bản xem thử” không ghi gì vào sổ; “In” và “Lưu để in” ghi số vào sổ cho từng giấy khen/bằng khen (in lại giữ nguyên số).</translation>
    </message>
    <message>
        <source>Calibration page for the template «{0}» on {1}: print it on a blank sheet of that stock and measure how far the crosshairs land from the boxes.</source>
        <translation>Trang căn chỉnh cho mẫu «{0}» trên máy in {1}: in lên một tờ phôi trắng của mẫu đó và đo dấu chữ thập lệch bao nhiêu so với các ô.</translation>
    </message>
    <message>
        <source>Pr&amp;int…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Calibration saved for {0}.</source>
        <translation>Đã lưu độ lệch căn chỉnh cho máy in {0}.</translation>
    </message>
    <message>
        <source>Tick the nominees whose certificates to print.</source>
        <translation>Hãy đánh dấu những người cần in giấy khen/bằng khen.</translation>
    </message>
    <message>
        <source>Drawing certificates…</source>
        <translation>Đang vẽ giấy chứng nhận…</translation>
    </message>
    <message>
        <source>Preview: {0} certificate(s), numbers {1}. Nothing is recorded until you save or print.</source>
        <translation>Xem trước: {0} giấy, số {1}. Chưa ghi vào sổ cho tới khi lưu hoặc in.</translation>
    </message>
    <message>
        <source>{0} certificate(s) issued, numbers {1}; {2} reprint(s).</source>
        <translation>Đã cấp {0} giấy, số {1}; in lại {2}.</translation>
    </message>
    <message>
        <source>Save a proof</source>
        <translation>Lưu bản xem thử</translation>
    </message>
    <message>
        <source>Proof saved: {0} certificate(s); no number entered in the register.</source>
        <translation>Đã lưu bản xem thử: {0} giấy khen/bằng khen; không ghi số nào vào sổ.</translation>
    </message>
    <message>
        <source>Save certificates</source>
        <translation>Lưu giấy chứng nhận</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CommendationsPage</name>
    <message>
        <source>New &amp;round…</source>
        <translation>Đợt &amp;mới…</translation>
    </message>
    <message>
        <source>T&amp;hresholds…</source>
        <translation>Mức &amp;xét…</translation>
    </message>
    <message>
        <source>Creative Labour benefit thresholds (QĐ 1564/QĐ-TLĐ)</source>
        <translation>Mức giá trị làm lợi xét Bằng Lao động sáng tạo (QĐ 1564/QĐ-TLĐ)</translation>
    </message>
    <message>
        <source>Search name or unit (tone marks optional)</source>
        <translation>Tìm theo tên hoặc đơn vị (không dấu cũng được)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Đề nghị</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Được khen thưởng</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Không được khen thưởng</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>Đợt:</translation>
    </message>
    <message>
        <source>&amp;Add nominee…</source>
        <translation>T&amp;hêm người…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Import list…</source>
        <translation>&amp;Nhập danh sách…</translation>
    </message>
    <message>
        <source>Nominee lists sent up by lower levels (xlsx, xls, ods): checked first, rows already in the round skipped</source>
        <translation>Danh sách đề nghị do cấp dưới gửi lên (xlsx, xls, ods): kiểm tra trước, dòng đã có trong đợt được bỏ qua</translation>
    </message>
    <message>
        <source>A&amp;pprove…</source>
        <translation>&amp;Duyệt…</translation>
    </message>
    <message>
        <source>&amp;Not approved…</source>
        <translation>Kh&amp;ông duyệt…</translation>
    </message>
    <message>
        <source>Record the selected nominee as not approved by a decision</source>
        <translation>Ghi người đang chọn là không được khen thưởng theo một quyết định</translation>
    </message>
    <message>
        <source>&amp;Undo approval…</source>
        <translation>Hủ&amp;y duyệt…</translation>
    </message>
    <message>
        <source>A wrong approval: the selected nominee goes back to proposed, with the reason recorded</source>
        <translation>Duyệt nhầm: người/tập thể đang chọn trở lại trạng thái đề nghị, có ghi lý do</translation>
    </message>
    <message>
        <source>&amp;Submission letter…</source>
        <translation>Tờ t&amp;rình…</translation>
    </message>
    <message>
        <source>&amp;Decision…</source>
        <translation>&amp;Quyết định…</translation>
    </message>
    <message>
        <source>Print &amp;certificates…</source>
        <translation>In giấy &amp;khen…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Add nominee</source>
        <translation>Thêm người được đề nghị</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>A&amp;ttach a file…</source>
        <translation>Đính kèm tệ&amp;p…</translation>
    </message>
    <message>
        <source>&amp;Generate initiative summaries</source>
        <translation>&amp;Lập tóm tắt sáng kiến</translation>
    </message>
    <message>
        <source>For each individual with linked initiatives: the register&apos;s description report, kept in the file</source>
        <translation>Với mỗi cá nhân có sáng kiến gắn kèm: báo cáo mô tả sáng kiến trong sổ, lưu vào hồ sơ</translation>
    </message>
    <message>
        <source>Criteria (tick when met; double-click for the evidence):</source>
        <translation>Tiêu chuẩn (đánh dấu khi đạt; bấm đúp để ghi minh chứng):</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>Kiểm tra:</translation>
    </message>
    <message>
        <source>File (hồ sơ):</source>
        <translation>Hồ sơ:</translation>
    </message>
    <message>
        <source>No round yet: create one, or import a list.</source>
        <translation>Chưa có đợt khen thưởng: hãy tạo đợt mới hoặc nhập danh sách.</translation>
    </message>
    <message>
        <source>file complete</source>
        <translation>hồ sơ đủ</translation>
    </message>
    <message>
        <source>{0} document(s) missing</source>
        <translation>thiếu {0} tài liệu</translation>
    </message>
    <message>
        <source>No nominee in this round yet.</source>
        <translation>Đợt này chưa có tập thể, cá nhân nào được đề nghị.</translation>
    </message>
    <message>
        <source>{0} nominee(s), {1} approved; {2}</source>
        <translation>{0} tập thể, cá nhân được đề nghị; {1} được duyệt; {2}</translation>
    </message>
    <message>
        <source>Select a nominee to see the criteria and checks.</source>
        <translation>Chọn một người để xem tiêu chuẩn và kết quả kiểm tra.</translation>
    </message>
    <message>
        <source>{0} — out of date, generate it again</source>
        <translation>{0} — cần tạo lại</translation>
    </message>
    <message>
        <source>Already proposed</source>
        <translation>Đã được đề nghị</translation>
    </message>
    <message>
        <source>{0}

Save it anyway?</source>
        <translation>{0}

Vẫn lưu?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Vẫn lưu</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>No nominee of this round is waiting for a decision.</source>
        <translation>Đợt này không còn ai đang chờ quyết định.</translation>
    </message>
    <message>
        <source>Approved under decision {0}: {1} nominee(s) — {2}.</source>
        <translation>Đã duyệt theo quyết định {0}: {1} tập thể, cá nhân — {2}.</translation>
    </message>
    <message>
        <source>{0} is not approved; there is no approval to undo.</source>
        <translation>{0} chưa được duyệt; không có gì để hủy.</translation>
    </message>
    <message>
        <source>nominees</source>
        <translation>tập thể, cá nhân được đề nghị</translation>
    </message>
    <message>
        <source>Import a nominee list</source>
        <translation>Nhập danh sách đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>Select the missing document in the file list first.</source>
        <translation>Hãy chọn tài liệu còn thiếu trong danh sách hồ sơ trước.</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Đính kèm tệp</translation>
    </message>
    <message>
        <source>Scans and documents (*.pdf *.jpg *.jpeg *.png *.docx *.doc);;All files (*)</source>
        <translation>Bản quét và văn bản (*.pdf *.jpg *.jpeg *.png *.docx *.doc);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Initiative summaries added to the file of {0} nominee(s).</source>
        <translation>Đã lập tóm tắt sáng kiến vào hồ sơ của {0} cá nhân.</translation>
    </message>
    <message>
        <source>Submission letter No. {0}</source>
        <translation>Tờ trình số {0}</translation>
    </message>
    <message>
        <source>No nominee of this round is approved yet.</source>
        <translation>Đợt này chưa có ai được duyệt khen thưởng.</translation>
    </message>
    <message>
        <source>Save the decision</source>
        <translation>Lưu quyết định</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Workbook (*.xlsx)</source>
        <translation>Bảng tính (*.xlsx)</translation>
    </message>
    <message>
        <source>Decision {0}</source>
        <translation>Quyết định {0}</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>Đã lưu {0}.</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>The file could not be read or written: {0}</source>
        <translation>Không đọc hoặc ghi được tệp: {0}</translation>
    </message>
    <message>
        <source>An unexpected error occurred; its details are in the error message and the log.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến; chi tiết có trong thông báo lỗi và tệp nhật ký.</translation>
    </message>
    <message>
        <source>The file does not exist or has been moved.</source>
        <translation>Tệp không tồn tại hoặc đã bị chuyển đi nơi khác.</translation>
    </message>
    <message>
        <source>The file cannot be used: it may be open in another program (such as Excel), or you may not have permission. Close it and try again.</source>
        <translation>Không dùng được tệp: có thể tệp đang mở trong một chương trình khác (như Excel), hoặc bạn không có quyền với tệp. Hãy đóng tệp rồi thử lại.</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>Ổ đĩa đã đầy.</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>Tệp: {0}</translation>
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
    <name>ContributionDialog</name>
    <message>
        <source>Contribution to %1</source>
        <translation>Góp vốn vào %1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ghi</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Đoàn viên</translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>An unexpected error occurred in the program.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến trong chương trình.</translation>
    </message>
    <message>
        <source>The program cannot go on and will close. The data saved earlier is not lost. Open the program again; if the error comes back, press “Copy details” and send them to whoever supports the program.</source>
        <translation>Chương trình không thể tiếp tục và sẽ đóng lại. Dữ liệu đã lưu trước đó không bị mất. Hãy mở lại chương trình; nếu lỗi vẫn xảy ra, hãy bấm “Sao chép chi tiết” và gửi cho người hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <source>The data saved earlier is not lost: an operation interrupted by an error changes nothing in the database. You can go on working; if the error comes back, press “Copy details” and send them to whoever supports the program.</source>
        <translation>Dữ liệu đã lưu trước đó không bị mất: thao tác bị lỗi giữa chừng không làm thay đổi cơ sở dữ liệu. Bạn có thể tiếp tục làm việc; nếu lỗi lặp lại, hãy bấm “Sao chép chi tiết” và gửi cho người hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Mở thư mục nhật ký</translation>
    </message>
    <message>
        <source>The details have also been written to the log file:</source>
        <translation>Chi tiết cũng đã được ghi vào tệp nhật ký:</translation>
    </message>
    <message>
        <source>The log file could not be written; copy the details instead.</source>
        <translation>Không ghi được tệp nhật ký; hãy bấm “Sao chép chi tiết” để lấy chi tiết lỗi.</translation>
    </message>
    <message>
        <source>Copied. Paste them (Ctrl+V) into an email or a message.</source>
        <translation>Đã sao chép. Hãy dán (Ctrl+V) vào thư điện tử hoặc tin nhắn gửi người hỗ trợ.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>More errors occurred meanwhile: {0}. They are in the log too.</source>
        <translation>Sau đó còn xảy ra thêm {0} lỗi; các lỗi này cũng đã được ghi vào nhật ký.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Registered</source>
        <translation>Đã đăng ký</translation>
    </message>
    <message>
        <source>Valid only</source>
        <translation>Chỉ tính hợp lệ</translation>
    </message>
    <message>
        <source>Registered: valid and under review (drafts and rejected ones never count). Valid only: only initiatives assessed as valid.</source>
        <translation>Đã đăng ký: tính sáng kiến hợp lệ và đang xem xét (không bao giờ tính bản nháp và sáng kiến không hợp lệ). Chỉ tính hợp lệ: chỉ tính sáng kiến đã được đánh giá hợp lệ.</translation>
    </message>
    <message>
        <source>The date of the figures: what is expected by then is pro-rata</source>
        <translation>Ngày tính số liệu: số cần đạt đến ngày này tính theo tỷ lệ thời gian đã qua</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>&amp;Programme:</source>
        <translation>&amp;Chương trình:</translation>
    </message>
    <message>
        <source>P&amp;hase:</source>
        <translation>&amp;Giai đoạn:</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>Cách &amp;tính:</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>Tính đến &amp;ngày:</translation>
    </message>
    <message>
        <source>Benefit value by field (đồng)</source>
        <translation>Giá trị làm lợi theo lĩnh vực (đồng)</translation>
    </message>
    <message>
        <source>Benefit value by sector of the unit (đồng)</source>
        <translation>Giá trị làm lợi theo khối của đơn vị (đồng)</translation>
    </message>
    <message>
        <source>No units to follow yet — add units on the Organisation page, then set targets or import them from a workbook.</source>
        <translation>Chưa có đơn vị để theo dõi — Thêm đơn vị ở trang Tổ chức, rồi Giao chỉ tiêu hoặc Nhập chỉ tiêu từ bảng tính.</translation>
    </message>
    <message>
        <source>Units under it</source>
        <translation>Các đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>Show the units under the chosen unit (Enter)</source>
        <translation>Xem các đơn vị trực thuộc đơn vị đang chọn (Enter)</translation>
    </message>
    <message>
        <source>Up one level</source>
        <translation>Lên một cấp</translation>
    </message>
    <message>
        <source>Back to the unit above</source>
        <translation>Quay lại đơn vị cấp trên</translation>
    </message>
    <message>
        <source>View initiatives</source>
        <translation>Xem sáng kiến</translation>
    </message>
    <message>
        <source>Open the initiative register filtered to the chosen unit</source>
        <translation>Mở sổ theo dõi sáng kiến, lọc theo đơn vị đang chọn</translation>
    </message>
    <message>
        <source>Set targets…</source>
        <translation>Giao chỉ tiêu…</translation>
    </message>
    <message>
        <source>Targets of the units shown, for the chosen phase</source>
        <translation>Chỉ tiêu của các đơn vị đang hiển thị, cho giai đoạn đang chọn</translation>
    </message>
    <message>
        <source>Import targets…</source>
        <translation>Nhập chỉ tiêu…</translation>
    </message>
    <message>
        <source>Import targets from a workbook</source>
        <translation>Nhập chỉ tiêu từ bảng tính</translation>
    </message>
    <message>
        <source>Compute the figures again</source>
        <translation>Tính lại số liệu</translation>
    </message>
    <message>
        <source>Targets &amp; reports</source>
        <translation>Chỉ tiêu &amp; báo cáo</translation>
    </message>
    <message>
        <source>Official reports</source>
        <translation>Báo cáo gửi cấp trên</translation>
    </message>
    <message>
        <source>Write the tables sent to the level above (.xlsx or .pdf)</source>
        <translation>Lập các biểu báo cáo gửi cấp trên (.xlsx hoặc .pdf)</translation>
    </message>
    <message>
        <source>There is no programme yet.</source>
        <translation>Chưa có chương trình nào.</translation>
    </message>
    <message>
        <source>Whole programme</source>
        <translation>Cả chương trình</translation>
    </message>
    <message>
        <source>Phase {0}</source>
        <translation>Giai đoạn {0}</translation>
    </message>
    <message>
        <source>“{0}” is not a date: type it as dd/mm/yyyy.</source>
        <translation>“{0}” không phải là ngày: hãy gõ theo dạng ngày/tháng/năm (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>No unit under {0}.</source>
        <translation>{0} không có đơn vị trực thuộc.</translation>
    </message>
    <message>
        <source>{0} units; {1} behind schedule (in red). Enter: the units under one; Backspace: back up.</source>
        <translation>{0} đơn vị; {1} chậm tiến độ (tô đỏ). Enter: xem các đơn vị trực thuộc; Backspace: quay lại cấp trên.</translation>
    </message>
    <message>
        <source>all units</source>
        <translation>tất cả đơn vị</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <source>{0}, from {1} to {2}</source>
        <translation>{0}, từ ngày {1} đến ngày {2}</translation>
    </message>
    <message>
        <source>{0}: no target set; achieved {1} (valid {2}, under review {3}).</source>
        <translation>{0}: chưa giao chỉ tiêu; đã đạt {1} (hợp lệ {2}, đang xem xét {3}).</translation>
    </message>
    <message>
        <source>{0}: target {1}, achieved {2} ({3}%), expected by {4}: {5}, shortfall {6}.</source>
        <translation>{0}: chỉ tiêu {1}, đã đạt {2} ({3}%), cần đạt đến ngày {4}: {5}, còn thiếu {6}.</translation>
    </message>
    <message>
        <source>Behind schedule.</source>
        <translation>Chậm tiến độ.</translation>
    </message>
    <message>
        <source>{0} has no units under it.</source>
        <translation>{0} không có đơn vị trực thuộc.</translation>
    </message>
    <message>
        <source>The initiative register cannot be opened from here in this version.</source>
        <translation>Phiên bản này chưa mở được sổ theo dõi sáng kiến từ đây.</translation>
    </message>
</context>
<context>
    <name>DecisionChoiceDialog</name>
    <message>
        <source>Choose a decision</source>
        <translation>Chọn quyết định</translation>
    </message>
    <message>
        <source>This round has several decisions; choose the one to write:</source>
        <translation>Đợt này có nhiều quyết định; chọn quyết định cần lập:</translation>
    </message>
    <message>
        <source>{0} of {1} ({2} approved)</source>
        <translation>{0} ngày {1} ({2} được duyệt)</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>&amp;Quyết định:</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Chọn</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Recognition decision</source>
        <translation>Quyết định công nhận</translation>
    </message>
    <message>
        <source>A decision recognising the valid initiatives registered in the year chosen here (the register&apos;s filter does not apply). The list shows what it will include.</source>
        <translation>Quyết định công nhận các sáng kiến hợp lệ đăng ký trong năm chọn ở đây (không theo bộ lọc của sổ theo dõi). Danh sách dưới đây là những sáng kiến sẽ được đưa vào quyết định.</translation>
    </message>
    <message>
        <source>Year {0}</source>
        <translation>Năm {0}</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <source>Also include the initiatives that do not meet every &amp;rule (⚠)</source>
        <translation>Đưa cả các sáng kiến &amp;chưa đủ điều kiện công nhận (⚠) vào quyết định</translation>
    </message>
    <message>
        <source>Reading the valid initiatives…</source>
        <translation>Đang đọc các sáng kiến hợp lệ…</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>Nă&amp;m:</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <source>S&amp;ymbol:</source>
        <translation>Ký &amp;hiệu:</translation>
    </message>
    <message>
        <source>&amp;Signed on:</source>
        <translation>Ngày &amp;ký:</translation>
    </message>
    <message>
        <source>&amp;Preview…</source>
        <translation>&amp;Xem trước…</translation>
    </message>
    <message>
        <source>year {0}</source>
        <translation>năm {0}</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>tất cả các năm</translation>
    </message>
    <message>
        <source>No valid initiative was registered in {0}.</source>
        <translation>Không có sáng kiến hợp lệ nào đăng ký trong {0}.</translation>
    </message>
    <message>
        <source>The decision will recognise {0} initiative(s) of {1}.</source>
        <translation>Quyết định sẽ công nhận {0} sáng kiến {1}.</translation>
    </message>
    <message>
        <source>{0} not meeting every rule (⚠) are left out.</source>
        <translation>{0} sáng kiến chưa đủ điều kiện (⚠) không được đưa vào.</translation>
    </message>
    <message>
        <source>{0} of them do not meet every rule (⚠).</source>
        <translation>Trong đó {0} sáng kiến chưa đủ điều kiện (⚠).</translation>
    </message>
    <message>
        <source>Enter the date of signing (dd/mm/yyyy).</source>
        <translation>Hãy ghi ngày ký (nn/tt/nnnn).</translation>
    </message>
    <message>
        <source>Nothing to recognise.</source>
        <translation>Không có sáng kiến nào để công nhận.</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicate</source>
        <translation>Có thể bị trùng</translation>
    </message>
    <message>
        <source>The register already has {0} initiative(s) with the same name (up to tone marks, spacing and small typos) in the same unit and with an author in common. Check that this is not the same initiative registered twice.</source>
        <translation>Trong sổ đã có {0} sáng kiến trùng tên (không kể dấu, khoảng trắng và lỗi gõ nhỏ), cùng đơn vị và có chung tác giả. Hãy kiểm tra xem đây có phải là một sáng kiến bị đăng ký hai lần không.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Tên sáng kiến</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Mức giống</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Vẫn lưu</translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <source>Eligibility</source>
        <translation>Điều kiện công nhận</translation>
    </message>
    <message>
        <source>Not eligible yet: {0} of {1} rules not met.</source>
        <translation>Chưa đủ điều kiện: {0}/{1} điều kiện chưa đạt.</translation>
    </message>
    <message>
        <source>Meets every eligibility rule.</source>
        <translation>Đáp ứng mọi điều kiện công nhận.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol an office</source>
        <translation>Cấp khoá cho văn phòng</translation>
    </message>
    <message>
        <source>The office&apos;s keys are sealed with this passphrase. Tell it to the office by telephone; never send it with the file.</source>
        <translation>Khoá của văn phòng được niêm phong bằng mật khẩu này. Hãy báo mật khẩu cho văn phòng qua điện thoại; không bao giờ gửi kèm tệp.</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>Tiếp tục…</translation>
    </message>
    <message>
        <source>e.g. LC-MT</source>
        <translation>ví dụ LC-MT</translation>
    </message>
    <message>
        <source>Office &amp;code:</source>
        <translation>Mã &amp;văn phòng:</translation>
    </message>
    <message>
        <source>Type the code of the office to enrol.</source>
        <translation>Hãy nhập mã của văn phòng cần cấp khoá.</translation>
    </message>
    <message>
        <source>“%1” is not one of the province&apos;s units: choose the office from the list (type its code or name).</source>
        <translation>“%1” không phải đơn vị của tỉnh: hãy chọn văn phòng trong danh sách (gõ mã hoặc tên).</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <source>E.g. the certificate or decision that shows it, its number and date</source>
        <translation>Ví dụ: giấy khen, quyết định chứng minh tiêu chuẩn, số và ngày của văn bản</translation>
    </message>
    <message>
        <source>&amp;Evidence note:</source>
        <translation>&amp;Ghi chú minh chứng:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>The note is {0} characters long; at most {1}.</source>
        <translation>Ghi chú dài {0} ký tự; tối đa {1} ký tự.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>{0} already exists.
Do you want to replace it?</source>
        <translation>Tệp {0} đã có.
Ghi đè lên tệp đó?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ghi đè</translation>
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
        <source>A district enrolled by the province</source>
        <translation>Văn phòng huyện được tỉnh cấp khoá</translation>
    </message>
    <message>
        <source>Start here if the province sent you an enrolment file (.scdkey): your office&apos;s code, name and parent come from it, and your units from the province&apos;s first package (.scdpkg), which you choose next. The passphrase is the one the province told you by telephone.</source>
        <translation>Bắt đầu từ đây nếu tỉnh đã gửi cho bạn tệp cấp khoá (.scdkey): mã, tên và đơn vị cấp trên của văn phòng lấy từ tệp đó, còn các đơn vị lấy từ gói đầu tiên của tỉnh (.scdpkg) mà bạn chọn ngay sau. Mật khẩu là mật khẩu tỉnh đã báo qua điện thoại.</translation>
    </message>
    <message>
        <source>Import the province&apos;s &amp;enrolment file…</source>
        <translation>Nhậ&amp;p tệp cấp khoá của tỉnh…</translation>
    </message>
    <message>
        <source>Otherwise (a province, or an office working alone), enter the office&apos;s identity:</source>
        <translation>Nếu không (văn phòng tỉnh, hoặc văn phòng làm việc độc lập), hãy nhập thông tin của văn phòng:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Enrolment file</source>
        <translation>Tệp cấp khoá</translation>
    </message>
    <message>
        <source>Enrolment files (*.scdkey)</source>
        <translation>Tệp cấp khoá (*.scdkey)</translation>
    </message>
    <message>
        <source>Passphrase of the keys (told by the province):</source>
        <translation>Mật khẩu khoá (do tỉnh báo):</translation>
    </message>
    <message>
        <source>Keys of office %1 taken (province %2).</source>
        <translation>Đã nhận khoá của văn phòng %1 (tỉnh %2).</translation>
    </message>
    <message>
        <source>The province&apos;s first package</source>
        <translation>Gói đầu tiên của tỉnh</translation>
    </message>
    <message>
        <source>Sync packages (*.scdpkg)</source>
        <translation>Gói đồng bộ (*.scdpkg)</translation>
    </message>
    <message>
        <source>Package %1 from %2: %3 records.</source>
        <translation>Gói số %1 từ %2: %3 bản ghi.</translation>
    </message>
    <message>
        <source>Take the province&apos;s first package on the Sync page later.</source>
        <translation>Hãy nhập gói đầu tiên của tỉnh ở trang Đồng bộ sau.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Discard changes?</source>
        <translation>Bỏ các thay đổi?</translation>
    </message>
    <message>
        <source>The changes have not been saved. Discard them?</source>
        <translation>Các thay đổi chưa được lưu. Bỏ các thay đổi này?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Tiếp tục sửa</translation>
    </message>
</context>
<context>
    <name>FundDates</name>
    <message>
        <source>Type the date (dd/mm/yyyy).</source>
        <translation>Hãy nhập ngày (ngày/tháng/năm).</translation>
    </message>
    <message>
        <source>%1 is after today: money is recorded on the day it moves, not before.</source>
        <translation>%1 là ngày sau hôm nay: tiền chỉ được ghi sổ vào ngày thực thu, thực chi, không ghi trước.</translation>
    </message>
</context>
<context>
    <name>FundDialog</name>
    <message>
        <source>New mutual-aid fund</source>
        <translation>Lập Quỹ tương hỗ</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Lập quỹ</translation>
    </message>
    <message>
        <source>A member may borrow again before repaying</source>
        <translation>Cho phép vay tiếp khi chưa trả hết khoản trước</translation>
    </message>
    <message>
        <source>Grassroots union</source>
        <translation>Công đoàn cơ sở</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Ngày thành lập</translation>
    </message>
    <message>
        <source>Loan ceiling (đồng)</source>
        <translation>Mức vay tối đa (đồng)</translation>
    </message>
    <message>
        <source>Longest term (months)</source>
        <translation>Thời hạn vay tối đa (tháng)</translation>
    </message>
    <message>
        <source>Fee or interest</source>
        <translation>Phí/lãi</translation>
    </message>
    <message>
        <source>Opening capital (đồng)</source>
        <translation>Vốn ban đầu (đồng)</translation>
    </message>
    <message>
        <source>Every grassroots union already has a fund.</source>
        <translation>Mọi công đoàn cơ sở đều đã có quỹ.</translation>
    </message>
</context>
<context>
    <name>FundPage</name>
    <message>
        <source>New fund…</source>
        <translation>Lập quỹ…</translation>
    </message>
    <message>
        <source>Contribution…</source>
        <translation>Góp vốn…</translation>
    </message>
    <message>
        <source>New loan…</source>
        <translation>Cho vay…</translation>
    </message>
    <message>
        <source>Repayment…</source>
        <translation>Thu nợ…</translation>
    </message>
    <message>
        <source>Reverse entry…</source>
        <translation>Đảo bút toán…</translation>
    </message>
    <message>
        <source>Fund book…</source>
        <translation>Sổ quỹ…</translation>
    </message>
    <message>
        <source>Summary…</source>
        <translation>Báo cáo tổng hợp…</translation>
    </message>
    <message>
        <source>Import ledger…</source>
        <translation>Nhập sổ cho vay…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Loan contract…</source>
        <translation>Hợp đồng vay vốn…</translation>
    </message>
    <message>
        <source>Loan card…</source>
        <translation>Thẻ theo dõi khoản vay…</translation>
    </message>
    <message>
        <source>Receipt or payment voucher…</source>
        <translation>Phiếu thu / phiếu chi…</translation>
    </message>
    <message>
        <source>Arrears list…</source>
        <translation>Danh sách nợ quá hạn…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Approve the application…</source>
        <translation>Duyệt đơn vay…</translation>
    </message>
    <message>
        <source>Reject the application…</source>
        <translation>Không duyệt đơn vay…</translation>
    </message>
    <message>
        <source>Withdraw the application…</source>
        <translation>Rút đơn vay…</translation>
    </message>
    <message>
        <source>Disburse the loan…</source>
        <translation>Giải ngân khoản vay…</translation>
    </message>
    <message>
        <source>Refund the overpayment…</source>
        <translation>Hoàn trả tiền thừa…</translation>
    </message>
    <message>
        <source>Write the loan off…</source>
        <translation>Xóa nợ khoản vay…</translation>
    </message>
    <message>
        <source>Reschedule the loan…</source>
        <translation>Cơ cấu lại khoản vay…</translation>
    </message>
    <message>
        <source>Cash count…</source>
        <translation>Kiểm kê quỹ…</translation>
    </message>
    <message>
        <source>Close the books…</source>
        <translation>Khoá sổ…</translation>
    </message>
    <message>
        <source>Rules of the fund…</source>
        <translation>Quy định của quỹ…</translation>
    </message>
    <message>
        <source>Grassroots union</source>
        <translation>Công đoàn cơ sở</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>Quỹ</translation>
    </message>
    <message>
        <source>Cash and bank</source>
        <translation>Tồn quỹ</translation>
    </message>
    <message>
        <source>Outstanding loans</source>
        <translation>Dư nợ cho vay</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Vốn góp</translation>
    </message>
    <message>
        <source>Open loans</source>
        <translation>Đang vay</translation>
    </message>
    <message>
        <source>Find a fund: unit or code (tone marks optional)</source>
        <translation>Tìm quỹ theo đơn vị hoặc mã (không dấu cũng được)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Chứng từ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Diễn giải</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Cash on hand</source>
        <translation>Tồn</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Đoàn viên</translation>
    </message>
    <message>
        <source>Contributed</source>
        <translation>Đã góp</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>Khoản vay</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Dư nợ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Số ngày quá hạn</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Nhóm nợ</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Khoản vay</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Sổ quỹ</translation>
    </message>
    <message>
        <source>Arrears (all funds)</source>
        <translation>Nợ quá hạn (mọi quỹ)</translation>
    </message>
    <message>
        <source>Arrears (all funds): %1</source>
        <translation>Nợ quá hạn (mọi quỹ): %1</translation>
    </message>
    <message>
        <source>No fund yet: create one for a grassroots union.</source>
        <translation>Chưa có quỹ nào: hãy lập quỹ cho một công đoàn cơ sở.</translation>
    </message>
    <message>
        <source>%1 · since %2 · ceiling %3 đồng · up to %4 months · %5</source>
        <translation>%1 · từ %2 · vay tối đa %3 đồng · tối đa %4 tháng · %5</translation>
    </message>
    <message>
        <source>Choose a loan in the list first.</source>
        <translation>Hãy chọn một khoản vay trong danh sách trước.</translation>
    </message>
    <message>
        <source>The loan %1 has no overpayment.</source>
        <translation>Khoản vay %1 không có tiền trả thừa.</translation>
    </message>
    <message>
        <source>This step is not open to the loan %1 (%2).</source>
        <translation>Khoản vay %1 không thể làm bước này (%2).</translation>
    </message>
    <message>
        <source>Loan %1 of %2: %3.</source>
        <translation>Khoản vay %1 của %2: %3.</translation>
    </message>
    <message>
        <source>Payment voucher %1 was written for %2 đồng.</source>
        <translation>Đã lập phiếu chi %1 số tiền %2 đồng.</translation>
    </message>
    <message>
        <source>This loan is not being repaid (%1).</source>
        <translation>Khoản vay này không ở trạng thái đang trả nợ (%1).</translation>
    </message>
    <message>
        <source>Choose an entry in the book first.</source>
        <translation>Hãy chọn một bút toán trong sổ quỹ trước.</translation>
    </message>
    <message>
        <source>Fund book</source>
        <translation>Sổ quỹ</translation>
    </message>
    <message>
        <source>Writing the fund book…</source>
        <translation>Đang ghi sổ quỹ…</translation>
    </message>
    <message>
        <source>Loan contract</source>
        <translation>Hợp đồng vay vốn</translation>
    </message>
    <message>
        <source>Writing the contract…</source>
        <translation>Đang ghi hợp đồng…</translation>
    </message>
    <message>
        <source>Loan card</source>
        <translation>Thẻ theo dõi khoản vay</translation>
    </message>
    <message>
        <source>Writing the loan card…</source>
        <translation>Đang ghi thẻ khoản vay…</translation>
    </message>
    <message>
        <source>Writing the voucher…</source>
        <translation>Đang ghi phiếu…</translation>
    </message>
    <message>
        <source>Arrears list</source>
        <translation>Danh sách nợ quá hạn</translation>
    </message>
    <message>
        <source>Writing the arrears list…</source>
        <translation>Đang ghi danh sách nợ quá hạn…</translation>
    </message>
    <message>
        <source>Summary of the funds</source>
        <translation>Báo cáo tổng hợp các quỹ</translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>Đang ghi báo cáo tổng hợp…</translation>
    </message>
    <message>
        <source>loans</source>
        <translation>khoản vay</translation>
    </message>
    <message>
        <source>Import a loan ledger from a workbook</source>
        <translation>Nhập sổ cho vay từ bảng tính</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>Bản cài đặt này thiếu tệp hướng dẫn sử dụng.</translation>
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
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Nội dung thay đổi</translation>
    </message>
    <message>
        <source>No history yet: the initiative has not been saved.</source>
        <translation>Chưa có lịch sử: sáng kiến chưa được lưu.</translation>
    </message>
    <message>
        <source>No change has been recorded for this initiative (it may have been loaded in bulk).</source>
        <translation>Chưa ghi nhận thay đổi nào của sáng kiến này (có thể sáng kiến được nạp hàng loạt).</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Workbooks (*.xlsx *.xls *.ods)</source>
        <translation>Bảng tính (*.xlsx *.xls *.ods)</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>Đang kiểm tra {0}…</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>Đang nhập {0}…</translation>
    </message>
    <message>
        <source>Backing up before the import…</source>
        <translation>Đang sao lưu trước khi nhập…</translation>
    </message>
    <message>
        <source>Imported {0} {1}; {2} skipped, {3} rejected.</source>
        <translation>Đã nhập {0} {1}; bỏ qua {2} dòng, từ chối {3} dòng.</translation>
    </message>
    <message>
        <source>To undo it: File ▸ Restore from a backup…, the copy “Before an import” of {0}.</source>
        <translation>Muốn hoàn tác: Tệp → Khôi phục từ bản sao lưu…, chọn bản “Trước khi nhập” lúc {0}.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was saved.</source>
        <translation>Đã hủy nhập dữ liệu; không có gì được lưu.</translation>
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
        <source>Rows to be imported:</source>
        <translation>Các dòng sẽ được nhập:</translation>
    </message>
    <message>
        <source>No row can be imported.</source>
        <translation>Không có dòng nào nhập được.</translation>
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
        <source>No notes.</source>
        <translation>Không có ghi chú.</translation>
    </message>
    <message>
        <source>To import ({0})</source>
        <translation>Sẽ nhập ({0})</translation>
    </message>
    <message>
        <source>Rejected ({0})</source>
        <translation>Bị từ chối ({0})</translation>
    </message>
    <message>
        <source>Notes ({0})</source>
        <translation>Ghi chú ({0})</translation>
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
    <name>InitiativeDialog</name>
    <message>
        <source>Edit initiative</source>
        <translation>Sửa sáng kiến</translation>
    </message>
    <message>
        <source>New initiative</source>
        <translation>Thêm sáng kiến</translation>
    </message>
    <message>
        <source>e.g. Using mind maps to teach Mathematics in grade 4</source>
        <translation>ví dụ: Sử dụng sơ đồ tư duy trong dạy học môn Toán lớp 4</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(chưa ghi)</translation>
    </message>
    <message>
        <source>(no programme)</source>
        <translation>(không thuộc chương trình)</translation>
    </message>
    <message>
        <source>The programme or movement the initiative is registered for</source>
        <translation>Chương trình hoặc phong trào mà sáng kiến đăng ký tham gia</translation>
    </message>
    <message>
        <source>Derived from the registration date and the programme&apos;s phases</source>
        <translation>Tính theo ngày đăng ký và các giai đoạn của chương trình</translation>
    </message>
    <message>
        <source>Con&amp;fidential (leaves the office with name, effect and awards only)</source>
        <translation>Sáng kiến &amp;mật (gửi ra ngoài chỉ có tên, hiệu quả và khen thưởng)</translation>
    </message>
    <message>
        <source>Uploaded to the national &amp;portal</source>
        <translation>Đã đăng tải lên &amp;Cổng thông tin sáng kiến</translation>
    </message>
    <message>
        <source>Date of upload</source>
        <translation>Ngày đăng tải</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>e.g. Creative Labour certificate 2022</source>
        <translation>ví dụ: Bằng Lao động sáng tạo năm 2022</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên sáng kiến:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>F&amp;ield:</source>
        <translation>Lĩnh &amp;vực:</translation>
    </message>
    <message>
        <source>P&amp;rogramme:</source>
        <translation>C&amp;hương trình:</translation>
    </message>
    <message>
        <source>Re&amp;gistered on:</source>
        <translation>Ngày đăng &amp;ký:</translation>
    </message>
    <message>
        <source>&amp;Unit (CĐCS):</source>
        <translation>Đơ&amp;n vị (CĐCS):</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Tình t&amp;rạng:</translation>
    </message>
    <message>
        <source>Reason for re&amp;jection:</source>
        <translation>Lý &amp;do không hợp lệ:</translation>
    </message>
    <message>
        <source>A&amp;wards:</source>
        <translation>Khen thưởn&amp;g:</translation>
    </message>
    <message>
        <source>&amp;Objective:</source>
        <translation>&amp;Mục đích:</translation>
    </message>
    <message>
        <source>Implementation &amp;steps:</source>
        <translation>Các &amp;bước thực hiện:</translation>
    </message>
    <message>
        <source>Scope and a&amp;pplicability:</source>
        <translation>Phạm &amp;vi áp dụng:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>Mô &amp;tả:</translation>
    </message>
    <message>
        <source>&amp;Conditions for applying:</source>
        <translation>Điều &amp;kiện áp dụng:</translation>
    </message>
    <message>
        <source>applied on &amp;trial only</source>
        <translation>mới áp dụng &amp;thử</translation>
    </message>
    <message>
        <source>e.g. 15.000.000</source>
        <translation>ví dụ: 15.000.000</translation>
    </message>
    <message>
        <source>đồng per year</source>
        <translation>đồng/năm</translation>
    </message>
    <message>
        <source>(not recognised yet)</source>
        <translation>(chưa được công nhận)</translation>
    </message>
    <message>
        <source>e.g. 15/QĐ-HĐSK</source>
        <translation>ví dụ: 15/QĐ-HĐSK</translation>
    </message>
    <message>
        <source>dated</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>&amp;New within the unit</source>
        <translation>Có tính mới trong phạm &amp;vi đơn vị</translation>
    </message>
    <message>
        <source>Under intellectual-property &amp;protection</source>
        <translation>Đang được &amp;bảo hộ sở hữu trí tuệ</translation>
    </message>
    <message>
        <source>Contrary to public order or social ethics</source>
        <translation>Trái trật tự công cộng hoặc đạo đức xã hội</translation>
    </message>
    <message>
        <source>&amp;First applied on:</source>
        <translation>Ngày áp dụng &amp;lần đầu:</translation>
    </message>
    <message>
        <source>&amp;Benefit value:</source>
        <translation>&amp;Giá trị làm lợi:</translation>
    </message>
    <message>
        <source>Soc&amp;ial benefit:</source>
        <translation>Hiệu quả &amp;xã hội:</translation>
    </message>
    <message>
        <source>&amp;Recognised by:</source>
        <translation>Cấp công &amp;nhận:</translation>
    </message>
    <message>
        <source>Decisi&amp;on (number, date):</source>
        <translation>Quyết định (số, ngà&amp;y):</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>Thông t&amp;in chung</translation>
    </message>
    <message>
        <source>&amp;Authors</source>
        <translation>T&amp;ác giả</translation>
    </message>
    <message>
        <source>Co&amp;ntent</source>
        <translation>Nội d&amp;ung</translation>
    </message>
    <message>
        <source>&amp;Effect and recognition</source>
        <translation>Hiệu &amp;quả và công nhận</translation>
    </message>
    <message>
        <source>Support pa&amp;yments</source>
        <translation>Kinh &amp;phí hỗ trợ</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Lịch &amp;sử</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Enter the name of the initiative.</source>
        <translation>Hãy ghi tên sáng kiến.</translation>
    </message>
    <message>
        <source>Enter the registration date (dd/mm/yyyy).</source>
        <translation>Hãy ghi ngày đăng ký (nn/tt/nnnn).</translation>
    </message>
    <message>
        <source>Choose the grassroots union from the list.</source>
        <translation>Hãy chọn công đoàn cơ sở trong danh sách.</translation>
    </message>
    <message>
        <source>Choose the grassroots union of the initiative.</source>
        <translation>Hãy chọn công đoàn cơ sở của sáng kiến.</translation>
    </message>
    <message>
        <source>Write why the initiative is not valid.</source>
        <translation>Hãy ghi lý do sáng kiến không hợp lệ.</translation>
    </message>
    <message>
        <source>The benefit value cannot be negative.</source>
        <translation>Giá trị làm lợi không được âm.</translation>
    </message>
    <message>
        <source>Not ready to save: {0}</source>
        <translation>Chưa lưu được: {0}</translation>
    </message>
    <message>
        <source>Phase: —</source>
        <translation>Giai đoạn: —</translation>
    </message>
    <message>
        <source>Phase: outside every phase of the programme</source>
        <translation>Giai đoạn: ngoài các giai đoạn của chương trình</translation>
    </message>
    <message>
        <source>Phase: {0} ({1} – {2})</source>
        <translation>Giai đoạn: {0} ({1} – {2})</translation>
    </message>
    <message>
        <source>The changes to this initiative have not been saved. Discard them?</source>
        <translation>Các thay đổi của sáng kiến này chưa được lưu. Bỏ các thay đổi đó?</translation>
    </message>
</context>
<context>
    <name>InitiativeImportOptions</name>
    <message>
        <source>Rows without a programme column count toward this programme</source>
        <translation>Các dòng không ghi chương trình được tính vào chương trình này</translation>
    </message>
    <message>
        <source>Create the &amp;units the register does not know yet (under this office)</source>
        <translation>Tạo các đơn &amp;vị chưa có trong danh sách (trực thuộc đơn vị này)</translation>
    </message>
    <message>
        <source>P&amp;rogramme for rows that name none:</source>
        <translation>C&amp;hương trình cho dòng không ghi chương trình:</translation>
    </message>
</context>
<context>
    <name>InitiativeImportPreviewDialog</name>
    <message>
        <source>Units to be created under this office ({0}):</source>
        <translation>Các đơn vị sẽ được tạo, trực thuộc đơn vị này ({0}):</translation>
    </message>
    <message>
        <source>Likely duplicates and notes ({0}) — these rows are imported; check them afterwards:</source>
        <translation>Có thể trùng và ghi chú ({0}) — các dòng này vẫn được nhập; hãy kiểm tra lại sau:</translation>
    </message>
</context>
<context>
    <name>Initiatives</name>
    <message>
        <source>Name</source>
        <translation>Tên sáng kiến</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <source>Grassroots union</source>
        <translation>Công đoàn cơ sở</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <source>Implementation steps</source>
        <translation>Các bước thực hiện</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Phạm vi áp dụng</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Conditions for applying</source>
        <translation>Điều kiện áp dụng</translation>
    </message>
    <message>
        <source>First applied on</source>
        <translation>Ngày áp dụng lần đầu</translation>
    </message>
    <message>
        <source>Trial application</source>
        <translation>Áp dụng thử</translation>
    </message>
    <message>
        <source>Benefit value</source>
        <translation>Giá trị làm lợi</translation>
    </message>
    <message>
        <source>Social benefit</source>
        <translation>Hiệu quả xã hội</translation>
    </message>
    <message>
        <source>Recognised by</source>
        <translation>Cấp công nhận</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Reason for rejection</source>
        <translation>Lý do không hợp lệ</translation>
    </message>
    <message>
        <source>New within the unit</source>
        <translation>Có tính mới trong đơn vị</translation>
    </message>
    <message>
        <source>Under IP protection</source>
        <translation>Đang được bảo hộ sở hữu trí tuệ</translation>
    </message>
    <message>
        <source>Contrary to public order</source>
        <translation>Trái trật tự công cộng</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Uploaded to the portal</source>
        <translation>Đã đăng tải lên Cổng</translation>
    </message>
    <message>
        <source>Uploaded on</source>
        <translation>Ngày đăng tải</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Support payment</source>
        <translation>Khoản hỗ trợ</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Tạo mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Nhập từ bảng tính</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>{field} changed from {old} to {new}</source>
        <translation>{field}: {old} → {new}</translation>
    </message>
</context>
<context>
    <name>LoanDecisionDialog</name>
    <message>
        <source>Approve %1</source>
        <translation>Duyệt %1</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation>Không duyệt %1</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Không duyệt</translation>
    </message>
    <message>
        <source>Withdraw %1</source>
        <translation>Rút đơn %1</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Rút đơn</translation>
    </message>
    <message>
        <source>Disburse %1</source>
        <translation>Giải ngân %1</translation>
    </message>
    <message>
        <source>Disburse</source>
        <translation>Giải ngân</translation>
    </message>
    <message>
        <source>%1 — %2 đồng, %3 months (%4)</source>
        <translation>%1 — %2 đồng, %3 tháng (%4)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Disburse the loan</source>
        <translation>Giải ngân khoản vay</translation>
    </message>
    <message>
        <source>Pay %1 đồng out of the fund&apos;s cash to %2 now? A payment voucher is written and the schedule is fixed.</source>
        <translation>Chi %1 đồng tiền mặt của quỹ cho %2 ngay bây giờ? Phiếu chi sẽ được lập và lịch trả nợ được cố định.</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <source>New loan from %1</source>
        <translation>Cho vay từ %1</translation>
    </message>
    <message>
        <source>Disburse</source>
        <translation>Giải ngân</translation>
    </message>
    <message>
        <source>Disburse now (payment voucher)</source>
        <translation>Giải ngân ngay (lập phiếu chi)</translation>
    </message>
    <message>
        <source>Save the application only</source>
        <translation>Chỉ lưu đơn vay</translation>
    </message>
    <message>
        <source>Save the application as approved</source>
        <translation>Lưu đơn vay đã duyệt</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>Thời hạn (tháng)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục đích vay</translation>
    </message>
    <message>
        <source>Guarantor</source>
        <translation>Người bảo lãnh</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Eligibility, rule by rule</source>
        <translation>Điều kiện vay, từng quy định</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Ngày đến hạn</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Tiền gốc</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí/lãi</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Cộng</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Lịch trả nợ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Disburse the loan</source>
        <translation>Giải ngân khoản vay</translation>
    </message>
    <message>
        <source>Pay %1 đồng out of the fund&apos;s cash to %2 now? A payment voucher is written and the schedule is fixed.</source>
        <translation>Chi %1 đồng tiền mặt của quỹ cho %2 ngay bây giờ? Phiếu chi sẽ được lập và lịch trả nợ được cố định.</translation>
    </message>
</context>
<context>
    <name>LoanTableModel</name>
    <message>
        <source>Loan</source>
        <translation>Khoản vay</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Số tháng</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>Ngày giải ngân</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Dư nợ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Số ngày quá hạn</translation>
    </message>
    <message>
        <source>Overpaid</source>
        <translation>Tiền trả thừa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Close the books of %1</source>
        <translation>Khoá sổ %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Khoá sổ</translation>
    </message>
    <message>
        <source>No entry can be posted on or before this date afterwards, and the period cannot be reopened.</source>
        <translation>Sau khi khoá, không ghi được bút toán vào ngày này hoặc trước đó, và không mở lại được kỳ đã khoá.</translation>
    </message>
    <message>
        <source>Closed through</source>
        <translation>Khoá sổ đến hết ngày</translation>
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
        <source>Read only — changes cannot be saved · Database: {0}</source>
        <translation>Chỉ đọc — không thể lưu thay đổi · Cơ sở dữ liệu: {0}</translation>
    </message>
    <message>
        <source>The database file {0} (or its folder) cannot be written: you can look, search, print and export, but nothing you change can be saved. Copy the file to a folder you may write, or ask for write permission, then open it again.</source>
        <translation>Không ghi được vào tệp cơ sở dữ liệu {0} (hoặc thư mục chứa nó): có thể xem, tìm, in và xuất, nhưng mọi thay đổi đều không thể lưu. Hãy chép tệp sang một thư mục được phép ghi, hoặc xin quyền ghi, rồi mở lại.</translation>
    </message>
    <message>
        <source>Read-only database</source>
        <translation>Cơ sở dữ liệu chỉ đọc</translation>
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
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>Backups &amp;kept…</source>
        <translation>Số bản sao lưu giữ &amp;lại…</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>&amp;Mở cơ sở dữ liệu khác…</translation>
    </message>
    <message>
        <source>Recent &amp;databases</source>
        <translation>Cơ sở dữ liệu &amp;gần đây</translation>
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
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>Trade Union Register, version {0}
Offline registers for trade-union offices: organisation, initiatives, targets and reports.

Database: {1}
Backups: {2}</source>
        <translation>Sổ Công đoàn, phiên bản {0}
Sổ sách không cần mạng cho văn phòng công đoàn: tổ chức, sáng kiến, chỉ tiêu và báo cáo.

Cơ sở dữ liệu: {1}
Bản sao lưu: {2}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation>Mở cơ sở dữ liệu khác</translation>
    </message>
    <message>
        <source>Sổ Công đoàn databases (*.sqlite)</source>
        <translation>Cơ sở dữ liệu Sổ Công đoàn (*.sqlite)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>This database is already open.</source>
        <translation>Cơ sở dữ liệu này đang mở.</translation>
    </message>
    <message>
        <source>No other database opened yet</source>
        <translation>Chưa mở cơ sở dữ liệu nào khác</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Đang sao lưu cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Backup saved: {0}</source>
        <translation>Đã sao lưu: {0}</translation>
    </message>
    <message>
        <source>The database was backed up to
{0}</source>
        <translation>Cơ sở dữ liệu đã được sao lưu vào
{0}</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Backup settings saved.</source>
        <translation>Đã lưu thiết lập sao lưu.</translation>
    </message>
    <message>
        <source>{0} “{1}” backups</source>
        <translation>{0} bản “{1}”</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Số bản sao lưu giữ lại</translation>
    </message>
    <message>
        <source>Fewer backups than there are now: the oldest will be deleted at the next backup of their kind — {0}. Keep these numbers?</source>
        <translation>Ít hơn số bản sao lưu đang có: các bản cũ nhất sẽ bị xóa ở lần sao lưu tiếp theo của loại đó — {0}. Vẫn lưu các số này?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>The database will be replaced by the backup {0} ({1}).

The current database is kept first as a backup of kind “before a restore”, so this can be undone. The program then closes; start it again to work with the restored data.</source>
        <translation>Cơ sở dữ liệu sẽ được thay bằng bản sao lưu {0} ({1}).

Trước đó, cơ sở dữ liệu hiện tại được giữ lại thành một bản sao lưu loại “trước khi khôi phục”, nên có thể hoàn tác. Sau đó chương trình sẽ đóng; hãy khởi động lại để làm việc với dữ liệu đã khôi phục.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Restoring the database…</source>
        <translation>Đang khôi phục cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>The database was restored from {0}.
The replaced database is kept as {1}.

The program will now close; start it again to use the restored data.</source>
        <translation>Đã khôi phục cơ sở dữ liệu từ {0}.
Cơ sở dữ liệu bị thay được giữ ở {1}.

Chương trình sẽ đóng bây giờ; hãy khởi động lại để dùng dữ liệu đã khôi phục.</translation>
    </message>
    <message>
        <source>The database was restored from {0}.

The program will now close; start it again to use the restored data.</source>
        <translation>Đã khôi phục cơ sở dữ liệu từ {0}.

Chương trình sẽ đóng bây giờ; hãy khởi động lại để dùng dữ liệu đã khôi phục.</translation>
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
        <source>Date of birth: {0}</source>
        <translation>Ngày sinh: {0}</translation>
    </message>
    <message>
        <source>Member since: {0}</source>
        <translation>Ngày vào công đoàn: {0}</translation>
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
    <name>MoneyEdit</name>
    <message>
        <source>“%1” is not an amount of money (type whole đồng, e.g. 1.500.000).</source>
        <extracomment>0 is an amount here (a cash count that finds the till empty), however it is typed</extracomment>
        <translation>“%1” không phải số tiền (ghi số nguyên đồng, ví dụ 1.500.000).</translation>
    </message>
    <message>
        <source>Type the amount in whole đồng.</source>
        <translation>Hãy nhập số tiền bằng số nguyên đồng.</translation>
    </message>
    <message>
        <source>The amount must be greater than 0.</source>
        <translation>Số tiền phải lớn hơn 0.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>at least %1 characters</source>
        <translation>ít nhất %1 ký tự</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Type it a&amp;gain:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>Mật khẩu phải có ít nhất %1 ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại.</translation>
    </message>
</context>
<context>
    <name>NomineeDialog</name>
    <message>
        <source>Nominee</source>
        <translation>Người được đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>(not in the member list: type the name)</source>
        <translation>(không có trong danh sách đoàn viên: gõ họ tên)</translation>
    </message>
    <message>
        <source>Worker without a leadership post</source>
        <translation>Người lao động không giữ chức vụ lãnh đạo</translation>
    </message>
    <message>
        <source>University level</source>
        <translation>Cấp đại học</translation>
    </message>
    <message>
        <source>Leader or manager</source>
        <translation>Cán bộ lãnh đạo, quản lý</translation>
    </message>
    <message>
        <source>Register numbers, e.g. LC-SK-2022-00001, LC-SK-2023-00017</source>
        <translation>Số trong sổ sáng kiến, ví dụ LC-SK-2022-00001, LC-SK-2023-00017</translation>
    </message>
    <message>
        <source>Find in the register by name or number</source>
        <translation>Tìm trong sổ theo tên hoặc số sáng kiến</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>Đoàn viê&amp;n:</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>&amp;Chức vụ:</translation>
    </message>
    <message>
        <source>&amp;Award:</source>
        <translation>Hình thức &amp;khen thưởng:</translation>
    </message>
    <message>
        <source>Creative Labour &amp;threshold:</source>
        <translation>&amp;Mức xét Lao động sáng tạo:</translation>
    </message>
    <message>
        <source>F&amp;ind an initiative:</source>
        <translation>Tìm sán&amp;g kiến:</translation>
    </message>
    <message>
        <source>Linked &amp;initiatives:</source>
        <translation>&amp;Sáng kiến gắn kèm:</translation>
    </message>
    <message>
        <source>Achievement &amp;summary:</source>
        <translation>&amp;Tóm tắt thành tích:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>Member born {0}, {1}</source>
        <translation>Đoàn viên sinh ngày {0}, {1}</translation>
    </message>
    <message>
        <source>Choose the collective&apos;s unit (or type its name).</source>
        <translation>Hãy chọn đơn vị của tập thể (hoặc gõ tên tập thể).</translation>
    </message>
    <message>
        <source>Enter the full name (or the collective&apos;s name).</source>
        <translation>Hãy nhập họ và tên (hoặc tên tập thể).</translation>
    </message>
</context>
<context>
    <name>NomineeTableModel</name>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Name (person or collective)</source>
        <translation>Họ và tên / Tên tập thể</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Đề nghị</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Được khen thưởng</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Không được khen thưởng</translation>
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
        <source>No units yet — add the grassroots unions or import them from a workbook.</source>
        <translation>Chưa có đơn vị — Thêm các công đoàn cơ sở hoặc Nhập từ bảng tính.</translation>
    </message>
    <message>
        <source>No members here yet — add one or import a list from a workbook.</source>
        <translation>Chưa có đoàn viên — Thêm đoàn viên hoặc Nhập danh sách từ bảng tính.</translation>
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
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <source>Paid on</source>
        <translation>Ngày chi</translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Đơn vị chi</translation>
    </message>
    <message>
        <source>e.g. 100.000</source>
        <translation>ví dụ: 100.000</translation>
    </message>
    <message>
        <source>Who paid, e.g. the district federation</source>
        <translation>Đơn vị chi, ví dụ: LĐLĐ huyện</translation>
    </message>
    <message>
        <source>Add pa&amp;yment</source>
        <translation>&amp;Thêm khoản hỗ trợ</translation>
    </message>
    <message>
        <source>Save the initiative first; then support payments can be recorded.</source>
        <translation>Hãy lưu sáng kiến trước, sau đó mới ghi được các khoản hỗ trợ.</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Số tiền:</translation>
    </message>
    <message>
        <source>Paid by:</source>
        <translation>Đơn vị chi:</translation>
    </message>
    <message>
        <source>{0} payment(s), {1} đồng in all.</source>
        <translation>{0} khoản, tổng {1} đồng.</translation>
    </message>
    <message>
        <source>Enter the date of the payment (dd/mm/yyyy).</source>
        <translation>Hãy ghi ngày chi (nn/tt/nnnn).</translation>
    </message>
    <message>
        <source>Enter the amount in đồng.</source>
        <translation>Hãy ghi số tiền (đồng).</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>{0} page(s)</source>
        <translation>{0} trang</translation>
    </message>
    <message>
        <source>The document could not be shown.</source>
        <translation>Không hiển thị được văn bản.</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Vừa &amp;chiều rộng</translation>
    </message>
    <message>
        <source>Whole &amp;page</source>
        <translation>Cả &amp;trang</translation>
    </message>
    <message>
        <source>&amp;Open the file after saving</source>
        <translation>&amp;Mở tệp sau khi lưu</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Lưu…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>Print {0}</source>
        <translation>In {0}</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Đã hủy in.</translation>
    </message>
    <message>
        <source>Sent {0} page(s) to the printer.</source>
        <translation>Đã gửi {0} trang tới máy in.</translation>
    </message>
    <message>
        <source>Nothing was printed.</source>
        <translation>Không có trang nào được in.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
        <source>Printing {0}…</source>
        <translation>Đang in {0}…</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Lưu tệp PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>Đã lưu vào {0}.</translation>
    </message>
    <message>
        <source>Saved to {0}; no program to open PDF files was found.</source>
        <translation>Đã lưu vào {0}; không tìm thấy chương trình mở tệp PDF.</translation>
    </message>
</context>
<context>
    <name>PhasesDialog</name>
    <message>
        <source>Programme phases</source>
        <translation>Các giai đoạn của chương trình</translation>
    </message>
    <message>
        <source>Each initiative counts toward the phase its registration date falls in. Change the dates of one phase; the initiatives are moved to the right phase.</source>
        <translation>Mỗi sáng kiến được tính vào giai đoạn chứa ngày đăng ký của nó. Sửa thời gian của một giai đoạn; các sáng kiến sẽ được xếp lại vào đúng giai đoạn.</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>P&amp;rogramme:</source>
        <translation>C&amp;hương trình:</translation>
    </message>
    <message>
        <source>P&amp;hase:</source>
        <translation>&amp;Giai đoạn:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Đế&amp;n ngày:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Choose a phase.</source>
        <translation>Hãy chọn một giai đoạn.</translation>
    </message>
    <message>
        <source>Enter both dates (dd/mm/yyyy).</source>
        <translation>Hãy ghi cả hai ngày (nn/tt/nnnn).</translation>
    </message>
    <message>
        <source>The phase ends before it starts.</source>
        <translation>Ngày kết thúc giai đoạn trước ngày bắt đầu.</translation>
    </message>
    <message>
        <source>These dates overlap {0} ({1} – {2}).</source>
        <translation>Các ngày này trùng với {0} ({1} – {2}).</translation>
    </message>
    <message>
        <source>The dates are unchanged.</source>
        <translation>Thời gian không thay đổi.</translation>
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
    <name>PreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation>Xem trước khi nhập</translation>
    </message>
    <message>
        <source>will be applied</source>
        <translation>sẽ được áp dụng</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>đã nhập trước đây</translation>
    </message>
    <message>
        <source>waiting for a missing package</source>
        <translation>chờ gói còn thiếu</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ văn phòng</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>will be applied, except %1 rows that cannot be stored</source>
        <translation>sẽ được áp dụng, trừ %1 dòng không lưu được</translation>
    </message>
    <message>
        <source>Choose a file to read its reasons in full.</source>
        <translation>Chọn một tệp để đọc đầy đủ lý do.</translation>
    </message>
    <message>
        <source>Files that can be applied: %1</source>
        <translation>Số tệp có thể áp dụng: %1</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>… and %1 more (below)</source>
        <translation>… và %1 lý do khác (xem bên dưới)</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… và %1 lý do khác</translation>
    </message>
    <message>
        <source>%1 rows of these packages cannot be stored here and will be left out. First reasons:
%2

Apply the rest anyway?</source>
        <translation>%1 dòng của các gói này không lưu được ở đây và sẽ bị bỏ qua. Những lý do đầu tiên:
%2

Vẫn áp dụng phần còn lại?</translation>
    </message>
    <message>
        <source>Rows left out</source>
        <translation>Các dòng bị bỏ qua</translation>
    </message>
    <message>
        <source>Apply the rest</source>
        <translation>Áp dụng phần còn lại</translation>
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
    <name>ProgressOverTimeChart</name>
    <message>
        <source>Progress over time</source>
        <translation>Tiến độ theo thời gian</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Đã đạt (lũy kế)</translation>
    </message>
    <message>
        <source>Target {0}</source>
        <translation>Chỉ tiêu {0}</translation>
    </message>
    <message>
        <source>Pro-rata</source>
        <translation>Theo tiến độ</translation>
    </message>
    <message>
        <source>By {0}: {1}</source>
        <translation>Đến ngày {0}: {1}</translation>
    </message>
</context>
<context>
    <name>RateEdit</name>
    <message>
        <source>% a year</source>
        <translation>%/năm</translation>
    </message>
</context>
<context>
    <name>RefundCreditDialog</name>
    <message>
        <source>Refund the overpayment on %1</source>
        <translation>Hoàn trả tiền thừa khoản vay %1</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Hoàn trả</translation>
    </message>
    <message>
        <source>%1 overpaid %2 đồng on this loan.</source>
        <translation>%1 đã trả thừa %2 đồng cho khoản vay này.</translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Restored {0} initiative(s).</source>
        <translation>Đã khôi phục {0} sáng kiến.</translation>
    </message>
    <message>
        <source>Search names, authors, units and descriptions, with or without tone marks (Ctrl+F)</source>
        <translation>Tìm theo tên, tác giả, đơn vị, nội dung — gõ có dấu hay không dấu đều được (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Bộ lọc</translation>
    </message>
    <message>
        <source>Show or hide the filters (Ctrl+Shift+L)</source>
        <translation>Hiện hoặc ẩn bộ lọc (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Xóa bộ lọc</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <source>A unit and its sub-units</source>
        <translation>Một đơn vị và các đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>List for the national portal (recognised initiatives)…</source>
        <translation>Danh sách đăng tải lên Cổng (sáng kiến đã công nhận)…</translation>
    </message>
    <message>
        <source>List for the national portal, with those under review…</source>
        <translation>Danh sách đăng tải lên Cổng, gồm cả sáng kiến đang xem xét…</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>Tất cả chương trình</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Mọi năm</translation>
    </message>
    <message>
        <source>from</source>
        <translation>từ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Confidential only</source>
        <translation>Chỉ sáng kiến mật</translation>
    </message>
    <message>
        <source>Not confidential</source>
        <translation>Không mật</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Đã đăng tải</translation>
    </message>
    <message>
        <source>Not uploaded</source>
        <translation>Chưa đăng tải</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>&amp;Programme:</source>
        <translation>&amp;Chương trình:</translation>
    </message>
    <message>
        <source>P&amp;hase:</source>
        <translation>Giai đ&amp;oạn:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>F&amp;ield:</source>
        <translation>Lĩ&amp;nh vực:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Tình t&amp;rạng:</translation>
    </message>
    <message>
        <source>&amp;Benefit (đồng):</source>
        <translation>Là&amp;m lợi (đồng):</translation>
    </message>
    <message>
        <source>P&amp;ortal:</source>
        <translation>Cổng t&amp;hông tin:</translation>
    </message>
    <message>
        <source>&amp;Confidential:</source>
        <translation>&amp;Sáng kiến mật:</translation>
    </message>
    <message>
        <source>No initiatives yet — add one or import a register from a workbook.</source>
        <translation>Chưa có sáng kiến — Thêm sáng kiến hoặc Nhập từ bảng tính.</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>Năm đăng &amp;ký:</translation>
    </message>
    <message>
        <source>New initiative…</source>
        <translation>Thêm sáng kiến…</translation>
    </message>
    <message>
        <source>Edit initiative…</source>
        <translation>Sửa sáng kiến…</translation>
    </message>
    <message>
        <source>Delete initiative</source>
        <translation>Xóa sáng kiến</translation>
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
        <source>Mark valid</source>
        <translation>Đánh dấu hợp lệ</translation>
    </message>
    <message>
        <source>Mark not valid…</source>
        <translation>Đánh dấu không hợp lệ…</translation>
    </message>
    <message>
        <source>Import from a workbook…</source>
        <translation>Nhập từ bảng tính…</translation>
    </message>
    <message>
        <source>Register workbook…</source>
        <translation>Sổ theo dõi sáng kiến (Excel)…</translation>
    </message>
    <message>
        <source>Blank import template…</source>
        <translation>Mẫu bảng tính để nhập…</translation>
    </message>
    <message>
        <source>Description report (PDF)…</source>
        <translation>Báo cáo mô tả sáng kiến (PDF)…</translation>
    </message>
    <message>
        <source>Recognition decision for the valid initiatives (PDF)…</source>
        <translation>Quyết định công nhận các sáng kiến hợp lệ (PDF)…</translation>
    </message>
    <message>
        <source>Programme phases…</source>
        <translation>Giai đoạn chương trình…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Show or hide the filters</source>
        <translation>Hiện hoặc ẩn bộ lọc</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>Sáng kiến</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Xét duyệt</translation>
    </message>
    <message>
        <source>Mark the selected initiatives valid or not valid</source>
        <translation>Đánh dấu các sáng kiến đã chọn là hợp lệ hoặc không hợp lệ</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>All phases</source>
        <translation>Mọi giai đoạn</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <source>{0} initiatives match “{1}”</source>
        <translation>{0} sáng kiến khớp với “{1}”</translation>
    </message>
    <message>
        <source>{0} initiatives match the filters</source>
        <translation>{0} sáng kiến khớp với bộ lọc</translation>
    </message>
    <message>
        <source>{0} initiatives</source>
        <translation>{0} sáng kiến</translation>
    </message>
    <message>
        <source>Total benefit: {0} đồng</source>
        <translation>Tổng giá trị làm lợi: {0} đồng</translation>
    </message>
    <message>
        <source>The count failed: {0}</source>
        <translation>Không đếm được: {0}</translation>
    </message>
    <message>
        <source>Initiative added.</source>
        <translation>Đã thêm sáng kiến.</translation>
    </message>
    <message>
        <source>Initiative saved.</source>
        <translation>Đã lưu sáng kiến.</translation>
    </message>
    <message>
        <source>Deleted initiative {0} “{1}”.</source>
        <translation>Đã xóa sáng kiến {0} “{1}”.</translation>
    </message>
    <message>
        <source>Deleted {0} initiatives.</source>
        <translation>Đã xóa {0} sáng kiến.</translation>
    </message>
    <message>
        <source>{0} does not meet every eligibility rule:
{1}

Mark it valid anyway?</source>
        <translation>Sáng kiến {0} không đáp ứng đủ các điều kiện công nhận:
{1}

Vẫn đánh dấu hợp lệ?</translation>
    </message>
    <message>
        <source>{0} of the selected initiatives do not meet every eligibility rule. Mark them valid anyway?</source>
        <translation>{0} sáng kiến đã chọn không đáp ứng đủ các điều kiện công nhận. Vẫn đánh dấu hợp lệ?</translation>
    </message>
    <message>
        <source>Marked {0} initiative(s) valid.</source>
        <translation>Đã đánh dấu {0} sáng kiến hợp lệ.</translation>
    </message>
    <message>
        <source>Marked {0} initiative(s) not valid.</source>
        <translation>Đã đánh dấu {0} sáng kiến không hợp lệ.</translation>
    </message>
    <message>
        <source>{0}: {1} now runs {2} – {3}; {4} initiative(s) changed phase.</source>
        <translation>{0}: {1} nay từ {2} đến {3}; {4} sáng kiến đã chuyển giai đoạn.</translation>
    </message>
    <message>
        <source>Moving initiatives to their phases…</source>
        <translation>Đang xếp lại giai đoạn cho các sáng kiến…</translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Tên sáng kiến</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Ph.</source>
        <translation>GĐ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Reg. date</source>
        <translation>Ngày ĐK</translation>
    </message>
    <message>
        <source>Benefit (đ)</source>
        <translation>Làm lợi (đ)</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <source>Conf.</source>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Cổng</translation>
    </message>
    <message>
        <source>Register number; the list starts with the newest</source>
        <translation>Số đăng ký; sáng kiến mới nhất ở đầu danh sách</translation>
    </message>
    <message>
        <source>Economic benefit per year, in đồng</source>
        <translation>Giá trị làm lợi kinh tế mỗi năm, tính bằng đồng</translation>
    </message>
    <message>
        <source>Eligibility for the programme (point at a mark for the reasons)</source>
        <translation>Điều kiện công nhận theo chương trình (trỏ chuột vào dấu để xem lý do)</translation>
    </message>
    <message>
        <source>Confidential: leaves the office with name, effect and awards only</source>
        <translation>Mật: khi gửi ra ngoài chỉ có tên, hiệu quả và khen thưởng</translation>
    </message>
    <message>
        <source>Uploaded to the national initiatives portal</source>
        <translation>Đã đăng tải lên Cổng thông tin sáng kiến</translation>
    </message>
    <message>
        <source>Phase of the programme, from the registration date</source>
        <translation>Giai đoạn của chương trình, theo ngày đăng ký</translation>
    </message>
    <message>
        <source>Date of registration</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <source>Meets every eligibility rule.</source>
        <translation>Đáp ứng mọi điều kiện công nhận.</translation>
    </message>
    <message>
        <source>Not eligible yet:</source>
        <translation>Chưa đủ điều kiện:</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Uploaded to the portal</source>
        <translation>Đã đăng tải lên Cổng</translation>
    </message>
</context>
<context>
    <name>RegisterTransfers</name>
    <message>
        <source>Import initiatives from a workbook</source>
        <translation>Nhập sáng kiến từ bảng tính</translation>
    </message>
    <message>
        <source>initiatives</source>
        <translation>sáng kiến</translation>
    </message>
    <message>
        <source>{0} may be duplicates: check them.</source>
        <translation>{0} sáng kiến có thể bị trùng: hãy kiểm tra lại.</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>Xuất sổ theo dõi sáng kiến</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>List for the national portal</source>
        <translation>Danh sách đăng tải lên Cổng thông tin sáng kiến</translation>
    </message>
    <message>
        <source>Blank import template</source>
        <translation>Mẫu bảng tính để nhập sáng kiến</translation>
    </message>
    <message>
        <source>Wrote {0} initiatives to {1}.</source>
        <translation>Đã ghi {0} sáng kiến vào {1}.</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>Đã lưu {0}.</translation>
    </message>
    <message>
        <source>Writing {0}…</source>
        <translation>Đang ghi {0}…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Đã hủy xuất dữ liệu; không có tệp nào được ghi.</translation>
    </message>
    <message>
        <source>Description report</source>
        <translation>Báo cáo mô tả sáng kiến</translation>
    </message>
    <message>
        <source>Preparing {0}…</source>
        <translation>Đang chuẩn bị {0}…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was printed.</source>
        <translation>Đã hủy; không có gì được in.</translation>
    </message>
    <message>
        <source>Recognition decision</source>
        <translation>Quyết định công nhận</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Mark as not valid</source>
        <translation>Đánh dấu không hợp lệ</translation>
    </message>
    <message>
        <source>Why is this initiative not valid? The reason is kept with it and shown to its authors.</source>
        <translation>Vì sao sáng kiến này không hợp lệ? Lý do được lưu cùng sáng kiến để thông báo cho tác giả.</translation>
    </message>
    <message>
        <source>Why are these {0} initiatives not valid? The same reason is kept with each.</source>
        <translation>Vì sao {0} sáng kiến này không hợp lệ? Cùng một lý do được lưu cho từng sáng kiến.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>Mark not valid</source>
        <translation>Đánh dấu không hợp lệ</translation>
    </message>
    <message>
        <source>Write the reason.</source>
        <translation>Hãy ghi lý do.</translation>
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
    <name>RemoveEnrolmentDialog</name>
    <message>
        <source>Remove an enrolment</source>
        <translation>Xoá văn phòng đã cấp khoá</translation>
    </message>
    <message>
        <source>The chosen office is forgotten: its packages will be refused and the changes waiting only for its acknowledgement are dropped. Use this for an enrolment made by mistake (a mistyped code).</source>
        <translation>Văn phòng được chọn sẽ bị bỏ: các gói của văn phòng đó sẽ bị từ chối, và các thay đổi chỉ còn chờ văn phòng đó xác nhận sẽ được bỏ. Chỉ dùng khi đã cấp khoá nhầm (gõ sai mã).</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>&amp;Văn phòng:</translation>
    </message>
    <message>
        <source>Remove the enrolment</source>
        <translation>Xoá văn phòng này</translation>
    </message>
</context>
<context>
    <name>RepaymentDialog</name>
    <message>
        <source>Repayment of %1</source>
        <translation>Thu nợ khoản vay %1</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Ghi sổ</translation>
    </message>
    <message>
        <source>%1 — outstanding %2 đồng, overdue %3 đồng</source>
        <translation>%1 — dư nợ %2 đồng, quá hạn %3 đồng</translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Applied as</source>
        <translation>Phân bổ</translation>
    </message>
    <message>
        <source>principal %1</source>
        <translation>gốc %1</translation>
    </message>
    <message>
        <source>fee %1</source>
        <translation>phí/lãi %1</translation>
    </message>
    <message>
        <source>credit %1</source>
        <translation>trả thừa %1</translation>
    </message>
    <message>
        <source> (instalments %1)</source>
        <translation> (kỳ %1)</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Progress against targets…</source>
        <translation>Báo cáo tiến độ thực hiện chỉ tiêu…</translation>
    </message>
    <message>
        <source>The units shown, with target, achieved, percent and shortfall</source>
        <translation>Các đơn vị đang hiển thị: chỉ tiêu, đã đạt, tỷ lệ và số còn thiếu</translation>
    </message>
    <message>
        <source>Initiative summary of the phase…</source>
        <translation>Tổng hợp sáng kiến của giai đoạn…</translation>
    </message>
    <message>
        <source>Initiatives by kind, field and sector, with their benefit value</source>
        <translation>Sáng kiến theo loại giải pháp, lĩnh vực và khối, kèm giá trị làm lợi</translation>
    </message>
    <message>
        <source>Mutual-aid fund model targets</source>
        <translation>Chỉ tiêu mô hình Quỹ Tương hỗ Công đoàn</translation>
    </message>
    <message>
        <source>Year {0}…</source>
        <translation>Năm {0}…</translation>
    </message>
    <message>
        <source>No fund model targets yet</source>
        <translation>Chưa có chỉ tiêu mô hình quỹ</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {0}…</source>
        <translation>Đang lập {0}…</translation>
    </message>
    <message>
        <source>The report was saved to {0}.</source>
        <translation>Đã lưu báo cáo vào {0}.</translation>
    </message>
    <message>
        <source>Save the progress report</source>
        <translation>Lưu báo cáo tiến độ thực hiện chỉ tiêu</translation>
    </message>
    <message>
        <source>Save the initiative summary</source>
        <translation>Lưu báo cáo tổng hợp sáng kiến</translation>
    </message>
    <message>
        <source>Save the fund model targets</source>
        <translation>Lưu biểu chỉ tiêu mô hình Quỹ Tương hỗ</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule %1</source>
        <translation>Cơ cấu lại khoản vay %1</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Cơ cấu lại</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>New term (months)</source>
        <translation>Thời hạn mới (tháng)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Choose the backup to bring back (newest first).</source>
        <translation>Chọn bản sao lưu cần khôi phục (mới nhất ở trên).</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Khôi phục…</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse %1</source>
        <translation>Đảo bút toán %1</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Đảo bút toán</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>New commendation round</source>
        <translation>Đợt khen thưởng mới</translation>
    </message>
    <message>
        <source>Grassroots union (CĐCS)</source>
        <translation>Công đoàn cơ sở (CĐCS)</translation>
    </message>
    <message>
        <source>Upper-level union</source>
        <translation>Công đoàn cấp trên trực tiếp cơ sở</translation>
    </message>
    <message>
        <source>Province federation</source>
        <translation>Liên đoàn Lao động tỉnh</translation>
    </message>
    <message>
        <source>Vietnam General Confederation of Labour (TLĐ)</source>
        <translation>Tổng Liên đoàn Lao động Việt Nam</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên đợt:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Cấp:</translation>
    </message>
    <message>
        <source>Award forms:</source>
        <translation>Hình thức khen thưởng:</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Hạn nộp hồ sơ:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Enter the round&apos;s name.</source>
        <translation>Hãy nhập tên đợt khen thưởng.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Rules of %1</source>
        <translation>Quy định của %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Fee first, then principal</source>
        <translation>Thu phí/lãi trước, rồi gốc</translation>
    </message>
    <message>
        <source>Principal first, then fee</source>
        <translation>Thu gốc trước, rồi phí/lãi</translation>
    </message>
    <message>
        <source>A member may borrow again before repaying</source>
        <translation>Cho phép vay tiếp khi chưa trả hết khoản trước</translation>
    </message>
    <message>
        <source>Loan ceiling (đồng)</source>
        <translation>Mức vay tối đa (đồng)</translation>
    </message>
    <message>
        <source>Longest term (months)</source>
        <translation>Thời hạn vay tối đa (tháng)</translation>
    </message>
    <message>
        <source>Fee or interest</source>
        <translation>Phí/lãi</translation>
    </message>
    <message>
        <source>Instalments rounded to (đồng)</source>
        <translation>Làm tròn kỳ trả tới (đồng)</translation>
    </message>
    <message>
        <source>Grace days</source>
        <translation>Số ngày ân hạn</translation>
    </message>
    <message>
        <source>Arrears buckets (days)</source>
        <translation>Nhóm nợ quá hạn (ngày)</translation>
    </message>
    <message>
        <source>Repayment order</source>
        <translation>Thứ tự thu nợ</translation>
    </message>
    <message>
        <source>Guidance followed</source>
        <translation>Văn bản hướng dẫn áp dụng</translation>
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
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>asked for every export and import</source>
        <translation>cần cho mỗi lần xuất và nhập gói</translation>
    </message>
    <message>
        <source>Import enrolment file…</source>
        <translation>Nhập tệp cấp khoá…</translation>
    </message>
    <message>
        <source>Create province keys</source>
        <translation>Tạo khoá cho văn phòng tỉnh</translation>
    </message>
    <message>
        <source>Enrol an office…</source>
        <translation>Cấp khoá cho một văn phòng…</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Khoá</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>Mật khẩu khoá:</translation>
    </message>
    <message>
        <source>Export package…</source>
        <translation>Xuất gói…</translation>
    </message>
    <message>
        <source>Import packages…</source>
        <translation>Nhập gói…</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Gói đồng bộ</translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation>Gửi cho:</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Văn phòng</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Sent up to</source>
        <translation>Đã gửi đến gói số</translation>
    </message>
    <message>
        <source>Received up to</source>
        <translation>Đã nhận đến gói số</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Chiều</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ văn phòng</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Các trường</translation>
    </message>
    <message>
        <source>Kept for now</source>
        <translation>Tạm giữ</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>Văn phòng này</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận được</translation>
    </message>
    <message>
        <source>Keep this office&apos;s version</source>
        <translation>Giữ bản của văn phòng này</translation>
    </message>
    <message>
        <source>Keep the received version</source>
        <translation>Giữ bản nhận được</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>Các văn phòng</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>This office has no sync keys yet. A district imports the enrolment file the province sent; the province creates its own keys once.</source>
        <translation>Văn phòng này chưa có khoá đồng bộ. Văn phòng huyện nhập tệp cấp khoá do tỉnh gửi; văn phòng tỉnh tạo khoá của mình một lần.</translation>
    </message>
    <message>
        <source>province</source>
        <translation>tỉnh</translation>
    </message>
    <message>
        <source>district</source>
        <translation>huyện</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>đã thu hồi</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>đã gửi</translation>
    </message>
    <message>
        <source>received</source>
        <translation>nhận được</translation>
    </message>
    <message>
        <source>Remove an enrolment…</source>
        <translation>Xoá văn phòng đã cấp khoá…</translation>
    </message>
    <message>
        <source>Forget an office enrolled by mistake; the changes waiting only for it are dropped</source>
        <translation>Bỏ một văn phòng cấp khoá nhầm; các thay đổi chỉ còn chờ văn phòng đó xác nhận sẽ được bỏ</translation>
    </message>
    <message>
        <source>Not yet confirmed by them</source>
        <translation>Họ chưa xác nhận</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Dấu vân tay khoá</translation>
    </message>
    <message>
        <source>Every change of this office has been confirmed.</source>
        <translation>Mọi thay đổi của văn phòng này đã được xác nhận.</translation>
    </message>
    <message>
        <source>Waiting for the offices to confirm: %1 changes.</source>
        <translation>Chờ các văn phòng xác nhận: %1 thay đổi.</translation>
    </message>
    <message>
        <source>Waiting for the province to confirm: %1 changes.</source>
        <translation>Chờ tỉnh xác nhận: %1 thay đổi.</translation>
    </message>
    <message>
        <source>This office: %1, %2. Key fingerprint: %3.</source>
        <translation>Văn phòng này: %1, cấp %2. Dấu vân tay khoá: %3.</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 thay đổi</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không còn</translation>
    </message>
    <message>
        <source>sent out</source>
        <translation>gửi đi</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>đã áp dụng</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>đã nhập trước đó</translation>
    </message>
    <message>
        <source>waiting for a missing package</source>
        <translation>chờ gói còn thiếu</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <source>package no. %1</source>
        <translation>gói số %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>this office&apos;s</source>
        <translation>của văn phòng này</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Xung đột (%1)</translation>
    </message>
    <message>
        <source>Choose a conflict above to see both versions.</source>
        <translation>Chọn một xung đột ở trên để xem hai phiên bản.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Không có xung đột nào.</translation>
    </message>
    <message>
        <source>%1: %2 — both this office and %3 changed it.</source>
        <translation>%1: %2 — cả văn phòng này và %3 đều đã sửa.</translation>
    </message>
    <message>
        <source>Type the key passphrase first.</source>
        <translation>Hãy nhập mật khẩu khoá trước.</translation>
    </message>
    <message>
        <source>The province&apos;s keys are sealed with this passphrase; it is asked for every export and import. Keep it safe: without it the keys cannot be used.</source>
        <translation>Khoá của văn phòng tỉnh được niêm phong bằng mật khẩu này; mật khẩu được hỏi mỗi lần xuất và nhập gói. Hãy giữ cẩn thận: thiếu mật khẩu thì không dùng được khoá.</translation>
    </message>
    <message>
        <source>Create keys</source>
        <translation>Tạo khoá</translation>
    </message>
    <message>
        <source>The province&apos;s keys are made. Enrol each office with &quot;Enrol an office…&quot;.</source>
        <translation>Đã tạo khoá của văn phòng tỉnh. Hãy cấp khoá cho từng văn phòng bằng nút «Cấp khoá cho một văn phòng…».</translation>
    </message>
    <message>
        <source>Enrolment file</source>
        <translation>Tệp cấp khoá</translation>
    </message>
    <message>
        <source>Enrolment files (*.scdkey)</source>
        <translation>Tệp cấp khoá (*.scdkey)</translation>
    </message>
    <message>
        <source>Replace the keys</source>
        <translation>Thay khoá</translation>
    </message>
    <message>
        <source>This office already has sync keys, never used to send a package (made by mistake?). Replace them with the keys of the enrolment file?</source>
        <translation>Văn phòng này đã có khoá đồng bộ nhưng chưa gửi gói nào bằng khoá đó (tạo nhầm?). Thay bằng khoá trong tệp cấp khoá?</translation>
    </message>
    <message>
        <source>Enrolment imported: this office is %1, its province %2. Import the province&apos;s first package next.</source>
        <translation>Đã nhập tệp cấp khoá: văn phòng này là %1, thuộc tỉnh %2. Bước tiếp theo: nhập gói đầu tiên của tỉnh.</translation>
    </message>
    <message>
        <source>Add the office&apos;s unit on the Organisation page first.</source>
        <translation>Hãy thêm đơn vị của văn phòng đó ở trang Tổ chức trước.</translation>
    </message>
    <message>
        <source>Enrolment file for %1 written: %2. Tell the office its passphrase by telephone.</source>
        <translation>Đã ghi tệp cấp khoá cho %1: %2. Hãy báo mật khẩu cho văn phòng qua điện thoại.</translation>
    </message>
    <message>
        <source>Remove an enrolment</source>
        <translation>Xoá văn phòng đã cấp khoá</translation>
    </message>
    <message>
        <source>Forget office %1? Its packages will be refused and the changes waiting only for its acknowledgement are dropped.</source>
        <translation>Bỏ văn phòng %1? Các gói của văn phòng đó sẽ bị từ chối, và các thay đổi chỉ còn chờ văn phòng đó xác nhận sẽ được bỏ.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <source>No new changes</source>
        <translation>Không có thay đổi mới</translation>
    </message>
    <message>
        <source>No new changes for %1. Write a package anyway to tell %1 that its packages were received? A package that only carries acknowledgements lets %1 clear what it has sent.</source>
        <translation>Không có thay đổi mới cho %1. Vẫn tạo gói để báo đã nhận? Gói chỉ mang xác nhận đã nhận giúp %1 biết các gói của họ đã tới và dọn phần đã gửi.</translation>
    </message>
    <message>
        <source>Write the package</source>
        <translation>Tạo gói</translation>
    </message>
    <message>
        <source>Folder for the package</source>
        <translation>Thư mục ghi gói</translation>
    </message>
    <message>
        <source>Package %1 written for %2 (%3 changes): %4</source>
        <translation>Đã ghi gói số %1 gửi %2 (%3 thay đổi): %4</translation>
    </message>
    <message>
        <source>Package %1 written for %2 (acknowledgements only, no new changes): %4</source>
        <translation>Đã ghi gói số %1 gửi %2 (chỉ mang xác nhận đã nhận, không có thay đổi mới): %4</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>Đang ghi gói…</translation>
    </message>
    <message>
        <source>Sync packages</source>
        <translation>Gói đồng bộ</translation>
    </message>
    <message>
        <source>Checking the packages…</source>
        <translation>Đang kiểm tra các gói…</translation>
    </message>
    <message>
        <source>Applying %1 package file(s)… Cancel writes nothing.</source>
        <translation>Đang áp dụng %1 tệp gói… Bấm Hủy thì không có gì được ghi.</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Đã huỷ việc nhập gói: không có gì được ghi.</translation>
    </message>
    <message>
        <source>Applied %1 package(s): %2 new, %3 updated, %4 unchanged, %5 conflict(s), %6 rejected.</source>
        <translation>Đã áp dụng %1 gói: %2 bản ghi mới, %3 cập nhật, %4 không đổi, %5 xung đột, %6 bị từ chối.</translation>
    </message>
    <message>
        <source>%1 already imported before</source>
        <translation>%1 tệp đã nhập trước đó</translation>
    </message>
    <message>
        <source>%1 waiting for a missing package</source>
        <translation>%1 tệp chờ gói còn thiếu</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1 tệp bị từ chối</translation>
    </message>
    <message>
        <source>Files not applied: %1.</source>
        <translation>Tệp không được áp dụng: %1.</translation>
    </message>
    <message>
        <source>See the Conflicts tab to decide them.</source>
        <translation>Hãy mở thẻ Xung đột để quyết định.</translation>
    </message>
    <message>
        <source>this office&apos;s version</source>
        <translation>phiên bản của văn phòng này</translation>
    </message>
    <message>
        <source>the version received from %1</source>
        <translation>phiên bản nhận từ %1</translation>
    </message>
    <message>
        <source>Decide the conflict</source>
        <translation>Quyết định xung đột</translation>
    </message>
    <message>
        <source>Keep %1 for %2?

%3

The other version is set aside; the decision travels with the next package.</source>
        <translation>Giữ %1 cho %2?

%3

Phiên bản kia bị gác lại; quyết định sẽ được gửi kèm gói tiếp theo.</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Giữ %1</translation>
    </message>
    <message>
        <source>Kept %1 for %2. The decision will travel with the next package to %3.</source>
        <translation>Đã giữ %1 cho %2. Quyết định sẽ được gửi kèm gói tiếp theo cho %3.</translation>
    </message>
</context>
<context>
    <name>TargetGridModel</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Đoàn viên</translation>
    </message>
    <message>
        <source>Suggested (10%)</source>
        <translation>Gợi ý (10%)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Type the target; Delete clears it</source>
        <translation>Gõ chỉ tiêu; phím Delete để xóa chỉ tiêu</translation>
    </message>
</context>
<context>
    <name>TargetImportFlow</name>
    <message>
        <source>Import targets from a workbook</source>
        <translation>Nhập chỉ tiêu từ bảng tính</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>chỉ tiêu</translation>
    </message>
</context>
<context>
    <name>TargetsGridDialog</name>
    <message>
        <source>Targets — {0}</source>
        <translation>Giao chỉ tiêu — {0}</translation>
    </message>
    <message>
        <source>Targets of the units under {unit} for “{programme}”, {phase}. Suggested: 10% of the members, rounded up (the latest member counts up to {year}).</source>
        <translation>Chỉ tiêu của các đơn vị trực thuộc {unit} trong chương trình “{programme}”, {phase}. Gợi ý: 10% số đoàn viên, làm tròn lên (theo số đoàn viên mới nhất đến năm {year}).</translation>
    </message>
    <message>
        <source>&amp;Use suggestions</source>
        <translation>&amp;Dùng gợi ý</translation>
    </message>
    <message>
        <source>Set the suggested target (10% of members) in the selected rows, or in every row</source>
        <translation>Điền chỉ tiêu gợi ý (10% số đoàn viên) cho các dòng đang chọn, hoặc cho mọi dòng</translation>
    </message>
    <message>
        <source>&amp;Import from a workbook…</source>
        <translation>&amp;Nhập từ bảng tính…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Clear target</source>
        <translation>Xóa chỉ tiêu</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>{0} units, {1} members: targets {2} in all (suggested {3}); {4} changed.</source>
        <translation>{0} đơn vị, {1} đoàn viên: tổng chỉ tiêu {2} (gợi ý {3}); {4} thay đổi chưa lưu.</translation>
    </message>
    <message>
        <source>Saving the targets…</source>
        <translation>Đang lưu chỉ tiêu…</translation>
    </message>
    <message>
        <source>Unsaved targets</source>
        <translation>Chỉ tiêu chưa lưu</translation>
    </message>
    <message>
        <source>The targets you changed have not been saved. Close without saving?</source>
        <translation>Các chỉ tiêu vừa sửa chưa được lưu. Đóng mà không lưu?</translation>
    </message>
    <message>
        <source>Importing reloads the list: the targets you changed here will be lost. Import anyway?</source>
        <translation>Nhập từ bảng tính sẽ tải lại danh sách: các chỉ tiêu vừa sửa ở đây sẽ mất. Vẫn nhập?</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <source>Creative Labour thresholds</source>
        <translation>Mức xét Bằng Lao động sáng tạo</translation>
    </message>
    <message>
        <source>Worker, one year:</source>
        <translation>Người lao động, trong một năm:</translation>
    </message>
    <message>
        <source>Worker, three consecutive years:</source>
        <translation>Người lao động, ba năm liên tiếp:</translation>
    </message>
    <message>
        <source>University level:</source>
        <translation>Cấp đại học:</translation>
    </message>
    <message>
        <source>Leader or manager:</source>
        <translation>Cán bộ lãnh đạo, quản lý:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>The least benefit (làm lợi, đồng per year) of a nominee&apos;s valid linked initiatives for the Bằng Lao động sáng tạo check: a worker without a leadership post needs the first amount in one year or the second over three consecutive years; university level and leaders need theirs in one year. Defaults of QĐ 1564/QĐ-TLĐ.</source>
        <translation>Giá trị làm lợi tối thiểu (đồng/năm) của các sáng kiến hợp lệ gắn với người được đề nghị, dùng khi xét Bằng Lao động sáng tạo: người lao động không giữ chức vụ lãnh đạo cần mức thứ nhất trong một năm hoặc mức thứ hai trong ba năm liên tiếp; cấp đại học và cán bộ lãnh đạo, quản lý cần mức của mình trong một năm. Mặc định theo QĐ 1564/QĐ-TLĐ.</translation>
    </message>
</context>
<context>
    <name>TotrinhDialog</name>
    <message>
        <source>Submission letter</source>
        <translation>Tờ trình</translation>
    </message>
    <message>
        <source>Signed &amp;on:</source>
        <translation>&amp;Ngày ký:</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <source>The next free number of the office&apos;s numbering book is suggested.</source>
        <translation>Số gợi ý là số tiếp theo còn trống trong sổ đăng ký văn bản của cơ quan.</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Enter the date the letter is signed (dd/mm/yyyy).</source>
        <translation>Hãy nhập ngày ký Tờ trình (dd/mm/yyyy).</translation>
    </message>
</context>
<context>
    <name>UnapproveDialog</name>
    <message>
        <source>Undo approval</source>
        <translation>Hủy duyệt</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>{0} (decision {1}) goes back to proposed.</source>
        <translation>{0} (quyết định {1}) trở lại trạng thái đề nghị.</translation>
    </message>
    <message>
        <source>The certificate was &amp;printed: undo anyway (its register number stays recorded)</source>
        <translation>Đã &amp;in giấy khen/bằng khen: vẫn hủy duyệt (số vào sổ vẫn được giữ)</translation>
    </message>
    <message>
        <source>Enter why the approval is undone.</source>
        <translation>Cần ghi lý do hủy duyệt.</translation>
    </message>
    <message>
        <source>The certificate was already printed: tick the box to undo anyway.</source>
        <translation>Đã in giấy khen/bằng khen: đánh dấu ô bên dưới để vẫn hủy duyệt.</translation>
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
        <source>Record the number of &amp;members for year</source>
        <translation>&amp;Ghi số đoàn viên của năm</translation>
    </message>
    <message>
        <source>Mem&amp;bers:</source>
        <translation>Số đoàn &amp;viên:</translation>
    </message>
    <message>
        <source>of whom &amp;women:</source>
        <translation>trong đó &amp;nữ:</translation>
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
    <name>UnitProgressModel</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Đã đạt</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Expected by now</source>
        <translation>Cần đạt đến nay</translation>
    </message>
    <message>
        <source>Shortfall</source>
        <translation>Còn thiếu</translation>
    </message>
    <message>
        <source>Press Enter or double-click to see the units under it</source>
        <translation>Nhấn Enter hoặc nhấp đúp để xem các đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>The unit&apos;s target; in italics: the sum of its sub-units&apos; targets</source>
        <translation>Chỉ tiêu của đơn vị; chữ nghiêng: tổng chỉ tiêu của các đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>Initiatives counted by the chosen rule</source>
        <translation>Số sáng kiến được tính theo cách tính đã chọn</translation>
    </message>
    <message>
        <source>Achieved as a percentage of the target; the mark shows where the unit should be by now</source>
        <translation>Tỷ lệ đã đạt so với chỉ tiêu; vạch đánh dấu mức cần đạt đến nay</translation>
    </message>
    <message>
        <source>Pro-rata share of the target for the days elapsed in the phase</source>
        <translation>Phần chỉ tiêu cần đạt theo tỷ lệ số ngày đã qua của giai đoạn</translation>
    </message>
    <message>
        <source>Target minus achieved</source>
        <translation>Chỉ tiêu trừ số đã đạt</translation>
    </message>
    <message>
        <source>No target set.</source>
        <translation>Chưa giao chỉ tiêu.</translation>
    </message>
    <message>
        <source>Achieved {0} of {1} ({2}%); shortfall {3}.</source>
        <translation>Đã đạt {0}/{1} ({2}%); còn thiếu {3}.</translation>
    </message>
    <message>
        <source>The target is the sum of the sub-units&apos; targets.</source>
        <translation>Chỉ tiêu là tổng chỉ tiêu của các đơn vị trực thuộc.</translation>
    </message>
    <message>
        <source>Valid {0}, under review {1}, rejected {2}.</source>
        <translation>Hợp lệ {0}, đang xem xét {1}, không hợp lệ {2}.</translation>
    </message>
    <message>
        <source>Behind schedule: {0} expected by now.</source>
        <translation>Chậm tiến độ: đến nay cần đạt {0}.</translation>
    </message>
    <message>
        <source>Enter or double-click: the units under it.</source>
        <translation>Enter hoặc nhấp đúp: xem các đơn vị trực thuộc.</translation>
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
<context>
    <name>WriteOffDialog</name>
    <message>
        <source>Write off %1</source>
        <translation>Xóa nợ khoản vay %1</translation>
    </message>
    <message>
        <source>Write off</source>
        <translation>Xóa nợ</translation>
    </message>
    <message>
        <source>%1 — outstanding %2 đồng</source>
        <translation>%1 — dư nợ %2 đồng</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>
