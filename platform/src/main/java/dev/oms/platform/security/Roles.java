package dev.oms.platform.security;

/**
 * The roles a token's {@code groups} claim grants, for {@code @RolesAllowed}. Every endpoint names its roles (or
 * {@code @PermitAll}, the gateway's HMAC-signed webhook); health and OpenAPI are not endpoints of ours and stay open.
 * Roles do not include one another: a person who is both admin and support holds both.
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
