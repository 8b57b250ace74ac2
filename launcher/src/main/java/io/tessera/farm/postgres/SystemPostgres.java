package io.tessera.farm.postgres;

import io.tessera.farm.process.ProcessControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL from the machine's own binaries. initdb and postgres refuse to run as root, so as root the data
 * directory is handed to the {@code postgres} user and both run through {@code runuser -u postgres --}.
 */
final class SystemPostgres implements PostgresServer {

    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path dataDir;
    private final Process process;
    private final Path logFile;

    private SystemPostgres(Path bin, Path dataDir, Process process, Path logFile) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.process = process;
        this.logFile = logFile;
    }

    static SystemPostgres start(Path bin, Path dataDir, int port, Path logFile)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        if (isRoot()) {
            handToPostgresUser(dataDir);
        }
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"), logFile);
        }
        Process process = new ProcessBuilder(asPostgresUser(List.of(bin.resolve("postgres").toString(),
                "-D", dataDir.toString(), "-p", String.valueOf(port), "-h", "127.0.0.1", "-k", "",
                "-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return new SystemPostgres(bin, dataDir, process, logFile);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public long pid() {
        long pid = PostmasterPid.read(dataDir);
        return pid > 0 ? pid : process.pid();
    }

    @Override
    public String origin() {
        return bin.toString();
    }

    @Override
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", dataDir.toString(), "-m", "fast", "-w"),
                    logFile);
        } catch (IOException pgCtlFailed) {
            ProcessControl.terminate(process.toHandle(), ProcessControl.GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessControl.terminate(process.toHandle(), ProcessControl.GRACE);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asPostgresUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", OS_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void handToPostgresUser(Path dataDir) throws IOException {
        UserPrincipalLookupService users = dataDir.getFileSystem().getUserPrincipalLookupService();
        GroupPrincipal group = users.lookupPrincipalByGroupName(OS_USER);
        Files.setOwner(dataDir, users.lookupPrincipalByName(OS_USER));
        Files.getFileAttributeView(dataDir, PosixFileAttributeView.class).setGroup(group);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        for (Path dir = dataDir.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            if (permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                continue;
            }
            if (!dir.startsWith(tmp) || dir.equals(tmp)) {
                throw new IOException(dir + " is not searchable by the postgres user: chmod o+x it or choose "
                        + "another state directory");
            }
            // a temporary directory of ours (e.g. a test's): let the postgres user pass through, not list it
            Set<PosixFilePermission> searchable = EnumSet.copyOf(permissions);
            searchable.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(dir, searchable);
        }
    }

    private static void run(List<String> command, Path logFile) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(asPostgresUser(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + ProcessControl.tail(logFile, 20));
        }
    }
}
