package dev.oms.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's name, used as the CloudEvents {@code source} of everything it publishes. */
@ApplicationScoped
public class ServiceIdentity {

    private final String name;

    public ServiceIdentity(@ConfigProperty(name = "quarkus.application.name") String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
