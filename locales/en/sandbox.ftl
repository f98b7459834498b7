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
