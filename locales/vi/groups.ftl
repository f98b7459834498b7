## groups
subscribe-leaders-only = Chỉ lãnh đạo đã đăng ký với bot mới đăng ký nhận tổng hợp cho nhóm.
subscribe-admins-only = Chỉ quản trị viên của nhóm mới đăng ký nhận tổng hợp.
subscribe-unit-unknown = Không tìm thấy đơn vị "{$unit}".
subscribe-unit-outside = Bạn chỉ đăng ký được các đơn vị mình phụ trách.
subscribe-in-group = Lệnh này dùng trong nhóm: thêm bot vào nhóm rồi gõ /subscribe.
subscribed = ✅ Nhóm sẽ nhận tổng hợp tuần và việc quá hạn của: {$units}
unsubscribed = Nhóm đã ngừng nhận tổng hợp.
not-subscribed = Nhóm chưa đăng ký nhận tổng hợp.
too-fast = ⏳ Bạn gửi tin nhắn quá nhanh. Vui lòng chờ khoảng một phút rồi gửi tiếp; các tin nhắn trong lúc này sẽ không được xử lý.
