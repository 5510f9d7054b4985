-- A leaderboard's top entries with each customer's profile, in one round trip (see KpiQueries.leaderboard). Reads
-- only. The profile keys follow from the members found, so they cannot be named in KEYS beforehand: like every
-- analytics key they live on one standalone Redis (a cluster would need them under one hash tag).
--
-- KEYS[1]   the leaderboard (sorted set: customer id -> negated net spend)
-- ARGV[1]   how many entries, ARGV[2] the prefix of the customer profile hashes (name, email)
--
-- Returns four values per entry, best first: customer id, score, name, email (false, i.e. nil, when unknown).

local top = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
local entries = {}
for i = 1, #top, 2 do
    local profile = redis.call('HMGET', ARGV[2] .. top[i], 'name', 'email')
    entries[#entries + 1] = top[i]
    entries[#entries + 1] = top[i + 1]
    entries[#entries + 1] = profile[1]
    entries[#entries + 1] = profile[2]
end
return entries
