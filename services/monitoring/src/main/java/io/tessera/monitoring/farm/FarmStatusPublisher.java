package io.tessera.monitoring.farm;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.status.FarmStatus;
import io.tessera.messaging.outbox.Outbox;
import io.tessera.monitoring.MonitoringConfig;
import io.tessera.monitoring.PeriodicJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes a FarmStatus per capability every {@code tessera.monitoring.farm-status-interval} to
 * {@code farm.farm-status.v1} (key: capability). A periodic fact: sent directly, with a random {@code ce_id}.
 */
@ApplicationScoped
public class FarmStatusPublisher {

    /** The outgoing channel of {@code farm.farm-status.v1}. */
    public static final String CHANNEL = "farm-status";

    private final MutinyEmitter<String> emitter;
    private final FarmStatusService farm;
    private final String source;
    private PeriodicJob job;

    FarmStatusPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, FarmStatusService farm, Outbox outbox) {
        this.emitter = emitter;
        this.farm = farm;
        this.source = outbox.source();
    }

    void start(@Observes StartupEvent event, MonitoringConfig config) {
        job = PeriodicJob.start("farm-status", config.farmStatusInterval(), this::publish);
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** Computes and sends the farm status of every capability. */
    public Uni<Void> publish() {
        return farm.snapshot().chain(this::sendAll);
    }

    private Uni<Void> sendAll(List<FarmStatus> statuses) {
        List<Uni<Void>> sends = statuses.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(FarmStatus status) {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), source, status);
        Message<String> message = Message.of(envelope.data()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.FARM_STATUS)
                .withKey(status.capability().id())
                .withHeaders(new RecordHeaders(envelope.headers()))
                .build());
        return emitter.sendMessage(message);
    }
}
