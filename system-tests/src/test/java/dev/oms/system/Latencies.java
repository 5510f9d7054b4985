package dev.oms.system;

import java.util.Collection;
import java.util.List;

/** Latencies in milliseconds, summarised with nearest-rank percentiles (with 50 samples, p99 is the maximum). */
record Latencies(List<Long> sortedMillis) {

    static Latencies of(Collection<Long> millis) {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no latencies");
        }
        return new Latencies(millis.stream().sorted().toList());
    }

    long percentile(double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sortedMillis.size());
        return sortedMillis.get(Math.max(rank, 1) - 1);
    }

    String summary() {
        return "p50 " + percentile(50) + " ms, p95 " + percentile(95) + " ms, p99 " + percentile(99) + " ms, max "
                + sortedMillis.get(sortedMillis.size() - 1) + " ms (min " + sortedMillis.get(0) + " ms, n = "
                + sortedMillis.size() + ")";
    }
}
