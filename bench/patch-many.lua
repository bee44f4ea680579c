-- W3 across 32 users: PATCH /api/me with the users' tokens in turn (one token per line in $TOKENS).
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  local headers = { ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1], ["Content-Type"] = "application/json" }
  return wrk.format("PATCH", "/api/me", headers, '{"first_name":"Bench' .. (counter % 997) .. '"}')
end
