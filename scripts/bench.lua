-- wrk script for scripts/bench.sh: rotates over the request paths listed,
-- one a line, in the file named by $BENCH_PATHS, each thread starting at
-- its own place, and prints one machine-readable line when the run ends.

local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if line ~= "" then
    paths[#paths + 1] = line
  end
end

local requests = {}
local next_index = 1
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("offset", thread_count)
end

function init(args)
  for i, path in ipairs(paths) do
    requests[i] = wrk.format("GET", path)
  end
  -- Threads start apart so they do not ask for the same thing in step.
  next_index = ((offset or 1) * 7919) % #requests + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

-- errors.status counts answers with a status of 400 or more; this API
-- never redirects, so those are all the answers that are not 2xx.
function done(summary, latency, requests)
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests,
    summary.duration,
    latency:percentile(50),
    latency:percentile(99),
    summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  ))
end
