# Nhắc Việc — tiếng Việt (mặc định). Mọi biến chứa văn bản người dùng/kế hoạch đã được escape HTML.

commands =
    .start = Bắt đầu, liên kết tài khoản bằng mã mời
    .help = Hướng dẫn sử dụng
    .tasks = Nhiệm vụ đang mở của tôi
    .status = Thẻ một nhiệm vụ (/status 1.2) hoặc tóm tắt
    .overdue = Nhiệm vụ quá hạn của đơn vị (lãnh đạo)
    .report = Thống kê theo đơn vị và trạng thái (lãnh đạo)
    .export = Báo cáo kết quả thực hiện kế hoạch, tệp Excel (lãnh đạo)
    .lang = Đổi ngôn ngữ: /lang vi hoặc /lang en
    .settings = Cài đặt nhắc lại
    .subscribe = Nhận tổng hợp tuần và việc quá hạn trong nhóm
    .unsubscribe = Ngừng nhận tổng hợp trong nhóm

## onboarding
start-unregistered = Xin chào! Đây là bot <b>Nhắc Việc</b>. Để sử dụng, hãy mở đường link mời mà quản trị viên gửi cho bạn, hoặc gửi <code>/start mã-mời</code>.
start-welcome-back = Chào {$name}! Gõ /tasks để xem nhiệm vụ đang mở, /help để xem hướng dẫn.
start-linked = ✅ Đã liên kết tài khoản cho <b>{$name}</b>. Bot sẽ nhắc bạn các nhiệm vụ theo kế hoạch. Gõ /tasks để xem nhiệm vụ, /help để xem hướng dẫn.
start-code-invalid = ❌ Mã mời không hợp lệ. Hãy kiểm tra lại đường link hoặc xin mã mới từ quản trị viên.
start-code-used = ❌ Mã mời này đã được sử dụng. Mỗi mã chỉ dùng được một lần; hãy xin mã mới từ quản trị viên.
start-code-expired = ❌ Mã mời đã hết hạn. Hãy xin mã mới từ quản trị viên.
start-code-inactive = ❌ Tài khoản cán bộ này đã ngừng hoạt động.
start-in-group = Hãy nhắn riêng cho bot để liên kết tài khoản. Trong nhóm, lãnh đạo có thể dùng /subscribe.
not-registered = Bạn chưa được đăng ký với bot. Hãy mở đường link mời mà quản trị viên gửi cho bạn.

## help
help =
    <b>Nhắc Việc</b> nhắc các nhiệm vụ trong kế hoạch của đơn vị và ghi nhận trả lời của bạn.
    /tasks — nhiệm vụ đang mở, việc gấp trước
    /status 1.2 — thẻ nhiệm vụ 1.2; /status — tóm tắt
    /settings — cài đặt nhắc lại; /lang en — English
    Trả lời nhanh bằng tin nhắn:
    • <code>xong 1.2</code> — đã hoàn thành
    • <code>1.2 50%</code> — tiến độ
    • <code>vướng 1.2 chờ kinh phí</code> — vướng mắc và lý do
    • <code>gia hạn 1.2 20/12/2024</code> — xin gia hạn
    • <code>nhắc lại 1.2</code> — nhắc lại sau
help-leader =
    <b>Dành cho lãnh đạo</b>
    /overdue — nhiệm vụ quá hạn của đơn vị
    /report — thống kê tuần này; /report quý — thống kê quý
    /export [số kế hoạch] [kỳ] — báo cáo kết quả thực hiện (Excel), ví dụ <code>/export 336/KH-UBND Q3</code>
    Trong nhóm: /subscribe [tên đơn vị] để nhận tổng hợp, /unsubscribe để dừng.
lang-usage = Dùng: <code>/lang vi</code> hoặc <code>/lang en</code>
lang-set = ✅ Đã chuyển sang tiếng Việt.
error-generic = ⚠️ Có lỗi xảy ra, vui lòng thử lại sau.
callback-refused = Nút này không dành cho bạn.
reply-not-understood = Chưa hiểu tin nhắn. Ví dụ: <code>xong 1.2</code>, <code>1.2 50%</code>, <code>vướng 1.2 chờ kinh phí</code>, <code>gia hạn 1.2 20/12/2024</code>. Gõ /help để xem hướng dẫn.

