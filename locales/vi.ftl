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
    /absent 16/12 18/12 — báo vắng (nhắc việc chuyển cho đồng nghiệp hoặc người được ủy quyền)
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
help-plans =
    <b>Nhập kế hoạch</b>
    Gửi tệp kế hoạch (.docx, .xlsx, .pdf, .txt, .csv, .html) vào cuộc trò chuyện này: bot cho xem trước rồi mới nhập khi bạn bấm Nhập.
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
report-officers = <b>Theo cán bộ</b> (người báo cáo gần nhất):
stats-days-overdue = {" "}(tổng {$days} ngày quá hạn, tính theo ngày lịch)
stats-blocked = {" "}(trong đó vướng mắc: {$count})
stats-regular = Nhiệm vụ thường xuyên: {$count}
stats-awaiting = Chờ xác nhận: {$count}
digest-stats = <b>Thống kê quý</b> {$from} – {$to}:
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
too-fast = ⏳ Bạn gửi tin nhắn quá nhanh. Vui lòng chờ khoảng một phút rồi gửi tiếp; các tin nhắn trong lúc này sẽ không được xử lý.

## Zalo: no buttons, everything by short text replies
zalo-choices = Trả lời bằng số:
zalo-groups-unsupported = Nhắc Việc trên Zalo chỉ làm việc trong tin nhắn riêng. Hãy nhắn riêng cho bot.
zalo-unregistered = Chào bạn! Để nhận nhắc việc, hãy gửi mã mời mà văn phòng đã cấp cho bạn (22 ký tự).
zalo-not-understood = Chưa hiểu tin nhắn. Ví dụ: "xong 1.2", "1.2 50%", "vướng 1.2 chờ kinh phí", "gia hạn 1.2 20/12/2024", "nhắc lại 1.2 thứ Hai". Nhắn "help" để xem hướng dẫn.
zalo-help =
    Cách trả lời trên Zalo:
    • Gửi số tương ứng với lựa chọn dưới mỗi tin nhắn (1, 2, ...).
    • "xong 1.2" (kèm ghi chú nếu muốn), "1.2 50%", "đang làm 1.2"
    • "vướng 1.2 <lý do>", "gia hạn 1.2 <dd/mm/yyyy> <lý do>"
    • "nhắc lại 1.2" hoặc "nhắc lại 1.2 thứ Hai"
    • Gửi ảnh ngay sau khi trả lời để làm minh chứng.
    • "tasks": việc đang mở; "status" hoặc "status 1.2": tình hình; "overdue": việc quá hạn.
zalo-evidence-hint = Có minh chứng? Gửi ảnh ngay sau tin nhắn này.
zalo-hint-blocked = Nhắn lý do vướng mắc theo dạng: vướng { $code } <lý do>
zalo-hint-extend = Nhắn ngày đề nghị gia hạn theo dạng: gia hạn { $code } <dd/mm/yyyy> <lý do>
zalo-hint-snooze-day = Nhắn ngày muốn được nhắc lại theo dạng: nhắc lại { $code } <dd/mm hoặc thứ Hai>
zalo-pick-progress = Tiến độ đến nay?
zalo-pick-snooze = Nhắc lại khi nào?
zalo-choice-unknown = Số này không ứng với lựa chọn nào đang mở. Nhắn "tasks" để xem việc của bạn.
zalo-evidence-no-report = Chưa có câu trả lời nào trong tuần này để gắn ảnh. Hãy trả lời nhiệm vụ trước (ví dụ "xong 1.2"), rồi gửi ảnh.
zalo-evidence-saved = Đã lưu ảnh minh chứng cho nhiệm vụ { $code }.


