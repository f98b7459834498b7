## Admins in the chat: /units, /officers, /invite
admins-only = Lệnh này dành cho quản trị viên.
units-empty = Chưa có đơn vị nào. Thêm bằng <code>npm run -s cli -- unit add "Tên đơn vị"</code> hoặc nhập một kế hoạch.
units-title = 🏢 <b>Đơn vị</b> ({ $count }):
units-line = • { $name }: { $officers } cán bộ ({ $linked } đã liên kết), { $tasks } nhiệm vụ
unit-not-found = Không tìm thấy đơn vị "{ $name }". Có phải: { $suggestions }?
officers-empty = Chưa có cán bộ nào.
officers-title = 👥 <b>Cán bộ</b> ({ $count }):
officers-line = • #{ $id } { $name } — { $unit }, { $role }: { $state }
officer-role-officer = cán bộ
officer-role-leader = lãnh đạo
officer-role-admin = quản trị
officer-linked = đã liên kết
officer-invite-pending = chờ dùng mã mời
officer-not-linked = chưa liên kết
invite-usage = Cách dùng: <code>/invite &lt;mã số cán bộ&gt;</code> (xem mã số bằng /officers).
invite-made =
    🔑 Mã mời mới cho <b>{ $name }</b> ({ $unit }), dùng được đến { $expires }; các mã cũ chưa dùng đã hết hiệu lực.
    Gửi cho cán bộ đường dẫn: { $link }
    hoặc mã (trên Zalo, gửi mã này cho bot): <code>{ $code }</code>
invite-not-found = Không có cán bộ #{ $id }.
invite-inactive = Cán bộ #{ $id } đã ngừng hoạt động.
help-admin =
    <b>Quản trị:</b>
    /units — các đơn vị, số cán bộ đã liên kết, số nhiệm vụ
    /officers [đơn vị] — cán bộ và trạng thái liên kết
    /invite &lt;mã số&gt; — cấp mã mời mới cho một cán bộ
    /absent #&lt;mã số&gt; &lt;từ ngày&gt; &lt;đến ngày&gt; — ghi vắng cho một cán bộ
