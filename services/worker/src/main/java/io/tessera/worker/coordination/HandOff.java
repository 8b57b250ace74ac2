package io.tessera.worker.coordination;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tessera.contracts.Topics;
import io.tessera.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Peer hand-off (hybrid and decentralized modes): a task record this worker cannot start (every slot busy, or the
 * worker drains) goes, unchanged, to a partition of the task topic that an idle peer consumes; the caller
 * acknowledges its own record only after the broker acknowledged the copy (acks=all), so a crash in between can
 * make two workers run the attempt (monitoring accepts the first start and fences the other off by worker) but
 * never lose it. A record carries the hand-offs it had in the {@value #HOPS} header; after {@value #MAX_HOPS} it
 * stays where it is, so a task never circles between workers whose status was stale.
 */
@ApplicationScoped
public class HandOff {

    /** The outgoing channel of handed-on task records. */
    public static final String CHANNEL = "hand-off";
    /** Header counting how often the record was handed on. */
    public static final String HOPS = "tessera-hand-offs";
    /** The most hand-offs of one record. */
    public static final int MAX_HOPS = 3;

    private static final Logger LOG = Logger.getLogger(HandOff.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final AtomicLong rotation = new AtomicLong();

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    @Inject
    PeerCoordination coordination;

    @Inject
    PeerStatusPublisher status;

    @Inject
    WorkerConfig config;

    /**
     * Hands {@code record} (task {@code taskId}, attempt {@code attempt}) to an idle peer if hand-off is on, a peer
     * states room and the record may still hop; blocks until the broker acknowledges the copy.
     *
     * @return true when the copy is on the peer's partition (acknowledge the original); false when it stays here
     */
    public boolean offer(ConsumerRecord<String, String> record, String taskId, int attempt) {
        if (!coordination.handOff()) {
            return false;
        }
        int hops = hops(record);
        if (hops >= MAX_HOPS) {
            return false;
        }
        Optional<PeerDirectory.Target> peer = coordination.peers().idlePeer();
        if (peer.isEmpty()) {
            return false;
        }
        PeerDirectory.Target target = peer.get();
        int partition = target.partitions().get((int) (rotation.getAndIncrement() % target.partitions().size()));
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!HOPS.equals(header.key())) {
                headers.add(header);
            }
        }
        headers.add(HOPS, Integer.toString(hops + 1).getBytes(StandardCharsets.UTF_8));
        Message<String> copy = Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.tasksFor(config.capability()))
                .withPartition(partition)
                .withKey(record.key())
                .withHeaders(headers)
                .build());
        try {
            emitter.sendMessage(copy).await().atMost(ACK_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warnf("Handing taskId=%s attempt=%d to worker %s failed (%s); it stays on worker %s", taskId, attempt,
                    target.workerId(), e, config.id());
            return false;
        }
        coordination.peers().reserve(target.workerId());
        status.changed();
        LOG.infof("Handed taskId=%s attempt=%d to idle worker %s (partition %d, hand-off %d) from worker %s", taskId,
                attempt, target.workerId(), partition, hops + 1, config.id());
        return true;
    }

    /** How often {@code record} was handed on so far; a header that is not a number counts as the maximum. */
    static int hops(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(HOPS);
        if (header == null) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return MAX_HOPS;
        }
    }
}
