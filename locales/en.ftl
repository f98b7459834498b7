# Nhắc Việc — English. Every variable holding user or plan text is already HTML-escaped.

commands =
    .start = Start, link your account with an invite code
    .help = How to use the bot
    .tasks = My open tasks
    .status = One task's card (/status 1.2) or a summary
    .overdue = Overdue tasks of my units (leaders)
    .report = Counts by unit and status (leaders)
    .export = The plan's progress report as an Excel file (leaders)
    .lang = Language: /lang vi or /lang en
    .settings = Snooze settings
    .subscribe = Get the weekly summary and overdue digest in this group
    .unsubscribe = Stop the summaries in this group

## onboarding
start-unregistered = Hello! This is the <b>Nhắc Việc</b> bot. To use it, open the invite link your administrator sent you, or send <code>/start invite-code</code>.
start-welcome-back = Hello {$name}! Send /tasks for your open tasks, /help for help.
start-linked = ✅ Your account is linked to <b>{$name}</b>. The bot will remind you of your plan tasks. Send /tasks for your tasks, /help for help.
start-code-invalid = ❌ This invite code is not valid. Check the link or ask your administrator for a new one.
start-code-used = ❌ This invite code has already been used. Each code works once; ask your administrator for a new one.
start-code-expired = ❌ This invite code has expired. Ask your administrator for a new one.
start-code-inactive = ❌ This officer account is no longer active.
start-in-group = Message the bot privately to link your account. In groups, leaders can use /subscribe.
not-registered = You are not registered with this bot. Open the invite link your administrator sent you.

## help
help =
    <b>Nhắc Việc</b> reminds you of your unit's plan tasks and records your answers.
    /tasks — open tasks, most urgent first
    /status 1.2 — the card of task 1.2; /status — a summary
    /settings — snooze settings; /lang vi — Tiếng Việt
    Quick text replies:
    • <code>done 1.2</code> — completed
    • <code>1.2 50%</code> — progress
    • <code>blocked 1.2 waiting for budget</code> — blocked, with the reason
    • <code>extend 1.2 20/12/2024</code> — ask for an extension
    • <code>snooze 1.2</code> — remind me later
help-leader =
    <b>For leaders</b>
    /overdue — overdue tasks of your units
    /report — this week's counts; /report quarter — this quarter
    /export [plan number] [period] — the plan's progress report (Excel), e.g. <code>/export 336/KH-UBND Q3</code>
    In a group: /subscribe [unit name] for summaries, /unsubscribe to stop.
lang-usage = Use <code>/lang vi</code> or <code>/lang en</code>
lang-set = ✅ Switched to English.
error-generic = ⚠️ Something went wrong, please try again later.
callback-refused = This button is not for you.
reply-not-understood = I did not understand. Examples: <code>done 1.2</code>, <code>1.2 50%</code>, <code>blocked 1.2 waiting for budget</code>, <code>extend 1.2 20/12/2024</code>. Send /help for help.

## task cards
reminder-header = 🔔 <b>Reminder</b>
reminder-header-due-day = 🔔 <b>Due today</b>
reminder-header-overdue = ⏰ <b>Overdue task</b>
reminder-header-escalation = 🚨 <b>Overdue task needs action</b>
reminder-header-snoozed = 💤 <b>Reminder again</b>
card-plan = 📄 Plan: {$plan}
card-deadline-raw = 🗓 Deadline: {$text}
card-due = ⏰ Due: {$due}
card-target = 🎯 Target: {$target}
card-role = 👤 Role: {$role}
card-status = 📊 Status: {$status}
card-last-note = 📝 Note: {$note}
due-none = no specific date
due-today = {$date}, due today
due-left = {$date}, {$days} working days left
due-overdue = {$date}, {$days} working days overdue
role-lead = lead
role-coordinate = coordinating
role-execute = executing
role-monitor = monitoring
status-done-on-time = Done on time
status-done-late = Done late
status-open-overdue = Not done, overdue
status-blocked = Blocked
status-in-progress = In progress
status-open-in-time = Not done, in time
status-cancelled = Cancelled
btn-done = ✅ Done
btn-in-progress = 🔄 In progress
btn-blocked = ⚠️ Blocked
btn-extend = ⏳ Ask for extension
btn-snooze = 💤 Remind me later
btn-back = ↩️ Back
btn-snooze-morning = Next working morning
btn-snooze-2days = In 2 working days
btn-snooze-week = In a week
btn-snooze-pick = 📅 Pick a day
btn-approve = ✅ Approve
btn-reject = ❌ Reject
btn-prev = ◀️ Previous
btn-next = Next ▶️
btn-report-week = This week
btn-report-quarter = This quarter

