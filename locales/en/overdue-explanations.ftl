## Overdue explanations (quá hạn giải trình): the escalation's reminder header and the digest's section
reminder-header-explanation-overdue = 🔔 <b>Explanation overdue</b>: its date has passed without an explanation.
digest-overdue-explanations = 📝 <b>Explanations overdue</b>
digest-explanation-line = • <b>{$code}</b> {$title} — asked by {$by}, due {$due}
