## onboarding
start-unregistered = Hello! This is the <b>Nhắc Việc</b> bot. To use it, open the invite link your administrator sent you, or send <code>/start invite-code</code>.
start-welcome-back = Hello {$name}! Send /tasks for your open tasks, /help for help.
start-linked = ✅ Your account is linked to <b>{$name}</b>. The bot will remind you of your plan tasks. Send /tasks for your tasks, /help for help.
start-code-invalid = ❌ This invite code is not valid. Check the link or ask your administrator for a new one.
start-code-used = ❌ This invite code has already been used. Each code works once; ask your administrator for a new one.
start-code-expired = ❌ This invite code has expired. Ask your administrator for a new one.
start-code-inactive = ❌ This officer account is no longer active.
start-in-group = Message the bot privately to link your account. In groups, leaders can use /subscribe.
not-registered = You are not registered with this bot. Open the invite link your administrator sent you.
