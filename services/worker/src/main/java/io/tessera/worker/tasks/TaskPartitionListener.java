package io.tessera.worker.tasks;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.tessera.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebalance listener of the task channel ({@code mp.messaging.incoming.tasks.consumer-rebalance-listener.name=}
 * {@value #NAME}): records which partitions of the task topic the consumer owns. Works with the cooperative
 * assignor (callbacks carry only the changed partitions) and the eager one (everything revoked, then assigned).
 * Runs on the polling thread, so it only updates a set and logs.
 */
@ApplicationScoped
@Identifier(TaskPartitionListener.NAME)
public class TaskPartitionListener implements KafkaConsumerRebalanceListener {

    /** The bean name the channel's {@code consumer-rebalance-listener.name} refers to. */
    public static final String NAME = "tasks-rebalance";

    private static final Logger LOG = Logger.getLogger(TaskPartitionListener.class);

    @Inject
    OwnedPartitions owned;

    @Inject
    WorkerConfig config;

    @ConfigProperty(name = "mp.messaging.incoming." + TaskConsumer.CHANNEL + ".topic")
    String taskTopic;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<Integer> now = owned.add(ofTaskTopic(partitions));
        if (!partitions.isEmpty()) {
            LOG.infof("Worker %s assigned %s; owns partitions %s of %s", config.id(), partitions, now, taskTopic);
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<Integer> now = owned.remove(ofTaskTopic(partitions));
        if (!partitions.isEmpty()) {
            LOG.infof("Worker %s revoked %s; owns partitions %s of %s", config.id(), partitions, now, taskTopic);
        }
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<Integer> now = owned.remove(ofTaskTopic(partitions));
        LOG.infof("Worker %s lost %s; owns partitions %s of %s", config.id(), partitions, now, taskTopic);
    }

    private List<Integer> ofTaskTopic(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(p -> p.topic().equals(taskTopic)).map(TopicPartition::partition).toList();
    }
}
