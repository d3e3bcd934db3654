# syntax=docker/dockerfile:1
# One image for the API and the workers: ROLE=api | worker | all is the only difference.
# Build: docker build -t mfc-account .    Run: see docker-compose.yml and deploy/k8s/.

FROM node:20-bookworm-slim AS build
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

FROM node:20-bookworm-slim AS runtime
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
