# Day Trading Orchestrator: container image for `orchestrator serve`.
# Used by docker-compose.yml; build alone with `docker build -t orchestrator .`

# --- build stage: full SDK, publishes the CLI (which hosts the server) ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The whole repo (minus what .dockerignore drops): global.json, the
# Directory.*.props files (central package versions) and src/ are all needed.
COPY . .
RUN dotnet restore src/Orchestrator.Cli \
 && dotnet publish src/Orchestrator.Cli -c Release -o /app --no-restore

# --- runtime stage: ASP.NET Core runtime only ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# State lives outside /app, in a folder the app user owns: the broker-credential
# key file (without it the stored credentials cannot be decrypted) and, when the
# image runs alone, the embedded SQLite database. docker-compose.yml mounts a
# volume there (and points the database at PostgreSQL).
RUN mkdir -p /var/lib/orchestrator && chown "$APP_UID" /var/lib/orchestrator
ENV BrokerCredentials__KeyFile=/var/lib/orchestrator/broker-credential-keys.json \
    ConnectionStrings__Orchestrator="Data Source=/var/lib/orchestrator/orchestrator.db"
VOLUME /var/lib/orchestrator
# The .NET images define a non-root user; run as it.
USER $APP_UID
EXPOSE 5080
ENTRYPOINT ["dotnet", "/app/orchestrator.dll", "serve", "--urls", "http://0.0.0.0:5080"]
