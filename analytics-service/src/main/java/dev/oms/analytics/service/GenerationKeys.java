package dev.oms.analytics.service;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The keys of one generation of numbers, under {@code <p>g<number>:} (written {@code <g>} below):
 * <ul>
 *   <li>{@code <g>kpi:day:<yyyy-MM-dd>} (hash): counters of one business day, fields {@code ordersCompleted},
 *       {@code ordersFailed}, {@code ordersCancelled}, {@code grossRevenueMinor}, {@code refundedMinor},
 *       {@code refundsCompleted}; integers, an absent field is 0. Net revenue and average are computed at read.</li>
 *   <li>{@code <g>lb:all} and {@code <g>lb:day:<yyyy-MM-dd>} (sorted sets): member = customer id, score = the
 *       customer's net spend (paid − refunded) in minor units, <em>negated</em>. An ascending ZRANGE then lists
 *       the biggest spenders first and, since Redis orders equal scores by member, equal spenders by ascending
 *       customer id. Scores are doubles, exact for integers up to 2^53 minor units.</li>
 *   <li>{@code <g>days} (set): the days that have keys, so the generation can be deleted without scanning.</li>
 *   <li>{@code <g>applied:<eventId>} (string with a TTL of the dedupe window): the event has been applied.</li>
 *   <li>{@code <g>offsets:<group>:<topic>} (hash): partition → offset of the last record applied.</li>
 * </ul>
 */
public record GenerationKeys(long number, String prefix) {

    public String dayKpis(LocalDate day) {
        return prefix + "kpi:day:" + day;
    }

    public String leaderboardAllTime() {
        return prefix + "lb:all";
    }

    public String leaderboardOfDay(LocalDate day) {
        return prefix + "lb:day:" + day;
    }

    public String days() {
        return prefix + "days";
    }

    public String appliedMarker(UUID eventId) {
        return prefix + "applied:" + eventId;
    }

    public String offsets(String group, String topic) {
        return prefix + "offsets:" + group + ":" + topic;
    }
}
