#!/usr/bin/env bash
# The API benchmark (`make bench`): seeds 100,000 jobs, then loads the
# release server over loopback with wrk and prints throughput and p50/p99
# latency of job detail, search, similar jobs and suggest, beside nginx
# serving the showcase job's JSON from a file (the ceiling). Then the
# adversarial scenario: with 25,000 imported jobs more (a vocabulary of
# 180,000 made-up words, scripts/bench-import.py), a probe measures a static
# file, /healthz and 20 searches nobody asked before, first on an idle
# server, then while 8 clients send distinct 200-character nonsense and
# typo queries (scripts/bench-adversarial.lua). It prints figures; it is
# not a test and fails only when it cannot run.
#
# Settings (environment): BENCH_DURATION (10s), BENCH_WARMUP (3s),
# BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_PROBE_SECONDS (15);
# BENCH_SERVER and BENCH_DATABASE measure another binary (no build) on a
# database it made (no seeding), for before-and-after figures.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
COMPANIES=1000
JOBS=100000
IMPORTED=25000
IMPORTED_WORDS=180000
PROBE_SECONDS=${BENCH_PROBE_SECONDS:-15}
SHOWCASE=backend-engineer-personalization-cadence

out=target/bench
db=$out/jobs-$JOBS.db
stamp=$out/jobs-$JOBS.stamp
server=${BENCH_SERVER:-${CARGO_TARGET_DIR:-target}/release/ascend-server}

