# syntax=docker/dockerfile:1
# One image for the API and the workers: ROLE=api | worker | all is the only difference.
# Build: docker build -t mfc-account .    Run: see docker-compose.yml and deploy/k8s/.
# Node 24 (LTS): Node 20 is past its end of life (April 2026), and on Node 24 AsyncLocalStorage
# (every request's context) no longer runs a hook on every promise: an empty signed-in query is
# served twice as fast (see README, "Runtime"). The code still runs and is tested on Node >= 20.19.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
COPY workers ./workers
COPY bench ./bench
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production ROLE=api PORT=4000 HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only. Install scripts are skipped (patch-package is a dev tool); the one
# patched package (patches/postgres+3.4.9.patch) is taken patched from the build stage.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/node_modules/postgres ./node_modules/postgres
COPY --from=build /app/dist ./dist
COPY drizzle ./drizzle
RUN mkdir -p /app/.data/files && chown -R node:node /app/.data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=4s --start-period=30s --retries=3 CMD ["node", "dist/scripts/healthcheck.js"]
CMD ["node", "dist/src/main.js"]
