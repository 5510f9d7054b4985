package dev.oms.analytics.service;

import dev.oms.analytics.config.RedisKeysConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The analytics keys in Redis, all under the prefix {@code <p>} ({@code oms.redis.key-prefix}):
 * <ul>
 *   <li>{@code <p>kpi:day:<yyyy-MM-dd>} (hash): counters of one business day, fields {@code ordersCompleted},
 *       {@code ordersFailed}, {@code ordersCancelled}, {@code grossRevenueMinor}, {@code refundedMinor},
 *       {@code refundsCompleted}; integers, an absent field is 0. Net revenue and average are computed at read.</li>
 *   <li>{@code <p>lb:all} and {@code <p>lb:day:<yyyy-MM-dd>} (sorted sets): member = customer id, score = the
 *       customer's net spend (paid − refunded) in minor units, <em>negated</em>. An ascending ZRANGE then lists
 *       the biggest spenders first and, since Redis orders equal scores by member, equal spenders by ascending
 *       customer id. Scores are doubles, exact for integers up to 2^53 minor units.</li>
 *   <li>{@code <p>customer:<customerId>} (hash): {@code name}, {@code email}, the latest seen.</li>
 *   <li>{@code <p>applied:<eventId>} (string with a TTL of the dedupe window): the event has been applied.</li>
 *   <li>{@code <p>offsets:<group>:<topic>} (hash): partition → offset of the last record applied.</li>
 * </ul>
 * Every read names its keys; nothing scans the key space.
 */
@ApplicationScoped
public class KeyLayout {

    private final String prefix;

    public KeyLayout(RedisKeysConfig config) {
        this.prefix = config.keyPrefix();
    }

    public String dayKpis(LocalDate day) {
        return prefix + "kpi:day:" + day;
    }

    public String leaderboardAllTime() {
        return prefix + "lb:all";
    }

    public String leaderboardOfDay(LocalDate day) {
        return prefix + "lb:day:" + day;
    }

    public String customer(UUID customerId) {
        return prefix + "customer:" + customerId;
    }

    public String appliedMarker(UUID eventId) {
        return prefix + "applied:" + eventId;
    }

    public String offsets(String group, String topic) {
        return prefix + "offsets:" + group + ":" + topic;
    }

    /** The leaderboard score of a change in net spend (negated, see above). */
    public static long leaderboardScore(long spendMinor) {
        return Math.negateExact(spendMinor);
    }

    /** The net spend a leaderboard score stands for. */
    public static long netSpendOf(double score) {
        return Math.negateExact(Math.round(score));
    }
}
