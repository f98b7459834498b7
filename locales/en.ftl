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
    /absent 16/12 18/12 — away (reminders go to a colleague or your delegate)
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
help-plans =
    <b>Importing plans</b>
    Send a plan file (.docx, .xlsx, .pdf, .txt, .csv, .html) to this chat: the bot shows a preview and imports it only when you press Import.
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
report-officers = <b>By officer</b> (who reported last):
stats-days-overdue = {" "}({$days} days overdue in all, calendar days)
stats-blocked = {" "}(of which blocked: {$count})
stats-regular = Ongoing and recurring tasks: {$count}
stats-awaiting = Waiting for confirmation: {$count}
digest-stats = <b>Quarter</b> {$from} – {$to}:
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


## cli (plain text, no HTML)
cli-db-not-ready = the database is not ready ({$detail}). Run: npm run db:migrate
cli-db-unreachable = cannot reach the database ({$detail}). Check PostgreSQL and DATABASE_URL, then run: npm run db:migrate
cli-not-a-file = {$name}: this is a directory, not a file. Name a plan file (.docx, .xlsx, .pdf, .txt, .csv, .html) inside it
cli-did-you-mean = Did you mean: {$names}?
cli-unit-not-found = unit "{$unit}" not found
cli-unit-not-found-hint = add it with: npm run -s cli -- unit add "{$unit}", or import a plan that names it
cli-plan-kind = { $kind ->
    [ke-hoach] Plan
    [quyet-dinh] Decision
    [phu-luc] Appendix
   *[other] Document
}
cli-preview-plan = {$kind} {$number} — {$issuer}{$issued}
cli-preview-no-number = (no number)
cli-preview-no-issuer = (issuer unknown)
cli-preview-issued = , issued {$date}
cli-preview-period = Period: {$period}
cli-preview-none = none
cli-preview-open = open
cli-preview-counts = {$tasks} tasks in {$groups} groups, {$tables} table(s), {$units} units
cli-preview-today = As of {$today}: {$overdue} task(s) already overdue, {$unscheduled} task(s) without a deadline understood{$derived}
cli-preview-derived = , {$derived} task(s) due at the end of the plan's period (*)
cli-preview-table = Table at line {$line}{$label}, {$tasks} tasks: {$columns}
cli-preview-mapped = Columns mapped: --columns "{$columns}"
cli-preview-col-code = Code
cli-preview-col-task = Task
cli-preview-col-lead = Lead
cli-preview-col-coordinate = Coordinating
cli-preview-col-raw = Deadline (as written)
cli-preview-col-due = Understood as
cli-preview-overdue-mark = (overdue)
cli-preview-units-new = New units, not in the directory yet ({$count}): {$names}
cli-preview-units-known = Units already in the directory ({$count}): {$names}
cli-preview-no-directory = Note: could not read the unit directory from the database ({$detail}); unit names are not matched yet. Run npm run db:migrate and preview again.
cli-preview-warnings = {$count} warning(s):
cli-preview-warning = line {$line}: {$message}
cli-preview-more-warnings = … and {$count} more (--json lists them all)
cli-preview-footnote-derived = (*) deadline taken from the plan's period, for the monitoring unit to confirm
cli-preview-past-hint = Tasks already overdue: at import choose --past remind (remind as overdue, the default), --past done (mark them done) or --past skip (keep them open, no reminders).
cli-preview-dry-run = Dry run: nothing written. To import, run again without --dry-run.
cli-cadence = { $cadence ->
    [weekly] weekly
    [monthly] monthly
    [quarterly] quarterly
    [semiannual] every 6 months
   *[yearly] yearly
}
cli-due-recurring = {$cadence}{$until}
cli-due-dates = on {$dates}
cli-due-ongoing = ongoing, report {$cadence}{$until}
cli-due-until = , until {$date}
cli-due-unscheduled = { $code ->
    [empty] (no deadline written)
    [by-regulation] (as regulated, no date)
    [by-other-document] (per another document, no date)
    [ad-hoc] (when requested)
    [relative] (counted from an event, no date)
    [unspecified-periodic] (periodic, cadence unclear)
    [impossible-date] (a date that does not exist)
    [missing-year] (year missing)
   *[other] (not understood)
}
cli-diff-head = updates plan #{$plan}: {$added} added, {$removed} removed, {$renumbered} renumbered, {$retitled} reworded
cli-diff-added = added
cli-diff-removed = removed
cli-diff-renumbered = renumbered
cli-diff-retitled = reworded
cli-diff-reported = [has reports]
cli-diff-more = … and {$count} more
cli-import-done = {$again ->
    [yes] Re-imported
   *[no] Imported
} plan #{$plan}: {$created} created, {$updated} updated, {$unchanged} unchanged, {$removed} removed{$extra}
cli-import-cancelled = {" "}({$count} cancelled, they have reports)
cli-import-renumbered = , {$count} renumbered
cli-import-restored = , {$count} back from cancelled
cli-import-new-units = ; {$count} new unit(s)
cli-import-past = {$choice ->
    [done] {$count} task(s) already overdue at import marked done (--past done)
    [skip] {$count} task(s) already overdue at import kept open without overdue reminders (--past skip)
   *[remind] {$count} task(s) already overdue are reminded as overdue from the next working morning (otherwise: --past done or --past skip)
}
cli-import-planning-queued = The running service was asked to plan the plan's reminders now.
cli-import-planning-later = Redis could not be reached: the running service will plan the plan's reminders within 10 minutes.
cli-import-needs-confirm = {$file}: nothing written: {$reason}.
cli-import-risky = the new version drops {$removed} and rewords {$retitled} task(s) that carry officers' reports
cli-import-confirm-hint = Check the tasks marked [has reports]; to import anyway, run again with --confirm: reports stay with their task, dropped tasks are kept as cancelled.
cli-unit-empty = the unit name is empty
cli-unit-too-long = the unit name is too long ("{$unit}…")
cli-unit-taken = "{$unit}" is already the name or another spelling of unit "{$other}"
cli-unit-same-name = the unit is already named "{$unit}"
cli-unit-col-id = ID
cli-unit-col-name = Unit
cli-unit-col-aliases = Other spellings
cli-unit-col-officers = Officers (linked)
cli-unit-col-tasks = Tasks
cli-unit-list-empty = No units yet. Add one with: npm run -s cli -- unit add "<unit name>", or import a plan.
cli-unit-list-count = {$count} unit(s)
cli-unit-added = Added unit #{$id}: {$name}{$aliases}
cli-unit-aliases = {" "}(other spellings: {$aliases})
cli-unit-alias-added = Added "{$alias}" as another spelling of unit "{$unit}"
cli-unit-alias-exists = "{$alias}" is already another spelling of unit "{$unit}"
cli-unit-renamed = Renamed unit #{$id}: "{$from}" → "{$to}" (the old name stays as another spelling, so older plans still match)
cli-role = { $role ->
    [leader] leader
    [admin] admin
   *[officer] officer
}
cli-role-invalid = role "{$role}" is not one of officer, leader, admin (cán bộ, lãnh đạo, quản trị)
cli-officer-added = Officer #{$id}: {$name} ({$unit}, {$role})
cli-officer-reused = Officer #{$id} already exists: {$name} ({$unit}, {$role}). A new invite was made; older unused codes no longer work.
cli-invite-code = Invite code: {$code}
cli-invite-link = Invite link: {$link}
cli-invite-no-link = Invite link: (bot username unknown) — the officer sends /start {$code} to the bot
cli-invite-no-username = note: no bot username known (set TELEGRAM_BOT_TOKEN or BOT_USERNAME); the officer can send /start <code> to the bot
cli-invite-expires = Expires: {$at}
cli-invite-revoked = {$count} older unused invite(s) revoked.
cli-officer-not-found = no officer #{$id} (see the list: npm run -s cli -- officer list)
cli-officer-inactive = officer #{$id} is deactivated; add them again with officer add (same name and unit) to reactivate
cli-officer-deactivated = Deactivated officer #{$id}: {$name} ({$unit}). {$reminders} pending reminder(s) cancelled; unused invites no longer work.
cli-officer-already-inactive = Officer #{$id} ({$name}) was already deactivated.
cli-officer-role-set = Officer #{$id} ({$name}, {$unit}): {$from} → {$to}
cli-officer-col-id = ID
cli-officer-col-name = Name
cli-officer-col-unit = Unit
cli-officer-col-role = Role
cli-officer-col-chat = Telegram
cli-officer-linked = linked
cli-officer-invite-pending = invite not opened yet
cli-officer-not-linked = not linked, invite expired
cli-officer-inactive-mark = deactivated
cli-officer-list-empty = No officers{$unit} yet. Add one with: npm run -s cli -- officer add --name "<name>" --unit "<unit>"
cli-officer-list-unit = {" "}in unit "{$unit}"
cli-officer-list-count = {$count} officer(s), {$linked} linked to Telegram
cli-roster-nothing = nothing imported:
cli-roster-line = line {$line}: {$problem}
cli-roster-name-empty = name is empty
cli-roster-unit-empty = unit is empty
cli-roster-name-too-long = name longer than {$max} characters
cli-roster-role-invalid = role "{$role}" is not one of officer, leader, admin (cán bộ, lãnh đạo, quản trị)
cli-roster-header = line {$line}: the header must name the columns name, unit[, role]
cli-reminder-kind = { $kind ->
    [before-due] before due
    [due-day] due today
    [overdue] overdue
    [escalation-leader] to the leader
    [escalation-monitor] to the monitor
    [check-in] progress check
    [snooze] snoozed
   *[other] {$kind}
}
cli-reminders-col-at = When
cli-reminders-col-kind = Kind
cli-reminders-col-code = Code
cli-reminders-col-task = Task
cli-reminders-col-to = To
cli-reminders-queued = (queued)
cli-reminders-count = {$count} reminder(s) from {$from} to {$to} ({$zone} time)
cli-reminders-none = No reminders from {$from} to {$to}{$unit}.
cli-reminders-unit = {" "}for unit "{$unit}"
cli-reminders-why = Why:
cli-reminders-why-no-tasks = no open tasks{$unit}: import a plan first (npm run -s cli -- import <file>)
cli-reminders-why-no-officers = {$count} open task(s), but their units have no officers: add them with officer add
cli-reminders-why-none-linked = no officer has linked Telegram yet, so there is nobody to remind (see the list below)
cli-reminders-why-unscheduled = {$count} task(s) have no deadline understood, so they are not reminded automatically
cli-reminders-why-later = the next reminder after this window: {$at}; see a longer window with --to YYYY-MM-DD
cli-reminders-why-nothing-due = every task with a deadline is done or has nothing left to remind
cli-reminders-unlinked = Not linked to Telegram ({$count} officer(s), they will get no reminders):
cli-reminders-unlinked-line = #{$id} {$name} ({$unit}) — new invite: npm run -s cli -- officer invite {$id}


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
export-summary-by-officer = By officer (who reported last)
export-official-done-on-time = Time-bound: done on time
export-official-done-late = Time-bound: done late
export-official-open-in-time = Time-bound: not done, in time
export-official-open-overdue = Time-bound: not done, overdue
export-col-days-overdue = Days overdue (calendar days)
export-col-regular = Ongoing and recurring tasks
export-col-awaiting = Waiting for confirmation
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