## task cards
reminder-header = 🔔 <b>Nhắc việc</b>
reminder-header-due-day = 🔔 <b>Hôm nay là hạn</b>
reminder-header-overdue = ⏰ <b>Nhiệm vụ quá hạn</b>
reminder-header-escalation = 🚨 <b>Nhiệm vụ quá hạn cần xử lý</b>
reminder-header-snoozed = 💤 <b>Nhắc lại</b>
card-plan = 📄 Kế hoạch: {$plan}
card-deadline-raw = 🗓 Thời hạn: {$text}
card-due = ⏰ Hạn: {$due}
card-target = 🎯 Kết quả: {$target}
card-role = 👤 Vai trò: {$role}
card-status = 📊 Trạng thái: {$status}
card-last-note = 📝 Ghi chú: {$note}
due-none = chưa có hạn cụ thể
due-today = {$date}, hạn là hôm nay
due-left = {$date}, còn {$days} ngày làm việc
due-overdue = {$date}, quá hạn {$days} ngày làm việc
role-lead = chủ trì
role-coordinate = phối hợp
role-execute = thực hiện
role-monitor = theo dõi
status-done-on-time = Hoàn thành đúng hạn
status-done-late = Hoàn thành quá hạn
status-open-overdue = Chưa hoàn thành quá hạn
status-blocked = Vướng mắc
status-in-progress = Đang thực hiện
status-open-in-time = Chưa hoàn thành trong hạn
status-cancelled = Đã hủy
btn-done = ✅ Hoàn thành
btn-in-progress = 🔄 Đang thực hiện
btn-blocked = ⚠️ Vướng mắc
btn-extend = ⏳ Xin gia hạn
btn-snooze = 💤 Nhắc lại sau
btn-back = ↩️ Quay lại
btn-snooze-morning = Sáng ngày làm việc tiếp theo
btn-snooze-2days = Sau 2 ngày làm việc
btn-snooze-week = Sau 1 tuần
btn-snooze-pick = 📅 Chọn ngày
btn-approve = ✅ Đồng ý
btn-reject = ❌ Không đồng ý
btn-prev = ◀️ Trước
btn-next = Sau ▶️
btn-report-week = Tuần này
btn-report-quarter = Quý này

## answers
recorded-done = ✅ Đã ghi nhận: <b>Hoàn thành</b> lúc {$when}.
recorded-in-progress = 🔄 Đã ghi nhận: <b>Đang thực hiện</b> lúc {$when}.
recorded-progress = 🔄 Đã ghi nhận: <b>Đang thực hiện, {$progress}%</b> lúc {$when}.
recorded-blocked = ⚠️ Đã ghi nhận: <b>Vướng mắc</b> lúc {$when}. Lý do: {$reason}
recorded-extension = ⏳ Đã gửi đề nghị gia hạn đến ngày <b>{$date}</b>; chờ lãnh đạo quyết định.
recorded-snoozed = 💤 Sẽ nhắc lại lúc {$when}.
answer-already-done = ✅ Nhiệm vụ này đã được ghi nhận hoàn thành.
no-reason = (không nêu)
ask-blocked-reason = ⚠️ Vướng mắc gì? Hãy nhắn lý do (hoặc <code>/skip</code> để bỏ qua).
ask-extension-date = ⏳ Xin gia hạn đến ngày nào? Ví dụ: <code>20/12/2024</code>
ask-extension-reason = Lý do xin gia hạn đến {$date}? (hoặc <code>/skip</code>)
ask-snooze-day = 📅 Nhắc lại vào ngày nào? Ví dụ: <code>02/12/2024</code>
ask-evidence = 📎 Gửi minh chứng nếu có: tệp, ảnh hoặc đường link (hoặc <code>/skip</code>).
evidence-saved = 📎 Đã lưu minh chứng.
evidence-skipped = Đã bỏ qua minh chứng.
date-not-understood = Chưa hiểu ngày. Hãy nhắn theo dạng <code>20/12/2024</code>.
date-not-future = Ngày phải sau hôm nay.
snooze-too-far = Ngày này quá xa; hãy chọn trong vòng 30 ngày làm việc.
task-not-found = Không tìm thấy nhiệm vụ <b>{$code}</b> trong các nhiệm vụ của bạn.
task-ambiguous = Có nhiều nhiệm vụ mã <b>{$code}</b>; chọn một:
task-not-yours = Nhiệm vụ này không thuộc đơn vị của bạn.

