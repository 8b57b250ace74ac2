package io.tessera.farm.bench;

import io.tessera.contracts.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the farm's consumer groups still have to read of the work's topics: the sum over every group and
 * partition of the end offset minus the group's committed offset. Zero means every service has caught up: the farm is
 * idle, not still working off the events of the job before. The periodic topics (worker heartbeats, peer status, farm
 * status) are left out: they carry a record every second or so, which a group commits only now and then, so some lag
 * on them is always there and says nothing about the work.
 */
public final class ConsumerLag {

    private static final Set<String> PERIODIC = Set.of(Topics.WORKERS, Topics.COORDINATION, Topics.FARM_STATUS);

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
                if (offset.getValue() != null && !PERIODIC.contains(offset.getKey().topic())) {
                    lag += Math.max(0, ends.get(offset.getKey()).offset() - offset.getValue().offset());
                }
            }
        }
        return lag;
    }
}
