## lists
tasks-title = 📋 <b>Open tasks</b> ({$count}), most urgent first:
tasks-empty = No open tasks. 🎉
overdue-title = ⏰ <b>Overdue tasks</b> ({$count}):
overdue-empty = No overdue tasks.
list-page = Page {$page}/{$pages}
list-more = … and {$count} more tasks.
leaders-only = This command is for unit leaders.
status-summary-title = 📊 <b>Task status</b> — {$unit}
status-summary-hint = Send <code>/status 1.2</code> for one task.
