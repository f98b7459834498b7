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
