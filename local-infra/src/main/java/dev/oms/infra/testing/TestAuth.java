package dev.oms.infra.testing;

import dev.oms.devtokens.DevelopmentTokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.util.List;

/**
 * Authenticated RestAssured calls with development tokens. Functional tests call as staff (admin, support and
 * analyst at once), since what they test is behaviour; {@link EndpointSecurityCheck} tests each role alone.
 */
public final class TestAuth {

    public static final String ADMIN = "admin";
    public static final String SUPPORT = "support";
    public static final String ANALYST = "analyst";
    public static final String CUSTOMER = "customer";
    public static final List<String> ALL_ROLES = List.of(ADMIN, SUPPORT, ANALYST, CUSTOMER);

    private static final String STAFF_TOKEN = DevelopmentTokens.mint("staff@oms.test", List.of(ADMIN, SUPPORT, ANALYST));

    private TestAuth() {
    }

    public static RequestSpecification asStaff() {
        return RestAssured.given().auth().oauth2(STAFF_TOKEN);
    }

    public static RequestSpecification asCustomer(String email) {
        return RestAssured.given().auth().oauth2(DevelopmentTokens.mint(email, List.of(CUSTOMER)));
    }

    public static RequestSpecification withRoles(String subject, List<String> roles) {
        return RestAssured.given().auth().oauth2(token(subject, roles));
    }

    /** A development token, for clients other than RestAssured (event streams, say). */
    public static String token(String subject, List<String> roles) {
        return DevelopmentTokens.mint(subject, roles);
    }
}
