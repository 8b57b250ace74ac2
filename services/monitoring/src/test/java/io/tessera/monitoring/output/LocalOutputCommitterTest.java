package io.tessera.monitoring.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalOutputCommitterTest {

    @TempDir
    Path root;

    private Path staged(Path jobDir, int attempt, String name, byte[] bytes) throws Exception {
        Path file = jobDir.resolve(".staging/job-t00000/attempt-" + attempt).resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    @Test
    void commitMovesStagedFilesToTheirFinalPath() throws Exception {
        Path jobDir = root.resolve("job");
        Path staged = staged(jobDir, 1, "frame_0001.png", new byte[] {1, 2, 3});
        Path target = jobDir.resolve("frame_0001.png");
        LocalOutputCommitter committer = new LocalOutputCommitter(root);

        committer.commit(List.of(new TaskOutput(1, staged.toString(), target.toString())));

        assertFalse(Files.exists(staged));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    }

    @Test
    void committingTwiceIsIdempotent() throws Exception {
        Path jobDir = root.resolve("job");
        Path staged = staged(jobDir, 1, "frame_0001.png", new byte[] {7});
        Path target = jobDir.resolve("frame_0001.png");
        List<TaskOutput> outputs = List.of(new TaskOutput(1, staged.toString(), target.toString()));
        LocalOutputCommitter committer = new LocalOutputCommitter(root);

        committer.commit(outputs);
        committer.commit(outputs);

        assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
    }

    @Test
    void missingStagedAndFinalFileIsRejected() {
        Path jobDir = root.resolve("job");
        LocalOutputCommitter committer = new LocalOutputCommitter(root);
        List<TaskOutput> outputs = List.of(new TaskOutput(1, jobDir.resolve("nope.png").toString(),
                jobDir.resolve("frame_0001.png").toString()));

        assertThrows(InvalidEventException.class, () -> committer.commit(outputs));
    }

    @Test
    void refusesPathsOutsideTheOutputRoot() throws Exception {
        Path jobDir = root.resolve("out/job");
        Path staged = staged(jobDir, 1, "frame_0001.png", new byte[] {1});
        LocalOutputCommitter committer = new LocalOutputCommitter(root.resolve("out"));

        InvalidEventException outside = assertThrows(InvalidEventException.class, () -> committer.commit(List.of(
                new TaskOutput(1, staged.toString(), root.resolve("elsewhere/frame_0001.png").toString()))));
        assertTrue(outside.getMessage().startsWith("outputs[0].finalPath: must be inside the output root"));
        assertThrows(InvalidEventException.class, () -> committer.commit(List.of(
                new TaskOutput(1, staged.toString(), jobDir.resolve("../../escape.png").toString()))));
        assertThrows(InvalidEventException.class, () -> committer.commit(List.of(
                new TaskOutput(1, "/etc/passwd", jobDir.resolve("frame_0001.png").toString()))));
        assertTrue(Files.exists(staged));
        assertFalse(Files.exists(root.resolve("escape.png")));
    }

    @Test
    void discardStagingDeletesEveryAttemptOfTheTaskOnly() throws Exception {
        Path jobDir = root.resolve("job");
        staged(jobDir, 1, "frame_0001.png", new byte[] {1});
        staged(jobDir, 2, "frame_0001.png", new byte[] {2});
        Path otherTask = jobDir.resolve(".staging/job-t00001/attempt-1/frame_0002.png");
        Files.createDirectories(otherTask.getParent());
        Files.write(otherTask, new byte[] {3});
        LocalOutputCommitter committer = new LocalOutputCommitter(root);

        committer.discardStaging(jobDir.toString(), "job-t00000");

        assertFalse(Files.exists(jobDir.resolve(".staging/job-t00000")));
        assertTrue(Files.exists(otherTask));
    }

    @Test
    void discardingAnIgnoredAttemptDeletesOnlyItsStagedFilesAndItsEmptyDirectories() throws Exception {
        Path jobDir = root.resolve("job");
        Path ignored = staged(jobDir, 1, "frame_0001.png", new byte[] {1});
        Path current = staged(jobDir, 2, "frame_0001.png", new byte[] {2});
        Path committed = jobDir.resolve("frame_0001.png");
        Files.write(committed, new byte[] {3});
        LocalOutputCommitter committer = new LocalOutputCommitter(root);

        committer.discardStaged(List.of(new TaskOutput(1, ignored.toString(), committed.toString()),
                new TaskOutput(1, committed.toString(), committed.toString())));

        assertFalse(Files.exists(ignored.getParent()), "the ignored attempt's directory is gone");
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(current), "another attempt's staged file stays");
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(committed), "a path outside .staging is never deleted");

        committer.discardStaged(List.of(new TaskOutput(1, current.toString(), committed.toString())));
        assertFalse(Files.exists(jobDir.resolve(".staging/job-t00000")), "the task's empty staging directory too");
        assertTrue(Files.isDirectory(jobDir.resolve(".staging")));
        committer.discardStaged(List.of(new TaskOutput(1, current.toString(), committed.toString())));
    }
}
