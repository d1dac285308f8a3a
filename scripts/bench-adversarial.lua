-- wrk script for the adversarial clients of scripts/bench.sh: every request
-- is a search nobody asked before, its q 200 characters long, and either
-- nonsense (random letters in word-sized runs) or a pile of misspelt job
-- words (a letter dropped, doubled, swapped or changed). Nothing in the
-- server's memos can answer it; it costs what an uncached search costs.

local letters = "abcdefghijklmnopqrstuvwxyz"
local words = {
  "engineer", "manager", "designer", "developer", "analyst", "scientist",
  "backend", "frontend", "platform", "security", "product", "marketing",
  "kubernetes", "python", "javascript", "typescript", "customer", "success",
  "machine", "learning", "infrastructure", "reliability", "recruiter",
  "accountant", "operations", "principal", "director", "consultant",
}

local function letter()
  local i = math.random(#letters)
  return letters:sub(i, i)
end

local function misspelt(word)
  local at = math.random(#word)
  local kind = math.random(4)
  if kind == 1 then
    return word:sub(1, at - 1) .. word:sub(at + 1)
  elseif kind == 2 then
    return word:sub(1, at) .. word:sub(at, at) .. word:sub(at + 1)
  elseif kind == 3 and at < #word then
    return word:sub(1, at - 1) .. word:sub(at + 1, at + 1) .. word:sub(at, at) .. word:sub(at + 2)
  end
  return word:sub(1, at - 1) .. letter() .. word:sub(at + 1)
end

local function query()
  local parts, length = {}, 0
  local nonsense = math.random(2) == 1
  while length < 200 do
    local part
    if nonsense then
      part = ""
      for _ = 1, math.random(3, 14) do
        part = part .. letter()
      end
    else
      part = misspelt(words[math.random(#words)])
    end
    parts[#parts + 1] = part
    length = length + #part + 1
  end
  return table.concat(parts, "+"):sub(1, 200)
end

function setup(thread)
  thread:set("seed", math.random(1, 1e9))
end

function init(args)
  math.randomseed((seed or 1) + os.time())
end

function request()
  return wrk.format("GET", "/api/jobs?q=" .. query())
end

function done(summary, latency, requests)
  io.write(string.format(
    "ADVERSARIAL requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests,
    summary.duration,
    latency:percentile(50),
    latency:percentile(99),
    summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  ))
end
