## Explanations (giải trình)
btn-explain-ask = 📝 Demand an explanation
btn-explain-answer = ✍️ Answer the explanation
card-explanation-open = 📝 Explanation: demanded by { $by }, due { $due }, not answered
card-explanation-answered = 📝 Explanation (asked by { $by }): { $answer }
reminder-header-explanation = 📝 <b>Explanation due</b>
explanation-requested = 📝 Explanation demanded, due { $due }; { $count } officer(s) of the lead unit told.
explanation-already-requested = This task is already waiting for an explanation (due { $due }).
explanation-not-overdue = Explanations are demanded for overdue tasks only.
explanation-closed = The task is done or cancelled; no explanation needed.
explanation-not-allowed = Only a leader of a unit that leads, executes or monitors the task (or an admin) may demand an explanation.
explanation-asked = 📝 <b>{ $name } demands an explanation</b> of the delay on this task, due { $due }.
ask-explanation-text = ✍️ Type the explanation (why it is late, what was done, when it will be finished). Send "skip" to cancel.
explanation-recorded = ✅ Your explanation was sent to the leader.
explanation-none-open = No explanation is waiting on this task.
explanation-answered-notice = ✍️ <b>{ $name } explained</b>:
zalo-hint-explain = Send the explanation as: explain { $code } &lt;text&gt;
