#!/usr/bin/env python3
"""The probe of the adversarial bench (scripts/bench.sh): what a visitor
and an orchestrator see while the server is under load.

- One keep-alive connection asks for a static file and /healthz in turn,
  RATE requests a second (paced, not as fast as it can: a probe measures
  waiting, it does not add load), for DURATION seconds.
- Another asks each of the searches listed in SEARCHES once, in order,
  a fifth of a second apart, on its own keep-alive connection: none of
  them has been asked before, so each is worked out anew.

Prints one line per measure: NAME count=N p50_ms=X p99_ms=Y max_ms=Z errors=E

usage: bench-probe.py BASE_URL STATIC_PATH SEARCHES_FILE [DURATION=15] [RATE=100]
"""
import http.client
import sys
import threading
import time
from urllib.parse import urlsplit

base, static, searches_file = sys.argv[1], sys.argv[2], sys.argv[3]
duration = float(sys.argv[4]) if len(sys.argv) > 4 else 15.0
rate = float(sys.argv[5]) if len(sys.argv) > 5 else 100.0
host = urlsplit(base)
searches = [line.strip() for line in open(searches_file) if line.strip()]


def connect():
    return http.client.HTTPConnection(host.hostname, host.port, timeout=30)


def timed(connection, path):
    """One request: (milliseconds, status); reconnects after a failure."""
    started = time.perf_counter()
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return (time.perf_counter() - started) * 1000, response.status, connection
    except (OSError, http.client.HTTPException):
        connection.close()
        return (time.perf_counter() - started) * 1000, 0, connect()


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    at = min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[at]


results = {}


def probe_static():
    connection = connect()
    latencies = {"static": [], "healthz": []}
    errors = {"static": 0, "healthz": 0}
    interval = 1.0 / rate
    start = time.perf_counter()
    n = 0
    while time.perf_counter() - start < duration:
        name, path = ("static", static) if n % 2 == 0 else ("healthz", "/healthz")
        ms, status, connection = timed(connection, path)
        latencies[name].append(ms)
        if status != 200:
            errors[name] += 1
        n += 1
        pause = start + n * interval - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
    for name in latencies:
        results[name] = (latencies[name], errors[name])


def probe_searches():
    connection = connect()
    latencies, errors = [], 0
    for path in searches:
        ms, status, connection = timed(connection, path)
        latencies.append(ms)
        if status != 200:
            errors += 1
        time.sleep(0.2)
    results["searches"] = (latencies, errors)


threads = [threading.Thread(target=probe_static), threading.Thread(target=probe_searches)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
for name in ("static", "healthz", "searches"):
    latencies, errors = results[name]
    print(
        f"{name} count={len(latencies)} p50_ms={percentile(latencies, 50):.2f} "
        f"p99_ms={percentile(latencies, 99):.2f} max_ms={max(latencies):.2f} errors={errors}"
    )
