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
