## The daily overdue digest (src/messages/overdue-digest.ts)
digest-stats = <b>Quarter</b> {$from} – {$to}:
digest-title = ⏰ <b>Overdue digest</b> {$date}
digest-overdue = <b>Overdue tasks:</b>
digest-unreachable = <b>Officers not receiving messages:</b>
digest-unreachable-line = • {$name} ({$unit}): {$reason}
unreachable-blocked = blocked the bot
unreachable-other = {$reason}
