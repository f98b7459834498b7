## onboarding
start-unregistered = Xin chào! Đây là bot <b>Nhắc Việc</b>. Để sử dụng, hãy mở đường link mời mà quản trị viên gửi cho bạn, hoặc gửi <code>/start mã-mời</code>.
start-welcome-back = Chào {$name}! Gõ /tasks để xem nhiệm vụ đang mở, /help để xem hướng dẫn.
start-linked = ✅ Đã liên kết tài khoản cho <b>{$name}</b>. Bot sẽ nhắc bạn các nhiệm vụ theo kế hoạch. Gõ /tasks để xem nhiệm vụ, /help để xem hướng dẫn.
start-code-invalid = ❌ Mã mời không hợp lệ. Hãy kiểm tra lại đường link hoặc xin mã mới từ quản trị viên.
start-code-used = ❌ Mã mời này đã được sử dụng. Mỗi mã chỉ dùng được một lần; hãy xin mã mới từ quản trị viên.
start-code-expired = ❌ Mã mời đã hết hạn. Hãy xin mã mới từ quản trị viên.
start-code-inactive = ❌ Tài khoản cán bộ này đã ngừng hoạt động.
start-in-group = Hãy nhắn riêng cho bot để liên kết tài khoản. Trong nhóm, lãnh đạo có thể dùng /subscribe.
not-registered = Bạn chưa được đăng ký với bot. Hãy mở đường link mời mà quản trị viên gửi cho bạn.
