-- W3: PATCH /api/me with a small JSON body that changes each time.
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "/api/me", nil, '{"first_name":"Bench' .. (counter % 997) .. '"}')
end