## extensions
extension-ask =
    ⏳ <b>Đề nghị gia hạn</b>
    {$name} ({$unit}) xin gia hạn nhiệm vụ <b>{$code}. {$title}</b>
    📄 {$plan}
    Hạn hiện tại: {$current} → đề nghị: <b>{$proposed}</b>
    Lý do: {$reason}
extension-approved-leader = ✅ Đã đồng ý gia hạn đến {$date} ({$when}).
extension-rejected-leader = ❌ Đã không đồng ý gia hạn ({$when}).
extension-approved = ✅ Lãnh đạo đã <b>đồng ý gia hạn</b> đến {$date}.
extension-rejected = ❌ Lãnh đạo <b>không đồng ý gia hạn</b> đến {$date}; hạn giữ nguyên.
extension-already-decided = Đề nghị này đã được quyết định trước đó.
extension-not-found = Không còn đề nghị này.
extension-not-later = Ngày đề nghị phải sau hạn hiện tại ({$date}).

## lists
tasks-title = 📋 <b>Nhiệm vụ đang mở</b> ({$count}), việc gấp trước:
tasks-empty = Không có nhiệm vụ đang mở. 🎉
overdue-title = ⏰ <b>Nhiệm vụ quá hạn</b> ({$count}):
overdue-empty = Không có nhiệm vụ quá hạn.
list-page = Trang {$page}/{$pages}
list-more = … và {$count} nhiệm vụ khác.
leaders-only = Lệnh này dành cho lãnh đạo đơn vị.
status-summary-title = 📊 <b>Tình hình nhiệm vụ</b> — {$unit}
status-summary-hint = Gõ <code>/status 1.2</code> để xem một nhiệm vụ.

## reports and digests
report-title-week = 📊 <b>Thống kê tuần</b> {$from} – {$to}
report-title-quarter = 📊 <b>Thống kê quý</b> {$from} – {$to}
report-unit = <b>{$unit}</b> — {$total} nhiệm vụ
report-empty = Không có nhiệm vụ trong kỳ.
chart-title-week = Tiến độ theo đơn vị, tuần {$from} – {$to}
chart-title-quarter = Tiến độ theo đơn vị, quý {$from} – {$to}
chart-title-overdue-trend = Số nhiệm vụ quá hạn theo tuần ({$weeks} tuần gần nhất)
chart-caption = 📊 {$title}
digest-title = ⏰ <b>Tổng hợp việc quá hạn</b> ngày {$date}
digest-overdue = <b>Nhiệm vụ quá hạn:</b>
digest-unreachable = <b>Cán bộ không nhận được tin nhắn:</b>
digest-unreachable-line = • {$name} ({$unit}): {$reason}
unreachable-blocked = đã chặn bot
unreachable-other = {$reason}

## settings
settings = ⚙️ <b>Cài đặt</b>. Nút 💤 nhắc lại mặc định: {$snooze}. Chọn:
settings-saved = Đã lưu.
snooze-next-morning = sáng ngày làm việc tiếp theo
snooze-hours = sau {$hours} giờ làm việc

## groups
subscribe-leaders-only = Chỉ lãnh đạo đã đăng ký với bot mới đăng ký nhận tổng hợp cho nhóm.
subscribe-admins-only = Chỉ quản trị viên của nhóm mới đăng ký nhận tổng hợp.
subscribe-unit-unknown = Không tìm thấy đơn vị "{$unit}".
subscribe-unit-outside = Bạn chỉ đăng ký được các đơn vị mình phụ trách.
subscribe-in-group = Lệnh này dùng trong nhóm: thêm bot vào nhóm rồi gõ /subscribe.
subscribed = ✅ Nhóm sẽ nhận tổng hợp tuần và việc quá hạn của: {$units}
unsubscribed = Nhóm đã ngừng nhận tổng hợp.
not-subscribed = Nhóm chưa đăng ký nhận tổng hợp.

