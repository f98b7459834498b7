## Plans sent to the bot (admins and the monitoring office)
plan-import-title = 📄 Preview of the plan in <b>{$file}</b> (nothing written yet)
plan-import-role = {$role ->
    [monitor] Monitoring units
    [lead] Lead units
    [coordinate] Coordinating units
   *[execute] Executing units
} ({$count}): {$names}
plan-import-deadlines = Deadlines understood: {$understood}/{$tasks} tasks
plan-import-unscheduled = Deadlines not understood:
plan-import-overdue-list = Already overdue today ({$count}):
plan-import-more = … and {$count} more task(s)
plan-import-ask = Check it against the paper, then press Import.
plan-import-ask-past = {$count} task(s) are already overdue: remind them as overdue now, mark them done before the import, or leave them open without reminders.
btn-plan-import = ✅ Import
btn-plan-import-remind = Import, remind overdue now
btn-plan-import-done = Import, mark them done
btn-plan-import-skip = Import, leave them unreminded
btn-plan-import-cancel = Cancel
btn-plan-import-confirm = ⚠️ Import anyway
plan-import-cancelled = Cancelled: nothing written.
plan-import-expired = This preview has expired or was used already. Please send the file again.
plan-import-refused = Only admins and officers of the monitoring office can import plans through the bot. The file was not read.
plan-import-too-big = <b>{$file}</b> is over 20 MB: the bot cannot download it. Import it with the server's import command.
plan-import-bad-type = <b>{$file}</b> is not a kind of plan the bot reads (.docx, .xlsx, .pdf, .txt, .csv, .html).
plan-import-unreadable = The plan could not be read: {$reason}
plan-import-download-failed = The file could not be downloaded from Telegram. Please send it again in a few minutes.
plan-import-needs-confirm = Nothing written: {$reason}.
plan-import-confirm-hint = If you import it anyway, reports stay with their task and dropped tasks are kept as cancelled.
plan-import-past = {$choice ->
    [done] {$count} overdue task(s) marked done.
    [skip] {$count} overdue task(s) kept open without overdue reminders.
   *[remind] {$count} overdue task(s) are reminded as overdue from the next working morning.
}
plan-import-planning-now = The plan's reminders are being planned now.
plan-import-planning-later = The plan's reminders will be planned within 10 minutes.
