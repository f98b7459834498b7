## What the importer warns of, line by line (src/plans: Warning codes; shown in the dry run and the chat preview)
plan-warning-table = the table
plan-warning-blank-number = The plan's number is left blank ("{$text}"): it is recognised on re-import by issuer, kind and title
plan-warning-blank-issue-date = The issue date is left blank ("{$text}"){$ref -> 
    [none] {""}
   *[other] : dates without a year are read from {$ref}
}; give it with --issued YYYY-MM-DD
plan-warning-deadline-unread = Deadline "{$deadline}" of task {$path} has no date or cadence that can be read: the task gets no reminders
plan-warning-deadline-after-group = The deadline of task {$path} ({$due}) is after its group's ({$groupDue}): the group's applies
plan-warning-continued-row = A row with no number continues task {$path} (a row broken across pages)
plan-warning-text-under-table = Text under the table, not a task: "{$text}"
plan-warning-stt-not-code = STT "{$stt}" is not a number: row kept without a code
plan-warning-missing-parent = No row {$parent} above {$code}: placed under {$under}
plan-warning-uncoded-row = Row with no number: "{$text}" taken as task {$path}
plan-warning-duplicate-code = Code {$code} appears twice under {$under}: the second is {$path}
