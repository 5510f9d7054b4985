package dev.oms.analytics.rest;

import dev.oms.devtokens.DevelopmentTokens;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.TestAuth;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /session} and {@code DELETE /session}: the dashboard's token in an HttpOnly cookie. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class SessionTest {

    private static final List<String> ANALYST = List.of(TestAuth.ANALYST);

    @TestHTTPResource("/kpis/stream")
    URI stream;

    @Test
    void anAnalystTokenBecomesAnHttpOnlyStrictCookieForTheTokensRemainingLife() {
        String token = DevelopmentTokens.mint("ann@oms.test", ANALYST, Instant.now(), Duration.ofHours(1));

        Response response = signIn(token);

        response.then().statusCode(200).body("subject", equalTo("ann@oms.test"));
        Cookie cookie = response.detailedCookie(SessionResource.COOKIE);
        assertEquals(token, cookie.getValue());
        assertTrue(cookie.isHttpOnly(), "HttpOnly");
        assertEquals("Strict", cookie.getSameSite());
        assertEquals("/", cookie.getPath());
        assertFalse(cookie.isSecured(), "Secure is off by default, for local http");
        assertTrue(cookie.getMaxAge() > 3_500 && cookie.getMaxAge() <= 3_600, "Max-Age " + cookie.getMaxAge());
    }

    @Test
    void theCookieAloneAuthorizesTheKpisAndTheirStream() throws Exception {
        String token = TestAuth.token("ann@oms.test", ANALYST);
        String cookie = signIn(token).then().statusCode(200).extract().cookie(SessionResource.COOKIE);

        RestAssured.given().cookie(SessionResource.COOKIE, cookie).when().get("/kpis/daily")
                .then().statusCode(200).body("currency", equalTo("USD"));

        HttpResponse<InputStream> events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                        .header("Cookie", SessionResource.COOKIE + "=" + cookie)
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            assertEquals(200, events.statusCode());
            String line = lines.readLine();
            while (line != null && !line.startsWith("data:")) {
                line = lines.readLine();
            }
            assertTrue(line != null && line.contains("\"ordersCompleted\""), "first event: " + line);
        }
    }

    @Test
    void withoutACookieTheBearerHeaderStillDecides() {
        RestAssured.given().auth().oauth2(TestAuth.token("ann@oms.test", ANALYST)).when().get("/kpis/daily")
                .then().statusCode(200);
        RestAssured.given().auth().oauth2(TestAuth.token("cy@oms.test", List.of(TestAuth.SUPPORT)))
                .when().get("/kpis/daily").then().statusCode(403);
        RestAssured.given().when().get("/kpis/daily").then().statusCode(401);
    }

    @Test
    void aBadOrExpiredTokenIsRefusedWith401AndNoCookie() {
        String expired = DevelopmentTokens.mint("ann@oms.test", ANALYST, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));
        for (String token : List.of("not-a-token", expired, TestAuth.token("ann@oms.test", ANALYST) + "x")) {
            Response response = signIn(token);
            response.then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
            assertNull(response.getHeader("Set-Cookie"), token);
        }
    }

    @Test
    void aTokenWithoutTheAnalystRoleIsRefusedWith403AndNoCookie() {
        Response response = signIn(TestAuth.token("cy@oms.test", List.of(TestAuth.SUPPORT, TestAuth.ADMIN)));

        response.then().statusCode(403).contentType("application/problem+json");
        assertNull(response.getHeader("Set-Cookie"));
    }

    @Test
    void signInTakesJsonOnlySoThatAnotherSiteCannotPostIt() {
        String token = TestAuth.token("ann@oms.test", ANALYST);
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain")) {
            Response response = RestAssured.given().contentType(type).body("token=" + token).when().post("/session");
            response.then().statusCode(415);
            assertNull(response.getHeader("Set-Cookie"), type);
        }
        RestAssured.given().contentType("application/json").body("{}").when().post("/session")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("token"));
    }

    @Test
    void anExpiredCookieIsRefused() {
        String expired = DevelopmentTokens.mint("ann@oms.test", ANALYST, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));

        RestAssured.given().cookie(SessionResource.COOKIE, expired).when().get("/kpis/daily")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void signingOutClearsTheCookie() {
        Response response = RestAssured.given().when().delete("/session");

        response.then().statusCode(204);
        Cookie cleared = response.detailedCookie(SessionResource.COOKIE);
        assertEquals("", cleared.getValue());
        assertEquals(0, cleared.getMaxAge());
        assertTrue(cleared.isHttpOnly(), "HttpOnly");
        assertEquals("/", cleared.getPath());
    }

    private static Response signIn(String token) {
        return RestAssured.given().contentType("application/json").body("{\"token\":\"" + token + "\"}")
                .when().post("/session");
    }
}
