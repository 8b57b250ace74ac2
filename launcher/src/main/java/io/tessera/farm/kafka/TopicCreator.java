package io.tessera.farm.kafka;

import io.tessera.contracts.Topics;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates every topic of {@link Topics#ALL} with its partition count and replication factor 1. */
final class TopicCreator {

    private TopicCreator() {
    }

    /** Creates the topics that do not exist yet; existing topics are left as they are. */
    static void createAll(Admin admin) throws InterruptedException {
        List<NewTopic> topics = Topics.ALL.stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1))
                .toList();
        var results = admin.createTopics(topics).values();
        for (var entry : results.entrySet()) {
            try {
                entry.getValue().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
                }
            }
        }
    }
}
