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
