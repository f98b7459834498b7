# Nhắc Việc — English. Every variable holding user or plan text is already HTML-escaped.

commands =
    .start = Start, link your account with an invite code
    .help = How to use the bot
    .tasks = My open tasks
    .status = One task's card (/status 1.2) or a summary
    .overdue = Overdue tasks of my units (leaders)
    .report = Counts by unit and status (leaders)
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
too-fast = ⏳ You are sending messages too fast. Please wait about a minute before sending more; messages sent meanwhile are not handled.

## Zalo: no buttons, everything by short text replies
zalo-choices = Reply with a number:
zalo-groups-unsupported = Nhắc Việc on Zalo works in private messages only. Please message the bot directly.
zalo-unregistered = Hello! To receive reminders, send the invite code your office gave you (22 characters).
zalo-not-understood = I did not understand. Examples: "done 1.2", "1.2 50%", "blocked 1.2 waiting for budget", "extend 1.2 20/12/2024", "snooze 1.2 Monday". Send "help" for help.
zalo-help =
    How to answer on Zalo:
    • Send the number of a choice listed under a message (1, 2, ...).
    • "done 1.2" (with a note if you like), "1.2 50%", "in progress 1.2"
    • "blocked 1.2 <reason>", "extend 1.2 <dd/mm/yyyy> <reason>"
    • "snooze 1.2" or "snooze 1.2 Monday"
    • Send a photo right after answering, as evidence.
    • "tasks": open tasks; "status" or "status 1.2": how things stand; "overdue": overdue tasks.
zalo-evidence-hint = Evidence? Send a photo right after this message.
zalo-hint-blocked = Send the reason as: blocked { $code } <reason>
zalo-hint-extend = Send the date you ask for as: extend { $code } <dd/mm/yyyy> <reason>
zalo-hint-snooze-day = Send the day to be reminded as: snooze { $code } <dd/mm or Monday>
zalo-pick-progress = Progress so far?
zalo-pick-snooze = Remind again when?
zalo-choice-unknown = That number is not one of the open choices. Send "tasks" to see your tasks.
zalo-evidence-no-report = No answer this week to attach the photo to. Answer a task first (e.g. "done 1.2"), then send the photo.
zalo-evidence-saved = Photo saved as evidence for task { $code }.
