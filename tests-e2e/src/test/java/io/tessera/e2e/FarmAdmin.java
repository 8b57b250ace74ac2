package io.tessera.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker knows about the farm, as an operator's Kafka Admin client sees it: which consumer groups read a
 * topic and how far they got, and which producers left idempotent-producer state on a partition.
 */
public final class FarmAdmin implements AutoCloseable {

    private final Admin admin;

    public FarmAdmin(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** How many records the farm's dead-letter topics ({@code <topic>.dlq}) hold, all together. */
    public long deadLetters() throws Exception {
        Set<String> dlqs = admin.listTopics().names().get().stream().filter(name -> name.endsWith(".dlq"))
                .collect(Collectors.toSet());
        if (dlqs.isEmpty()) {
            return 0;
        }
        return admin.listOffsets(partitions(dlqs).stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    /** Every partition of {@code topics}. */
    List<TopicPartition> partitions(Collection<String> topics) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        return partitions;
    }

    /**
     * The producers the broker tracks on each partition of {@code topics}: only idempotent (or transactional)
     * producers have a producer id and leave such state; a producer with idempotence off leaves none.
     */
    Map<TopicPartition, List<ProducerState>> producers(Collection<String> topics) throws Exception {
        Map<TopicPartition, List<ProducerState>> producers = new TreeMap<>(
                (a, b) -> a.toString().compareTo(b.toString()));
        admin.describeProducers(partitions(topics)).all().get()
                .forEach((partition, state) -> producers.put(partition, state.activeProducers()));
        return producers;
    }

    /** The consumer groups with live members (the farm's services and workers) and the topics each reads. */
    Map<String, Set<String>> liveGroupsByTopic() throws Exception {
        List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                .map(GroupListing::groupId).filter(id -> !id.startsWith("e2e-")).toList();
        Map<String, Set<String>> byTopic = new TreeMap<>();
        for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get().values()) {
            if (group.members().isEmpty()) {
                continue;
            }
            group.members().forEach(member -> member.assignment().topicPartitions().forEach(partition ->
                    byTopic.computeIfAbsent(partition.topic(), t -> new TreeSet<>()).add(group.groupId())));
        }
        return byTopic;
    }

    /**
     * Waits until every live group reading one of {@code topics} has committed every partition up to where it
     * ended when this was called (records produced later, such as heartbeats, do not count), i.e. no consumer is
     * stuck behind a record; fails naming the lagging groups and partitions.
     */
    void awaitCaughtUp(Collection<String> topics, Duration timeout) throws Exception {
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(partitions(topics).stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Long> lag = lag(ends);
        while (!lag.isEmpty() && Instant.now().isBefore(deadline)) {
            JobsApi.sleep(500);
            lag = lag(ends);
        }
        if (!lag.isEmpty()) {
            throw new AssertionError("consumers stalled (group topic-partition: records behind): " + lag);
        }
    }

    private Map<String, Long> lag(Map<TopicPartition, Long> ends) throws Exception {
        Map<String, Long> behind = new TreeMap<>();
        for (Map.Entry<String, Set<String>> topic : liveGroupsByTopic().entrySet()) {
            for (String group : topic.getValue()) {
                Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
                ends.forEach((partition, end) -> {
                    if (partition.topic().equals(topic.getKey())) {
                        OffsetAndMetadata offset = committed.get(partition);
                        long position = offset == null ? 0 : offset.offset();
                        if (position < end) {
                            behind.put(group + " " + partition, end - position);
                        }
                    }
                });
            }
        }
        return behind;
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) throws InterruptedException {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of group " + group, e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
