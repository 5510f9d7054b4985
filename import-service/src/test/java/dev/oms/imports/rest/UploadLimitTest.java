package dev.oms.imports.rest;

import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.oms.imports.rest.ImportTestSupport.HEADER;
import static dev.oms.imports.rest.ImportTestSupport.bytes;
import static dev.oms.infra.testing.TestAuth.asStaff;
import static org.hamcrest.Matchers.equalTo;

/** An upload over the configured size is refused with 413 before anything is stored. */
@QuarkusTest
@TestProfile(UploadLimitTest.TinyUploads.class)
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_imports"))
class UploadLimitTest {

    /** OMS_IMPORTS_MAX_UPLOAD_SIZE=2K. */
    public static class TinyUploads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "2K");
        }
    }

    @Test
    void anUploadOverTheLimitIs413() {
        String csv = HEADER + "A-1,ann@example.com,Ann,SKU-1,Mug,1,5.00,,\n".repeat(100);
        asStaff().contentType("text/csv").body(bytes(csv))
                .when().post("/imports")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("limit", equalTo("max-body-size"))
                .body("maxBytes", equalTo(2048));
        // The multipart body is sent chunked, without a declared length: Quarkus cuts it off as it arrives.
        asStaff().multiPart("file", "big.csv", bytes(csv), "text/csv")
                .when().post("/imports")
                .then().statusCode(413);
    }
}
