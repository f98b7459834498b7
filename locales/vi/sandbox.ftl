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
