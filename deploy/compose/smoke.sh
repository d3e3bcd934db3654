#!/usr/bin/env bash
# Compose smoke test: build the image, start the stack, wait for both API instances to be ready
# through the proxy, run a GraphQL query, read /metrics, then stop and remove everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
project=mfc-smoke-$$
dc() { docker compose -p "$project" "$@"; }
trap 'dc logs --no-color --tail 50 api1 worker || true; dc down -v --remove-orphans >/dev/null 2>&1 || true' EXIT
dc up -d --build --wait --wait-timeout 180
for i in $(seq 1 60); do
  if curl -fsS http://localhost:8080/readyz | grep -q '"migrations":"applied"'; then break; fi
  sleep 2
  [ "$i" = 60 ] && { echo "smoke: /readyz never became ready"; exit 1; }
done
body=$(curl -fsS -H 'content-type: application/json' -d '{"query":"{ serviceCategories { id } }"}' http://localhost:8080/graphql)
echo "$body" | grep -q '"data"' || { echo "smoke: GraphQL answered $body"; exit 1; }
curl -fsS -H "authorization: Bearer ${METRICS_TOKEN:-local-trial-metrics-token}" http://localhost:8080/metrics | grep -q '^mfc_graphql_operation_duration_seconds_count' || { echo "smoke: no GraphQL metrics"; exit 1; }
echo "smoke: the compose stack answers (readyz, GraphQL, metrics)"
