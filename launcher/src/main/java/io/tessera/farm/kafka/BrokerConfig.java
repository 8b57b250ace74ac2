package io.tessera.farm.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Writes the KRaft {@code server.properties} and log4j2 configuration of a single-node broker. */
final class BrokerConfig {

    private BrokerConfig() {
    }

    /** Writes {@code server.properties} into {@code dir} and returns its path. */
    static Path writeServerProperties(Path dir, int port, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dir.resolve("data").toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("log.retention.hours", "24");
        p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        Path file = dir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "Tessera embedded single-node KRaft broker");
        }
        return file;
    }

    /**
     * {@code host:port} of the PLAINTEXT listener that {@link #writeServerProperties} last wrote into {@code dir}
     * (the broker rewrites it on every start, with the port it got).
     *
     * @throws IOException when {@code dir} holds no {@code server.properties}
     * @throws IllegalStateException when the file names no PLAINTEXT listener
     */
    static String readBootstrapServers(Path dir) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("server.properties"))) {
            p.load(in);
        }
        String listeners = p.getProperty("advertised.listeners", "");
        for (String listener : listeners.split(",")) {
            String trimmed = listener.trim();
            if (trimmed.startsWith("PLAINTEXT://")) {
                return trimmed.substring("PLAINTEXT://".length());
            }
        }
        throw new IllegalStateException(dir.resolve("server.properties")
                + ": advertised.listeners names no PLAINTEXT listener: '" + listeners + "'");
    }

    /** Writes a log4j2 configuration that logs warnings, plus the broker's start and stop, to stdout. */
    static Path writeLog4j(Path dir) throws IOException {
        Path file = dir.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.out.ref = out",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = info",
                "logger.broker.name = kafka.server.BrokerServer",
                "logger.broker.level = info",
                ""));
        return file;
    }
}
