package io.tessera.farm.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @TempDir
    Path dir;

    @Test
    void startsBrokerWithEveryTopicAndRoundTripsARecord() throws Exception {
        long started = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, dir.resolve("kafka.log"));
        ProcessHandle broker = kafka.process();
        try {
            System.out.printf("broker ready with topics in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            try (Admin admin = kafka.admin()) {
                Set<String> names = admin.listTopics().names().get();
                Topics.ALL.forEach(spec -> assertTrue(names.contains(spec.name()), spec.name()));
                TopicDescription cpu = admin.describeTopics(List.of(Topics.TASKS_CPU)).allTopicNames().get()
                        .get(Topics.TASKS_CPU);
                assertEquals(Topics.TASK_TOPIC_PARTITIONS, cpu.partitions().size());
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    "bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.JOBS, "job-1", "hello farm")).get();
            }
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    "bootstrap.servers", kafka.bootstrapServers(), "group.id", "embedded-kafka-test",
                    "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.JOBS));
                String value = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (value == null && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    for (var record : records) {
                        value = record.value();
                    }
                }
                assertEquals("hello farm", value);
            }
        } finally {
            kafka.stop();
        }
        assertFalse(broker.isAlive(), "broker process still running after stop");
    }
}
