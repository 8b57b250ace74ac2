package io.tessera.farm;

import io.tessera.farm.kafka.EmbeddedKafka;
import io.tessera.farm.postgres.LocalPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The farm's real infrastructure: a Kafka broker with every topic created and a PostgreSQL with its database. */
public final class Infrastructure implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final LocalPostgres postgres;

    private Infrastructure(EmbeddedKafka kafka, LocalPostgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /**
     * Starts Kafka (data in {@code dir/kafka}) and PostgreSQL (data in {@code dir/postgres}) side by side, logging
     * to {@code logs/kafka.log} and {@code logs/postgres.log}; a port of 0 picks a free one.
     */
    public static Infrastructure start(Path dir, Path logs, int kafkaPort, int postgresPort)
            throws IOException, InterruptedException {
        CompletableFuture<LocalPostgres> postgres = CompletableFuture.supplyAsync(() -> {
            try {
                return LocalPostgres.start(dir.resolve("postgres"), postgresPort, logs.resolve("postgres.log"));
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(kafkaDir(dir), kafkaPort, logs.resolve("kafka.log"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            postgres.thenAccept(LocalPostgres::stop);
            throw e;
        }
        try {
            return new Infrastructure(kafka, postgres.join());
        } catch (CompletionException e) {
            kafka.stop();
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("PostgreSQL did not start", e.getCause());
        }
    }

    /**
     * {@code 127.0.0.1:<port>} of the broker last started by {@link #start} with {@code dir} (a farm's state
     * directory, {@code .farm/} for {@code ./farm up}); says nothing about whether it still runs.
     *
     * @throws IOException when no broker was ever started there
     */
    public static String bootstrapServersOf(Path dir) throws IOException {
        return EmbeddedKafka.bootstrapServersOf(kafkaDir(dir));
    }

    private static Path kafkaDir(Path dir) {
        return dir.resolve("kafka");
    }

    /** The broker. */
    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** The database server. */
    public LocalPostgres postgres() {
        return postgres;
    }

    /** {@code 127.0.0.1:<port>} of the broker. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** JDBC URL of the {@code tessera} database. */
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /** The Kafka and datasource configuration every service receives. */
    public Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        config.put("quarkus.datasource.password", LocalPostgres.PASSWORD);
        return config;
    }

    /** Stops the broker and the database server. */
    public void stop() {
        try {
            kafka.stop();
        } finally {
            postgres.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
