# The ChatOps host. The build stage's commands are the ones tests/ChatOps.Host.Tests/Image/ContainerImageTests.cs runs on a
# copy of this build context (what .dockerignore leaves), before it starts the result as the final stage would.
#   docker build -t chatops .
#   docker run -p 8080:8080 -e SLACK_SIGNING_SECRET=... -e SLACK_BOT_TOKEN=... chatops

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The project files alone first, so the restore layer is rebuilt only when packages or references change.
COPY .editorconfig Directory.Build.props Directory.Packages.props ./
COPY src/ChatOps.Core/ChatOps.Core.csproj src/ChatOps.Core/
COPY src/ChatOps.Storage/ChatOps.Storage.csproj src/ChatOps.Storage/
COPY src/ChatOps.Targets/ChatOps.Targets.csproj src/ChatOps.Targets/
COPY src/ChatOps.Redis/ChatOps.Redis.csproj src/ChatOps.Redis/
COPY src/ChatOps.Slack/ChatOps.Slack.csproj src/ChatOps.Slack/
COPY src/ChatOps.Teams/ChatOps.Teams.csproj src/ChatOps.Teams/
COPY src/ChatOps.Alertmanager/ChatOps.Alertmanager.csproj src/ChatOps.Alertmanager/
COPY src/ChatOps.LocalWorkspace/ChatOps.LocalWorkspace.csproj src/ChatOps.LocalWorkspace/
COPY src/ChatOps.Host/ChatOps.Host.csproj src/ChatOps.Host/
RUN dotnet restore src/ChatOps.Host
COPY src/ src/
COPY runbooks/ runbooks/
COPY scenarios/ scenarios/
COPY templates/ templates/
# The publish output carries the shipped runbooks, drill scenarios and the postmortem template beside the binaries (see ChatOps.Host.csproj).
RUN dotnet publish src/ChatOps.Host -c Release -o /app --no-restore
# The embedded database's folder, made here because the final image has no shell.
RUN mkdir /data

# Chiseled: no shell, no package manager, non-root. The -extra variant adds ICU and tzdata, which the host needs:
# Incidents:TimeZone takes IANA ids such as Europe/Berlin, and the plain variant runs in invariant globalization mode.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final
WORKDIR /app
COPY --from=build /app .
# Writable by the app user only where the embedded default writes (data/chatops.db under the working directory); a
# deployment on PostgreSQL writes nothing, so its root filesystem may be read-only.
COPY --from=build --chown=1654:1654 /data /app/data
# The base image's user `app`, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1654
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# Mount your own runbooks and template and point Runbooks__Folder / Postmortem__TemplatePath at them.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["dotnet", "ChatOps.Host.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "ChatOps.Host.dll"]
