package io.tessera.worker.events;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tessera.contracts.envelope.EventEnvelope;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Builds the Kafka message of an envelope (topic, key, CloudEvents headers) and sends it through an emitter. */
public final class KafkaSender {

    /** The {@code ce_source} of every event this service publishes. */
    public static final String SOURCE = "/tessera/worker";

    private KafkaSender() {
    }

    /** A Uni that sends the envelope when subscribed and completes on the broker's ack. */
    public static Uni<Void> send(MutinyEmitter<String> emitter, String topic, String key, EventEnvelope envelope) {
        Message<String> message = Message.of(envelope.data()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(new RecordHeaders(envelope.headers()))
                .build());
        return emitter.sendMessage(message);
    }
}
