package dev.oms.infra.testing;

import io.restassured.RestAssured;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of the service's {@code /q/metrics} (Prometheus text format), for asserting on meter values. */
public final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)");

    private final String text;

    private PrometheusScrape(String text) {
        this.text = text;
    }

    /** {@code /q/metrics} needs no token: in production it is scraped on the cluster network only. */
    public static PrometheusScrape now() {
        return new PrometheusScrape(RestAssured.given().accept("text/plain").get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }

    /** The sum of the samples of {@code name} whose labels include every {@code label="value"} given; 0 when none. */
    public double value(String name, String... labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.find() && sample.group(1).equals(name) && hasLabels(sample.group(3), labels)) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    public boolean has(String name) {
        return Arrays.stream(text.split("\n")).anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }

    private static boolean hasLabels(String present, String... wanted) {
        for (String label : wanted) {
            if (present == null || !present.contains(label)) {
                return false;
            }
        }
        return true;
    }
}
