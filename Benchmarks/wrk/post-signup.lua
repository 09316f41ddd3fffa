-- wrk script for POST /signups: a distinct, valid signup per request on keep-alive connections.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local n = 0
local tag = tostring(math.random(100000, 999999))

request = function()
  n = n + 1
  return wrk.format(nil, nil, nil,
    '{"email":"wrk' .. n .. '.' .. tag .. '@bench.example","name":"Bench User ' .. n .. '"}')
end
