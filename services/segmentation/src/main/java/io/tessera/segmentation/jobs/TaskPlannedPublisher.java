package io.tessera.segmentation.jobs;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.segmentation.SegmentationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes TaskPlanned events to {@code farm.tasks.planned.v1} (key jobId, ce_id {@code task:{taskId}:planned})
 * with {@code acks=all}. The ids are derived from the task, so a re-publication is deduped downstream.
 */
@ApplicationScoped
public class TaskPlannedPublisher {

    /** The outgoing channel of {@code farm.tasks.planned.v1}. */
    public static final String CHANNEL = "tasks-planned";

    private final MutinyEmitter<String> emitter;
    private final String source;
    private final int concurrency;

    TaskPlannedPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter,
                         @ConfigProperty(name = "quarkus.application.name") String applicationName,
                         SegmentationConfig config) {
        this.emitter = emitter;
        this.source = "/tessera/" + applicationName;
        this.concurrency = config.publishConcurrency();
    }

    /** The CloudEvents id of a TaskPlanned. */
    public static String eventId(TaskPlanned task) {
        return "task:" + task.taskId() + ":planned";
    }

    /** Sends every task; completes when the broker acked all of them, fails if any send failed. */
    public Uni<Void> publish(List<TaskPlanned> tasks) {
        List<Uni<Void>> sends = tasks.stream().map(this::send).toList();
        return Uni.join().all(sends).usingConcurrencyOf(concurrency).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(TaskPlanned task) {
        EventEnvelope envelope = EventEnvelope.of(eventId(task), source, task);
        Message<String> message = Message.of(envelope.data())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(Topics.TASKS_PLANNED)
                        .withKey(task.jobId())
                        .withHeaders(new RecordHeaders(envelope.headers()))
                        .build());
        return emitter.sendMessage(message);
    }
}