## cli (văn bản thuần, không HTML)
cli-db-not-ready = cơ sở dữ liệu chưa sẵn sàng ({$detail}). Hãy chạy: npm run db:migrate
cli-db-unreachable = không kết nối được cơ sở dữ liệu ({$detail}). Hãy kiểm tra PostgreSQL và DATABASE_URL, rồi chạy: npm run db:migrate
cli-not-a-file = {$name}: đây là một thư mục, không phải tệp. Hãy chỉ ra một tệp kế hoạch (.docx, .xlsx, .pdf, .txt, .csv, .html) trong thư mục đó
cli-did-you-mean = Có phải: {$names}?
cli-unit-not-found = không có đơn vị "{$unit}"
cli-unit-not-found-hint = thêm bằng: npm run -s cli -- unit add "{$unit}", hoặc nhập kế hoạch có tên đơn vị này
cli-plan-kind = { $kind ->
    [ke-hoach] Kế hoạch
    [quyet-dinh] Quyết định
    [phu-luc] Phụ lục
   *[other] Văn bản
}
cli-preview-plan = {$kind} {$number} — {$issuer}{$issued}
cli-preview-no-number = (không số)
cli-preview-no-issuer = (chưa rõ cơ quan ban hành)
cli-preview-issued = , ngày {$date}
cli-preview-period = Thời kỳ: {$period}
cli-preview-none = không ghi
cli-preview-open = không giới hạn
cli-preview-counts = {$tasks} nhiệm vụ trong {$groups} nhóm, {$tables} bảng, {$units} đơn vị
cli-preview-today = Tính đến ngày {$today}: {$overdue} nhiệm vụ đã quá hạn, {$unscheduled} nhiệm vụ chưa xác định được thời hạn{$derived}
cli-preview-derived = , {$derived} nhiệm vụ lấy hạn theo kỳ kế hoạch (*)
cli-preview-table = Bảng ở dòng {$line}{$label}, {$tasks} nhiệm vụ: {$columns}
cli-preview-mapped = Ánh xạ cột: --columns "{$columns}"
cli-preview-col-code = Mã
cli-preview-col-task = Nhiệm vụ
cli-preview-col-lead = Chủ trì
cli-preview-col-coordinate = Phối hợp
cli-preview-col-raw = Thời hạn (ghi)
cli-preview-col-due = Hiểu là
cli-preview-overdue-mark = (đã quá hạn)
cli-preview-units-new = Đơn vị mới, chưa có trong danh mục ({$count}): {$names}
cli-preview-units-known = Đơn vị đã có trong danh mục ({$count}): {$names}
cli-preview-no-directory = Lưu ý: không đọc được danh mục đơn vị từ cơ sở dữ liệu ({$detail}); tên đơn vị chưa được đối chiếu. Chạy npm run db:migrate rồi xem lại.
cli-preview-warnings = {$count} cảnh báo:
cli-preview-warning = dòng {$line}: {$message}
cli-preview-more-warnings = … và {$count} cảnh báo nữa (--json liệt kê đủ)
cli-preview-footnote-derived = (*) hạn lấy theo kỳ của kế hoạch, cần đơn vị theo dõi xác nhận
cli-preview-past-hint = Nhiệm vụ đã quá hạn: khi nhập, chọn --past remind (nhắc quá hạn, mặc định), --past done (coi như đã xong) hoặc --past skip (để mở, không nhắc).
cli-preview-dry-run = Chạy thử: chưa ghi gì. Để nhập: bỏ --dry-run.
cli-cadence = { $cadence ->
    [weekly] hằng tuần
    [monthly] hằng tháng
    [quarterly] hằng quý
    [semiannual] 6 tháng một lần
   *[yearly] hằng năm
}
cli-due-recurring = {$cadence}{$until}
cli-due-dates = các ngày {$dates}
cli-due-ongoing = thường xuyên, báo cáo {$cadence}{$until}
cli-due-until = , đến {$date}
cli-due-unscheduled = { $code ->
    [empty] (không ghi hạn)
    [by-regulation] (theo quy định, chưa có ngày)
    [by-other-document] (theo văn bản khác, chưa có ngày)
    [ad-hoc] (khi có yêu cầu)
    [relative] (tính từ một sự kiện, chưa có ngày)
    [unspecified-periodic] (định kỳ, chưa rõ chu kỳ)
    [impossible-date] (ngày không có thật)
    [missing-year] (thiếu năm)
   *[other] (chưa hiểu được)
}
cli-diff-head = Cập nhật kế hoạch #{$plan}: thêm {$added}, bỏ {$removed}, đổi số {$renumbered}, sửa nội dung {$retitled}
cli-diff-added = Thêm
cli-diff-removed = Bỏ
cli-diff-renumbered = Đổi số
cli-diff-retitled = Sửa nội dung
cli-diff-reported = [đã có báo cáo]
cli-diff-more = … và {$count} nữa
cli-import-done = Đã {$again ->
    [yes] nhập lại
   *[no] nhập
} kế hoạch #{$plan}: tạo {$created}, cập nhật {$updated}, giữ nguyên {$unchanged}, bỏ {$removed}{$extra}
cli-import-cancelled = {" "}({$count} nhiệm vụ có báo cáo được giữ ở trạng thái hủy)
cli-import-renumbered = , đổi số {$count}
cli-import-restored = , {$count} nhiệm vụ được khôi phục
cli-import-new-units = ; {$count} đơn vị mới
cli-import-past = {$choice ->
    [done] {$count} nhiệm vụ đã quá hạn khi nhập được đánh dấu hoàn thành (--past done)
    [skip] {$count} nhiệm vụ đã quá hạn khi nhập được để mở nhưng không nhắc quá hạn (--past skip)
   *[remind] {$count} nhiệm vụ đã quá hạn được nhắc quá hạn từ sáng làm việc tới (muốn khác: --past done hoặc --past skip)
}
cli-import-planning-queued = Đã báo dịch vụ đang chạy lập lịch nhắc việc cho kế hoạch ngay.
cli-import-planning-later = Không kết nối được Redis: dịch vụ đang chạy sẽ lập lịch nhắc việc cho kế hoạch trong vòng 10 phút.
cli-import-needs-confirm = {$file}: chưa ghi gì: {$reason}.
cli-import-risky = bản mới bỏ {$removed} và sửa nội dung {$retitled} nhiệm vụ đã có báo cáo của cán bộ
cli-import-confirm-hint = Hãy kiểm tra các nhiệm vụ có dấu [đã có báo cáo]; nếu vẫn nhập, chạy lại với --confirm: báo cáo đi theo nhiệm vụ, nhiệm vụ bị bỏ được giữ ở trạng thái hủy.
cli-unit-empty = tên đơn vị trống
cli-unit-too-long = tên đơn vị quá dài ("{$unit}…")
cli-unit-taken = "{$unit}" đã là tên hoặc tên khác của đơn vị "{$other}"
cli-unit-same-name = đơn vị đã có tên "{$unit}"
cli-unit-col-id = ID
cli-unit-col-name = Đơn vị
cli-unit-col-aliases = Tên khác
cli-unit-col-officers = Cán bộ (đã liên kết)
cli-unit-col-tasks = Nhiệm vụ
cli-unit-list-empty = Chưa có đơn vị nào. Thêm bằng: npm run -s cli -- unit add "<tên đơn vị>", hoặc nhập một kế hoạch.
cli-unit-list-count = {$count} đơn vị
cli-unit-added = Đã thêm đơn vị #{$id}: {$name}{$aliases}
cli-unit-aliases = {" "}(tên khác: {$aliases})
cli-unit-alias-added = Đã thêm tên khác "{$alias}" cho đơn vị "{$unit}"
cli-unit-alias-exists = "{$alias}" đã là tên khác của đơn vị "{$unit}"
cli-unit-renamed = Đã đổi tên đơn vị #{$id}: "{$from}" → "{$to}" (tên cũ được giữ làm tên khác để nhận diện kế hoạch cũ)
cli-role = { $role ->
    [leader] lãnh đạo
    [admin] quản trị
   *[officer] cán bộ
}
cli-role-invalid = vai trò "{$role}" không hợp lệ: dùng cán bộ, lãnh đạo hoặc quản trị (officer, leader, admin)
cli-officer-added = Cán bộ #{$id}: {$name} ({$unit}, {$role})
cli-officer-reused = Cán bộ #{$id} đã có: {$name} ({$unit}, {$role}). Đã cấp mã mời mới; mã cũ chưa dùng không còn hiệu lực.
cli-invite-code = Mã mời: {$code}
cli-invite-link = Đường link mời: {$link}
cli-invite-no-link = Đường link mời: (chưa biết tên bot) — cán bộ gửi /start {$code} cho bot
cli-invite-no-username = lưu ý: chưa biết tên bot (đặt TELEGRAM_BOT_TOKEN hoặc BOT_USERNAME); cán bộ có thể gửi /start <mã> cho bot
cli-invite-expires = Hết hạn: {$at}
cli-invite-revoked = Đã thu hồi {$count} mã mời cũ chưa dùng.
cli-officer-not-found = không có cán bộ #{$id} (xem danh sách: npm run -s cli -- officer list)
cli-officer-inactive = cán bộ #{$id} đã ngừng hoạt động; thêm lại bằng officer add (cùng họ tên và đơn vị) để kích hoạt
cli-officer-deactivated = Đã ngừng hoạt động cán bộ #{$id}: {$name} ({$unit}). Hủy {$reminders} lời nhắc đang chờ; mã mời chưa dùng không còn hiệu lực.
cli-officer-already-inactive = Cán bộ #{$id} ({$name}) đã ngừng hoạt động từ trước.
cli-officer-role-set = Cán bộ #{$id} ({$name}, {$unit}): {$from} → {$to}
cli-officer-col-id = ID
cli-officer-col-name = Họ tên
cli-officer-col-unit = Đơn vị
cli-officer-col-role = Vai trò
cli-officer-col-chat = Telegram
cli-officer-linked = đã liên kết
cli-officer-invite-pending = chờ mở link mời
cli-officer-not-linked = chưa liên kết, mã mời đã hết hạn
cli-officer-inactive-mark = ngừng hoạt động
cli-officer-list-empty = Chưa có cán bộ nào{$unit}. Thêm bằng: npm run -s cli -- officer add --name "<họ tên>" --unit "<đơn vị>"
cli-officer-list-unit = {" "}ở đơn vị "{$unit}"
cli-officer-list-count = {$count} cán bộ, {$linked} đã liên kết Telegram
cli-roster-nothing = chưa nhập gì:
cli-roster-line = dòng {$line}: {$problem}
cli-roster-name-empty = thiếu họ tên
cli-roster-unit-empty = thiếu đơn vị
cli-roster-name-too-long = họ tên dài quá {$max} ký tự
cli-roster-role-invalid = vai trò "{$role}" không hợp lệ (cán bộ, lãnh đạo, quản trị)
cli-roster-header = dòng {$line}: dòng tiêu đề phải có các cột họ tên, đơn vị[, vai trò]
cli-reminder-kind = { $kind ->
    [before-due] nhắc trước hạn
    [due-day] đến hạn hôm nay
    [overdue] quá hạn
    [escalation-leader] báo lãnh đạo
    [escalation-monitor] báo đơn vị theo dõi
    [check-in] hỏi tiến độ
    [snooze] nhắc lại
   *[other] {$kind}
}
cli-reminders-col-at = Thời điểm
cli-reminders-col-kind = Loại
cli-reminders-col-code = Mã
cli-reminders-col-task = Nhiệm vụ
cli-reminders-col-to = Gửi cho
cli-reminders-queued = (đã xếp hàng)
cli-reminders-count = {$count} lời nhắc từ {$from} đến {$to} (giờ {$zone})
cli-reminders-none = Không có lời nhắc nào từ {$from} đến {$to}{$unit}.
cli-reminders-unit = {" "}cho đơn vị "{$unit}"
cli-reminders-why = Vì sao:
cli-reminders-why-no-tasks = chưa có nhiệm vụ nào đang mở{$unit}: hãy nhập kế hoạch (npm run -s cli -- import <tệp>)
cli-reminders-why-no-officers = {$count} nhiệm vụ đang mở nhưng chưa có cán bộ nào ở đơn vị phụ trách: thêm bằng officer add
cli-reminders-why-none-linked = chưa cán bộ nào liên kết Telegram nên chưa có ai để nhắc (xem danh sách bên dưới)
cli-reminders-why-unscheduled = {$count} nhiệm vụ chưa xác định được thời hạn nên không được nhắc tự động
cli-reminders-why-later = lời nhắc gần nhất sau khoảng này: {$at}; xem khoảng dài hơn bằng --to YYYY-MM-DD
cli-reminders-why-nothing-due = các nhiệm vụ có hạn đều đã xong hoặc không còn gì để nhắc
cli-reminders-unlinked = Chưa liên kết Telegram ({$count} cán bộ, sẽ không nhận lời nhắc):
cli-reminders-unlinked-line = #{$id} {$name} ({$unit}) — cấp mã mời: npm run -s cli -- officer invite {$id}


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
export-summary-by-officer = Theo cán bộ (người báo cáo gần nhất)
export-official-done-on-time = Có thời hạn: hoàn thành đúng hạn
export-official-done-late = Có thời hạn: hoàn thành quá hạn
export-official-open-in-time = Có thời hạn: chưa hoàn thành trong hạn
export-official-open-overdue = Có thời hạn: chưa hoàn thành quá hạn
export-col-days-overdue = Số ngày quá hạn (ngày lịch)
export-col-regular = Nhiệm vụ thường xuyên
export-col-awaiting = Chờ xác nhận
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

