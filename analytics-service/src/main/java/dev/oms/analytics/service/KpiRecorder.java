package dev.oms.analytics.service;

import dev.oms.analytics.config.AnalyticsConfig;
import dev.oms.analytics.domain.KpiEffect;
import dev.oms.analytics.domain.KpiRules;
import dev.oms.analytics.domain.LeaderboardCredit;
import dev.oms.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
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
        return recordAll(List.of(counted(event, position))).get(0);
    }

    /** Advances the progress past a record that counts nothing (it was dead-lettered). */
    public ApplyOutcome skip(RecordPosition position) {
        return recordAll(List.of(new CountedRecord(NO_EVENT, Optional.empty(), position))).get(0);
    }

    /**
     * What the event read at {@code position} counts. Throws {@link dev.oms.analytics.domain.InvalidEventException}
     * for an event that must not be counted.
     */
    public CountedRecord counted(EventEnvelope event, RecordPosition position) {
        return new CountedRecord(event.id(), effectOf(event), position);
    }

    /** Applies the records to the current generation in order, in one script call: an outcome per record. */
    public List<ApplyOutcome> recordAll(List<CountedRecord> records) {
        for (int lookup = 1; lookup <= GENERATION_LOOKUPS; lookup++) {
            long generation = generations.forWriting();
            GenerationKeys target = keys.generation(generation);
            List<ApplyOnce> calls = new ArrayList<>(records.size());
            for (CountedRecord counted : records) {
                calls.add(record(counted.eventId(), counted.effect(), counted.position(), target));
            }
            List<ApplyOutcome> outcomes = script.runAll(calls, generation);
            if (!outcomes.contains(ApplyOutcome.GENERATION_MOVED)) {
                return outcomes;
            }
            generations.writingMoved();
        }
        throw new IllegalStateException("the current analytics generation keeps moving; not applying the records from "
                + records.get(0).position());
    }

    /** A record read at {@code position}: its event id and what it counts. */
    public record CountedRecord(UUID eventId, Optional<KpiEffect> effect, RecordPosition position) {
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
