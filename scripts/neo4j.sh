#!/usr/bin/env bash
# A real Neo4j 5.26 Community DBMS built from Maven Central (no Docker, no
# downloads from neo4j.com). See tools/neo4j/.
#
#   scripts/neo4j.sh build          build the launcher + copy jars (cached)
#   scripts/neo4j.sh start DIR      start in the background, data/logs in DIR,
#                                   prints bolt://127.0.0.1:PORT
#   scripts/neo4j.sh stop DIR       stop the one started in DIR (safe if not running)
#   scripts/neo4j.sh run            foreground for a person (Ctrl-C stops)
#   scripts/neo4j.sh classpath      print the Java classpath (builds if needed)
#
# Env: NEO4J_PORT (start: default a free port; run: default 7687)
#      NEO4J_HEAP (default 512m)  NEO4J_PAGECACHE (default 256m)
#      NEO4J_IMPORT_DIR (start/run: LOAD CSV 'file:///x.csv' reads $NEO4J_IMPORT_DIR/x.csv;
#                        default DIR/import for start, $NEO4J_HOME_DIR/import for run)
#      NEO4J_HOME_DIR (run: default <repo>/.neo4j-data)
#      NEO4J_START_TIMEOUT (start: seconds, default 180)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL="$REPO/tools/neo4j"
POM="$TOOL/pom.xml"
LIB="$TOOL/target/lib"
CLASSES="$TOOL/target/classes"
SRC="$TOOL/src/main/java/respchain/neo4j/Launcher.java"
MAIN=respchain.neo4j.Launcher

die() { echo "neo4j.sh: $*" >&2; exit 1; }

need_build() {
    [[ -d "$LIB" ]] || return 0
    [[ -f "$CLASSES/respchain/neo4j/Launcher.class" ]] || return 0
    [[ "$POM" -nt "$LIB" ]] && return 0
    [[ "$SRC" -nt "$CLASSES/respchain/neo4j/Launcher.class" ]] && return 0
    return 1
}

cmd_build() {
    if need_build; then
        command -v mvn >/dev/null || die "mvn not found (apt-get install maven openjdk-17-jdk-headless)"
        echo "neo4j.sh: building launcher (first run downloads ~120 MB from Maven Central)" >&2
        rm -rf "$LIB"
        # copy-dependencies is also bound to 'package' in the pom; naming it
        # here keeps the command explicit. Local repo stays ~/.m2 (cached).
        mvn -q -B -Dstyle.color=never -f "$POM" package dependency:copy-dependencies >&2
        touch "$LIB"
    fi
}

java_cmd() {
    # Prints nothing; fills the JAVA_ARGS array.
    JAVA_ARGS=(java "-Xmx${NEO4J_HEAP:-512m}"
        --add-opens=java.base/java.nio=ALL-UNNAMED
        --add-opens=java.base/java.io=ALL-UNNAMED
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
        -Dio.netty.tryReflectionSetAccessible=true
        -cp "$CLASSES:$LIB/*" "$MAIN")
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port_open() {
    python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
s.settimeout(1)
try:
    s.connect(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}

is_running() {  # DIR
    local pidf="$1/neo4j.pid"
    [[ -f "$pidf" ]] && kill -0 "$(cat "$pidf")" 2>/dev/null
}

cmd_start() {
    local dir="${1:-}"
    [[ -n "$dir" ]] || die "usage: neo4j.sh start DIR"
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if is_running "$dir"; then
        cat "$dir/uri"
        return 0
    fi
    cmd_build
    local port="${NEO4J_PORT:-$(free_port)}"
    local import_dir="${NEO4J_IMPORT_DIR:-$dir/import}"
    local log="$dir/neo4j.log"
    local timeout="${NEO4J_START_TIMEOUT:-180}"
    java_cmd
    : >"$log"
    # setsid: own process group, so a Ctrl-C in the caller's terminal does
    # not reach it; stop it with 'neo4j.sh stop DIR'.
    setsid "${JAVA_ARGS[@]}" --home "$dir/home" --port "$port" --import-dir "$import_dir" \
        >>"$log" 2>&1 </dev/null &
    local pid=$!
    echo "$pid" >"$dir/neo4j.pid"
    local uri="bolt://127.0.0.1:$port"
    echo "$uri" >"$dir/uri"
    local start=$SECONDS
    while :; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "neo4j.sh: neo4j exited during start-up; last log lines:" >&2
            tail -n 40 "$log" >&2
            rm -f "$dir/neo4j.pid" "$dir/uri"
            exit 1
        fi
        if grep -q "^READY bolt://" "$log"; then
            break
        fi
        if (( SECONDS - start >= timeout )); then
            echo "neo4j.sh: neo4j not ready after ${timeout}s; last log lines:" >&2
            tail -n 40 "$log" >&2
            cmd_stop "$dir"
            exit 1
        fi
        sleep 0.5
    done
    # READY is printed after the database is available and Bolt is bound;
    # check the port anyway.
    port_open "$port" || { sleep 1; port_open "$port"; } || {
        echo "neo4j.sh: READY printed but port $port does not accept; last log lines:" >&2
        tail -n 40 "$log" >&2
        cmd_stop "$dir"
        exit 1
    }
    echo "$uri"
}

cmd_stop() {
    local dir="${1:-}"
    [[ -n "$dir" ]] || die "usage: neo4j.sh stop DIR"
    local pidf="$dir/neo4j.pid"
    [[ -f "$pidf" ]] || return 0
    local pid
    pid="$(cat "$pidf")"
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        local i
        for ((i = 0; i < 40; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "neo4j.sh: pid $pid still alive after 20s, sending KILL" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$pidf" "$dir/uri"
}

cmd_run() {
    local port="${NEO4J_PORT:-7687}"
    local home="${NEO4J_HOME_DIR:-$REPO/.neo4j-data}"
    cmd_build
    mkdir -p "$home"
    home="$(cd "$home" && pwd)"
    local import_dir="${NEO4J_IMPORT_DIR:-$home/import}"
    echo "Neo4j data is kept in: $home/home (LOAD CSV file:/// reads from $import_dir)"
    echo "Bolt URI: bolt://127.0.0.1:$port (no auth). Ctrl-C stops it."
    java_cmd
    exec "${JAVA_ARGS[@]}" --home "$home/home" --port "$port" --import-dir "$import_dir"
}

cmd_classpath() {
    cmd_build
    echo "$CLASSES:$LIB/*"
}

case "${1:-}" in
    build) cmd_build ;;
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    run) shift; cmd_run "$@" ;;
    classpath) cmd_classpath ;;
    *) echo "usage: $0 {build|start DIR|stop DIR|run|classpath}" >&2; exit 2 ;;
esac
