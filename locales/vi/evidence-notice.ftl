## Evidence added while a result waits for confirmation (messages/evidence-notice.ts)
confirmation-evidence-added = 📎 <b>Minh chứng bổ sung</b> cho kết quả chờ xác nhận: {$name} gửi cho nhiệm vụ <b>{$code}</b> {$title}: {$item}