say() { printf '==> %s\n' "$*" >&2; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- Tools --------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian's ${missing[*]}"
  command -v apt-get >/dev/null || fail "install ${missing[*]} with your package manager"
  sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

if [ -z "${BENCH_SERVER:-}" ]; then
  say "Building ascend-server (release)"
  cargo build --release -p ascend-server >&2
fi

# --- Processes, stopped on exit -----------------------------------------
mkdir -p "$out"
work=$(mktemp -d)
# The static file of the probe: the site's icon, from a folder of its own
# (the bench needs no front-end build).
mkdir -p "$work/dist"
cp public/favicon.svg "$work/dist/favicon.svg"
server_pid=
nginx_pid=
stop() {
  local pid
  for pid in "$server_pid" "$nginx_pid"; do
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM

# Starts the server on a free port with the given environment; sets $api.
start_server() {
  env "$@" ASCEND_ADDR=127.0.0.1:0 ASCEND_DATABASE_URL="sqlite://$db" \
    ASCEND_DIST="$work/dist" RUST_LOG=warn "$server" >"$work/server.log" 2>&1 &
  server_pid=$!
  api=
  for _ in $(seq 1 6000); do
    api=$(grep -om1 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" || true)
    [ -n "$api" ] && return
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/server.log" >&2
  fail "ascend-server did not start"
}

# Waits (up to 10 minutes: seeding 100,000 jobs takes a while) until the
# server says it is ready: demo data in, indexes built.
wait_ready() {
  for _ in $(seq 1 12000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$api/readyz")" = 200 ] && return
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  cat "$work/server.log" >&2
  fail "ascend-server never got ready"
}

# --- Data -----------------------------------------------------------------
# The seed is reused while the migrations, the generator and the day (the
# generated dates are relative to it) are the same.
key=$(cat server/migrations/*.sql server/src/seed.rs server/src/seed/*.rs server/src/seed/data/*.json server/src/store/*.rs \
  server/src/ingest.rs server/src/ingest/*.rs scripts/bench-import.py |
  sha256sum | cut -c1-16)-$COMPANIES-$JOBS-$IMPORTED-$(date -u +%F)
if [ -n "${BENCH_DATABASE:-}" ]; then
  # Another build's figures (BENCH_SERVER) on a database it made.
  db=$BENCH_DATABASE
  say "Using $db as it is"
elif [ -f "$db" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$key" ]; then
  say "Reusing $db ($key)"
else
  say "Seeding $COMPANIES companies and $JOBS jobs into $db (about a minute)"
  rm -f "$db" "$db-wal" "$db-shm" "$stamp"
  # The server fills an empty database with the hand-written demo (the
  # showcase job nginx serves below) and the generator's companies and jobs:
  # the same generator, sizes and seed as `ascend-server seed --companies
  # 1000 --jobs 100000`, which adds the generated part only.
  seeded_at=$(date +%s)
  start_server ASCEND_DEMO_DATA=true ASCEND_DEMO_COMPANIES=$COMPANIES ASCEND_DEMO_JOBS=$JOBS
  wait_ready
  say "Seeded in $(($(date +%s) - seeded_at)) s"
  kill "$server_pid"
  wait "$server_pid" || true
  server_pid=
  say "Importing $IMPORTED jobs over $IMPORTED_WORDS made-up words"
  python3 scripts/bench-import.py "$work/import.json" "$IMPORTED" "$IMPORTED_WORDS"
  ASCEND_DATABASE_URL="sqlite://$db" RUST_LOG=warn "$server" import "$work/import.json" >&2
  rm -f "$work/import.json"
  # Fold the write-ahead log (as large as the database after seeding) into
  # the file, so that the first run reads what later runs read.
  sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  echo "$key" >"$stamp"
fi
start_server ASCEND_DEMO_DATA=false
wait_ready
say "ascend-server at $api"

today=$(date -u +%F)
open_jobs=$(sqlite3 "$db" "SELECT COUNT(*) FROM jobs WHERE valid_through IS NULL OR valid_through >= '$today'")
# A few hundred real slugs of open jobs, the same ones every run.
sqlite3 "$db" "SELECT slug FROM jobs WHERE valid_through IS NULL OR valid_through >= '$today'
  ORDER BY (id * 2654435761) % 4294967296 LIMIT 400" >"$work/slugs"
[ "$(wc -l <"$work/slugs")" -ge 100 ] || fail "the database has too few open jobs"

sed 's|^|/api/jobs/|' "$work/slugs" >"$work/detail.paths"
sed 's|^|/api/jobs/|; s|$|/similar?limit=8|' "$work/slugs" >"$work/similar.paths"

# What people search for: words, phrases, a title half typed, a typo,
# filters with and without words, a salary floor in a currency, newest first.
cat >"$work/search.paths" <<'EOF'
/api/jobs?q=engineer
/api/jobs?q=rust
/api/jobs?q=python
/api/jobs?q=designer
/api/jobs?q=kubernetes
/api/jobs?q=data+scientist
/api/jobs?q=product+manager
/api/jobs?q=backend+engineer
/api/jobs?q=machine+learning
/api/jobs?q=customer+success
/api/jobs?q=data+scien
/api/jobs?q=front
/api/jobs?q=enginer
/api/jobs?q=analyts
/api/jobs?q=backend&remote=true&seniority=senior
/api/jobs?q=designer&remote=true
/api/jobs?q=engineer&salary_min=80000&currency=EUR
/api/jobs?q=data&salary_min=100000&currency=USD&sort=newest
/api/jobs?remote=true&seniority=senior
/api/jobs?employment_type=contract
/api/jobs?location=stockholm
/api/jobs?q=&seniority=junior&sort=newest
/api/jobs?sort=newest
/api/jobs?q=go&location=berlin&posted_within_days=30
EOF

# Short prefixes, as typed into the search box.
printf '/api/suggest?q=%s\n' en eng data back fro des pro ma py rus kub sto ber lon sal cu \
  >"$work/suggest.paths"

# --- nginx, the ceiling -----------------------------------------------------
mkdir -p "$work/nginx/www" "$work/nginx/tmp"
curl -fsS "$api/api/jobs/$SHOWCASE" -o "$work/nginx/www/job.json" ||
  fail "the server did not answer /api/jobs/$SHOWCASE"
echo /job.json >"$work/nginx.paths"

port_is_free() { ! (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
nginx_url=
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 40000))
  port_is_free "$port" || continue
  cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
# Workers of a root master would run as nobody, who cannot read this temp dir.
user $(id -un) $(id -gn);
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  types { application/json json; }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:$port;
    root $work/nginx/www;
  }
}
EOF
  "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>>"$work/nginx/error.log" &
  nginx_pid=$!
  for _ in $(seq 1 50); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/job.json" 2>/dev/null; then
      nginx_url=http://127.0.0.1:$port
      break 2
    fi
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=
done
[ -n "$nginx_url" ] || { cat "$work/nginx/error.log" >&2; fail "nginx did not start"; }
content_type=$(curl -fsS -o /dev/null -w '%{content_type}' "$nginx_url/job.json")
[ "$content_type" = application/json ] || fail "nginx serves the job as $content_type"
say "nginx at $nginx_url"

# --- Load ---------------------------------------------------------------
# Runs wrk on one scenario: a warm-up, then the measured run; prints
# "requests/s p50_ms p99_ms non2xx socket_errors".
measure() {
  local base=$1 paths=$2
  # One request first: an index built on first use is built before the clock runs.
  curl -sS -o /dev/null --max-time 300 "$base$(head -n1 "$paths")" || true
  BENCH_PATHS=$paths wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" \
    -s scripts/bench.lua "$base" >/dev/null
  BENCH_PATHS=$paths wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
    -s scripts/bench.lua "$base" >"$work/wrk.out"
  cat "$work/wrk.out" >&2
  grep -q '^BENCH ' "$work/wrk.out" || fail "wrk printed no summary"
  awk '/^BENCH / {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%.0f %.2f %.2f %d %d\n", v["requests"] / (v["duration_us"] / 1e6),
      v["p50_us"] / 1000, v["p99_us"] / 1000, v["non2xx"], v["socket_errors"]
  }' "$work/wrk.out"
}

cores=$(nproc)
# Other work on the machine skews every figure; the report says how busy it was.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
settings="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up), requests rotating over a list via scripts/bench.lua"

declare -A rps p50 p99 bad sock
scenarios=(nginx detail search similar suggest)
declare -A name=(
  [nginx]="nginx: the showcase job's JSON from a file"
  [detail]="job detail: GET /api/jobs/{slug}, $(wc -l <"$work/slugs") slugs"
  [search]="search: GET /api/jobs?q=..., $(wc -l <"$work/search.paths") queries"
  [similar]="similar: GET /api/jobs/{slug}/similar?limit=8, $(wc -l <"$work/slugs") slugs"
  [suggest]="suggest: GET /api/suggest?q=..., $(wc -l <"$work/suggest.paths") prefixes"
)
for s in "${scenarios[@]}"; do
  say "Scenario: ${name[$s]}"
  base=$api
  [ "$s" = nginx ] && base=$nginx_url
  measure "$base" "$work/$s.paths" >"$work/$s.result"
  read -r "rps[$s]" "p50[$s]" "p99[$s]" "bad[$s]" "sock[$s]" <"$work/$s.result"
done

# --- Adversarial -------------------------------------------------------------
# 20 ordinary searches, none of them asked before in a server's life (the
# server restarts before each phase, so that both phases find them new).
cat >"$work/fresh.paths" <<'EOF'
/api/jobs?q=senior+engineer
/api/jobs?q=devops
/api/jobs?q=react+developer
/api/jobs?q=account+executive
/api/jobs?q=site+reliability
/api/jobs?q=ux+research
/api/jobs?q=golang&remote=true
/api/jobs?q=security+engineer&seniority=senior
/api/jobs?q=analytics&sort=newest
/api/jobs?q=sales&salary_min=60000&currency=USD
/api/jobs?q=mobile
/api/jobs?q=platfrom+engineer
/api/jobs?q=recruiter&posted_within_days=30
/api/jobs?q=finance
/api/jobs?q=java&location=london
/api/jobs?q=marketing+manager
/api/jobs?q=support+specialist
/api/jobs?q=cloud&sort=salary
/api/jobs?q=research+scientist
/api/jobs?q=qa+engineer&employment_type=contract
EOF
[ "$(wc -l <"$work/fresh.paths")" -eq 20 ] || fail "the adversarial bench needs 20 searches"

# Starts a fresh server and waits for /readyz; prints the seconds it took.
start_ready() {
  local started
  started=$(date +%s.%N)
  start_server ASCEND_DEMO_DATA=false
  wait_ready
  ready_s=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
}

declare -A probe
for phase in quiet adversarial; do
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  start_ready
  rss_mb=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")
  say "Phase $phase: ready in $ready_s s, RSS $rss_mb MB"
  # What visitors asked before: the usual searches (their salary estimates
  # are then kept, as on a server that has run a while).
  while read -r path; do curl -s -o /dev/null "$api$path"; done <"$work/search.paths"
  adversaries=
  if [ "$phase" = adversarial ]; then
    wrk -t2 -c8 -d"$((PROBE_SECONDS + 5))s" --timeout 30s -s scripts/bench-adversarial.lua "$api" \
      >"$work/adversarial.out" 2>&1 &
    adversaries=$!
    sleep 2
  fi
  python3 scripts/bench-probe.py "$api" /favicon.svg "$work/fresh.paths" "$PROBE_SECONDS" 100 \
    >"$work/probe-$phase.out"
  cat "$work/probe-$phase.out" >&2
  if [ -n "$adversaries" ]; then
    wait "$adversaries" || true
    cat "$work/adversarial.out" >&2
  fi
  probe[$phase.ready]=$ready_s
  probe[$phase.rss]=$rss_mb
  for m in static healthz searches; do
    line=$(grep "^$m " "$work/probe-$phase.out")
    for field in p50_ms p99_ms max_ms errors count; do
      probe[$phase.$m.$field]=$(sed -n "s/.* $field=\([^ ]*\).*/\1/p" <<<"$line")
    done
  done
done
adversarial_line=$(grep '^ADVERSARIAL ' "$work/adversarial.out" ||
  echo "ADVERSARIAL requests=0 duration_us=1 p50_us=0 p99_us=0 non2xx=0 socket_errors=0")
adversarial_summary=$(awk '{
  for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "%d requests (%.0f/s), p50 %.1f ms, p99 %.1f ms, %d non-2xx, %d socket errors",
    v["requests"], v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p99_us"] / 1000,
    v["non2xx"], v["socket_errors"]
}' <<<"$adversarial_line")
at_most() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) }'; }

# --- Report -----------------------------------------------------------------
verdict() { if [ "$1" = 1 ]; then echo met; else echo "not met"; fi; }
half_nginx=$(awk -v n="${rps[nginx]}" 'BEGIN { printf "%.0f", n / 2 }')
declare -A target met
target[nginx]="ceiling"
met[nginx]="-"
target[detail]="> 50% of nginx (> $half_nginx req/s)"
met[detail]=$(verdict "$(awk -v a="${rps[detail]}" -v b="${rps[nginx]}" 'BEGIN { print (a > b / 2) }')")
target[search]="p99 < 25 ms"
met[search]=$(verdict "$(awk -v p="${p99[search]}" 'BEGIN { print (p < 25) }')")
target[similar]="p99 < 15 ms"
met[similar]=$(verdict "$(awk -v p="${p99[similar]}" 'BEGIN { print (p < 15) }')")
target[suggest]="-"
met[suggest]="-"
for s in detail search similar; do
  # A target is not met by answering errors quickly.
  if [ "${bad[$s]}" -gt 0 ] || [ "${sock[$s]}" -gt 0 ]; then
    met[$s]="not met (errors)"
  fi
done

{
  echo "## ascend-server benchmark, $(date -u '+%F %H:%M UTC')"
  echo
  echo "- Machine: $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), wrk, nginx and the server sharing them over loopback"
  echo "- Load average (1, 5, 15 min) before the runs: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Data: $COMPANIES companies and $JOBS generated jobs plus the hand-written demo; $open_jobs open"
  echo "- Load: $settings"
  echo "- nginx $("$nginx_bin" -v 2>&1 | sed 's|.*/||'), worker_processes auto, access log off; the server is the release build with RUST_LOG=warn"
  echo
  echo "| scenario | requests/s | p50 | p99 | non-2xx | socket errors | target | met |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
  for s in "${scenarios[@]}"; do
    printf '| %s | %s | %s ms | %s ms | %s | %s | %s | %s |\n' "${name[$s]}" "${rps[$s]}" \
      "${p50[$s]}" "${p99[$s]}" "${bad[$s]}" "${sock[$s]}" "${target[$s]}" "${met[$s]}"
  done
  echo
  echo "### Adversarial: $JOBS generated and $IMPORTED imported jobs, $IMPORTED_WORDS made-up words"
  echo
  echo "A probe (scripts/bench-probe.py) asks for a static file and /healthz in turn at 100 requests/s on one"
  echo "keep-alive connection for $PROBE_SECONDS s, and for 20 searches asked for the first time, one at a time."
  echo "In the adversarial phase, 8 clients (wrk -t2 -c8, scripts/bench-adversarial.lua) send distinct"
  echo "200-character nonsense and typo queries meanwhile: $adversarial_summary."
  echo "Each phase starts a fresh server: ready in ${probe[quiet.ready]} s and ${probe[adversarial.ready]} s"
  echo "(start to /readyz 200), RSS at ready ${probe[quiet.rss]} MB and ${probe[adversarial.rss]} MB."
  echo
  echo "| measure | quiet p50 | quiet p99 | adversarial p50 | adversarial p99 | errors | target | met |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
  for m in static healthz searches; do
    case $m in
      static)
        label="static file (/favicon.svg)" target="p99 <= 20 ms"
        ok=$(at_most "${probe[adversarial.static.p99_ms]}" 20) ;;
      healthz)
        label="/healthz" target="p99 <= 20 ms"
        ok=$(at_most "${probe[adversarial.healthz.p99_ms]}" 20) ;;
      searches)
        label="20 new searches" target="p50 <= 15 ms, p99 <= 50 ms"
        ok=$(($(at_most "${probe[adversarial.searches.p50_ms]}" 15) * $(at_most "${probe[adversarial.searches.p99_ms]}" 50))) ;;
    esac
    errors=$((${probe[quiet.$m.errors]} + ${probe[adversarial.$m.errors]}))
    [ "$errors" -eq 0 ] || ok=0
    printf '| %s | %s ms | %s ms | %s ms | %s ms | %s | %s | %s |\n' "$label" \
      "${probe[quiet.$m.p50_ms]}" "${probe[quiet.$m.p99_ms]}" \
      "${probe[adversarial.$m.p50_ms]}" "${probe[adversarial.$m.p99_ms]}" "$errors" "$target" "$(verdict "$ok")"
  done
} | tee "$out/results.md"
say "Written to $out/results.md"
