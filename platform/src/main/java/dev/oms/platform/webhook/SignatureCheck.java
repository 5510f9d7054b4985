package dev.oms.platform.webhook;

/** The verdict on a webhook's signature headers; every verdict but {@link #VALID} is a rejection. */
public enum SignatureCheck {
    VALID(null),
    MISSING_TIMESTAMP("The timestamp header is missing"),
    MISSING_SIGNATURE("The signature header is missing"),
    MALFORMED_TIMESTAMP("The timestamp header is not a number of epoch seconds"),
    STALE_TIMESTAMP("The timestamp is outside the accepted window (a replay or a skewed clock)"),
    BAD_SIGNATURE("The signature does not match the timestamp and body");

    private final String detail;

    SignatureCheck(String detail) {
        this.detail = detail;
    }

    /** Says which check failed, never what was expected. */
    public String detail() {
        return detail;
    }
}
