package io.tessera.farm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class RealInfrastructureTest {

    @Test
    void startsOnceAndHandsServicesTheirConfiguration() throws Exception {
        RealInfrastructure first = new RealInfrastructure();
        RealInfrastructure second = new RealInfrastructure();
        Map<String, String> config = first.start();
        Path output = Path.of(config.get("tessera.output-root"));
        long broker = RealInfrastructure.shared().kafka().process().pid();
        try {
            assertEquals(config, second.start(), "a second start shares the running infrastructure");
            assertSame(RealInfrastructure.shared(), RealInfrastructure.shared());
            assertTrue(Files.isDirectory(output));
            assertEquals(config.get("quarkus.datasource.jdbc.url"), "jdbc:" + config.get("quarkus.datasource.reactive.url"));
            try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                 ResultSet result = connection.createStatement().executeQuery("select 1")) {
                assertTrue(result.next());
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.get("kafka.bootstrap.servers")))) {
                assertTrue(admin.listTopics().names().get().contains(Topics.TASKS_GPU));
            }
        } finally {
            second.stop();
            first.stop();
        }
        assertTrue(ProcessHandle.of(broker).isPresent(), "shared() pins the infrastructure until the JVM exits");
    }
}
