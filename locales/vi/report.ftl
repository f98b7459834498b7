## /report and the weekly summary's statistics and chart (src/messages/report.ts)
report-title-week = 📊 <b>Thống kê tuần</b> {$from} – {$to}
report-title-quarter = 📊 <b>Thống kê quý</b> {$from} – {$to}
report-unit = <b>{$unit}</b> — {$total} nhiệm vụ
report-empty = Không có nhiệm vụ trong kỳ.
report-officers = <b>Theo cán bộ</b> (người báo cáo gần nhất):
stats-days-overdue = {" "}(tổng {$days} ngày quá hạn, tính theo ngày lịch)
stats-blocked = {" "}(trong đó vướng mắc: {$count})
stats-regular = Nhiệm vụ thường xuyên: {$count}
stats-awaiting = Chờ xác nhận: {$count}
chart-title-week = Tiến độ theo đơn vị, tuần {$from} – {$to}
chart-title-quarter = Tiến độ theo đơn vị, quý {$from} – {$to}
chart-title-overdue-trend = Số nhiệm vụ quá hạn theo tuần ({$weeks} tuần gần nhất)
chart-caption = 📊 {$title}
