// Delivery metrics for Prometheus. A registry per service instance (no global
// default registry), so tests and several roles in one process do not collide.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  const m = {
    registry,
    queued: new Gauge({ name: 'nhacviec_delivery_jobs_queued', help: 'Jobs waiting or delayed on the delivery queue at the last reconcile', registers: [registry] }),
    sent: new Counter({ name: 'nhacviec_reminders_sent_total', help: 'Reminders delivered', labelNames: ['channel'], registers: [registry] }),
    failed: new Counter({ name: 'nhacviec_reminders_failed_total', help: 'Reminders that will not be delivered', labelNames: ['reason'], registers: [registry] }),
    retried: new Counter({ name: 'nhacviec_reminders_retried_total', help: 'Send attempts that will be retried', labelNames: ['reason'], registers: [registry] }),
    tooManyRequests: new Counter({ name: 'nhacviec_telegram_429_total', help: 'Too Many Requests answers from the platform', registers: [registry] }),
    skipped: new Counter({ name: 'nhacviec_reminders_skipped_total', help: 'Jobs that found nothing to send', labelNames: ['reason'], registers: [registry] }),
    lag: new Histogram({
      name: 'nhacviec_delivery_lag_seconds',
      help: 'Actual send instant minus planned instant',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600],
      registers: [registry],
    }),
    unrecordedWindow: new Histogram({
      name: 'nhacviec_send_unrecorded_window_seconds',
      help: 'Time between the platform accepting a message and its SENT row committing (the duplicate window)',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers: [registry],
    }),
    pending: new Gauge({ name: 'nhacviec_reminders_pending', help: 'Pending reminders in PostgreSQL at the last reconcile', registers: [registry] }),
  };
  return m;
}

export type Metrics = ReturnType<typeof createMetrics>;
