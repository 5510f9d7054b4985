package dev.oms.events;

import java.util.UUID;

/**
 * Payload of every OMS event and command. Each event is keyed and subjected by its order id, so all
 * facts about one order land in one partition, in order. The CloudEvents type is derived from the
 * record name: {@code oms.<RecordName>.v1}. Every implementation is listed in {@link EventTypes#ALL}.
 */
public interface OmsEvent {

    UUID orderId();
}
