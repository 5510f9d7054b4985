package dev.oms.cli.command;

import dev.oms.devtokens.DevelopmentTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCommandTest {

    private static final String NO_SERVICES = "http://127.0.0.1:9";

    @Test
    void printsADevelopmentTokenWithTheRolesAndSubjectAsked() {
        Cli.Result result = Cli.run(NO_SERVICES, "token", "--role", "customer", "--sub", "ann@example.com");

        assertEquals(0, result.exitCode(), result.err());
        String[] parts = result.out().trim().split("\\.");
        assertEquals(3, parts.length, result.out());
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\":\"" + DevelopmentTokens.ISSUER + "\""), claims);
        assertTrue(claims.contains("\"sub\":\"ann@example.com\""), claims);
        assertTrue(claims.contains("\"groups\":[\"customer\"]"), claims);
    }

    @Test
    void severalRolesGoInOneToken() {
        Cli.Result result = Cli.run(NO_SERVICES, "token", "--role", "admin,analyst");

        assertEquals(0, result.exitCode(), result.err());
        String claims = new String(Base64.getUrlDecoder().decode(result.out().trim().split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"groups\":[\"admin\",\"analyst\"]"), claims);
    }

    @Test
    void aCustomerTokenNeedsTheCustomersEmail() {
        Cli.Result result = Cli.run(NO_SERVICES, "token", "--role", "customer");

        assertEquals(1, result.exitCode());
        assertEquals("error: a customer token needs --sub with the customer's email\n", result.err());
    }

    @Test
    void anUnknownRoleIsRefused() {
        Cli.Result result = Cli.run(NO_SERVICES, "token", "--role", "root");

        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("error: unknown role 'root'"), result.err());
    }
}
