## Zalo: no buttons, everything by short text replies
zalo-choices = Trả lời bằng số:
zalo-groups-unsupported = Nhắc Việc trên Zalo chỉ làm việc trong tin nhắn riêng. Hãy nhắn riêng cho bot.
zalo-unregistered = Chào bạn! Để nhận nhắc việc, hãy gửi mã mời mà văn phòng đã cấp cho bạn (22 ký tự).
zalo-not-understood = Chưa hiểu tin nhắn. Ví dụ: "xong 1.2", "1.2 50%", "vướng 1.2 chờ kinh phí", "gia hạn 1.2 20/12/2024", "nhắc lại 1.2 thứ Hai". Nhắn "help" để xem hướng dẫn.
zalo-help =
    Cách trả lời trên Zalo:
    • Gửi số tương ứng với lựa chọn dưới mỗi tin nhắn (1, 2, ...).
    • "xong 1.2" (kèm ghi chú nếu muốn), "1.2 50%", "đang làm 1.2"
    • "vướng 1.2 &lt;lý do&gt;", "gia hạn 1.2 &lt;dd/mm/yyyy&gt; &lt;lý do&gt;"
    • "nhắc lại 1.2" hoặc "nhắc lại 1.2 thứ Hai"
    • Gửi ảnh ngay sau khi trả lời để làm minh chứng.
    • "tasks": việc đang mở; "status" hoặc "status 1.2": tình hình; "overdue": việc quá hạn.
    • Đã liên kết cả Telegram: "nhắc qua zalo" hoặc "nhắc qua telegram" để chọn nơi nhận nhắc việc.
    • Lãnh đạo: "đăng ký báo cáo tuần" để nhận tổng hợp tuần của đơn vị tại đây.
    • Lãnh đạo: "baocao" (tuần này) hoặc "baocao quy": thống kê theo đơn vị; "giao 1.2 &lt;đơn vị hoặc #mã cán bộ&gt; [dd/mm] [ghi chú]": giao tiếp nhiệm vụ.
zalo-evidence-hint = Có minh chứng? Gửi ảnh ngay sau tin nhắn này.
zalo-hint-blocked = Nhắn lý do vướng mắc theo dạng: vướng { $code } &lt;lý do&gt;
zalo-hint-extend = Nhắn ngày đề nghị gia hạn theo dạng: gia hạn { $code } &lt;dd/mm/yyyy&gt; &lt;lý do&gt;
zalo-hint-snooze-day = Nhắn ngày muốn được nhắc lại theo dạng: nhắc lại { $code } &lt;dd/mm hoặc thứ Hai&gt;
zalo-pick-progress = Tiến độ đến nay?
zalo-pick-snooze = Nhắc lại khi nào?
zalo-choice-unknown = Số này không ứng với lựa chọn nào đang mở. Nhắn "tasks" để xem việc của bạn.
zalo-evidence-no-report = Chưa có câu trả lời nào trong tuần này để gắn ảnh. Hãy trả lời nhiệm vụ trước (ví dụ "xong 1.2"), rồi gửi ảnh.
zalo-evidence-saved = Đã lưu ảnh minh chứng cho nhiệm vụ { $code }.
