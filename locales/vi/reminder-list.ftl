## Several overdue reminders at once, as one list (src/messages/reminder-list.ts)
reminder-list-header = ⏰ <b>{ $count } nhiệm vụ đã quá hạn</b> cần được đôn đốc:
reminder-list-more = … và { $count } nhiệm vụ khác (xem /overdue).
reminder-list-hint = Bấm mã nhiệm vụ để xem thẻ và trả lời, hoặc dùng /overdue.
