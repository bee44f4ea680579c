-- W1 across many users: GET /api/me with the tokens of $TOKENS (one per line) in turn, each wrk
-- thread starting at its own place in the list, so consecutive requests are different users.
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
local counter = 0
local threads = 0
setup = function(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
init = function()
  counter = (offset or 0) * math.floor(#tokens / 2)
end
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/me", { ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1] })
end
