package io.tessera.farm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.contracts.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Where Docker exists: Testcontainers' Kafka and PostgreSQL serve the farm's topics and database. Skipped here. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureTest {

    @Test
    void containersServeTopicsAndTheDatabase() throws Exception {
        try (ContainerInfrastructure infra = ContainerInfrastructure.start()) {
            Properties producerProps = new Properties();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
            producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
            producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
            producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
                producer.send(new ProducerRecord<>(Topics.FARM_STATUS, "cpu", "hello")).get();
            }
            Properties consumerProps = new Properties();
            consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "container-test");
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            String value = null;
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
                consumer.subscribe(List.of(Topics.FARM_STATUS));
                for (int i = 0; i < 30 && value == null; i++) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                        value = record.value();
                    }
                }
            }
            assertEquals("hello", value);
            try (Connection db = DriverManager.getConnection(infra.jdbcUrl(), "tessera", "tessera");
                 ResultSet rows = db.createStatement().executeQuery("select 1")) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        }
    }
}
