#!/bin/sh
# Prepares a built jar for bin/start.sh (docs/operations.md "起動 / メモリ"):
#   bin/prepare.sh target/external-service-approval-<version>.jar
# 1. extracts it into APP_DIR (default: app/ beside bin/; replaced), as plain jars the JVM can share classes from;
# 2. starts the application once on a throw-away H2 database with the demo profile, up to the end of its start
#    (spring.context.exit=onRefresh), and writes the classes it loaded to APP_DIR/app.jsa (class data sharing):
#    later starts map them instead of loading, verifying and parsing them again: a third less processor time.
# Run it again after every upgrade of the jar or of Java, and after changing config/jvm.options.
# It never touches the real database: the training start gets an empty environment (no SPRING_*, JAVA_TOOL_OPTIONS
# or config locations of the host), its own settings on the command line, and no application.yaml but the jar's.
# Stop the service first: APP_DIR is replaced.
set -eu
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: bin/prepare.sh <external-service-approval-*.jar>" >&2
  exit 2
fi
home=$(cd "$(dirname "$0")/.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
source_jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
app=${APP_DIR:-$home/app}
if [ -e "$app" ] && [ -n "$(ls -A "$app")" ] && ! ls "$app"/external-service-approval-*.jar > /dev/null 2>&1; then
  echo "$app holds something else than a prepared application: not replaced (set APP_DIR)" >&2
  exit 2
fi
rm -rf "$app"
"$java" -Djarmode=tools -jar "$source_jar" extract --destination "$app" > /dev/null
jar=$(ls "$app"/external-service-approval-*.jar | head -n 1)
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# the training start runs in an empty directory: its deployment comes from the jar, no ./config is read
(
  cd "$training"
  env -i PATH="$PATH" HOME="$training" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} MALLOC_ARENA_MAX=2 \
    "$java" "@$home/config/jvm.options" -XX:ArchiveClassesAtExit="$app/app.jsa" \
    -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.context.exit=onRefresh -jar "$jar" \
    --spring.profiles.active=demo --spring.config.location=classpath:/ \
    "--spring.datasource.url=jdbc:h2:file:$training/db;DB_CLOSE_ON_EXIT=FALSE" \
    --spring.datasource.username=sa --spring.datasource.password= \
    --external-service.directory.enabled=false "--external-service.deployment.directory=$training" \
    --server.port=0 --spring.main.banner-mode=off --logging.level.root=warn > "$training/training.log" 2>&1
) || { cat "$training/training.log" >&2; echo "the training start failed" >&2; exit 1; }
echo "Prepared $jar with $(du -m "$app/app.jsa" | cut -f1) MiB of shared classes; start with bin/start.sh"
