-- Token bucket: holds up to `capacity` tokens, refilled at `rate` tokens per second; a request
-- takes `permits` tokens or is refused. Time is Redis's own clock, so every client agrees.
-- KEYS[1] bucket hash {tokens, ts}; ARGV capacity, rate (per s), permits
-- returns {allowed 0|1, remaining tokens (floor), retry after (ms)}
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local permits = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000000)
local allowed = 0
local retry = 0
if tokens >= permits then
  tokens = tokens - permits
  allowed = 1
else
  retry = math.ceil((permits - tokens) * 1000 / rate)
end
-- full precision: tostring() keeps 14 digits, which rounds a microsecond timestamp by up to
-- 50 us and would let every call refill a little too much
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'ts', string.format('%d', now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return { allowed, math.floor(tokens), retry }
