export * from './accounts.js';
export * from './notifications.js';
export * from './system.js';
