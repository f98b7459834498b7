// Queue names. Deliveries are rate-limited as a whole; maintenance work is not.
export const DELIVERY_QUEUE = 'deliveries';
export const MAINTENANCE_QUEUE = 'maintenance';
