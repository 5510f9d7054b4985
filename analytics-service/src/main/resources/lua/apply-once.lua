-- Applies one Kafka record's effect to one generation of the analytics keys exactly once, atomically (see KeyLayout,
-- GenerationKeys and ExactlyOnceScript for the key layout and the arguments).
--
-- KEYS[1]   hash partition -> last applied offset, of one (consumer group, topic), in the target generation
-- KEYS[2]   marker of the record's event id in the target generation (exists while the event counts as applied)
-- KEYS[3]   the number of the current generation (absent means 1)
-- KEYS[4..] keys the effect writes
-- ARGV[1]   partition, ARGV[2] offset of the record, ARGV[3] marker time-to-live in seconds,
-- ARGV[4]   the generation KEYS[3] must name: the target itself for live consumption, the one being replaced
--           for a rebuild; anything else means a switch happened and the caller must look again
-- ARGV[5..] the effect: operations of four arguments each: command, index into KEYS, field or member, value
--           (HINCRBY key field increment | ZINCRBY key member increment | HSET key field value | SADD key member -)
--
-- Returns 1 when applied, 2 when the event id was already applied (re-published record: only the offset moves),
-- 0 when the offset was already applied (redelivered record: nothing changes), 3 when the generation is not the
-- expected one (nothing changes).

if (redis.call('GET', KEYS[3]) or '1') ~= ARGV[4] then
    return 3
end

local applied = redis.call('HGET', KEYS[1], ARGV[1])
if applied and tonumber(ARGV[2]) <= tonumber(applied) then
    return 0
end

local outcome = 1
if #ARGV > 4 then
    if redis.call('EXISTS', KEYS[2]) == 1 then
        outcome = 2
    else
        -- Validate every operation before the first write: a script that fails half-way is not rolled back.
        for i = 5, #ARGV, 4 do
            local command = ARGV[i]
            if (command ~= 'HINCRBY' and command ~= 'ZINCRBY' and command ~= 'HSET' and command ~= 'SADD')
                    or KEYS[tonumber(ARGV[i + 1])] == nil or ARGV[i + 3] == nil then
                return redis.error_reply('apply-once: bad operation at argument ' .. i)
            end
        end
        for i = 5, #ARGV, 4 do
            local command, key, field, value = ARGV[i], KEYS[tonumber(ARGV[i + 1])], ARGV[i + 2], ARGV[i + 3]
            if command == 'ZINCRBY' then
                redis.call('ZINCRBY', key, value, field)
            elseif command == 'SADD' then
                redis.call('SADD', key, field)
            else
                redis.call(command, key, field, value)
            end
        end
        redis.call('SET', KEYS[2], '1', 'EX', ARGV[3])
    end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return outcome
