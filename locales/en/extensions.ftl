## extensions
extension-ask =
    ⏳ <b>Extension request</b>
    {$name} ({$unit}) asks to extend <b>{$code}. {$title}</b>
    📄 {$plan}
    Current due date: {$current} → proposed: <b>{$proposed}</b>
    Reason: {$reason}
extension-approved-leader = ✅ Extension to {$date} approved ({$when}).
extension-rejected-leader = ❌ Extension rejected ({$when}).
extension-approved = ✅ Your leader <b>approved the extension</b> to {$date}.
extension-rejected = ❌ Your leader <b>rejected the extension</b> to {$date}; the due date stays.
extension-already-decided = This request was already decided.
extension-not-found = This request no longer exists.
extension-not-later = The proposed date must be after the current due date ({$date}).
