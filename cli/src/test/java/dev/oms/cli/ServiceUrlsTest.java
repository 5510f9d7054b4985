package dev.oms.cli;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceUrlsTest {

    @Test
    void usesTheLocalPortsByDefault() {
        ServiceUrls urls = new ServiceUrls(Map.of(), Map.of());
        assertEquals(URI.create("http://127.0.0.1:8081"), urls.urlOf(Service.IMPORT));
        assertEquals(URI.create("http://127.0.0.1:8082"), urls.urlOf(Service.ORDER));
        assertEquals(URI.create("http://127.0.0.1:8086"), urls.urlOf(Service.ANALYTICS));
    }

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> environment = Map.of("OMS_ORDER_URL", "http://orders.local:80/",
                "OMS_ANALYTICS_URL", "https://analytics.example.com");
        ServiceUrls urls = new ServiceUrls(Map.of(Service.ANALYTICS, "http://10.0.0.5:9000"), environment);
        assertEquals(URI.create("http://orders.local:80"), urls.urlOf(Service.ORDER));
        assertEquals(URI.create("http://10.0.0.5:9000"), urls.urlOf(Service.ANALYTICS));
        assertEquals(URI.create("http://127.0.0.1:8085"), urls.urlOf(Service.NOTIFICATION));
    }

    @Test
    void namesTheSettingThatHoldsABadUrl() {
        ServiceUrls urls = new ServiceUrls(Map.of(), Map.of("OMS_IMPORT_URL", "localhost:8081"));
        CliException failure = assertThrows(CliException.class, () -> urls.urlOf(Service.IMPORT));
        assertTrue(failure.getMessage().startsWith("OMS_IMPORT_URL must be an http(s) URL"), failure.getMessage());
    }
}
