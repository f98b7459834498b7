## Overdue explanations (quá hạn giải trình): the escalation's reminder header and the digest's section
reminder-header-explanation-overdue = 🔔 <b>Quá hạn giải trình</b>: đã hết hạn mà chưa có giải trình.
digest-overdue-explanations = 📝 <b>Quá hạn giải trình</b>
digest-explanation-line = • <b>{$code}</b> {$title} — {$by} yêu cầu, hạn {$due}
