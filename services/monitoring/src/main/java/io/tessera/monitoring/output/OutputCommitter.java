package io.tessera.monitoring.output;

import io.tessera.contracts.tasks.TaskOutput;
import java.util.List;

/**
 * Makes an accepted attempt's staged images final. Implementations must be idempotent: committing the same
 * outputs again (a redelivered TaskCompleted) succeeds without changing anything. Calls block (file or network
 * I/O): never call them on an event-loop thread.
 */
public interface OutputCommitter {

    /**
     * Moves every output from its staged path to its final path atomically.
     *
     * @throws io.tessera.contracts.envelope.InvalidEventException when a path lies outside the output root or an
     *                                                             output exists neither staged nor final
     */
    void commit(List<TaskOutput> outputs);

    /** Deletes the staging area of every attempt of the task ({@code {outputDir}/.staging/{taskId}}). */
    void discardStaging(String outputDir, String taskId);

    /**
     * Deletes the staged files of an attempt whose result was not accepted (a late or duplicate TaskCompleted), and
     * their directories once empty. Only files inside a {@code .staging} directory under the output root are
     * touched; anything else listed is left alone. Idempotent.
     */
    void discardStaged(List<TaskOutput> outputs);
}