## Explanations (giải trình)
btn-explain-ask = 📝 Demand an explanation
btn-explain-answer = ✍️ Answer the explanation
card-explanation-open = 📝 Explanation: demanded by { $by }, due { $due }, not answered
card-explanation-answered = 📝 Explanation (asked by { $by }): { $answer }
reminder-header-explanation = 📝 <b>Explanation due</b>
explanation-requested = 📝 Explanation demanded, due { $due }; { $count } officer(s) of the lead unit told.
explanation-already-requested = This task is already waiting for an explanation (due { $due }).
explanation-not-overdue = Explanations are demanded for overdue tasks only.
explanation-closed = The task is done or cancelled; no explanation needed.
explanation-not-allowed = Only a leader of a unit that leads, executes or monitors the task (or an admin) may demand an explanation.
explanation-asked = 📝 <b>{ $name } demands an explanation</b> of the delay on this task, due { $due }.
ask-explanation-text = ✍️ Type the explanation (why it is late, what was done, when it will be finished). Send "skip" to cancel.
explanation-recorded = ✅ Your explanation was sent to the leader.
explanation-none-open = No explanation is waiting on this task.
explanation-answered-notice = ✍️ <b>{ $name } explained</b>:
zalo-hint-explain = Send the explanation as: explain { $code } <text>

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

