package io.tessera.provisioning.scaling;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.status.WorkerScaled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes {@link WorkerScaled} events to {@code farm.provisioning.v1} (key: capability, acks=all). */
@ApplicationScoped
public class WorkerScaledPublisher {

    /** The outgoing channel of WorkerScaled events. */
    public static final String CHANNEL = "provisioning";
    static final String SOURCE = "/tessera/provisioning";

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    /** Sends the event; the Uni completes when the broker acknowledged it. */
    public Uni<Void> publish(WorkerScaled event) {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), SOURCE, event);
        Message<String> message = Message.of(envelope.data()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.PROVISIONING)
                .withKey(event.capability().id())
                .withHeaders(new RecordHeaders(envelope.headers()))
                .build());
        return emitter.sendMessage(message);
    }
}
