export * from './accounts.js';
export * from './notifications.js';
export * from './system.js';
export * from './catalog.js';
export * from './branches.js';
export * from './queue.js';
export * from './bookings.js';
export * from './identity.js';
