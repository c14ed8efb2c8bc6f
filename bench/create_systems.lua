-- wrk script: every request creates an AI system with a name no other request uses (the run's
-- name given after "--", the thread, a counter), so each is one durable, audited write; the
-- headers come from -H. At the end, the answers by status (a 503 is a write the server gave up on).
local thread_id, n, run = 0, 0, "run"
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  thread_id = id
  run = args[1] or run
  statuses = {}
end

function request()
  n = n + 1
  local body = string.format('{"name":"Load system %s-%d-%d","purpose":"Created by bench/write_load.sh"}', run, thread_id, n)
  return wrk.format("POST", "/api/v1/systems", nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(total) do parts[#parts + 1] = status .. "=" .. count end
  table.sort(parts)
  io.write("statuses " .. table.concat(parts, " ") .. "\n")
end
