package io.tessera.monitoring.output;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskOutput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link OutputCommitter} on a local (or mounted shared) file system: {@code Files.move(ATOMIC_MOVE)} from the
 * attempt-private staged path to the final path. Only paths inside {@code tessera.output-root} are touched.
 */
@ApplicationScoped
public class LocalOutputCommitter implements OutputCommitter {

    private static final String STAGING = ".staging";

    private final Path root;

    @Inject
    LocalOutputCommitter(@ConfigProperty(name = "tessera.output-root") String outputRoot) {
        this(Path.of(outputRoot));
    }

    /** A committer confined to {@code root}. */
    public LocalOutputCommitter(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void commit(List<TaskOutput> outputs) {
        for (int i = 0; i < outputs.size(); i++) {
            TaskOutput output = outputs.get(i);
            Path staged = inside(output.stagedPath(), "outputs[" + i + "].stagedPath");
            Path target = inside(output.finalPath(), "outputs[" + i + "].finalPath");
            move(staged, target, i);
        }
    }

    @Override
    public void discardStaging(String outputDir, String taskId) {
        if (outputDir == null || taskId == null || taskId.isBlank() || taskId.contains("/") || taskId.contains("..")) {
            return;
        }
        Path staging = inside(outputDir, "outputDir").resolve(STAGING).resolve(taskId).normalize();
        if (!staging.startsWith(root) || !Files.isDirectory(staging)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(staging)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete staging directory " + staging, e);
        }
    }

    @Override
    public void discardStaged(List<TaskOutput> outputs) {
        for (TaskOutput output : outputs) {
            Path staged;
            try {
                staged = inside(output.stagedPath(), "stagedPath");
            } catch (InvalidEventException notOurs) {
                continue;
            }
            Path staging = stagingDirOf(staged);
            if (staging == null) {
                continue;
            }
            try {
                Files.deleteIfExists(staged);
                for (Path dir = staged.getParent(); dir != null && !dir.equals(staging); dir = dir.getParent()) {
                    if (!deleteIfEmpty(dir)) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete staged file " + staged, e);
            }
        }
    }

    /** The {@code .staging} directory {@code path} lies in (below), or null when it is not inside one. */
    private static Path stagingDirOf(Path path) {
        for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
            if (dir.getFileName() != null && STAGING.equals(dir.getFileName().toString())) {
                return dir;
            }
        }
        return null;
    }

    private static boolean deleteIfEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                return false;
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (java.nio.file.DirectoryNotEmptyException raced) {
            return false;
        }
        return true;
    }

    private void move(Path staged, Path target, int index) {
        if (!Files.exists(staged)) {
            if (Files.exists(target)) {
                return;
            }
            throw new InvalidEventException("outputs[" + index + "].stagedPath: file does not exist and was not"
                    + " committed before (" + staged + ")");
        }
        try {
            Files.createDirectories(target.getParent());
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            if (!Files.exists(target)) {
                throw new UncheckedIOException("could not commit " + staged + " to " + target, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not commit " + staged + " to " + target, e);
        }
    }

    private Path inside(String path, String field) {
        if (path == null || path.isBlank()) {
            throw new InvalidEventException(field + ": is required");
        }
        Path resolved;
        try {
            resolved = Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidEventException(field + ": is not a valid path");
        }
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new InvalidEventException(field + ": must be inside the output root " + root + ", was " + path);
        }
        return resolved;
    }
}
