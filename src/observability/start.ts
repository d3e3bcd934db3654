/**
 * Turns operations on for a process (API or worker) once its application is built: tracing when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set, metrics when METRICS_PORT or METRICS_TOKEN is set (with the
 * scrape-time gauges pointed at this app's connections), and the metrics port of its own.
 */
import type { App } from '../app.js';
import { setMetricsEnabled } from '../shared/metrics.js';
import { useMetricSources } from './collectors.js';
import { metricsOn, startMetricsServer } from './metrics-endpoint.js';
import { initTracing, shutdownTracing } from './tracing.js';

export async function startObservability(app: App): Promise<{ metricsPort: number | null; close(): Promise<void> }> {
  const { config, log } = app;
  const tracing = initTracing(config);
  const metrics = metricsOn(config);
  setMetricsEnabled(metrics);
  if (metrics) useMetricSources({ config, db: app.db, queues: app.queues });
  const server = await startMetricsServer(config);
  if (tracing || metrics) log.info({ tracing, metrics, metricsPort: server?.port ?? null }, 'observability on');
  return {
    metricsPort: server?.port ?? null,
    async close() {
      await server?.close();
      useMetricSources(null);
      await shutdownTracing();
    },
  };
}
