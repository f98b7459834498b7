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
    /export [plan number] [period] [docx] — the plan's progress report (Excel or Word), e.g. <code>/export 336/KH-UBND Q3</code>
    /giao &lt;code&gt; &lt;unit or #officer id&gt; [dd/mm] [note] — pass a task down to a unit below or an officer, e.g. <code>/giao 3.1 Phòng Nội vụ 20/12</code>
    In a group: /subscribe [unit name] for summaries, /unsubscribe to stop.
help-plans =
    <b>Importing plans</b>
    Send a plan file (.docx, .xlsx, .pdf, .txt, .csv, .html) to this chat: the bot shows a preview and imports it only when you press Import.
lang-usage = Use <code>/lang vi</code> or <code>/lang en</code>
lang-set = ✅ Switched to English.
error-generic = ⚠️ Something went wrong, please try again later.
callback-refused = This button is not for you.
reply-not-understood = I did not understand. Examples: <code>done 1.2</code>, <code>1.2 50%</code>, <code>blocked 1.2 waiting for budget</code>, <code>extend 1.2 20/12/2024</code>. Send /help for help.
