#!/bin/sh
# Starts the application with the JVM options of config/jvm.options (docs/operations.md "起動 / メモリ").
#   bin/start.sh [Spring Boot arguments, e.g. --spring.profiles.active=prod,postgres]
# Runs the application extracted by bin/prepare.sh into APP_DIR (default: app/ beside bin/), with its class data
# sharing archive (app.jsa) when there is one; APP_JAR instead names a jar to run as it is (no archive).
# JAVA_OPTS: further JVM options, after those of the file (the last of two contradicting options wins).
# JAVA_HOME: the Java to use (default: java on the PATH).
set -eu
home=$(cd "$(dirname "$0")/.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
app=${APP_DIR:-$home/app}
if [ -n "${APP_JAR:-}" ]; then
  jar=$APP_JAR
  cds=""
else
  jar=$(ls "$app"/external-service-approval-*.jar 2>/dev/null | head -n 1)
  if [ -z "$jar" ]; then
    echo "No application in $app: run bin/prepare.sh <the built jar> first (docs/operations.md)" >&2
    exit 1
  fi
  cds=""
  if [ -f "$app/app.jsa" ]; then
    # an archive that no longer fits (another jar or Java) is ignored with a warning: rerun bin/prepare.sh
    cds="-XX:SharedArchiveFile=$app/app.jsa"
  fi
fi
# glibc gives every thread that allocates its own 64 MiB malloc arena (up to 8 per core); two are plenty here
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# shellcheck disable=SC2086 # JAVA_OPTS and cds are lists of options
exec "$java" "@$home/config/jvm.options" $cds ${JAVA_OPTS:-} -jar "$jar" "$@"
