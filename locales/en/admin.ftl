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
