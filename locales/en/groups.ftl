## groups
subscribe-leaders-only = Only leaders registered with the bot can subscribe a group.
subscribe-admins-only = Only the group's administrators can subscribe it.
subscribe-unit-unknown = Unit "{$unit}" not found.
subscribe-unit-outside = You can only subscribe units you lead.
subscribe-in-group = Use this in a group: add the bot to the group, then send /subscribe.
subscribed = ✅ This group will get the weekly summary and overdue digest of: {$units}
unsubscribed = This group no longer gets summaries.
not-subscribed = This group is not subscribed.
too-fast = ⏳ You are sending messages too fast. Please wait about a minute before sending more; messages sent meanwhile are not handled.
