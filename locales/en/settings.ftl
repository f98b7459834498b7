## settings
settings = ⚙️ <b>Settings</b>. Default for 💤: {$snooze}. Choose:
settings-saved = Saved.
snooze-next-morning = next working morning
snooze-hours = after {$hours} working hours
