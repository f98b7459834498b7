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
    .giao = Pass a task down to a unit below or an officer (leaders)
    .subscribe = Get the weekly summary and overdue digest in this group
    .unsubscribe = Stop the summaries in this group
