package dev.oms.infra.testing;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every endpoint of the service under test against a rule table. The endpoints come from the service's own
 * OpenAPI document, so an endpoint added without a rule fails the check, and so does a rule whose endpoint is gone.
 * <ul>
 *   <li>no token: 401 with a Bearer challenge, as problem+json;</li>
 *   <li>each role outside the rule, alone: 403 as problem+json;</li>
 *   <li>each role in the rule, alone: neither 401 nor 403 (the request itself may well be invalid: 400, 404…);</li>
 *   <li>an open endpoint: no Bearer challenge without a token.</li>
 * </ul>
 * Requests carry no meaningful body, so a role that is let in only reaches validation; no data is created.
 */
public final class EndpointSecurityCheck {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final Map<String, Set<String>> rules = new TreeMap<>();

    private EndpointSecurityCheck() {
    }

    public static EndpointSecurityCheck endpoints() {
        return new EndpointSecurityCheck();
    }

    /** {@code endpoint} as {@code "GET /orders/{orderId}"}, spelled as in the OpenAPI document. */
    public EndpointSecurityCheck allow(String endpoint, String... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException(endpoint + ": name its roles, or declare it open()");
        }
        rules.put(endpoint, Set.of(roles));
        return this;
    }

    /** The dead-letter admin API that platform gives every service. */
    public EndpointSecurityCheck deadLetterApi() {
        return allow("GET /admin/dead-letters", TestAuth.ADMIN)
                .allow("GET /admin/dead-letters/{topic}/{partition}/{offset}", TestAuth.ADMIN)
                .allow("POST /admin/dead-letters/{topic}/{partition}/{offset}/replay", TestAuth.ADMIN);
    }

    public EndpointSecurityCheck open(String endpoint) {
        rules.put(endpoint, Set.of());
        return this;
    }

    /** Runs the check against the running service; the message lists every endpoint that breaks its rule. */
    public void verify() {
        Map<String, Map<String, Object>> documented = documentedEndpoints();
        List<String> failures = new ArrayList<>();
        for (String endpoint : documented.keySet()) {
            if (!rules.containsKey(endpoint)) {
                failures.add(endpoint + ": no security rule for this endpoint");
            }
        }
        for (String endpoint : rules.keySet()) {
            if (!documented.containsKey(endpoint)) {
                failures.add(endpoint + ": has a rule but is not in the OpenAPI document");
            }
        }
        rules.forEach((endpoint, allowed) -> {
            Map<String, Object> operation = documented.get(endpoint);
            if (operation != null) {
                check(endpoint, operation, allowed, failures);
            }
        });
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " endpoint security rule(s) broken:\n" + String.join("\n", failures));
        }
    }

    private static void check(String endpoint, Map<String, Object> operation, Set<String> allowed, List<String> failures) {
        Answer anonymous = call(endpoint, operation, RestAssured.given(), null);
        if (allowed.isEmpty()) {
            if (bearerChallenge(anonymous)) {
                failures.add(endpoint + ": is open but asked for a bearer token (" + anonymous.statusCode() + ")");
            }
            return;
        }
        if (anonymous.statusCode() != 401 || !bearerChallenge(anonymous) || !isProblem(anonymous)) {
            failures.add(endpoint + ": without a token answered " + describe(anonymous) + ", expected 401 problem+json "
                    + "with WWW-Authenticate: Bearer");
        }
        for (String role : TestAuth.ALL_ROLES) {
            Answer answer = call(endpoint, operation, TestAuth.withRoles(role + "@oms.test", List.of(role)),
                    TestAuth.token(role + "@oms.test", List.of(role)));
            if (allowed.contains(role) && (answer.statusCode() == 401 || answer.statusCode() == 403)) {
                failures.add(endpoint + ": role " + role + " is allowed but answered " + describe(answer));
            } else if (!allowed.contains(role) && (answer.statusCode() != 403 || !isProblem(answer))) {
                failures.add(endpoint + ": role " + role + " is not allowed but answered " + describe(answer)
                        + ", expected 403 problem+json");
            }
        }
    }

    /** What the check looks at of an answer: status, content type, bearer challenge, and the start of the body. */
    private record Answer(int statusCode, String contentType, String wwwAuthenticate, String body) {

        static Answer of(Response response) {
            return new Answer(response.statusCode(), response.contentType(), response.header("WWW-Authenticate"),
                    response.asString());
        }
    }

    private static Answer call(String endpoint, Map<String, Object> operation, RequestSpecification request,
                               String bearerToken) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = concretePath(endpoint.substring(endpoint.indexOf(' ') + 1), operation);
        if (streams(operation)) {
            return openStream(path, bearerToken);
        }
        String contentType = requestContentType(operation);
        if (contentType != null) {
            if (contentType.startsWith("multipart/")) {
                request = request.multiPart("file", "empty.csv", new byte[0], "text/csv");
            } else {
                request = request.contentType(contentType).body(new byte[0]);
            }
        }
        return Answer.of(request.redirects().follow(false).request(method, path));
    }

    /** Whether the endpoint answers with Server-Sent Events: a stream that does not end by itself. */
    @SuppressWarnings("unchecked")
    private static boolean streams(Map<String, Object> operation) {
        Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
        return responses.values().stream()
                .map(response -> (Map<String, Object>) ((Map<String, Object>) response).getOrDefault("content", Map.of()))
                .anyMatch(content -> content.containsKey("text/event-stream"));
    }

    /**
     * Opens a stream and reads its status and headers only; the body of an error answer (which does end) is read,
     * an event stream is closed unread.
     */
    private static Answer openStream(String path, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + RestAssured.basePath + path)).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            try (InputStream body = response.body()) {
                String text = response.statusCode() == 200 ? ""
                        : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), contentType,
                        response.headers().firstValue("WWW-Authenticate").orElse(null), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    /** Fills path parameters with values of their documented type, so that routing reaches the endpoint. */
    @SuppressWarnings("unchecked")
    private static String concretePath(String template, Map<String, Object> operation) {
        Map<String, Map<String, Object>> schemas = new TreeMap<>();
        for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
            if ("path".equals(parameter.get("in"))) {
                schemas.put((String) parameter.get("name"), (Map<String, Object>) parameter.getOrDefault("schema", Map.of()));
            }
        }
        Matcher matcher = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            Map<String, Object> schema = schemas.getOrDefault(matcher.group(1), Map.of());
            String value;
            if ("uuid".equals(schema.get("format")) || String.valueOf(schema.get("$ref")).endsWith("/UUID")) {
                value = UUID.randomUUID().toString();
            } else if ("integer".equals(schema.get("type"))) {
                value = "0";
            } else {
                value = "no-such-" + matcher.group(1);
            }
            matcher.appendReplacement(path, value);
        }
        return matcher.appendTail(path).toString();
    }

    @SuppressWarnings("unchecked")
    private static String requestContentType(Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
        return content.keySet().stream().findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> documentedEndpoints() {
        Map<String, Object> paths = RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, Map<String, Object>> endpoints = new TreeMap<>();
        paths.forEach((path, item) -> {
            Map<String, Object> operations = (Map<String, Object>) item;
            List<Map<String, Object>> shared = (List<Map<String, Object>>) operations.getOrDefault("parameters", List.of());
            operations.forEach((method, operation) -> {
                if (METHODS.contains(method)) {
                    Map<String, Object> withParameters = new HashMap<>((Map<String, Object>) operation);
                    List<Map<String, Object>> parameters = new ArrayList<>(shared);
                    parameters.addAll((List<Map<String, Object>>) withParameters.getOrDefault("parameters", List.of()));
                    withParameters.put("parameters", parameters);
                    endpoints.put(method.toUpperCase(Locale.ROOT) + " " + path, withParameters);
                }
            });
        });
        return endpoints;
    }

    private static boolean bearerChallenge(Answer response) {
        String challenge = response.wwwAuthenticate();
        return challenge != null && challenge.startsWith("Bearer");
    }

    private static boolean isProblem(Answer response) {
        String type = response.contentType();
        return type != null && type.startsWith("application/problem+json");
    }

    private static String describe(Answer response) {
        String body = response.body();
        return response.statusCode() + " " + response.contentType() + (body.isBlank() ? ""
                : " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body));
    }
}
