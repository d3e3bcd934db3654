/** The front door of the chat module: the only file other code imports from it. */
export { ChatResolver, toThread } from './chat.resolver.js';
export { ChatService } from './chat.service.js';
export { ChatPresence } from './presence.js';
