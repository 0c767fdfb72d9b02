-- Sliding window log: at most `capacity` permits in any window of `window` microseconds.
-- Exact (every grant is remembered), memory O(capacity) per key. Redis's clock.
-- KEYS[1] sorted set of grants (score: time in us); KEYS[2] counter for unique members
-- ARGV capacity, window (us), permits
-- returns {allowed 0|1, remaining, retry after (ms)}
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local permits = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
-- scores as full-precision strings: a Lua number argument keeps only 14 digits
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', now - window))
local used = redis.call('ZCARD', KEYS[1])
local allowed = 0
local retry = 0
if used + permits <= capacity then
  local seq = redis.call('INCRBY', KEYS[2], permits)
  for i = 1, permits do
    redis.call('ZADD', KEYS[1], string.format('%d', now), string.format('%d:%d', now, seq - permits + i))
  end
  used = used + permits
  allowed = 1
else
  -- the grant that must expire before `permits` fit again
  local oldest = redis.call('ZRANGE', KEYS[1], used + permits - capacity - 1, used + permits - capacity - 1, 'WITHSCORES')
  retry = math.max(1, math.ceil((tonumber(oldest[2]) + window - now) / 1000))
end
redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000) + 1000)
redis.call('PEXPIRE', KEYS[2], math.ceil(window / 1000) + 1000)
return { allowed, capacity - used, retry }
