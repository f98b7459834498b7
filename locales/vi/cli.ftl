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
cli-unit-col-confirmation = Xác nhận
cli-unit-confirmation-on = bắt buộc
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
cli-officer-col-chat = Liên kết
cli-officer-linked-on = {$platforms}{$choice ->
    [none] {""}
   *[other] , nhắc qua {$choice}
}
cli-officer-invite-pending = chờ mở link mời
cli-officer-not-linked = chưa liên kết, mã mời đã hết hạn
cli-officer-inactive-mark = ngừng hoạt động
cli-officer-list-empty = Chưa có cán bộ nào{$unit}. Thêm bằng: npm run -s cli -- officer add --name "<họ tên>" --unit "<đơn vị>"
cli-officer-list-unit = {" "}ở đơn vị "{$unit}"
cli-officer-list-count = {$count} cán bộ, {$linked} đã liên kết (Telegram hoặc Zalo)
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
