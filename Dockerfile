# Production image: the server binary, with the built web app inside it.
FROM node:20-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
COPY frontend/ ./
COPY openapi/ /src/openapi/
RUN npm run build

FROM rust:1-bookworm AS server
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
# SQLite's build flags (the query planner stability guarantee): see docs/development.md.
COPY .cargo/ .cargo/
COPY backend/ backend/
COPY migrations/ migrations/
COPY tests/ tests/
# Built into the binary: the server serves the web app without STATIC_DIR.
COPY --from=web /src/frontend/dist frontend/dist/
RUN cargo build --release --locked -p statkonsul

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl tzdata \
    && rm -rf /var/lib/apt/lists/* && useradd --system --home /var/lib/statkonsul statkonsul \
    && mkdir -p /var/lib/statkonsul && chown statkonsul /var/lib/statkonsul
COPY --from=server /src/target/release/statkonsul /usr/local/bin/statkonsul
ENV DATA_DIR=/var/lib/statkonsul BIND_ADDR=0.0.0.0:8080 APP_ENV=production
USER statkonsul
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD ["curl", "-fsS", "http://127.0.0.1:8080/readyz"]
CMD ["statkonsul", "serve"]
