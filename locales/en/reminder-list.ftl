## Several overdue reminders at once, as one list (src/messages/reminder-list.ts)
reminder-list-header = ⏰ <b>{ $count } overdue tasks</b> need following up:
reminder-list-more = … and { $count } more (see /overdue).
reminder-list-hint = Tap a task code to see its card and answer, or use /overdue.
