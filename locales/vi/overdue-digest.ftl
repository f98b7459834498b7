## The daily overdue digest (src/messages/overdue-digest.ts)
digest-stats = <b>Thống kê quý</b> {$from} – {$to}:
digest-title = ⏰ <b>Tổng hợp việc quá hạn</b> ngày {$date}
digest-overdue = <b>Nhiệm vụ quá hạn:</b>
digest-unreachable = <b>Cán bộ không nhận được tin nhắn:</b>
digest-unreachable-line = • {$name} ({$unit}): {$reason}
unreachable-blocked = đã chặn bot
unreachable-other = {$reason}
