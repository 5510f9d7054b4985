package dev.oms.analytics.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Applies a rebuild's records to the generation it builds, with the outcomes {@code lua/apply-records.lua} would give
 * (offset already applied, event id already applied, applied, generation moved), as plain pipelined commands:
 * <ol>
 *   <li>the generation pointer, and {@code SET marker NX EX} for each record with an effect, in order, so a
 *       re-published copy finds its original's marker, in this batch or an earlier one;</li>
 *   <li>the writes of the records whose marker was new, added up per key and field, and the offset of every
 *       partition.</li>
 * </ol>
 * Each step is one round trip per {@link #PIPELINE} commands. The script's one atomic step per batch is not needed
 * here: the generation being built is fresh (a rebuild deletes leftovers first), this rebuild is its only writer (one
 * rebuild at a time, and live consumption writes only to the current generation), and nobody reads it before the
 * switch. A rebuild that dies half-way leaves a generation that is never switched to and is deleted by the next one.
 * Plain commands cost Redis a fraction of the script's work per record, which is what bounds a rebuild. Batches must
 * be applied one after the other (each waits for the one before).
 */
final class RebuildWriter {

    /** Commands per pipeline: well under the client's limit of waiting replies per connection. */
    static final int PIPELINE = 1000;

    private final Redis redis;
    private final String pointer;
    private final String requiredCurrent;
    private final String markerTtlSeconds;
    /** Offsets hash → partition → last offset applied; the generation is fresh, so it starts empty. */
    private final Map<String, Map<Integer, Long>> appliedOffsets = new HashMap<>();

    /**
     * @param pointer         the key naming the current generation
     * @param requiredCurrent the generation being replaced: while it is current, the batch is applied
     */
    RebuildWriter(Redis redis, String pointer, long requiredCurrent, Duration markerTtl) {
        if (markerTtl.toSeconds() <= 0) {
            throw new IllegalArgumentException("the marker TTL must be at least one second");
        }
        this.redis = redis;
        this.pointer = pointer;
        this.requiredCurrent = Long.toString(requiredCurrent);
        this.markerTtlSeconds = Long.toString(markerTtl.toSeconds());
    }

    /** Applies the records in order: an outcome per record. */
    CompletableFuture<List<ApplyOutcome>> applyAsync(List<ApplyOnce> records) {
        ApplyOutcome[] outcomes = new ApplyOutcome[records.size()];
        List<Request> checks = new ArrayList<>(records.size() + 1);
        checks.add(Request.cmd(Command.GET).arg(pointer));
        List<Integer> marked = new ArrayList<>(records.size());
        Map<String, Map<Integer, Long>> progress = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ApplyOnce record = records.get(i);
            Map<Integer, Long> partitions = appliedOffsets.computeIfAbsent(record.offsetsKey(), key -> new HashMap<>());
            int partition = record.position().partition();
            long offset = record.position().offset();
            if (offset <= partitions.getOrDefault(partition, -1L)) {
                outcomes[i] = ApplyOutcome.OFFSET_ALREADY_APPLIED;
                continue;
            }
            partitions.put(partition, offset);
            progress.computeIfAbsent(record.offsetsKey(), key -> new LinkedHashMap<>()).put(partition, offset);
            if (!record.hasWrites()) {
                outcomes[i] = ApplyOutcome.APPLIED;
            } else {
                checks.add(Request.cmd(Command.SET).arg(record.markerKey()).arg("1").arg("NX").arg("EX")
                        .arg(markerTtlSeconds));
                marked.add(i);
            }
        }
        return pipeline(checks).chain(replies -> {
            if (!requiredCurrent.equals(replies.get(0) == null ? "1" : replies.get(0).toString())) {
                Arrays.fill(outcomes, ApplyOutcome.GENERATION_MOVED);
                return Uni.createFrom().item(List.of(outcomes));
            }
            Writes writes = new Writes();
            for (int m = 0; m < marked.size(); m++) {
                int i = marked.get(m);
                if (isOk(replies.get(m + 1))) {
                    outcomes[i] = ApplyOutcome.APPLIED;
                    records.get(i).operations().forEach(writes::add);
                } else {
                    outcomes[i] = ApplyOutcome.EVENT_ALREADY_APPLIED;
                }
            }
            List<Request> requests = writes.requests(progress);
            return requests.isEmpty() ? Uni.createFrom().item(List.of(outcomes))
                    : pipeline(requests).replaceWith(List.of(outcomes));
        }).subscribeAsCompletionStage();
    }

    /**
     * Sends the requests in order, as pipelines of at most {@link #PIPELINE} commands one after the other: the client
     * refuses more waiting replies per connection than its {@code max-waiting-handlers} (2,048 by default).
     */
    private Uni<List<Response>> pipeline(List<Request> requests) {
        List<List<Request>> chunks = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += PIPELINE) {
            chunks.add(requests.subList(from, Math.min(requests.size(), from + PIPELINE)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(redis::batch)
                .collect().asList()
                .map(replies -> {
                    // Not flattened by Mutiny: a nil reply (SET NX that found the marker) is a null element.
                    List<Response> all = new ArrayList<>(requests.size());
                    replies.forEach(all::addAll);
                    return all;
                });
    }

    private static boolean isOk(Response reply) {
        return reply != null && "OK".equals(reply.toString());
    }

    /** The writes of a batch's applied records, added up per key and field (sums commute; a later HSET wins). */
    private static final class Writes {

        private final Map<String, Map<String, Long>> hashIncrements = new LinkedHashMap<>();
        private final Map<String, Map<String, Long>> scoreIncrements = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> hashValues = new LinkedHashMap<>();
        private final Map<String, Set<String>> members = new LinkedHashMap<>();

        void add(ApplyOnce.Operation operation) {
            String key = operation.key();
            String field = operation.fieldOrMember();
            switch (operation.command()) {
                case "HINCRBY" -> hashIncrements.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .merge(field, Long.parseLong(operation.value()), Math::addExact);
                case "ZINCRBY" -> scoreIncrements.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .merge(field, Long.parseLong(operation.value()), Math::addExact);
                case "HSET" -> hashValues.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(field, operation.value());
                case "SADD" -> members.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(field);
                default -> throw new IllegalArgumentException("unknown write " + operation.command());
            }
        }

        List<Request> requests(Map<String, Map<Integer, Long>> offsets) {
            List<Request> requests = new ArrayList<>();
            hashIncrements.forEach((key, fields) -> fields.forEach((field, sum) ->
                    requests.add(Request.cmd(Command.HINCRBY).arg(key).arg(field).arg(sum))));
            scoreIncrements.forEach((key, scores) -> scores.forEach((member, sum) ->
                    requests.add(Request.cmd(Command.ZINCRBY).arg(key).arg(sum).arg(member))));
            hashValues.forEach((key, fields) -> {
                Request hset = Request.cmd(Command.HSET).arg(key);
                fields.forEach((field, value) -> hset.arg(field).arg(value));
                requests.add(hset);
            });
            members.forEach((key, set) -> {
                Request sadd = Request.cmd(Command.SADD).arg(key);
                set.forEach(sadd::arg);
                requests.add(sadd);
            });
            offsets.forEach((key, partitions) -> {
                Request hset = Request.cmd(Command.HSET).arg(key);
                partitions.forEach((partition, offset) -> hset.arg(partition).arg(offset));
                requests.add(hset);
            });
            return requests;
        }
    }
}
