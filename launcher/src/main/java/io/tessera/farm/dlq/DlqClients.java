package io.tessera.farm.dlq;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Kafka clients of the dead-letter tools: short timeouts, so an unreachable broker is reported, not waited for. */
final class DlqClients {

    private static final int REQUEST_TIMEOUT_MS = 10_000;
    private static final int API_TIMEOUT_MS = 20_000;

    private DlqClients() {
    }

    static Admin admin(String bootstrapServers) {
        return withOwnLoader(() -> Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS)));
    }

    /**
     * A consumer that never commits by itself; with a {@code groupId} it can read and commit that group's offsets
     * (it is used with {@code assign}, so it never joins the group), without one it leaves no trace at all.
     */
    static KafkaConsumer<String, String> consumer(String bootstrapServers, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return withOwnLoader(() -> new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer()));
    }

    /**
     * A producer with {@code acks=all} and without the idempotent producer (OCI Streaming has none); one request
     * in flight, so retries keep the dead letters' order.
     */
    static KafkaProducer<String, String> producer(String bootstrapServers) {
        return withOwnLoader(() -> new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, API_TIMEOUT_MS),
                new StringSerializer(), new StringSerializer()));
    }

    /**
     * Kafka loads its metrics reporters through the context class loader, which inside a Quarkus test may hold a
     * second copy of kafka-clients; create clients with the loader that loaded this class.
     */
    private static <T> T withOwnLoader(Supplier<T> create) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DlqClients.class.getClassLoader());
        try {
            return create.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