## Explanations (giải trình)
btn-explain-ask = 📝 Yêu cầu giải trình
btn-explain-answer = ✍️ Trả lời giải trình
card-explanation-open = 📝 Giải trình: { $by } yêu cầu, hạn { $due }, chưa trả lời
card-explanation-answered = 📝 Giải trình (theo yêu cầu của { $by }): { $answer }
reminder-header-explanation = 📝 <b>Sắp hết hạn giải trình</b>
explanation-requested = 📝 Đã yêu cầu giải trình, hạn { $due }; đã báo cho { $count } cán bộ của đơn vị chủ trì.
explanation-already-requested = Nhiệm vụ này đang chờ giải trình (hạn { $due }).
explanation-not-overdue = Chỉ yêu cầu giải trình với nhiệm vụ đã quá hạn.
explanation-closed = Nhiệm vụ đã hoàn thành hoặc đã hủy, không cần giải trình.
explanation-not-allowed = Chỉ lãnh đạo đơn vị chủ trì, thực hiện hoặc theo dõi nhiệm vụ (hoặc quản trị) mới yêu cầu giải trình.
explanation-asked = 📝 <b>{ $name } yêu cầu giải trình</b> về việc chậm thực hiện nhiệm vụ này, hạn { $due }.
ask-explanation-text = ✍️ Nhập nội dung giải trình (lý do chậm, việc đã làm, thời gian dự kiến hoàn thành). Gõ "bỏ qua" để hủy.
explanation-recorded = ✅ Đã gửi giải trình cho lãnh đạo.
explanation-none-open = Nhiệm vụ này không có yêu cầu giải trình nào đang chờ.
explanation-answered-notice = ✍️ <b>{ $name } đã giải trình</b>:
zalo-hint-explain = Nhắn nội dung giải trình theo dạng: giải trình { $code } <nội dung>