## Admins in the chat: /units, /officers, /invite
admins-only = This command is for admins.
units-empty = No units yet. Add one with <code>npm run -s cli -- unit add "Unit name"</code> or import a plan.
units-title = 🏢 <b>Units</b> ({ $count }):
units-line = • { $name }: { $officers } officer(s) ({ $linked } linked), { $tasks } task(s)
unit-not-found = No unit "{ $name }". Did you mean: { $suggestions }?
officers-empty = No officers yet.
officers-title = 👥 <b>Officers</b> ({ $count }):
officers-line = • #{ $id } { $name } — { $unit }, { $role }: { $state }
officer-role-officer = officer
officer-role-leader = leader
officer-role-admin = admin
officer-linked = linked
officer-invite-pending = invite not used yet
officer-not-linked = not linked
invite-usage = Usage: <code>/invite &lt;officer id&gt;</code> (see ids with /officers).
invite-made =
    🔑 A new invite for <b>{ $name }</b> ({ $unit }), valid until { $expires }; older unused codes no longer work.
    Send the officer the link: { $link }
    or the code (on Zalo, send this code to the bot): <code>{ $code }</code>
invite-not-found = No officer #{ $id }.
invite-inactive = Officer #{ $id } is no longer active.
help-admin =
    <b>Admin:</b>
    /units — units, linked officers, tasks
    /officers [unit] — officers and whether they linked a chat
    /invite &lt;id&gt; — a fresh invite for an officer
    /absent #&lt;id&gt; &lt;from&gt; &lt;to&gt; — record an officer's absence

