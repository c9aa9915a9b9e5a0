# The bot in a container: Node 24 (LTS; Node 20 is end-of-life) on Debian slim. A build stage compiles src/ to
# dist/ (plain JavaScript: no tsx at run time, ~25 MB less memory); the image holds production dependencies only,
# runs non-root, keeps data in a volume and is health checked on /healthz. Build and run:
#   docker build -t nq16-bot .
#   docker run -d --name nq16-bot --env-file .env -p 127.0.0.1:8080:8080 -v nq16-data:/data --restart unless-stopped nq16-bot
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY deploy/tsconfig.build.json ./deploy/
COPY src ./src
RUN npm run build

FROM node:24-slim

# A small heap is faster here, not only smaller: old generation capped at 96 MB (live heap under load ~50 MB). On
# Node 24 the young generation is 4 MB semi-spaces and Maglev is off (--no-maglev, which NODE_OPTIONS does not accept,
# is in CMD): 106 MB at rest and 185 MB at peak instead of 118 / 200, for ~16% more CPU per update, still 1,117+
# updates/s per channel and p99 < 27 ms at 400/s (npm run bench:load; docs/performance-http.md, "Node 24 at rest").
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-old-space-size=96 --max-semi-space-size=4" \
    PORT=8080 \
    DATA_DIR=/data \
    LOG_LEVEL=info
WORKDIR /app

# Dependencies first, so a code change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
COPY web ./web

# /data is the only place the bot writes (db.json); the image itself stays read-only for the bot user.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node is PID 1 and handles SIGTERM itself: stops accepting, finishes the updates under way, flushes the store.
STOPSIGNAL SIGTERM
CMD ["node", "--no-maglev", "dist/main.js"]
