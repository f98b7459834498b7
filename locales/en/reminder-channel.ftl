## Where reminders go for an officer linked on Telegram and on Zalo
settings-reminder-channel = 📨 Reminders and notices go to: {$channel}.
reminder-channel-telegram = Telegram
reminder-channel-zalo = Zalo
reminder-channel-last = the chat linked last
btn-reminder-channel-last = Chat linked last
reminder-channel-set = 📨 From now on reminders and notices go to {$channel}, never to both.
reminder-channel-not-linked = You have not linked {$channel}. Send your invite code on {$channel} first, then choose again.

## The weekly summary to a leader's own Zalo chat (Zalo bots cannot join groups)
zalo-summary-subscribed = ✅ You will get the weekly summary of {$unit} here, on Friday afternoons. Send "unsubscribe" to stop it.
zalo-summary-unsubscribed = The weekly summary is stopped.
zalo-summary-not-subscribed = You have not subscribed to the weekly summary.
zalo-summary-leaders-only = Only a unit's leaders can subscribe to the weekly summary.