## export (báo cáo kết quả thực hiện kế hoạch: .xlsx, .docx)
export-usage = Dùng: <code>/export [số kế hoạch] [kỳ]</code>. Kỳ: <code>Q1</code>…<code>Q4</code>, <code>6T</code>, <code>9T</code>, <code>năm</code> (có thể kèm năm: <code>Q1/2025</code>) hoặc <code>2025-01-01..2025-03-31</code>; mặc định là quý hiện tại.
export-no-plan = Không có kế hoạch <b>{$plan}</b> có nhiệm vụ thuộc đơn vị bạn phụ trách.
export-no-plans = Không có kế hoạch nào có nhiệm vụ thuộc đơn vị bạn phụ trách.
export-choose = Chọn kế hoạch để xuất báo cáo:
export-choose-more = … và các kế hoạch khác: gõ <code>/export số-kế-hoạch</code>.
export-caption = 📎 <b>Báo cáo kết quả thực hiện</b> {$plan}
    {$period}, tình trạng tính đến ngày {$date}: {$tasks} nhiệm vụ.
export-empty = Kế hoạch không có nhiệm vụ thuộc đơn vị bạn phụ trách.
export-heading = BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ
export-plan = {$plan}
export-period = Kỳ báo cáo: {$period} (từ ngày {$from} đến ngày {$to})
export-status-date = Tình trạng thực hiện tính đến ngày {$date}
export-unit = Đơn vị: {$unit}
export-period-q1 = Quý I năm {$year}
export-period-q2 = Quý II năm {$year}
export-period-q3 = Quý III năm {$year}
export-period-q4 = Quý IV năm {$year}
export-period-6t = 6 tháng đầu năm {$year}
export-period-9t = 9 tháng năm {$year}
export-period-year = Năm {$year}
export-period-range = Từ ngày {$from} đến ngày {$to}
export-period-to-date = Năm {$year}, đến ngày {$to}
export-sheet-tasks = Nhiệm vụ
export-sheet-summary = Tổng hợp
export-summary-heading = TỔNG HỢP THEO ĐƠN VỊ VÀ TÌNH TRẠNG
export-col-code = STT
export-col-title = Nội dung nhiệm vụ
export-col-actions = Giải pháp, hoạt động
export-col-target = Chỉ tiêu, kết quả, sản phẩm
export-col-lead = Đơn vị chủ trì
export-col-execute = Đơn vị thực hiện
export-col-coordinate = Đơn vị phối hợp
export-col-monitor = Đơn vị theo dõi
export-col-deadline = Thời gian hoàn thành
export-col-status = Tình trạng thực hiện
export-col-completed = Ngày hoàn thành
export-col-progress = Tiến độ (%)
export-col-report = Báo cáo gần nhất
export-col-extension = Gia hạn
export-col-evidence = Minh chứng
export-col-unit = Đơn vị chịu trách nhiệm
export-col-total = Tổng số nhiệm vụ
export-summary-total = Tổng cộng
export-unit-none = (Chưa xác định đơn vị)
export-status-done-on-time = Hoàn thành đúng hạn
export-status-done-late = Hoàn thành quá hạn
export-status-open-overdue = Quá hạn chưa hoàn thành
export-status-blocked = Vướng mắc
export-status-in-progress = Đang thực hiện trong hạn
export-status-open-in-time = Chưa thực hiện, còn trong hạn
export-report-line = {$date}, {$officer}: {$note}
export-extension-line = Đến ngày {$due} (đồng ý ngày {$date})
export-evidence-document = Tệp: {$name}
export-evidence-photo = Ảnh: {$name}
export-evidence-document-unnamed = Tệp đính kèm báo cáo
export-evidence-photo-unnamed = Ảnh đính kèm báo cáo
