## Where reminders go for an officer linked on Telegram and on Zalo
settings-reminder-channel = 📨 Nhắc việc và thông báo gửi qua: {$channel}.
reminder-channel-telegram = Telegram
reminder-channel-zalo = Zalo
reminder-channel-last = kênh liên kết gần nhất
btn-reminder-channel-last = Kênh liên kết gần nhất
reminder-channel-set = 📨 Từ nay nhắc việc và thông báo được gửi qua {$channel}, không gửi trùng trên kênh kia.
reminder-channel-not-linked = Bạn chưa liên kết {$channel}. Hãy gửi mã mời trên {$channel} trước, rồi chọn lại.
