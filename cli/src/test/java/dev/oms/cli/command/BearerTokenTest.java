package dev.oms.cli.command;

import dev.oms.devtokens.DevelopmentTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.oms.cli.command.FakeServices.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BearerTokenTest {

    private static final String STATS = "{\"total\":0,\"byStatus\":{}}";

    @Test
    void sendsTheTokenFromOmsToken() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/orders/stats", request -> json(STATS));

            Cli.Result result = Cli.runWith(Map.of("OMS_TOKEN", " issued.by.sso \n"), services.url(), "orders", "stats");

            assertEquals(0, result.exitCode(), result.err());
            assertEquals("Bearer issued.by.sso", services.requests("GET", "/orders/stats").get(0).header("Authorization"));
        }
    }

    @Test
    void withoutOmsTokenSendsADevelopmentStaffToken() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/orders/stats", request -> json(STATS));

            Cli.Result result = Cli.run(services.url(), "orders", "stats");

            assertEquals(0, result.exitCode(), result.err());
            String authorization = services.requests("GET", "/orders/stats").get(0).header("Authorization");
            assertTrue(authorization.startsWith("Bearer "), authorization);
            String claims = new String(Base64.getUrlDecoder().decode(authorization.split("\\.")[1]), StandardCharsets.UTF_8);
            assertTrue(claims.contains("\"iss\":\"" + DevelopmentTokens.ISSUER + "\""), claims);
            assertTrue(claims.contains("\"groups\":[\"admin\",\"support\",\"analyst\"]"), claims);
        }
    }
}
