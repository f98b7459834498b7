## /report and the weekly summary's statistics and chart (src/messages/report.ts)
report-title-week = 📊 <b>Weekly report</b> {$from} – {$to}
report-title-quarter = 📊 <b>Quarterly report</b> {$from} – {$to}
report-unit = <b>{$unit}</b> — {$total} tasks
report-empty = No tasks in this period.
report-officers = <b>By officer</b> (who reported last):
stats-days-overdue = {" "}({$days} days overdue in all, calendar days)
stats-blocked = {" "}(of which blocked: {$count})
stats-regular = Ongoing and recurring tasks: {$count}
stats-awaiting = Waiting for confirmation: {$count}
chart-title-week = Progress by unit, week {$from} – {$to}
chart-title-quarter = Progress by unit, quarter {$from} – {$to}
chart-title-overdue-trend = Overdue tasks by week (last {$weeks} weeks)
chart-caption = 📊 {$title}
