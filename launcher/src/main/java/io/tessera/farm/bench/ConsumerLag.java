package io.tessera.farm.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the farm's consumer groups still have to read: the sum over every group and partition of the end
 * offset minus the group's committed offset. Zero means every service has caught up: the farm is idle, not still
 * working off the events of the job before.
 */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /**
     * Waits until no consumer group lags (checked every 200 ms with one admin client), at most {@code timeout};
     * returns the lag last seen (0 when the farm caught up).
     */
    public static long awaitCaughtUp(String bootstrapServers, Duration timeout)
            throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long lag = total(admin);
            while (lag > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                lag = total(admin);
            }
            return lag;
        }
    }

    /** The lag of every consumer group now. */
    private static long total(Admin admin) throws ExecutionException, InterruptedException {
        long lag = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            offsets.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : offsets.entrySet()) {
                if (offset.getValue() != null) {
                    lag += Math.max(0, ends.get(offset.getKey()).offset() - offset.getValue().offset());
                }
            }
        }
        return lag;
    }
}
