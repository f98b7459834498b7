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
cli-unit-col-confirmation = Confirms
cli-unit-confirmation-on = required
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
cli-officer-col-chat = Linked on
cli-officer-linked-on = {$platforms}{$choice ->
    [none] {""}
   *[other] , reminded on {$choice}
}
cli-officer-invite-pending = invite not opened yet
cli-officer-not-linked = not linked, invite expired
cli-officer-inactive-mark = deactivated
cli-officer-list-empty = No officers{$unit} yet. Add one with: npm run -s cli -- officer add --name "<name>" --unit "<unit>"
cli-officer-list-unit = {" "}in unit "{$unit}"
cli-officer-list-count = {$count} officer(s), {$linked} linked (Telegram or Zalo)
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
