## Evidence added while a result waits for confirmation (messages/evidence-notice.ts)
confirmation-evidence-added = 📎 <b>More evidence</b> for a result waiting for confirmation: {$name} sent for task <b>{$code}</b> {$title}: {$item}