## Plans sent to the bot (admins and the monitoring office)
plan-import-title = 📄 Xem trước kế hoạch từ tệp <b>{$file}</b> (chưa ghi gì)
plan-import-role = {$role ->
    [monitor] Đơn vị theo dõi
    [lead] Đơn vị chủ trì
    [coordinate] Đơn vị phối hợp
   *[execute] Đơn vị thực hiện
} ({$count}): {$names}
plan-import-deadlines = Thời hạn hiểu được: {$understood}/{$tasks} nhiệm vụ
plan-import-unscheduled = Chưa hiểu được thời hạn:
plan-import-overdue-list = Đã quá hạn trước hôm nay ({$count}):
plan-import-more = … và {$count} nhiệm vụ nữa
plan-import-ask = Hãy đối chiếu với bản giấy rồi bấm Nhập.
plan-import-ask-past = {$count} nhiệm vụ đã quá hạn: chọn nhắc quá hạn ngay, coi như đã xong trước khi nhập, hay để mở mà không nhắc.
btn-plan-import = ✅ Nhập
btn-plan-import-remind = Nhập, nhắc quá hạn ngay
btn-plan-import-done = Nhập, coi như đã xong
btn-plan-import-skip = Nhập, không nhắc việc đã qua
btn-plan-import-cancel = Hủy
btn-plan-import-confirm = ⚠️ Vẫn nhập
plan-import-cancelled = Đã hủy: không ghi gì.
plan-import-expired = Bản xem trước này đã hết hạn hoặc đã dùng rồi. Hãy gửi lại tệp.
plan-import-refused = Chỉ quản trị viên và cán bộ đơn vị theo dõi mới nhập được kế hoạch qua bot. Tệp này không được đọc.
plan-import-too-big = Tệp <b>{$file}</b> lớn hơn 20 MB: bot không tải được. Hãy nhập bằng lệnh import của máy chủ.
plan-import-bad-type = Tệp <b>{$file}</b> không phải loại kế hoạch bot đọc được (.docx, .xlsx, .pdf, .txt, .csv, .html).
plan-import-unreadable = Không đọc được kế hoạch: {$reason}
plan-import-download-failed = Không tải được tệp từ Telegram. Hãy gửi lại sau ít phút.
plan-import-needs-confirm = Chưa ghi gì: {$reason}.
plan-import-confirm-hint = Nếu vẫn nhập: báo cáo đi theo nhiệm vụ của nó, nhiệm vụ bị bỏ được giữ ở trạng thái hủy.
plan-import-past = {$choice ->
    [done] {$count} nhiệm vụ đã quá hạn được đánh dấu hoàn thành.
    [skip] {$count} nhiệm vụ đã quá hạn để mở, không nhắc quá hạn.
   *[remind] {$count} nhiệm vụ đã quá hạn được nhắc quá hạn từ sáng làm việc tới.
}
plan-import-planning-now = Nhắc việc của kế hoạch đang được lập lịch ngay.
plan-import-planning-later = Nhắc việc của kế hoạch sẽ được lập lịch trong vòng 10 phút.

