/**
 * The container's HEALTHCHECK (and a Kubernetes exec probe for workers): the API's /healthz, or for
 * ROLE=worker the metrics port when METRICS_PORT is set (a worker has no HTTP port otherwise, and
 * then only the process being alive is checked). Exit 0 healthy, 1 not.
 */
const role = process.env.ROLE ?? 'all';
const port = role === 'worker' ? process.env.METRICS_PORT : (process.env.PORT ?? '4000');
const path = role === 'worker' ? '/metrics' : '/healthz';
if (!port || port === '0') process.exit(0);
const headers: Record<string, string> = process.env.METRICS_TOKEN && role === 'worker' ? { authorization: `Bearer ${process.env.METRICS_TOKEN}` } : {};
fetch(`http://127.0.0.1:${port}${path}`, { headers, signal: AbortSignal.timeout(3000) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  () => process.exit(1),
);
