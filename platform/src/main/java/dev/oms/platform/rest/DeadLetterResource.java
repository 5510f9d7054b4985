package dev.oms.platform.rest;

import dev.oms.platform.messaging.DeadLetter;
import dev.oms.platform.messaging.DeadLetters;
import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.List;
import java.util.Set;

/** Admin API of the service's dead letters: list them, read one, replay one (as it was or corrected). */
@Path("/admin/dead-letters")
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The newest dead letters of this service, newest first; {@code topic} narrows to one dead-letter topic. */
    @GET
    public DeadLetterList list(@QueryParam("topic") String topic,
                               @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return new DeadLetterList(deadLetters.topics(), deadLetters.newest(topic, limit));
    }

    @GET
    @Path("/{topic}/{partition}/{offset}")
    public DeadLetter get(@PathParam("topic") String topic, @PathParam("partition") @Min(0) int partition,
                          @PathParam("offset") @Min(0) long offset) {
        return deadLetters.get(topic, partition, offset);
    }

    /**
     * Publishes the dead letter to its original topic again. An empty body replays it as it was (after a consumer
     * fix); a body is the corrected CloudEvents record to publish instead.
     */
    @POST
    @Path("/{topic}/{partition}/{offset}/replay")
    @Consumes({MediaType.APPLICATION_JSON, "application/cloudevents+json", MediaType.WILDCARD})
    public Response replay(@PathParam("topic") String topic, @PathParam("partition") @Min(0) int partition,
                           @PathParam("offset") @Min(0) long offset, byte[] correction) {
        RecordMetadata sent = deadLetters.replay(topic, partition, offset, correction);
        return Response.accepted(new Replayed(sent.topic(), sent.partition(), sent.offset())).build();
    }

    public record DeadLetterList(Set<String> topics, List<DeadLetter> items) {
    }

    public record Replayed(String topic, int partition, long offset) {
    }
}
