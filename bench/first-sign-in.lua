-- W2 with wrk: first sign-ins, one GET /api/me per token of $TOKENS (one per line, each a user the
-- server has never seen), each token sent exactly once. The wrk threads take the tokens in turn
-- (thread k of n every n-th one); a thread stops once every token it sent has been answered (its
-- connections idle meanwhile), so the run's duration is the time to sign all of them in. Give wrk a
-- -d longer than that. done() prints users_per_second and the statuses, the line the harness reads.
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do
  if line ~= "" then tokens[#tokens + 1] = line end
end
local threads = {}
local count = 0
setup = function(thread)
  count = count + 1
  thread:set("index", count)
  threads[#threads + 1] = thread
end

local share, next_token, answered = 0, 0, 0
local statuses = {}
init = function()
  threads_total = tonumber(os.getenv("WRK_THREADS") or "2")
  share = 0
  for i = index, #tokens, threads_total do share = share + 1 end
  next_token = index
end

-- a connection takes (reserves) its next token before its request is built; once every token of
-- this thread is taken, an idle connection waits (a minute) instead
local reserved = 0
delay = function()
  if next_token + reserved * threads_total > #tokens then return 60000 end
  reserved = reserved + 1
  return 0
end

request = function()
  if reserved > 0 then reserved = reserved - 1 end
  local token = tokens[next_token]
  if token == nil then return wrk.format("GET", "/health") end
  next_token = next_token + threads_total
  return wrk.format("GET", "/api/me", { ["Authorization"] = "Bearer " .. token })
end

response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
  answered = answered + 1
  if answered >= share then wrk.thread:stop() end
end

done = function(summary)
  local merged, sent = {}, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      merged[status] = (merged[status] or 0) + n
      sent = sent + n
    end
  end
  local parts = {}
  for status, n in pairs(merged) do parts[#parts + 1] = status .. "=" .. n end
  table.sort(parts)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests=%d seconds=%.2f users_per_second=%.0f statuses={%s}\n",
    sent, seconds, sent / seconds, table.concat(parts, ", ")))
end
