package io.tessera.farm.testing;

import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain kafka-clients access to the broker of {@link RealInfrastructure#shared()} for the services' tests:
 * produce events with their CloudEvents headers or raw records, and read topics from their beginning.
 * Every read sees the whole topic, so a test finds its records by key or header, never by position.
 */
public final class KafkaTestClient {

    /** The {@code ce_source} of the events {@link #produce(String, String, String, TesseraEvent)} sends. */
    public static final String TEST_SOURCE = "/tessera/test";

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_ALL_TIMEOUT = Duration.ofSeconds(10);

    private static KafkaProducer<String, String> producer;
    private static String producerServers;

    private KafkaTestClient() {
    }

    /** Produces {@code event} with ce_id {@code ceId} and source {@link #TEST_SOURCE}; waits for the ack. */
    public static void produce(String topic, String key, String ceId, TesseraEvent event) {
        produce(EventEnvelope.of(ceId, TEST_SOURCE, event).toRecord(topic, key));
    }

    /** Produces a plain record without headers; waits for the ack. */
    public static void produce(String topic, String key, String value) {
        produce(new ProducerRecord<>(topic, key, value));
    }

    /** Produces a plain record of raw bytes without headers (say, text that is not UTF-8); waits for the ack. */
    public static void produceBytes(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> bytes = withFarmLoader(() -> new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false),
                new StringSerializer(), new ByteArraySerializer()))) {
            bytes.send(new ProducerRecord<>(topic, key, value)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /** Produces {@code record} as it is (for example {@code EventEnvelope.of(..).toRecord(..)}); waits for the ack. */
    public static void produce(ProducerRecord<String, String> record) {
        try {
            producer().send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing to " + record.topic(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + record.topic(), e);
        }
    }

    /** The first record of {@code topic} that passes {@code filter}; fails when none arrives within {@code timeout}. */
    public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> filter,
                                                       Duration timeout) {
        return readUntil(topic, filter, found -> !found.isEmpty(), timeout).get(0);
    }

    /**
     * Reads {@code topic} until {@code done} holds for the records that passed {@code filter} (checked after every
     * poll) and returns them; fails when it does not hold within {@code timeout}.
     */
    public static List<ConsumerRecord<String, String>> readUntil(String topic,
                                                                 Predicate<ConsumerRecord<String, String>> filter,
                                                                 Predicate<List<ConsumerRecord<String, String>>> done,
                                                                 Duration timeout) {
        List<ConsumerRecord<String, String>> matches = new ArrayList<>();
        try (TopicReader reader = reader(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                reader.pollInto(filter, matches);
                if (done.test(matches)) {
                    return matches;
                }
            }
        }
        throw new AssertionError("timed out after " + timeout + " reading " + topic + "; matching so far: "
                + matches.stream().map(r -> header(r, CloudEventHeaders.ID) + "=" + r.value()).toList());
    }

    /**
     * Reads {@code topic} until {@code count} records passed {@code filter} or {@code timeout} passed, and returns
     * them: fewer than {@code count} when the time ran out, so a test can also assert that nothing came.
     */
    public static List<ConsumerRecord<String, String>> read(String topic,
                                                            Predicate<ConsumerRecord<String, String>> filter,
                                                            int count, Duration timeout) {
        return read(topic, filter, count, timeout, Duration.ZERO);
    }

    /**
     * Like {@link #read(String, Predicate, int, Duration)}, then keeps reading for {@code settle} to catch records
     * beyond the {@code count} expected ones (duplicates, for instance); returns every match.
     */
    public static List<ConsumerRecord<String, String>> read(String topic,
                                                            Predicate<ConsumerRecord<String, String>> filter,
                                                            int count, Duration timeout, Duration settle) {
        List<ConsumerRecord<String, String>> matches = new ArrayList<>();
        try (TopicReader reader = reader(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matches.size() < count && System.nanoTime() < deadline) {
                reader.pollInto(filter, matches);
            }
            long settled = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settled) {
                reader.pollInto(filter, matches);
            }
        }
        return matches;
    }

    /** Every record {@code topic} holds now: reads until the end offsets taken when it starts. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (TopicReader reader = reader(topic)) {
            Map<TopicPartition, Long> ends = reader.endOffsets();
            long deadline = System.nanoTime() + READ_ALL_TIMEOUT.toNanos();
            while (!reader.reached(ends)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " up to " + ends + " within "
                            + READ_ALL_TIMEOUT + "; read " + records.size() + " records");
                }
                reader.pollInto(record -> true, records);
            }
        }
        return records;
    }

    /** A header of {@code record} as UTF-8 text, null when absent. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        return EventEnvelope.header(record.headers(), name);
    }

    private static TopicReader reader(String topic) {
        return new TopicReader(topic, RealInfrastructure.shared().bootstrapServers());
    }

    /** One producer per JVM and broker: tests produce many records and a producer takes a while to connect. */
    private static synchronized KafkaProducer<String, String> producer() {
        String servers = RealInfrastructure.shared().bootstrapServers();
        if (producer == null || !servers.equals(producerServers)) {
            if (producer != null) {
                producer.close(Duration.ZERO);
            }
            producer = withFarmLoader(() -> new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false),
                    new StringSerializer(), new StringSerializer()));
            producerServers = servers;
        }
        return producer;
    }

    /**
     * Creates a Kafka client with the context class loader set to the one that loaded this class. Kafka loads its
     * metrics reporters through the context class loader, and inside a Quarkus test that loader may hold a second
     * copy of kafka-clients (see {@code EmbeddedKafka#admin()}).
     */
    static <T> T withFarmLoader(Supplier<T> create) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaTestClient.class.getClassLoader());
        try {
            return create.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
