// Queue names. Deliveries are rate-limited as a whole; maintenance work is not.
export const DELIVERY_QUEUE = 'deliveries';
export const MAINTENANCE_QUEUE = 'maintenance';
/** Exports and other reports a person waits for: apart, so a large plan holds up neither reminders nor reconcile. */
export const REPORTS_QUEUE = 'reports';
