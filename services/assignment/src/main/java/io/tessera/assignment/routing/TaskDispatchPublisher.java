package io.tessera.assignment.routing;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tessera.contracts.envelope.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends TaskDispatched records to the topic of their capability with {@code acks=all}. */
@ApplicationScoped
public class TaskDispatchPublisher {

    /** The outgoing channel of the per-capability task topics; the topic is set per record. */
    public static final String CHANNEL = "tasks-dispatched";

    private final MutinyEmitter<String> emitter;
    private final String source;

    TaskDispatchPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter,
                          @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.emitter = emitter;
        this.source = "/tessera/" + applicationName;
    }

    /** Sends the dispatch; completes when the broker acked it. */
    public Uni<Void> publish(CapabilityRouter.Dispatch dispatch) {
        EventEnvelope envelope = EventEnvelope.of(dispatch.eventId(), source, dispatch.event());
        Message<String> message = Message.of(envelope.data())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(dispatch.topic())
                        .withKey(dispatch.key())
                        .withHeaders(new RecordHeaders(envelope.headers()))
                        .build());
        return emitter.sendMessage(message);
    }
}
