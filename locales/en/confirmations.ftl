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
plan-confirmation-no-plan = No plan <b>{$plan}</b>.
plan-confirmation-ambiguous = <b>{$plan}</b> names several plans: send the plan's id.
