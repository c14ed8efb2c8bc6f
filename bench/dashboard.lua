-- wrk script: sends the paths given after "--" in turn, one request each, with the headers given
-- by -H, so that one run measures a page's mix of calls (bench/read_endpoints.sh).
local paths, i = {}, 0

function init(args)
  for _, p in ipairs(args) do paths[#paths + 1] = p end
end

function request()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
