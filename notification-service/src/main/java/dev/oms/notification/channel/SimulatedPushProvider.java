package dev.oms.notification.channel;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The push provider until a real one is configured: accepts every message and logs it, reaching no device. */
@ApplicationScoped
@DefaultBean
public class SimulatedPushProvider implements PushProvider {

    private static final Logger LOG = Logger.getLogger(SimulatedPushProvider.class);

    @Override
    public void push(Delivery delivery) {
        LOG.infof("Simulated push to customer %s: %s", delivery.customerId(), delivery.payload());
    }
}
