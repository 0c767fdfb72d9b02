-- Leaky bucket (as a meter): a bucket of `capacity` drains at `rate` units per second; a
-- request pours in `permits` units if they fit, else it is refused. Redis's clock.
-- KEYS[1] bucket hash {level, ts}; ARGV capacity, rate (per s), permits
-- returns {allowed 0|1, room left (floor), retry after (ms)}
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local permits = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local state = redis.call('HMGET', KEYS[1], 'level', 'ts')
local level = tonumber(state[1]) or 0
local ts = tonumber(state[2]) or now
level = math.max(0, level - math.max(0, now - ts) * rate / 1000000)
local allowed = 0
local retry = 0
if level + permits <= capacity then
  level = level + permits
  allowed = 1
else
  retry = math.ceil((level + permits - capacity) * 1000 / rate)
end
-- full precision, see token-bucket.lua
redis.call('HSET', KEYS[1], 'level', string.format('%.17g', level), 'ts', string.format('%d', now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return { allowed, math.floor(capacity - level), retry }
