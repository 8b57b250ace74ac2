package io.tessera.farm.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path dir;

    @Test
    void startsAndServesTheTesseraDatabase() throws Exception {
        long started = System.nanoTime();
        LocalPostgres postgres = LocalPostgres.start(dir.resolve("pg"), 0, dir.resolve("postgres.log"));
        long pid;
        try {
            System.out.printf("PostgreSQL (%s) ready in %d ms%n", postgres.origin(),
                    (System.nanoTime() - started) / 1_000_000);
            pid = postgres.pid();
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(),
                    LocalPostgres.USER, LocalPostgres.PASSWORD);
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select 1, current_user, current_database()")) {
                result.next();
                assertEquals(1, result.getInt(1));
                assertEquals("tessera", result.getString(2));
                assertEquals("tessera", result.getString(3));
            }
        } finally {
            postgres.stop();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "postmaster still running");
    }
}
