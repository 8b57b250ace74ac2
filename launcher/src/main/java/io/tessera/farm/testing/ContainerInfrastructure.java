package io.tessera.farm.testing;

import io.tessera.contracts.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Kafka and PostgreSQL from Testcontainers, for machines with Docker: the same configuration map as
 * {@link RealInfrastructure}, so every component test runs unchanged against containers when
 * {@code -Dtessera.test.infrastructure=testcontainers} is set. Without Docker it is never used.
 */
public final class ContainerInfrastructure implements AutoCloseable {

    /** The system property that selects this infrastructure. */
    public static final String SELECTOR = "tessera.test.infrastructure";

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;

    private ContainerInfrastructure(KafkaContainer kafka, PostgreSQLContainer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** True when containers were asked for and a Docker engine answers. */
    public static boolean requested() {
        return "testcontainers".equals(System.getProperty(SELECTOR)) && dockerAvailable();
    }

    /** True when a Docker engine answers. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Starts both containers and creates every topic of {@link Topics#ALL}. */
    public static ContainerInfrastructure start() throws Exception {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15")
                .withDatabaseName("tessera").withUsername("tessera").withPassword("tessera");
        kafka.start();
        postgres.start();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)).toList();
            admin.createTopics(topics).all().get();
        }
        return new ContainerInfrastructure(kafka, postgres);
    }

    /** {@code host:port} of the Kafka container. */
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    /** JDBC URL of the PostgreSQL container's {@code tessera} database. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    /** The configuration services need, keyed like {@link RealInfrastructure#start()}. */
    public Map<String, String> serviceConfig() {
        String hostPort = postgres.getHost() + ":" + postgres.getMappedPort(5432);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        config.put("quarkus.datasource.reactive.url", "postgresql://" + hostPort + "/tessera");
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", "tessera");
        config.put("quarkus.datasource.password", "tessera");
        return config;
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
