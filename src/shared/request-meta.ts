/** Where a request came from, as the transport saw it: kept in journals and sessions. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** For work no request caused (jobs, reviews journalled on another person's account). */
export const NO_REQUEST_META: RequestMeta = { ip: null, userAgent: null };
