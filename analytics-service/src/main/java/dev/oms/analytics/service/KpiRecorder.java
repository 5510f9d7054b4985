package dev.oms.analytics.service;

import dev.oms.analytics.config.AnalyticsConfig;
import dev.oms.analytics.domain.KpiEffect;
import dev.oms.analytics.domain.KpiRules;
import dev.oms.analytics.domain.LeaderboardCredit;
import dev.oms.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies an order event's KPI effect to Redis exactly once, together with the progress of its partition. */
@ApplicationScoped
public class KpiRecorder {

    private final KpiRules rules;
    private final KeyLayout keys;
    private final ExactlyOnceScript script;
    private final long markerTtlSeconds;

    public KpiRecorder(AnalyticsConfig config, KeyLayout keys, ExactlyOnceScript script) {
        this.rules = new KpiRules(config.zone(), config.currency());
        this.keys = keys;
        this.script = script;
        this.markerTtlSeconds = config.dedupeWindow().toSeconds();
    }

    /** Throws {@link dev.oms.analytics.domain.InvalidEventException} for an event that must not be counted. */
    public ApplyOutcome record(EventEnvelope event, RecordPosition position) {
        ApplyOnce call = new ApplyOnce(keys.offsets(position.group(), position.topic()), position,
                keys.appliedMarker(event.id()), markerTtlSeconds);
        rules.effectOf(event).ifPresent(effect -> addWrites(call, effect));
        return script.run(call);
    }

    private void addWrites(ApplyOnce call, KpiEffect effect) {
        String dayKey = keys.dayKpis(effect.day());
        effect.increments().forEach((counter, increment) -> call.hincrby(dayKey, counter.field(), increment));
        effect.credit().ifPresent(credit -> addCredit(call, effect, credit));
    }

    private void addCredit(ApplyOnce call, KpiEffect effect, LeaderboardCredit credit) {
        String member = credit.customerId().toString();
        long score = KeyLayout.leaderboardScore(credit.amountMinor());
        call.zincrby(keys.leaderboardAllTime(), member, score);
        call.zincrby(keys.leaderboardOfDay(effect.day()), member, score);
        String customerKey = keys.customer(credit.customerId());
        if (credit.name() != null) {
            call.hset(customerKey, "name", credit.name());
        }
        if (credit.email() != null) {
            call.hset(customerKey, "email", credit.email());
        }
    }
}
