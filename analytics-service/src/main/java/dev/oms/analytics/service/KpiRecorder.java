package dev.oms.analytics.service;

import dev.oms.analytics.config.AnalyticsConfig;
import dev.oms.analytics.domain.KpiEffect;
import dev.oms.analytics.domain.KpiRules;
import dev.oms.analytics.domain.LeaderboardCredit;
import dev.oms.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Applies an event's KPI effect to Redis exactly once, together with the progress of its partition. */
@ApplicationScoped
public class KpiRecorder {

    /** A switch happens once per rebuild; finding the generation moved again right after is a fault. */
    private static final int GENERATION_LOOKUPS = 3;
    /** The event id of a record without one (undecodable): it has no effect, so no marker is ever written for it. */
    static final UUID NO_EVENT = new UUID(0, 0);

    private final KpiRules rules;
    private final KeyLayout keys;
    private final Generations generations;
    private final ExactlyOnceScript script;

    public KpiRecorder(AnalyticsConfig config, KeyLayout keys, Generations generations, ExactlyOnceScript script) {
        this.rules = new KpiRules(config.zone(), config.currency());
        this.keys = keys;
        this.generations = generations;
        this.script = script;
    }

    /**
     * Applies the event to the current generation. Throws {@link dev.oms.analytics.domain.InvalidEventException}
     * for an event that must not be counted.
     */
    public ApplyOutcome record(EventEnvelope event, RecordPosition position) {
        return apply(event.id(), effectOf(event), position);
    }

    /** Advances the progress past a record that counts nothing (it was dead-lettered). */
    public ApplyOutcome skip(RecordPosition position) {
        return apply(NO_EVENT, Optional.empty(), position);
    }

    private ApplyOutcome apply(UUID eventId, Optional<KpiEffect> effect, RecordPosition position) {
        for (int lookup = 1; lookup <= GENERATION_LOOKUPS; lookup++) {
            long generation = generations.forWriting();
            ApplyOutcome outcome = script.run(record(eventId, effect, position, keys.generation(generation)),
                    generation);
            if (outcome != ApplyOutcome.GENERATION_MOVED) {
                return outcome;
            }
            generations.writingMoved();
        }
        throw new IllegalStateException("the current analytics generation keeps moving; not applying the record at "
                + position);
    }

    /** Throws {@link dev.oms.analytics.domain.InvalidEventException} for an event that must not be counted. */
    public Optional<KpiEffect> effectOf(EventEnvelope event) {
        return rules.effectOf(event);
    }

    /** The record that applies {@code effect} to {@code target}. */
    public ApplyOnce record(UUID eventId, Optional<KpiEffect> effect, RecordPosition position, GenerationKeys target) {
        ApplyOnce record = new ApplyOnce(target, position, eventId);
        effect.ifPresent(it -> addWrites(record, target, it));
        return record;
    }

    private void addWrites(ApplyOnce record, GenerationKeys target, KpiEffect effect) {
        String dayKey = target.dayKpis(effect.day());
        effect.increments().forEach((counter, increment) -> record.hincrby(dayKey, counter.field(), increment));
        record.sadd(target.days(), effect.day().toString());
        effect.credit().ifPresent(credit -> addCredit(record, target, effect, credit));
    }

    private void addCredit(ApplyOnce record, GenerationKeys target, KpiEffect effect, LeaderboardCredit credit) {
        String member = credit.customerId().toString();
        long score = KeyLayout.leaderboardScore(credit.amountMinor());
        record.zincrby(target.leaderboardAllTime(), member, score);
        record.zincrby(target.leaderboardOfDay(effect.day()), member, score);
        String customerKey = keys.customer(credit.customerId());
        if (credit.name() != null) {
            record.hset(customerKey, "name", credit.name());
        }
        if (credit.email() != null) {
            record.hset(customerKey, "email", credit.email());
        }
    }
}
