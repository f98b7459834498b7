## Absences (CLI)
cli-absence-recorded = Đã ghi { $name } vắng từ { $from } đến { $to }: nhắc việc những ngày này gửi cho các cán bộ khác của đơn vị.
cli-absence-recorded-delegate = Đã ghi { $name } vắng từ { $from } đến { $to }, ủy quyền cho { $delegate }: nhắc việc những ngày này gửi cho người được ủy quyền.
cli-absence-planning-later = Không kết nối được Redis: dịch vụ đang chạy sẽ chuyển nhắc việc trong vòng 10 phút.
cli-absence-officer-not-found = Không có cán bộ #{ $id }.
cli-absence-officer-inactive = Cán bộ #{ $id } đã ngừng hoạt động.
cli-absence-delegate-not-found = Không có cán bộ #{ $id } để ủy quyền.
cli-absence-delegate-inactive = Cán bộ #{ $id } (người được ủy quyền) đã ngừng hoạt động.
cli-absence-delegate-self = Không thể ủy quyền cho chính mình.
cli-absence-dates-reversed = Ngày kết thúc (--to) phải sau hoặc bằng ngày bắt đầu (--from).
absent-usage = Cách dùng: <code>/absent 16/12 18/12</code> (ngày bắt đầu, ngày kết thúc), thêm mã số người được ủy quyền nếu có: <code>/absent 16/12 18/12 12</code>. Lãnh đạo ghi cho cán bộ: <code>/absent #15 16/12 18/12</code>.
absent-not-allowed = Chỉ lãnh đạo của đơn vị (hoặc quản trị) mới ghi vắng cho cán bộ khác.
absent-recorded = 🏖 Đã ghi { $name } vắng từ { $from } đến { $to }: nhắc việc những ngày này gửi cho các cán bộ khác của đơn vị.
absent-recorded-delegate = 🏖 Đã ghi { $name } vắng từ { $from } đến { $to }, ủy quyền cho { $delegate }: nhắc việc những ngày này gửi cho người được ủy quyền.
absent-dates-reversed = Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.
absent-delegate-self = Không thể ủy quyền cho chính mình.
absent-delegate-unknown = Không tìm thấy cán bộ được ủy quyền (hoặc đã ngừng hoạt động). Xem mã số bằng /officers (quản trị).