## Admins in the chat: /units, /officers, /invite
admins-only = Lệnh này dành cho quản trị viên.
units-empty = Chưa có đơn vị nào. Thêm bằng <code>npm run -s cli -- unit add "Tên đơn vị"</code> hoặc nhập một kế hoạch.
units-title = 🏢 <b>Đơn vị</b> ({ $count }):
units-line = • { $name }: { $officers } cán bộ ({ $linked } đã liên kết), { $tasks } nhiệm vụ
unit-not-found = Không tìm thấy đơn vị "{ $name }". Có phải: { $suggestions }?
officers-empty = Chưa có cán bộ nào.
officers-title = 👥 <b>Cán bộ</b> ({ $count }):
officers-line = • #{ $id } { $name } — { $unit }, { $role }: { $state }
officer-role-officer = cán bộ
officer-role-leader = lãnh đạo
officer-role-admin = quản trị
officer-linked = đã liên kết
officer-invite-pending = chờ dùng mã mời
officer-not-linked = chưa liên kết
invite-usage = Cách dùng: <code>/invite &lt;mã số cán bộ&gt;</code> (xem mã số bằng /officers).
invite-made =
    🔑 Mã mời mới cho <b>{ $name }</b> ({ $unit }), dùng được đến { $expires }; các mã cũ chưa dùng đã hết hiệu lực.
    Gửi cho cán bộ đường dẫn: { $link }
    hoặc mã (trên Zalo, gửi mã này cho bot): <code>{ $code }</code>