## Absences (CLI)
cli-absence-recorded = { $name } recorded absent from { $from } to { $to }: reminders on those days go to the unit's other officers.
cli-absence-recorded-delegate = { $name } recorded absent from { $from } to { $to }, delegating to { $delegate }: reminders on those days go to the delegate.
cli-absence-planning-later = Redis could not be reached: the running service moves the reminders within 10 minutes.
cli-absence-officer-not-found = No officer #{ $id }.
cli-absence-officer-inactive = Officer #{ $id } is no longer active.
cli-absence-delegate-not-found = No officer #{ $id } to delegate to.
cli-absence-delegate-inactive = Officer #{ $id } (the delegate) is no longer active.
cli-absence-delegate-self = An officer cannot delegate to themself.
cli-absence-dates-reversed = The end date (--to) must be on or after the start (--from).
absent-usage = Usage: <code>/absent 16/12 18/12</code> (first and last day), with the delegate's officer id if any: <code>/absent 16/12 18/12 12</code>. A leader for an officer: <code>/absent #15 16/12 18/12</code>.
absent-not-allowed = Only a leader of the officer's unit (or an admin) records someone else's absence.
absent-recorded = 🏖 { $name } recorded absent from { $from } to { $to }: reminders on those days go to the unit's other officers.
absent-recorded-delegate = 🏖 { $name } recorded absent from { $from } to { $to }, delegating to { $delegate }: reminders on those days go to the delegate.
absent-dates-reversed = The last day must be on or after the first.
absent-delegate-self = You cannot delegate to yourself.
absent-delegate-unknown = No such delegate (or no longer active). Admins see officer ids with /officers.
reminder-list-header = ⏰ <b>{ $count } overdue tasks</b> need following up:
reminder-list-more = … and { $count } more (see /overdue).
reminder-list-hint = Tap a task code to see its card and answer, or use /overdue.

