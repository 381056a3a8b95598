# genesys-preflight CLI as a container image. The image holds only the bundled CLI (dist/, which
# needs no node_modules) and the JSON Schemas; the workspace to check is mounted at
# /github/workspace (the path GitHub uses for container steps):
#   docker build -t genesys-preflight .
#   docker run --rm -v "$PWD:/github/workspace:ro" genesys-preflight check --manifest genesys-preflight.yml
FROM node:24-slim

LABEL org.opencontainers.image.title="genesys-preflight" \
      org.opencontainers.image.description="Genesys Cloud deploy permission preflight" \
      org.opencontainers.image.licenses="MIT"

ENV NODE_ENV=production

# Root-owned and read-only for the user the tool runs as.
COPY dist/ /app/dist/
COPY schema/ /app/schema/
RUN chmod 0755 /app/dist/cli/index.js \
 && ln -s /app/dist/cli/index.js /usr/local/bin/genesys-preflight

# The node image's unprivileged user (uid 1000).
USER node
WORKDIR /github/workspace

ENTRYPOINT ["node", "/app/dist/cli/index.js"]
CMD ["--help"]
