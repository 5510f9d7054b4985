package dev.oms.platform.security;

/**
 * The roles a token's {@code groups} claim grants, for {@code @RolesAllowed}. Health, OpenAPI and the gateway's
 * HMAC-signed webhook never need one; README (Security) says which endpoints require which role so far.
 */
public final class Roles {

    /** Products and stock, imports, dead letters, analytics rebuilds. */
    public static final String ADMIN = "admin";
    /** Orders on behalf of customers, refunds, cancel, ship, deliver. */
    public static final String SUPPORT = "support";
    /** KPIs, leaderboard, reports. */
    public static final String ANALYST = "analyst";
    /** Places and reads their own orders; the token's subject is the customer's email. */
    public static final String CUSTOMER = "customer";

    private Roles() {
    }
}
