package dev.oms.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load from a second process: {@code hey} at a fixed rate for latency, {@code wrk} flat out for the maximum
 * rate (Debian packages {@code hey} and {@code wrk}; {@code ./oms bench} installs them).
 */
final class HttpLoad {

    /** What {@code hey} measured at a fixed rate. */
    record FixedRate(int workers, int targetPerSecond, double requestsPerSecond, double p50Millis, double p99Millis,
                     long responses, long non200) {
    }

    /** What {@code wrk} measured with as many requests as the connections can carry. */
    record MaxRate(int connections, double requestsPerSecond, double p99Millis, long non2xx) {
    }

    private static final Pattern HEY_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern HEY_PERCENTILE = Pattern.compile("\\s+(\\d+)%+ in ([0-9.]+) secs");
    private static final Pattern HEY_STATUS = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses");
    private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern WRK_P99 = Pattern.compile("\\s+99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern WRK_NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private HttpLoad() {
    }

    /** {@code workers} workers of {@code perWorker} requests/s each (hey's {@code -q} is per worker). */
    static FixedRate fixedRate(String url, String token, int seconds, int workers, int perWorker) {
        String out = run(List.of("hey", "-z", seconds + "s", "-c", Integer.toString(workers), "-q",
                Integer.toString(perWorker), "-H", "Authorization: Bearer " + token, url));
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = HEY_PERCENTILE.matcher(out);
        while (percentile.find()) {
            double millis = Double.parseDouble(percentile.group(2)) * 1000;
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else if (percentile.group(1).equals("99")) {
                p99 = millis;
            }
        }
        long responses = 0;
        long non200 = 0;
        Matcher status = HEY_STATUS.matcher(out);
        while (status.find()) {
            long count = Long.parseLong(status.group(2));
            responses += count;
            non200 += status.group(1).equals("200") ? 0 : count;
        }
        return new FixedRate(workers, workers * perWorker, first(HEY_RATE, out), p50, p99, responses, non200);
    }

    static MaxRate maxRate(String url, String token, int seconds, int threads, int connections) {
        String out = run(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "-H", "Authorization: Bearer " + token, url));
        Matcher p99 = WRK_P99.matcher(out);
        double p99Millis = Double.NaN;
        if (p99.find()) {
            double value = Double.parseDouble(p99.group(1));
            p99Millis = switch (p99.group(2)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
        }
        Matcher non2xx = WRK_NON_2XX.matcher(out);
        return new MaxRate(connections, first(WRK_RATE, out), p99Millis, non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
    }

    private static double first(Pattern pattern, String out) {
        Matcher matcher = pattern.matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in:\n" + out);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (./oms bench installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
