package dev.oms.analytics.service;

import dev.oms.analytics.config.RedisKeysConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The analytics keys in Redis, all under the prefix {@code <p>} ({@code oms.redis.key-prefix}). The numbers live in
 * a <em>generation</em> (see {@link GenerationKeys}) so that a rebuild can fill a fresh one while reads keep answering
 * from the current one, then switch by changing one key:
 * <ul>
 *   <li>{@code <p>generation} (string): the number of the current generation; absent means 1.</li>
 *   <li>{@code <p>generations} (set): every generation that may still have keys, so leftovers of an interrupted
 *       rebuild or of a replaced generation are found and deleted without scanning.</li>
 *   <li>{@code <p>customer:<customerId>} (hash): {@code name}, {@code email}, the latest seen. Not numbers, so shared
 *       by all generations.</li>
 *   <li>{@code <p>rebuild} (hash) and {@code <p>rebuild:lock} (string with a lease): the state of the latest rebuild,
 *       and who runs it now.</li>
 * </ul>
 * Every read names its keys; nothing scans the key space.
 */
@ApplicationScoped
public class KeyLayout {

    private final String prefix;

    public KeyLayout(RedisKeysConfig config) {
        this.prefix = config.keyPrefix();
    }

    public GenerationKeys generation(long number) {
        return new GenerationKeys(number, prefix + "g" + number + ":");
    }

    public String currentGeneration() {
        return prefix + "generation";
    }

    public String generations() {
        return prefix + "generations";
    }

    public String customer(UUID customerId) {
        return customerPrefix() + customerId;
    }

    /** What {@link #customer} puts before the customer id. */
    public String customerPrefix() {
        return prefix + "customer:";
    }

    public String rebuildStatus() {
        return prefix + "rebuild";
    }

    public String rebuildLock() {
        return prefix + "rebuild:lock";
    }

    /** The leaderboard score of a change in net spend (negated, see {@link GenerationKeys}). */
    public static long leaderboardScore(long spendMinor) {
        return Math.negateExact(spendMinor);
    }

    /** The net spend a leaderboard score stands for. */
    public static long netSpendOf(double score) {
        return Math.negateExact(Math.round(score));
    }
}
