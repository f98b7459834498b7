## Zalo: no buttons, everything by short text replies
zalo-choices = Reply with a number:
zalo-groups-unsupported = Nhắc Việc on Zalo works in private messages only. Please message the bot directly.
zalo-unregistered = Hello! To receive reminders, send the invite code your office gave you (22 characters).
zalo-not-understood = I did not understand. Examples: "done 1.2", "1.2 50%", "blocked 1.2 waiting for budget", "extend 1.2 20/12/2024", "snooze 1.2 Monday". Send "help" for help.
zalo-help =
    How to answer on Zalo:
    • Send the number of a choice listed under a message (1, 2, ...).
    • "done 1.2" (with a note if you like), "1.2 50%", "in progress 1.2"
    • "blocked 1.2 &lt;reason&gt;", "extend 1.2 &lt;dd/mm/yyyy&gt; &lt;reason&gt;"
    • "snooze 1.2" or "snooze 1.2 Monday"
    • Send a photo right after answering, as evidence.
    • "tasks": open tasks; "status" or "status 1.2": how things stand; "overdue": overdue tasks.
    • Linked on Telegram too: "remind via zalo" or "remind via telegram" chooses where reminders go.
    • Leaders: "subscribe" brings the weekly summary of your unit here.
    • Leaders: "report" (this week) or "report quarter": counts by unit; "assign 1.2 &lt;unit or #officer id&gt; [dd/mm] [note]": pass a task down.
zalo-evidence-hint = Evidence? Send a photo right after this message.
zalo-hint-blocked = Send the reason as: blocked { $code } &lt;reason&gt;
zalo-hint-extend = Send the date you ask for as: extend { $code } &lt;dd/mm/yyyy&gt; &lt;reason&gt;
zalo-hint-snooze-day = Send the day to be reminded as: snooze { $code } &lt;dd/mm or Monday&gt;
zalo-pick-progress = Progress so far?
zalo-pick-snooze = Remind again when?
zalo-choice-unknown = That number is not one of the open choices. Send "tasks" to see your tasks.
zalo-evidence-no-report = No answer this week to attach the photo to. Answer a task first (e.g. "done 1.2"), then send the photo.
zalo-evidence-saved = Photo saved as evidence for task { $code }.
