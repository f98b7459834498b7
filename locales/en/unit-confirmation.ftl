## Confirmation per monitoring unit: `unit set --confirmation`, the admin's /confirmation <plan or unit>
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
