-- Makes a rebuilt generation the current one, atomically, but only once it has applied at least every record the
-- current generation has: then live consumption can go on in the new generation from its stored offsets without
-- skipping or repeating anything (see KpiRebuild).
--
-- KEYS[1]   the number of the current generation (absent means 1)
-- KEYS[2*i+2], KEYS[2*i+3] for i = 0, 1, ...: the offsets hash of one (group, topic) in the current generation,
--           and the same hash in the rebuilt one
-- ARGV[1]   the current generation, ARGV[2] the rebuilt one
--
-- Returns 1 when switched, 0 when the rebuilt generation is still behind on some partition (nothing changes),
-- -1 when the current generation is not ARGV[1] any more (another switch happened; nothing changes).

if (redis.call('GET', KEYS[1]) or '1') ~= ARGV[1] then
    return -1
end
for i = 2, #KEYS, 2 do
    local live = redis.call('HGETALL', KEYS[i])
    for j = 1, #live, 2 do
        local rebuilt = redis.call('HGET', KEYS[i + 1], live[j])
        if not rebuilt or tonumber(rebuilt) < tonumber(live[j + 1]) then
            return 0
        end
    end
end
redis.call('SET', KEYS[1], ARGV[2])
return 1
