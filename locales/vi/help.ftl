## help
help =
    <b>Nhắc Việc</b> nhắc các nhiệm vụ trong kế hoạch của đơn vị và ghi nhận trả lời của bạn.
    /tasks — nhiệm vụ đang mở, việc gấp trước
    /status 1.2 — thẻ nhiệm vụ 1.2; /status — tóm tắt
    /settings — cài đặt nhắc lại; /lang en — English
    /absent 16/12 18/12 — báo vắng (nhắc việc chuyển cho đồng nghiệp hoặc người được ủy quyền)
    Trả lời nhanh bằng tin nhắn:
    • <code>xong 1.2</code> — đã hoàn thành
    • <code>1.2 50%</code> — tiến độ
    • <code>vướng 1.2 chờ kinh phí</code> — vướng mắc và lý do
    • <code>gia hạn 1.2 20/12/2024</code> — xin gia hạn
    • <code>nhắc lại 1.2</code> — nhắc lại sau
help-leader =
    <b>Dành cho lãnh đạo</b>
    /overdue — nhiệm vụ quá hạn của đơn vị
    /report — thống kê tuần này; /report quý — thống kê quý
    /export [số kế hoạch] [kỳ] [docx] — báo cáo kết quả thực hiện (Excel hoặc Word), ví dụ <code>/export 336/KH-UBND Q3</code>
    /giao &lt;mã&gt; &lt;đơn vị hoặc #mã cán bộ&gt; [dd/mm] [ghi chú] — giao tiếp nhiệm vụ cho đơn vị cấp dưới hoặc cán bộ, ví dụ <code>/giao 3.1 Phòng Nội vụ 20/12</code>
    Trong nhóm: /subscribe [tên đơn vị] để nhận tổng hợp, /unsubscribe để dừng.
help-plans =
    <b>Nhập kế hoạch</b>
    Gửi tệp kế hoạch (.docx, .xlsx, .pdf, .txt, .csv, .html) vào cuộc trò chuyện này: bot cho xem trước rồi mới nhập khi bạn bấm Nhập.
lang-usage = Dùng: <code>/lang vi</code> hoặc <code>/lang en</code>
lang-set = ✅ Đã chuyển sang tiếng Việt.
error-generic = ⚠️ Có lỗi xảy ra, vui lòng thử lại sau.
callback-refused = Nút này không dành cho bạn.
reply-not-understood = Chưa hiểu tin nhắn. Ví dụ: <code>xong 1.2</code>, <code>1.2 50%</code>, <code>vướng 1.2 chờ kinh phí</code>, <code>gia hạn 1.2 20/12/2024</code>. Gõ /help để xem hướng dẫn.
