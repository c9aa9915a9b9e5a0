# The bot in a container: Node 20 on Debian slim, production dependencies only (tsx runs the TypeScript),
# non-root, data in a volume, health checked on /healthz. Build and run:
#   docker build -t nq16-bot .
#   docker run -d --name nq16-bot --env-file .env -p 127.0.0.1:8080:8080 -v nq16-data:/data --restart unless-stopped nq16-bot
FROM node:20-slim

ENV NODE_ENV=production \
    PORT=8080 \
    DATA_DIR=/data \
    LOG_LEVEL=info
WORKDIR /app

# Dependencies first, so a code change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY knowledge ./knowledge

# /data is the only place the bot writes (db.json); the image itself stays read-only for the bot user.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node is PID 1 and handles SIGTERM itself: stops accepting, finishes the updates under way, flushes the store.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]
