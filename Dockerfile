# syntax=docker/dockerfile:1
# Enlace server image: API, websockets and the built client on port 3000.
#   docker build -t enlace .
#   docker run -p 3000:3000 -v enlace-data:/data -e ADMIN_EMAIL=… -e ADMIN_PASSWORD=… \
#     -e JWT_SECRET=… -e AUDIT_SIGNING_KEY=… -e DATA_ENCRYPTION_KEY=… enlace
# (NODE_ENV=production here: the three secrets are required, see the README's Configuration.)
# With no DATABASE_URL it runs the embedded PostgreSQL in /data; docker-compose.yml shows the
# production topology (PostgreSQL, Redis, two servers behind nginx).

ARG NODE_IMAGE=node:24-bookworm-slim

# Toolchain for the one native addon: argon2's install script keeps its prebuilt binary when it loads
# on this Node and compiles from source when it does not (Debian's own Node 20 crashed on it), so the
# image can build either way.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# node-gyp compiles against the image's own Node headers instead of downloading them.
ENV npm_config_nodedir=/usr/local \
    npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false
WORKDIR /app
# Only the manifests, so the dependency layers stay cached until the lockfile changes.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/

# Everything, dev tools included, to build shared, server and client.
FROM toolchain AS build
# No install scripts (they are analytics pings and checks this build does not need) except argon2's.
RUN npm ci --ignore-scripts && npm rebuild argon2
COPY . .
RUN npm run build

# Only what the server needs at run time: production dependencies of the server and shared workspaces.
FROM toolchain AS runtime-deps
RUN npm ci --omit=dev --ignore-scripts --workspace server --workspace shared \
  && npm rebuild argon2 \
  && node -e "import('argon2').then((argon2) => argon2.default.hash('probe'))"

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# Code and dependencies stay root-owned and read-only to the server; only /data is its to write.
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY package.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/client/dist client/dist
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# main.js itself handles SIGTERM (finishes in-flight requests, closes the database): no npm in between.
CMD ["node", "server/dist/server/src/main.js"]
