-- Renews or releases a lease only for its owner, atomically: a runner whose lease ran out must not extend or delete
-- the lease another runner took since (see RebuildLedger).
--
-- KEYS[1]   the lease
-- ARGV[1]   the owner, ARGV[2] the new time to live in milliseconds, or 0 to release it
--
-- Returns 1 when KEYS[1] belonged to ARGV[1] (renewed or released), 0 otherwise (nothing changes).

if redis.call('GET', KEYS[1]) ~= ARGV[1] then
    return 0
end
if ARGV[2] == '0' then
    redis.call('DEL', KEYS[1])
else
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
