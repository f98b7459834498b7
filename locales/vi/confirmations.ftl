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
plan-confirmation-no-plan = Không có kế hoạch <b>{$plan}</b>.
plan-confirmation-ambiguous = <b>{$plan}</b> trùng nhiều kế hoạch: hãy gõ mã số (#) của kế hoạch.
