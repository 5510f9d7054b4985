package dev.oms.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.oms.cli.CliException;
import dev.oms.cli.Service;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP to one service. Every failure a user can cause or fix (service down, problem+json answer,
 * unexpected body) becomes a {@link CliException} with a message fit to print.
 */
public final class ServiceClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Uploads of multi-gigabyte CSV files take minutes on a slow disk; the service answers once it has the file. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

    private final Service service;
    private final URI baseUrl;
    private final HttpClient http;
    private final String bearerToken;

    public ServiceClient(Service service, URI baseUrl, HttpClient http, String bearerToken) {
        this.service = service;
        this.baseUrl = baseUrl;
        this.http = http;
        this.bearerToken = bearerToken;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public <T> T get(String pathAndQuery, Class<T> type) {
        return get(pathAndQuery, Json.mapper().constructType(type));
    }

    public <T> T get(String pathAndQuery, TypeReference<T> type) {
        return get(pathAndQuery, Json.mapper().constructType(type));
    }

    public <T> T postJson(String path, Object body, Class<T> type) {
        return postJson(path, body, Map.of(), type);
    }

    /** As {@link #postJson(String, Object, Class)}, with extra request headers (e.g. an Idempotency-Key). */
    public <T> T postJson(String path, Object body, Map<String, String> headers, Class<T> type) {
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request body for " + path, e);
        }
        HttpRequest.Builder builder = request(path, REQUEST_TIMEOUT).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        return read(send(request), Json.mapper().constructType(type), request);
    }

    /** Streams {@code file} as the request body, so a file of any size is sent without loading it in memory. */
    public <T> T postFile(String path, Path file, String contentType, Map<String, String> headers, Class<T> type) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new CliException("cannot read " + file + ": no such file");
        }
        HttpRequest.Builder builder = request(path, UPLOAD_TIMEOUT).header("Content-Type", contentType);
        headers.forEach(builder::header);
        HttpRequest request = builder.POST(body).build();
        return read(send(request), Json.mapper().constructType(type), request);
    }

    /** GETs a UTF-8 text document (e.g. CSV) and streams it into {@code target} as it arrives, whatever its size. */
    public void download(String pathAndQuery, String mediaType, Writer target) {
        HttpRequest request = request(pathAndQuery, UPLOAD_TIMEOUT)
                .setHeader("Accept", mediaType + ", application/problem+json")
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() >= 400) {
                    byte[] problem = body.readAllBytes();
                    throw new CliException(ProblemDetails.parse(problem).map(ProblemDetails::message)
                            .orElseGet(() -> service.displayName() + " answered " + describe(request) + " with HTTP "
                                    + response.statusCode() + bodyExcerpt(problem)));
                }
                new InputStreamReader(body, StandardCharsets.UTF_8).transferTo(target);
                target.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while waiting for " + service.displayName());
        } catch (IOException e) {
            if (isConnectionFailure(e)) {
                throw notReachable(e);
            }
            throw new CliException(service.displayName() + " failed on " + describe(request) + ": " + e, e);
        }
    }

    private <T> T get(String pathAndQuery, JavaType type) {
        HttpRequest request = request(pathAndQuery, REQUEST_TIMEOUT).GET().build();
        return read(send(request), type, request);
    }

    private HttpRequest.Builder request(String pathAndQuery, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + bearerToken);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 400) {
                throw new CliException(describeError(response));
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while waiting for " + service.displayName());
        } catch (HttpConnectTimeoutException e) {
            throw notReachable(e);
        } catch (HttpTimeoutException e) {
            throw new CliException(service.displayName() + " did not answer " + describe(request) + " within "
                    + request.timeout().map(Duration::toSeconds).orElse(0L) + " s", e);
        } catch (IOException e) {
            if (isConnectionFailure(e)) {
                throw notReachable(e);
            }
            throw new CliException(service.displayName() + " failed on " + describe(request) + ": " + e, e);
        }
    }

    private String describeError(HttpResponse<byte[]> response) {
        return ProblemDetails.parse(response.body())
                .map(ProblemDetails::message)
                .orElseGet(() -> service.displayName() + " answered " + describe(response.request()) + " with HTTP "
                        + response.statusCode() + bodyExcerpt(response.body()));
    }

    private <T> T read(HttpResponse<byte[]> response, JavaType type, HttpRequest request) {
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new CliException(service.displayName() + " sent an unexpected answer to " + describe(request) + ": "
                    + reason, e);
        }
    }

    private CliException notReachable(Exception cause) {
        return new CliException(service.displayName() + " is not reachable at " + baseUrl + " — run ./oms up", cause);
    }

    private static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(HttpRequest request) {
        URI uri = request.uri();
        return request.method() + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String bodyExcerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }
}
