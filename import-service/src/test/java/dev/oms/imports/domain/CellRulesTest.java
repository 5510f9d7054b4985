package dev.oms.imports.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The quick paths for the usual cells give exactly what the full parsers give, and refuse what they refuse. */
class CellRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T10:15:30Z", "1999-12-31T23:59:59Z", "2024-02-29T00:00:00Z",
            "2024-05-01T10:15:30.250Z", "2024-05-01T12:15:30+02:00"})
    void instantsAreReadAsInstantParseReadsThem(String text) {
        assertEquals(Instant.parse(text), CellRules.instant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-05-01T25:00:00Z", "2024-05-0xT10:15:30Z"})
    void impossibleInstantsAreRefused(String text) {
        InvalidCellException e = assertThrows(InvalidCellException.class, () -> CellRules.instant(text));
        assertEquals("must be an ISO-8601 instant with offset (2024-05-01T10:15:30Z), a date (2024-05-01) or a "
                + "date-time in UTC (2024-05-01 10:15:30), got '" + text + "'", e.getMessage());
    }

    @Test
    void quantitiesAreWholePositiveNumbersThatFitAnInt() {
        assertEquals(7, CellRules.quantity("007"));
        assertEquals(999_999_999, CellRules.quantity("999999999"));
        assertEquals(2_147_483_647, CellRules.quantity("2147483647"));
        assertEquals("must be positive, got '0'",
                assertThrows(InvalidCellException.class, () -> CellRules.quantity("0")).getMessage());
        assertEquals("is too large, got '2147483648'",
                assertThrows(InvalidCellException.class, () -> CellRules.quantity("2147483648")).getMessage());
        assertEquals("must be a whole number, got '1.5'",
                assertThrows(InvalidCellException.class, () -> CellRules.quantity("1.5")).getMessage());
    }
}
