#!/usr/bin/env bash
# The API benchmark (`make bench`): seeds 100,000 jobs, then loads the
# release server over loopback with wrk and prints throughput and p50/p99
# latency of job detail, search, similar jobs and suggest, beside nginx
# serving the showcase job's JSON from a file (the ceiling). It prints
# figures; it is not a test and fails only when it cannot run.
#
# Settings (environment): BENCH_DURATION (10s), BENCH_WARMUP (3s),
# BENCH_CONNECTIONS (32), BENCH_THREADS (2).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
COMPANIES=1000
JOBS=100000
SHOWCASE=backend-engineer-personalization-cadence

out=target/bench
db=$out/jobs-$JOBS.db
stamp=$out/jobs-$JOBS.stamp
server=${CARGO_TARGET_DIR:-target}/release/ascend-server

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

say "Building ascend-server (release)"
cargo build --release -p ascend-server >&2

# --- Processes, stopped on exit -----------------------------------------
mkdir -p "$out"
work=$(mktemp -d)
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
    ASCEND_DIST="$work/no-dist" RUST_LOG=warn "$server" >"$work/server.log" 2>&1 &
  server_pid=$!
  api=
  # Seeding 100,000 jobs takes about a minute before the server listens.
  for _ in $(seq 1 6000); do
    api=$(grep -om1 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" || true)
    [ -n "$api" ] && return
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/server.log" >&2
  fail "ascend-server did not start"
}

# --- Data -----------------------------------------------------------------
# The seed is reused while the migrations, the generator and the day (the
# generated dates are relative to it) are the same.
key=$(cat server/migrations/*.sql server/src/seed.rs server/src/seed/*.rs server/src/seed/data/*.json server/src/store/*.rs |
  sha256sum | cut -c1-16)-$COMPANIES-$JOBS-$(date -u +%F)
if [ -f "$db" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$key" ]; then
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
  say "Seeded in $(($(date +%s) - seeded_at)) s"
  kill "$server_pid"
  wait "$server_pid" || true
  server_pid=
  # Fold the write-ahead log (as large as the database after seeding) into
  # the file, so that the first run reads what later runs read.
  sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  echo "$key" >"$stamp"
fi
start_server ASCEND_DEMO_DATA=false
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
} | tee "$out/results.md"
say "Written to $out/results.md"
