package io.tessera.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

/**
 * What a chaos scenario left behind, as a user would check it: the job's final state, its tasks, the files in its
 * output directory and the acceptances monitoring published.
 *
 * @param jobState          the job's final state
 * @param tasks             tasks of the job
 * @param notSucceeded      tasks not SUCCEEDED at the end ({@code taskId state attempt worker})
 * @param lostFrames        frames without a decodable file of the requested size, or whose task did not succeed
 * @param extraEntries      entries of the output directory that are neither an expected frame nor {@code .staging}
 * @param acceptedTwice     tasks with more than one SUCCEEDED status change on {@code farm.job-status.v1}
 * @param retriedTasks      tasks whose accepted attempt is not the first
 * @param lateEventsIgnored TaskCompleted events of an attempt other than the accepted one (ignored by monitoring),
 *                          -1 when not read
 * @param stagingLeftovers  files left under {@code .staging/} (never committed)
 * @param recoverySeconds   from the last fault to the job's completion, -1 when it did not complete
 */
record ChaosOutcome(String jobState, int tasks, List<String> notSucceeded, Set<Integer> lostFrames,
                    List<String> extraEntries, Set<String> acceptedTwice, int retriedTasks, int lateEventsIgnored,
                    int stagingLeftovers, double recoverySeconds) {

    /** Frames lost. */
    int lost() {
        return lostFrames.size();
    }

    /** Outputs or acceptances that exist twice. */
    int duplicated() {
        return extraEntries.size() + acceptedTwice.size();
    }

    /** The end-of-scenario checks: completed, every task succeeded once, every frame once, nothing else. */
    void assertClean() {
        assertEquals("COMPLETED", jobState, "job state; tasks not succeeded: " + notSucceeded);
        assertEquals(List.of(), notSucceeded, "tasks not SUCCEEDED (none may be left RUNNING)");
        assertEquals(Set.of(), lostFrames, "frames lost");
        assertEquals(List.of(), extraEntries, "output entries besides the expected frames");
        assertEquals(Set.of(), acceptedTwice, "tasks accepted (SUCCEEDED) more than once");
    }

    /**
     * The checks for a job meant to FAIL: no task left unfinished, every SUCCEEDED task's frame there once, nothing
     * committed for a task that did not succeed, no task accepted twice.
     */
    void assertNothingLostOrDuplicated() {
        assertEquals(Set.of(), lostFrames, "frames lost (of SUCCEEDED tasks, or of tasks left unfinished)");
        assertEquals(List.of(), extraEntries, "output entries besides the frames of the SUCCEEDED tasks");
        assertEquals(Set.of(), acceptedTwice, "tasks accepted (SUCCEEDED) more than once");
    }

    /** One cell summarising a failed check for the table. */
    String result() {
        if (!"COMPLETED".equals(jobState)) {
            return "job " + jobState;
        }
        if (!notSucceeded.isEmpty() || !lostFrames.isEmpty() || duplicated() > 0) {
            return "FAIL";
        }
        return "pass";
    }
}
