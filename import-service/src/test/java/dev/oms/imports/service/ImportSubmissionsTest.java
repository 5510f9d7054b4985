package dev.oms.imports.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImportSubmissionsTest {

    @Test
    void uploadNamesKeepOnlyTheLastPathSegment() {
        assertEquals("orders.csv", ImportSubmissions.displayName("orders.csv"));
        assertEquals("orders.csv", ImportSubmissions.displayName("C:\\Users\\ann\\orders.csv"));
        assertEquals("orders.csv", ImportSubmissions.displayName("/home/ann/orders.csv"));
        assertEquals("upload.csv", ImportSubmissions.displayName(null));
        assertEquals("upload.csv", ImportSubmissions.displayName("  "));
        assertEquals("upload.csv", ImportSubmissions.displayName("dir/"));
        assertEquals(ImportSubmissions.MAX_FILE_NAME_LENGTH, ImportSubmissions.displayName("x".repeat(300)).length());
    }
}