invite-not-found = Không có cán bộ #{ $id }.
invite-inactive = Cán bộ #{ $id } đã ngừng hoạt động.
help-admin =
    <b>Quản trị:</b>
    /units — các đơn vị, số cán bộ đã liên kết, số nhiệm vụ
    /officers [đơn vị] — cán bộ và trạng thái liên kết
    /invite &lt;mã số&gt; — cấp mã mời mới cho một cán bộ
    /absent #&lt;mã số&gt; &lt;từ ngày&gt; &lt;đến ngày&gt; — ghi vắng cho một cán bộ

## Absences (CLI)
cli-absence-recorded = Đã ghi { $name } vắng từ { $from } đến { $to }: nhắc việc những ngày này gửi cho các cán bộ khác của đơn vị.
cli-absence-recorded-delegate = Đã ghi { $name } vắng từ { $from } đến { $to }, ủy quyền cho { $delegate }: nhắc việc những ngày này gửi cho người được ủy quyền.
cli-absence-planning-later = Không kết nối được Redis: dịch vụ đang chạy sẽ chuyển nhắc việc trong vòng 10 phút.
cli-absence-officer-not-found = Không có cán bộ #{ $id }.
cli-absence-officer-inactive = Cán bộ #{ $id } đã ngừng hoạt động.
cli-absence-delegate-not-found = Không có cán bộ #{ $id } để ủy quyền.
cli-absence-delegate-inactive = Cán bộ #{ $id } (người được ủy quyền) đã ngừng hoạt động.
cli-absence-delegate-self = Không thể ủy quyền cho chính mình.
cli-absence-dates-reversed = Ngày kết thúc (--to) phải sau hoặc bằng ngày bắt đầu (--from).
absent-usage = Cách dùng: <code>/absent 16/12 18/12</code> (ngày bắt đầu, ngày kết thúc), thêm mã số người được ủy quyền nếu có: <code>/absent 16/12 18/12 12</code>. Lãnh đạo ghi cho cán bộ: <code>/absent #15 16/12 18/12</code>.
absent-not-allowed = Chỉ lãnh đạo của đơn vị (hoặc quản trị) mới ghi vắng cho cán bộ khác.
absent-recorded = 🏖 Đã ghi { $name } vắng từ { $from } đến { $to }: nhắc việc những ngày này gửi cho các cán bộ khác của đơn vị.
absent-recorded-delegate = 🏖 Đã ghi { $name } vắng từ { $from } đến { $to }, ủy quyền cho { $delegate }: nhắc việc những ngày này gửi cho người được ủy quyền.
absent-dates-reversed = Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.
absent-delegate-self = Không thể ủy quyền cho chính mình.
absent-delegate-unknown = Không tìm thấy cán bộ được ủy quyền (hoặc đã ngừng hoạt động). Xem mã số bằng /officers (quản trị).
reminder-list-header = ⏰ <b>{ $count } nhiệm vụ đã quá hạn</b> cần được đôn đốc:
reminder-list-more = … và { $count } nhiệm vụ khác (xem /overdue).
reminder-list-hint = Bấm mã nhiệm vụ để xem thẻ và trả lời, hoặc dùng /overdue.

