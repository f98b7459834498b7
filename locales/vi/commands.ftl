# Nhắc Việc — tiếng Việt (mặc định). Mọi biến chứa văn bản người dùng/kế hoạch đã được escape HTML.

commands =
    .start = Bắt đầu, liên kết tài khoản bằng mã mời
    .help = Hướng dẫn sử dụng
    .tasks = Nhiệm vụ đang mở của tôi
    .status = Thẻ một nhiệm vụ (/status 1.2) hoặc tóm tắt
    .overdue = Nhiệm vụ quá hạn của đơn vị (lãnh đạo)
    .report = Thống kê theo đơn vị và trạng thái (lãnh đạo)
    .export = Báo cáo kết quả thực hiện kế hoạch, tệp Excel (lãnh đạo)
    .lang = Đổi ngôn ngữ: /lang vi hoặc /lang en
    .settings = Cài đặt nhắc lại
    .giao = Giao tiếp nhiệm vụ cho đơn vị cấp dưới hoặc cán bộ (lãnh đạo)
    .subscribe = Nhận tổng hợp tuần và việc quá hạn trong nhóm
    .unsubscribe = Ngừng nhận tổng hợp trong nhóm
