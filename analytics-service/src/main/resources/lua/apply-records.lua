-- Applies Kafka records' effects to one generation of the analytics keys, each record exactly once, all in one atomic
-- step (see KeyLayout, GenerationKeys and ExactlyOnceScript for the key layout and the arguments). Live consumption
-- sends one record at a time, a rebuild hundreds.
--
-- KEYS[1]   the number of the current generation (absent means 1); KEYS[2..] every other key the records name
-- ARGV[1]   event marker time-to-live in seconds
-- ARGV[2]   the generation KEYS[1] must name: the target itself for live consumption, the one being replaced for a
--           rebuild; anything else means a switch happened and the caller must look again
-- ARGV[3..] the records, each: index into KEYS of its offsets hash (partition -> last applied offset, of one
--           (consumer group, topic) in the target generation), partition, offset, index into KEYS of its event
--           marker, the number of operations n, then n operations of four arguments: command, index into KEYS,
--           field or member, value (HINCRBY key field increment | ZINCRBY key member increment |
--           HSET key field value | SADD key member -)
--
-- Returns 3 when the generation is not the expected one (nothing changes), else a list with one outcome per record:
-- 1 applied, 2 the event id was already applied (a re-published copy: only the offset moves), 0 the offset was
-- already applied (a redelivery: nothing changes).

if (redis.call('GET', KEYS[1]) or '1') ~= ARGV[2] then
    return 3
end

-- Validate every record before the first write: a script that fails half-way is not rolled back.
local i = 3
while i <= #ARGV do
    if KEYS[tonumber(ARGV[i])] == nil or KEYS[tonumber(ARGV[i + 3])] == nil or tonumber(ARGV[i + 4]) == nil then
        return redis.error_reply('apply-records: bad record at argument ' .. i)
    end
    local operations = tonumber(ARGV[i + 4])
    i = i + 5
    for j = i, i + 4 * operations - 1, 4 do
        local command = ARGV[j]
        if (command ~= 'HINCRBY' and command ~= 'ZINCRBY' and command ~= 'HSET' and command ~= 'SADD')
                or KEYS[tonumber(ARGV[j + 1])] == nil or ARGV[j + 3] == nil then
            return redis.error_reply('apply-records: bad operation at argument ' .. j)
        end
    end
    i = i + 4 * operations
end

local outcomes = {}
i = 3
while i <= #ARGV do
    local offsets, partition, offset = KEYS[tonumber(ARGV[i])], ARGV[i + 1], ARGV[i + 2]
    local marker, operations = KEYS[tonumber(ARGV[i + 3])], tonumber(ARGV[i + 4])
    i = i + 5
    local applied = redis.call('HGET', offsets, partition)
    local outcome = 1
    if applied and tonumber(offset) <= tonumber(applied) then
        outcome = 0
    else
        if operations > 0 then
            if redis.call('EXISTS', marker) == 1 then
                outcome = 2
            else
                for j = i, i + 4 * operations - 1, 4 do
                    local command, key, field, value = ARGV[j], KEYS[tonumber(ARGV[j + 1])], ARGV[j + 2], ARGV[j + 3]
                    if command == 'ZINCRBY' then
                        redis.call('ZINCRBY', key, value, field)
                    elseif command == 'SADD' then
                        redis.call('SADD', key, field)
                    else
                        redis.call(command, key, field, value)
                    end
                end
                redis.call('SET', marker, '1', 'EX', ARGV[1])
            end
        end
        redis.call('HSET', offsets, partition, offset)
    end
    outcomes[#outcomes + 1] = outcome
    i = i + 4 * operations
end
return outcomes
