/** The front door of the chat module: the only file other code imports from it. */
// type-graphql's decorators need the metadata polyfill before any class of the module loads.
import 'reflect-metadata';
export { createChatModule, type ChatModule, type ChatModuleDeps } from './chat.module.js';
export { ChatMessage } from './chat.types.js';
export { ChatService } from './chat.service.js';
export { ChatResolver } from './chat.resolver.js';
export { chatMessageTopic, type ChatMessageEvent } from './chat.events.js';
