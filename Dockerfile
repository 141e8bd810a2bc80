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
# The .NET images define a non-root user; run as it.
USER $APP_UID
EXPOSE 5080
ENTRYPOINT ["dotnet", "/app/orchestrator.dll", "serve", "--urls", "http://0.0.0.0:5080"]
