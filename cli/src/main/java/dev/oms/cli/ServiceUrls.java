package dev.oms.cli;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Where each service is: the command-line option wins over the environment variable, which wins over the local default. */
public final class ServiceUrls {

    private final Map<Service, String> options;
    private final Map<String, String> environment;

    public ServiceUrls(Map<Service, String> options, Map<String, String> environment) {
        this.options = options;
        this.environment = environment;
    }

    public URI urlOf(Service service) {
        String fromOption = options.get(service);
        if (isSet(fromOption)) {
            return parse(fromOption, service.optionName());
        }
        String fromEnvironment = environment.get(service.environmentVariable());
        if (isSet(fromEnvironment)) {
            return parse(fromEnvironment, service.environmentVariable());
        }
        return URI.create(service.defaultUrl());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static URI parse(String value, String source) {
        String trimmed = value.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = URI.create(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the same message as a URL without scheme or host
        }
        throw new CliException(source + " must be an http(s) URL such as http://127.0.0.1:8082, got '" + value + "'");
    }
}