## The sandbox chat page (src/sandbox/public)
sandbox-title = Nhắc Việc – hộp thử (sandbox)
sandbox-badge = Hộp thử
sandbox-skip = Đến ô nhập tin nhắn
sandbox-about = Đây là môi trường thử (sandbox): không có Telegram thật, bot chạy trên dữ liệu mẫu trong cơ sở dữ liệu {$database}. Mọi thao tác ở đây giống hệt khi dùng Telegram.
sandbox-connect = Kết nối bot Telegram thật
sandbox-connect-step-1 = Mở Telegram, nhắn cho @BotFather, gửi /newbot và làm theo hướng dẫn.
sandbox-connect-step-2 = Khởi động lại dịch vụ với TELEGRAM_BOT_TOKEN=<mã BotFather đưa> npm start.
sandbox-connect-step-3 = Thêm cán bộ bằng npm run -s cli -- officer add …; họ mở đường dẫn mời để liên kết.
sandbox-connect-off = Khi có mã bot thật, hộp thử tự tắt.
sandbox-person = Bạn là
sandbox-person-help = Chọn người để trò chuyện với bot bằng tài khoản của họ.
sandbox-tools = Lệnh nhanh
sandbox-remind-now = ⏰ Nhắc ngay
sandbox-remind-now-help = Gửi ngay một lời nhắc cho việc sắp đến hạn của người này
sandbox-chat = Cuộc trò chuyện với bot
sandbox-messages = Tin nhắn
sandbox-placeholder = Nhập tin nhắn, ví dụ: xong 1
sandbox-send = Gửi
sandbox-attach = 📎 Đính kèm tệp
sandbox-attach-label = Đính kèm tệp minh chứng
sandbox-buttons = Nút trả lời
sandbox-from-bot = Bot
sandbox-from-me = Bạn
sandbox-edited = đã sửa
sandbox-reminded = Đã lập lời nhắc cho việc {$code}; bot sẽ gửi ngay.
sandbox-no-open-task = Người này không còn việc nào đang mở.
sandbox-offline = Mất kết nối với dịch vụ, đang thử lại…
sandbox-clock-fast = Đồng hồ nhanh ×{$factor}: lời nhắc cho việc còn vài ngày sẽ đến sau vài phút.
sandbox-clock-normal = Muốn nhận lời nhắc nhanh hơn: khởi động với SANDBOX_FAST_CLOCK=60 (đồng hồ chạy nhanh 60 lần), hoặc bấm “⏰ Nhắc ngay”.

