-- Applies Kafka records' effects to one generation of the analytics keys, each record exactly once, all in one atomic
-- step (see KeyLayout, GenerationKeys and ExactlyOnceScript for the key layout and the arguments). Live consumption
-- sends a poll's records at a time. A rebuild, the only writer of the fresh generation it builds, gets the same outcomes
-- from plain pipelined commands instead (RebuildWriter), which cost Redis far less per record.
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

-- The records are checked one by one, in order, against the stored offsets and the event markers; the writes of
-- those that apply are added up per key and field and written once at the end, with one offset per partition: far
-- fewer Redis calls for a batch, the same result as writing record by record (all of it is one atomic step).
local outcomes = {}
local progress = {}
local writes = {}
local writeOrder = {}

local function addWrite(command, key, field, value)
    local slot = command .. '\0' .. key .. '\0' .. field
    local write = writes[slot]
    if write == nil then
        write = {command = command, key = key, field = field, sum = 0}
        writes[slot] = write
        writeOrder[#writeOrder + 1] = write
    end
    if command == 'HINCRBY' or command == 'ZINCRBY' then
        write.sum = write.sum + tonumber(value)
    else
        write.value = value
    end
end

i = 3
while i <= #ARGV do
    local offsets, partition, offset = KEYS[tonumber(ARGV[i])], ARGV[i + 1], ARGV[i + 2]
    local marker, operations = KEYS[tonumber(ARGV[i + 3])], tonumber(ARGV[i + 4])
    i = i + 5
    local slot = offsets .. '\0' .. partition
    local state = progress[slot]
    if state == nil then
        local applied = redis.call('HGET', offsets, partition)
        state = {key = offsets, partition = partition, applied = applied and tonumber(applied) or -1}
        progress[slot] = state
    end
    local outcome = 1
    if tonumber(offset) <= state.applied then
        outcome = 0
    else
        if operations > 0 then
            if redis.call('EXISTS', marker) == 1 then
                outcome = 2
            else
                for j = i, i + 4 * operations - 1, 4 do
                    addWrite(ARGV[j], KEYS[tonumber(ARGV[j + 1])], ARGV[j + 2], ARGV[j + 3])
                end
                redis.call('SET', marker, '1', 'EX', ARGV[1])
            end
        end
        state.applied = tonumber(offset)
        state.text = offset
    end
    outcomes[#outcomes + 1] = outcome
    i = i + 4 * operations
end

-- Sums are of integers well below 2^53, so Lua's doubles hold them exactly; %.0f writes them without an exponent.
for _, write in ipairs(writeOrder) do
    if write.command == 'HINCRBY' then
        redis.call('HINCRBY', write.key, write.field, string.format('%.0f', write.sum))
    elseif write.command == 'ZINCRBY' then
        redis.call('ZINCRBY', write.key, string.format('%.0f', write.sum), write.field)
    elseif write.command == 'SADD' then
        redis.call('SADD', write.key, write.field)
    else
        redis.call('HSET', write.key, write.field, write.value)
    end
end
for _, state in pairs(progress) do
    if state.text then
        redis.call('HSET', state.key, state.partition, state.text)
    end
end
return outcomes
