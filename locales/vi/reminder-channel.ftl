## Where reminders go for an officer linked on Telegram and on Zalo
settings-reminder-channel = 📨 Nhắc việc và thông báo gửi qua: {$channel}.
reminder-channel-telegram = Telegram
reminder-channel-zalo = Zalo
reminder-channel-last = kênh liên kết gần nhất
btn-reminder-channel-last = Kênh liên kết gần nhất
reminder-channel-set = 📨 Từ nay nhắc việc và thông báo được gửi qua {$channel}, không gửi trùng trên kênh kia.
reminder-channel-not-linked = Bạn chưa liên kết {$channel}. Hãy gửi mã mời trên {$channel} trước, rồi chọn lại.

## The weekly summary to a leader's own Zalo chat (Zalo bots cannot join groups)
zalo-summary-subscribed = ✅ Bạn sẽ nhận tổng hợp tuần của {$unit} tại đây, chiều thứ Sáu. Nhắn "hủy báo cáo tuần" để ngừng.
zalo-summary-unsubscribed = Đã ngừng gửi tổng hợp tuần.
zalo-summary-not-subscribed = Bạn chưa đăng ký nhận tổng hợp tuần.
zalo-summary-leaders-only = Chỉ lãnh đạo đơn vị mới đăng ký nhận tổng hợp tuần.