## Confirmation (chờ xác nhận)
status-awaiting-confirmation = ⏳ Chờ xác nhận ({$status})
btn-confirm = ✅ Xác nhận
btn-return = ↩️ Trả lại
confirmation-asked = 🔎 <b>Chờ xác nhận kết quả</b>: {$name} báo hoàn thành lúc {$when}.
confirmation-evidence = 📎 Minh chứng: {$items}
confirmation-no-evidence = 📎 Chưa có minh chứng.
confirmation-waiting = ⏳ Đã ghi nhận báo cáo hoàn thành lúc {$when}; đang chờ đơn vị theo dõi xác nhận.
confirmation-confirmed = ✅ Đã xác nhận hoàn thành (tính theo ngày báo cáo {$date}).
confirmation-confirmed-notice = ✅ {$name} đã xác nhận kết quả nhiệm vụ của bạn.
confirmation-returned = ↩️ Đã trả lại kết quả, lý do: {$reason}
confirmation-returned-notice = ↩️ {$name} trả lại kết quả, lý do: {$reason}
    Nhiệm vụ trở lại trạng thái đang thực hiện; nhắc việc tiếp tục.
confirmation-not-waiting = Nhiệm vụ này không có kết quả nào đang chờ xác nhận.
confirmation-not-allowed = Chỉ cán bộ đơn vị theo dõi nhiệm vụ (hoặc quản trị viên) mới xác nhận hoặc trả lại kết quả.
ask-return-reason = ↩️ Nhập lý do trả lại kết quả. Gõ "bỏ qua" để hủy.
plan-confirmation = {$on ->
    [on] Kế hoạch {$plan}: kết quả báo hoàn thành phải được đơn vị theo dõi xác nhận.
   *[off] Kế hoạch {$plan}: báo hoàn thành được ghi nhận ngay, không cần xác nhận.
}
zalo-hint-return = Nhắn lý do trả lại theo dạng: trả lại { $code } <lý do>
plan-confirmation-admin-only = Chỉ quản trị viên mới đổi được cài đặt xác nhận của kế hoạch.
plan-confirmation-usage = Gõ <code>/confirmation &lt;số hoặc mã kế hoạch&gt; on</code> (hoặc <code>off</code>).
plan-confirmation-no-plan = Không có kế hoạch <b>{$plan}</b>.
plan-confirmation-ambiguous = <b>{$plan}</b> trùng nhiều kế hoạch: hãy gõ mã số (#) của kế hoạch.
