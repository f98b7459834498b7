## The monitoring office's loop: confirmation per monitoring unit, overdue explanations, evidence while a result waits
cli-unit-confirmation = {$on ->
    [on] Unit #{$id} {$name}: every reported "done" on a task this unit monitors must be confirmed by it.
   *[off] Unit #{$id} {$name}: no confirmation required (only as the plan's setting says).
}
unit-confirmation = {$on ->
    [on] Unit {$unit}: every reported "done" on a task this unit monitors must be confirmed by it, in every plan.
   *[off] Unit {$unit}: no confirmation required; only plans with the setting on need it.
}
confirmation-target-usage = Send <code>/confirmation &lt;plan number or id&gt; on</code> or <code>/confirmation &lt;monitoring unit name&gt; on</code> (or <code>off</code>).
confirmation-target-not-found = No plan or unit named <b>{$target}</b>.
reminder-header-explanation-overdue = 🔔 <b>Explanation overdue</b>: its date has passed without an explanation.
digest-overdue-explanations = 📝 <b>Explanations overdue</b>
digest-explanation-line = • <b>{$code}</b> {$title} — asked by {$by}, due {$due}
confirmation-evidence-added = 📎 <b>More evidence</b> for a result waiting for confirmation: {$name} sent for task <b>{$code}</b> {$title}: {$item}
