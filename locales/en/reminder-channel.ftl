## Where reminders go for an officer linked on Telegram and on Zalo
settings-reminder-channel = 📨 Reminders and notices go to: {$channel}.
reminder-channel-telegram = Telegram
reminder-channel-zalo = Zalo
reminder-channel-last = the chat linked last
btn-reminder-channel-last = Chat linked last
reminder-channel-set = 📨 From now on reminders and notices go to {$channel}, never to both.
reminder-channel-not-linked = You have not linked {$channel}. Send your invite code on {$channel} first, then choose again.