## The sandbox chat page (src/sandbox/public)
sandbox-title = Nhắc Việc – sandbox
sandbox-badge = Sandbox
sandbox-skip = Skip to the message box
sandbox-about = This is a sandbox: there is no real Telegram here; the bot runs on sample data in the database {$database}. Everything works exactly as on Telegram.
sandbox-connect = Connect a real Telegram bot
sandbox-connect-step-1 = Open Telegram, message @BotFather, send /newbot and follow its steps.
sandbox-connect-step-2 = Start the service again with TELEGRAM_BOT_TOKEN=<the token BotFather gives> npm start.
sandbox-connect-step-3 = Add officers with npm run -s cli -- officer add …; they open their invite link to connect.
sandbox-connect-off = With a real bot token the sandbox turns itself off.
sandbox-person = You are
sandbox-person-help = Pick a person to talk to the bot as them.
sandbox-tools = Quick commands
sandbox-remind-now = ⏰ Remind now
sandbox-remind-now-help = Send this person a reminder for their next task now
sandbox-chat = Conversation with the bot
sandbox-messages = Messages
sandbox-placeholder = Type a message, e.g. xong 1
sandbox-send = Send
sandbox-attach = 📎 Attach a file
sandbox-attach-label = Attach an evidence file
sandbox-buttons = Answer buttons
sandbox-from-bot = Bot
sandbox-from-me = You
sandbox-edited = edited
sandbox-reminded = A reminder for task {$code} is planned; the bot sends it now.
sandbox-no-open-task = This person has no open task left.
sandbox-offline = Lost the connection to the service, retrying…
sandbox-clock-fast = Fast clock ×{$factor}: reminders for tasks due in days arrive in minutes.
sandbox-clock-normal = For reminders sooner: start with SANDBOX_FAST_CLOCK=60 (a clock 60 times faster), or press “⏰ Remind now”.

## Confirmation
status-awaiting-confirmation = ⏳ Waiting for confirmation ({$status})
btn-confirm = ✅ Confirm
btn-return = ↩️ Return
confirmation-asked = 🔎 <b>Result to confirm</b>: {$name} reported it done at {$when}.
confirmation-evidence = 📎 Evidence: {$items}
confirmation-no-evidence = 📎 No evidence yet.
confirmation-waiting = ⏳ Your report of completion at {$when} is recorded; waiting for the monitoring unit to confirm it.
confirmation-confirmed = ✅ Confirmed as done (as of the report, {$date}).
confirmation-confirmed-notice = ✅ {$name} confirmed the result of your task.
confirmation-returned = ↩️ Result returned, reason: {$reason}
confirmation-returned-notice = ↩️ {$name} returned the result, reason: {$reason}
    The task is in progress again; reminders resume.
confirmation-not-waiting = No result of this task is waiting for confirmation.
confirmation-not-allowed = Only officers of the task's monitoring unit (or admins) confirm or return results.
ask-return-reason = ↩️ Type the reason for returning the result. Send "skip" to cancel.
plan-confirmation = {$on ->
    [on] Plan {$plan}: reported results must be confirmed by the monitoring unit.
   *[off] Plan {$plan}: a reported "done" counts at once, without confirmation.
}
zalo-hint-return = Send the reason as: return { $code } <reason>
plan-confirmation-admin-only = Only admins change a plan's confirmation setting.
plan-confirmation-usage = Send <code>/confirmation &lt;plan number or id&gt; on</code> (or <code>off</code>).
plan-confirmation-no-plan = No plan <b>{$plan}</b>.
plan-confirmation-ambiguous = <b>{$plan}</b> names several plans: send the plan's id.
