## extensions
extension-ask =
    ⏳ <b>Đề nghị gia hạn</b>
    {$name} ({$unit}) xin gia hạn nhiệm vụ <b>{$code}. {$title}</b>
    📄 {$plan}
    Hạn hiện tại: {$current} → đề nghị: <b>{$proposed}</b>
    Lý do: {$reason}
extension-approved-leader = ✅ Đã đồng ý gia hạn đến {$date} ({$when}).
extension-rejected-leader = ❌ Đã không đồng ý gia hạn ({$when}).
extension-approved = ✅ Lãnh đạo đã <b>đồng ý gia hạn</b> đến {$date}.
extension-rejected = ❌ Lãnh đạo <b>không đồng ý gia hạn</b> đến {$date}; hạn giữ nguyên.
extension-already-decided = Đề nghị này đã được quyết định trước đó.
extension-not-found = Không còn đề nghị này.
extension-not-later = Ngày đề nghị phải sau hạn hiện tại ({$date}).
