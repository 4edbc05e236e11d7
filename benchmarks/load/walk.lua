-- wrk script for the tile walk: sends the paths of a list made by tile_urls.py.
--
--   WALK_MODE=pass  wrk -t N -c N -d 600s -s walk.lua http://127.0.0.1:PORT -- LIST N DONEFILE
--   WALK_MODE=cycle wrk -t T -c C -d 20s  -s walk.lua http://127.0.0.1:PORT -- LIST T
--
-- pass: every path exactly once over N connections (one per thread; thread i sends paths i, i+N, i+2N, ...). A thread
--   that has its last response appends one line to DONEFILE and stops; load.sh interrupts wrk once the file has N
--   lines, so -d is only an upper bound. The pass time runs from the first request to the last response of any thread.
-- cycle: every thread loops over the whole list from its own starting point until -d ends (sustained load; no
--   response() callback, so the Lua side adds nothing per response).
-- done() prints one line "WALK key=value ..." (latencies in ms) that load.sh reads.

local mode = os.getenv("WALK_MODE") or "cycle"
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long sec; long nsec; } walk_timespec;
int clock_gettime(int clock, walk_timespec *ts);
]]
local timespec = ffi.new("walk_timespec")
local function monotonic_seconds()
  ffi.C.clock_gettime(1, timespec)
  return tonumber(timespec.sec) + tonumber(timespec.nsec) * 1e-9
end

local all_threads, next_id = {}, 0
function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  all_threads[#all_threads + 1] = thread
end

-- per thread; globals so that done() can read them through thread:get
started, finished, answered, good, failed, body_bytes = -1, -1, 0, 0, 0, 0
local paths, position, done_file = {}, 0, nil

function init(args)
  local thread_count = tonumber(args[2] or "1")
  done_file = args[3]
  local list = {}
  for line in io.lines(args[1]) do
    if line ~= "" then list[#list + 1] = line end
  end
  assert(#list > 0, "no paths in " .. args[1])
  if mode == "pass" then
    for i = thread_id + 1, #list, thread_count do paths[#paths + 1] = list[i] end
    if #paths == 0 then paths[1] = list[1] end -- load.sh never starts more threads than paths
  else
    paths = list
    position = math.floor(#list * thread_id / thread_count)
  end
end

function request()
  if started < 0 then started = monotonic_seconds() end
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

if mode == "pass" then
  function response(status, headers, body)
    answered = answered + 1
    if status >= 200 and status < 300 then good = good + 1 else failed = failed + 1 end
    body_bytes = body_bytes + (body and #body or 0)
    if answered == #paths then
      finished = monotonic_seconds()
      local f = io.open(done_file, "a")
      f:write(thread_id, "\n")
      f:close()
      wrk.thread:stop()
    end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local ok, non2xx, bytes, complete = -1, summary.errors.status, -1, 1
  if mode == "pass" then
    ok, non2xx, bytes = 0, 0, 0
    local first, last = math.huge, -math.huge
    for _, t in ipairs(all_threads) do
      ok = ok + t:get("good")
      non2xx = non2xx + t:get("failed")
      bytes = bytes + t:get("body_bytes")
      local a, b = t:get("started"), t:get("finished")
      if a >= 0 then first = math.min(first, a) end
      if b < 0 then complete = 0 else last = math.max(last, b) end
    end
    if complete == 1 then seconds = last - first end
  end
  local e = summary.errors
  io.write(string.format(
    "WALK mode=%s complete=%d requests=%d seconds=%.3f rps=%.1f ok=%d non2xx=%d errors=%d body_bytes=%d " ..
    "p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    mode, complete, summary.requests, seconds, summary.requests / seconds, ok, non2xx,
    e.connect + e.read + e.write + e.timeout, bytes,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
