/**
 * Live delivery over WebSocket beyond the per-socket caps of src/config/env.ts. Parsed with the
 * rest in src/config/env.ts; each has a README row.
 */
import { int } from './parsers.js';

export const realtimeEnv = {
  /**
   * Bytes a socket may have waiting to be sent before it is closed as too slow (1013): the shared
   * live feeds write without waiting for a reader, so one stalled client must not hold the memory.
   */
  WS_MAX_BUFFERED_BYTES: int(4 * 1024 * 1024, 64 * 1024),
};
