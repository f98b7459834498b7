// The bot's callback data: the typed codecs of the conversation core (they are built
// there because the composer puts buttons on reminder cards the scheduler sends).
export {
  CALLBACK_DATA_MAX_BYTES, createCallbackData, exportPlan, extensionDecision, listPage, reportPeriod,
  snoozeSetting, taskAction, SNOOZE_NEXT_MORNING, SNOOZE_PICK_DAY,
} from '../../../messages/actions.ts';
