-- W2 with wrk: first sign-ins, one GET /api/me per token of $TOKENS (one per line, each a user the
-- server has never seen), each token sent exactly once. The wrk threads take the tokens in turn
-- (thread k of n every n-th one); once a thread has sent all of its tokens its connections idle,
-- and it stops when all are answered (a /health check may follow the last token once). wrk itself runs for its whole -d (give one longer than the
-- sign-ins take), so the rate is timed here: from the first request sent to the last answer.
-- done() prints the line the harness reads: requests, seconds, users_per_second, statuses.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } dm_timespec;
  int clock_gettime(int clock, dm_timespec *t);
]]
local clock_now = ffi.new("dm_timespec")
local function now() -- seconds, CLOCK_MONOTONIC
  ffi.C.clock_gettime(1, clock_now)
  return tonumber(clock_now.tv_sec) + tonumber(clock_now.tv_nsec) / 1e9
end

local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do
  if line ~= "" then tokens[#tokens + 1] = line end
end
local threads = {}
setup = function(thread)
  threads[#threads + 1] = thread
  thread:set("index", #threads)
end

-- per thread (globals, so that done() can read them with thread:get)
statuses, answered, sent, healths, first_sent, last_answer = {}, 0, 0, 0, 0, 0
local stride, next_token = 2, 0
init = function()
  stride = tonumber(os.getenv("WRK_THREADS") or "2")
  next_token = index
end

-- once this thread has sent all of its tokens, an idle connection waits (a minute)
local armed = 0
delay = function()
  if next_token > #tokens then return 60000 end
  armed = armed + 1
  return 0
end

-- wrk calls request() once on the first thread before it starts, to check the request: that call
-- (not preceded by delay()) is answered with a request that is never sent, and takes no token.
-- Two connections may pass delay() for the last token: the second one then checks /health once.
request = function()
  if armed == 0 then return wrk.format("GET", "/health") end
  armed = armed - 1
  local token = tokens[next_token]
  if token == nil then
    healths = healths + 1
    return wrk.format("GET", "/health")
  end
  next_token = next_token + stride
  sent = sent + 1
  if first_sent == 0 then first_sent = now() end
  return wrk.format("GET", "/api/me", { ["Authorization"] = "Bearer " .. token })
end

response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
  answered = answered + 1
  last_answer = now()
  if next_token > #tokens and answered >= sent + healths then wrk.thread:stop() end
end

done = function()
  local merged, total, from, to = {}, 0, math.huge, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do merged[status] = (merged[status] or 0) + n end
    merged[200] = (merged[200] or 0) - thread:get("healths") -- the answers of /health
    total = total + thread:get("sent")
    local f, l = thread:get("first_sent"), thread:get("last_answer")
    if f > 0 and f < from then from = f end
    if l > to then to = l end
  end
  local parts = {}
  for status, n in pairs(merged) do parts[#parts + 1] = status .. "=" .. n end
  table.sort(parts)
  local seconds = to - from
  io.write(string.format("requests=%d seconds=%.2f users_per_second=%.0f statuses={%s}\n",
    total, seconds, seconds > 0 and total / seconds or 0, table.concat(parts, ", ")))
end