## answers
recorded-done = ✅ Recorded: <b>Done</b> at {$when}.
recorded-in-progress = 🔄 Recorded: <b>In progress</b> at {$when}.
recorded-progress = 🔄 Recorded: <b>In progress, {$progress}%</b> at {$when}.
recorded-blocked = ⚠️ Recorded: <b>Blocked</b> at {$when}. Reason: {$reason}
recorded-extension = ⏳ Extension to <b>{$date}</b> requested; waiting for the leader's decision.
recorded-snoozed = 💤 I will remind you at {$when}.
answer-already-done = ✅ This task is already recorded as done.
no-reason = (none given)
ask-blocked-reason = ⚠️ What is blocking it? Send the reason (or <code>/skip</code>).
ask-extension-date = ⏳ Extend to which date? For example: <code>20/12/2024</code>
ask-extension-reason = Why extend to {$date}? (or <code>/skip</code>)
ask-snooze-day = 📅 Remind you on which day? For example: <code>02/12/2024</code>
ask-evidence = 📎 Send evidence if you have it: a file, a photo or a link (or <code>/skip</code>).
evidence-saved = 📎 Evidence saved.
evidence-skipped = Evidence skipped.
date-not-understood = I did not understand the date. Send it like <code>20/12/2024</code>.
date-not-future = The date must be after today.
snooze-too-far = That day is too far; pick one within 30 working days.
task-not-found = No task <b>{$code}</b> among your tasks.
task-ambiguous = Several tasks have code <b>{$code}</b>; pick one:
task-not-yours = This task does not belong to your unit.

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

## reports and digests
report-title-week = 📊 <b>Weekly report</b> {$from} – {$to}
report-title-quarter = 📊 <b>Quarterly report</b> {$from} – {$to}
report-unit = <b>{$unit}</b> — {$total} tasks
report-empty = No tasks in this period.
chart-title-week = Progress by unit, week {$from} – {$to}
chart-title-quarter = Progress by unit, quarter {$from} – {$to}
chart-title-overdue-trend = Overdue tasks by week (last {$weeks} weeks)
chart-caption = 📊 {$title}
digest-title = ⏰ <b>Overdue digest</b> {$date}
digest-overdue = <b>Overdue tasks:</b>
digest-unreachable = <b>Officers not receiving messages:</b>
digest-unreachable-line = • {$name} ({$unit}): {$reason}
unreachable-blocked = blocked the bot
unreachable-other = {$reason}

## settings
settings = ⚙️ <b>Settings</b>. Default for 💤: {$snooze}. Choose:
settings-saved = Saved.
snooze-next-morning = next working morning
snooze-hours = after {$hours} working hours

## groups
subscribe-leaders-only = Only leaders registered with the bot can subscribe a group.
subscribe-admins-only = Only the group's administrators can subscribe it.
subscribe-unit-unknown = Unit "{$unit}" not found.
subscribe-unit-outside = You can only subscribe units you lead.
subscribe-in-group = Use this in a group: add the bot to the group, then send /subscribe.
subscribed = ✅ This group will get the weekly summary and overdue digest of: {$units}
unsubscribed = This group no longer gets summaries.
not-subscribed = This group is not subscribed.

## export (the plan's progress report: .xlsx, .docx)
export-usage = Usage: <code>/export [plan number] [period]</code>. Period: <code>Q1</code>…<code>Q4</code>, <code>6T</code>, <code>9T</code>, <code>year</code> (a year may follow: <code>Q1/2025</code>) or <code>2025-01-01..2025-03-31</code>; the current quarter by default.
export-no-plan = No plan <b>{$plan}</b> with tasks of the units you lead.
export-no-plans = No plan has tasks of the units you lead.
export-choose = Choose the plan to report on:
export-choose-more = … and more plans: type <code>/export plan-number</code>.
export-caption = 📎 <b>Progress report</b> {$plan}
    {$period}, status as of {$date}: {$tasks} tasks.
export-empty = The plan has no tasks of the units you lead.
export-heading = PROGRESS REPORT ON THE PLAN'S TASKS
export-plan = {$plan}
export-period = Reporting period: {$period} ({$from} to {$to})
export-status-date = Status as of {$date}
export-unit = Unit: {$unit}
export-period-q1 = Q1 {$year}
export-period-q2 = Q2 {$year}
export-period-q3 = Q3 {$year}
export-period-q4 = Q4 {$year}
export-period-6t = First six months of {$year}
export-period-9t = First nine months of {$year}
export-period-year = Year {$year}
export-period-range = {$from} to {$to}
export-period-to-date = {$year} up to {$to}
export-sheet-tasks = Tasks
export-sheet-summary = Summary
export-summary-heading = SUMMARY BY UNIT AND STATUS
export-col-code = No.
export-col-title = Task
export-col-actions = Actions
export-col-target = Target, result, product
export-col-lead = Lead unit
export-col-execute = Executing unit
export-col-coordinate = Coordinating units
export-col-monitor = Monitoring unit
export-col-deadline = Deadline
export-col-status = Status
export-col-completed = Completed on
export-col-progress = Progress (%)
export-col-report = Latest report
export-col-extension = Extension
export-col-evidence = Evidence
export-col-unit = Responsible unit
export-col-total = Tasks
export-summary-total = Total
export-unit-none = (No unit named)
export-status-done-on-time = Done on time
export-status-done-late = Done late
export-status-open-overdue = Overdue, not done
export-status-blocked = Blocked
export-status-in-progress = In progress, in time
export-status-open-in-time = Not started, in time
export-report-line = {$date}, {$officer}: {$note}
export-extension-line = To {$due} (granted {$date})
export-evidence-document = File: {$name}
export-evidence-photo = Photo: {$name}
export-evidence-document-unnamed = File attached to the report
export-evidence-photo-unnamed = Photo attached to the report
