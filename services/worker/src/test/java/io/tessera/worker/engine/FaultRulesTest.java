package io.tessera.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.tasks.TaskKind;
import io.tessera.worker.staging.StagingPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultRulesTest {

    @Test
    void parsesEveryRuleInOrder() {
        FaultRules faults = FaultRules.parse("fail:frame=7:attempts=2, hang:attempts=1:frame=11,"
                + "FAIL:frame=9:attempts=always");
        assertEquals(List.of(
                new FaultRule(FaultRule.Action.FAIL, 7, 2, "fail:frame=7:attempts=2"),
                new FaultRule(FaultRule.Action.HANG, 11, 1, "hang:attempts=1:frame=11"),
                new FaultRule(FaultRule.Action.FAIL, 9, FaultRule.ALWAYS, "FAIL:frame=9:attempts=always")),
                faults.rules());
    }

    @Test
    void aRuleAffectsTheAttemptsUpToItsCountOfEveryTaskCoveringItsFrame() {
        FaultRules faults = FaultRules.parse("fail:frame=7:attempts=2,hang:frame=20:attempts=always");
        assertEquals(Optional.of(7), frameAffecting(faults, 7, 7, 1));
        assertEquals(Optional.of(7), frameAffecting(faults, 5, 8, 2), "a chunk of frames 5-8 covers frame 7");
        assertEquals(Optional.empty(), frameAffecting(faults, 7, 7, 3), "attempt 3 renders");
        assertEquals(Optional.empty(), frameAffecting(faults, 8, 19, 1), "no rule names frames 8-19");
        assertEquals(Optional.of(20), frameAffecting(faults, 20, 20, 1000), "always");
    }

    @Test
    void aBadSpecIsRejectedNamingThePropertyTheRuleAndWhatIsWrong() {
        assertRejected("fail:frame=7:attempts=2,explode:frame=8:attempts=1",
                "tessera.worker.faults: rule 2 'explode:frame=8:attempts=1': must start with fail or hang,"
                        + " was 'explode'");
        assertRejected("fail:attempts=2", "rule 1 'fail:attempts=2': frame is required");
        assertRejected("hang:frame=3", "rule 1 'hang:frame=3': attempts is required");
        assertRejected("fail:frame=0:attempts=1", "frame must be a whole number of at least 1, was '0'");
        assertRejected("fail:frame=x:attempts=1", "frame must be a whole number of at least 1, was 'x'");
        assertRejected("fail:frame=2:attempts=-1", "attempts must be a whole number of at least 1 or always, was '-1'");
        assertRejected("fail:frame=2:attempts=1:times=3", "unknown key 'times' (allowed: frame, attempts)");
        assertRejected("fail:frame=2:frame=3:attempts=1", "key 'frame' given twice");
        assertRejected("fail:frame:attempts=1", "'frame' is not key=value");
        assertRejected("fail:frame=2:attempts=1,", "rule 2 '': must start with fail or hang, was ''");
        assertRejected("fail:frame=2:attempts=1,hang:frame=2:attempts=1",
                "rule 2 'hang:frame=2:attempts=1': frame 2 already has a rule (one rule per frame)");
        assertRejected(" ", "tessera.worker.faults: must list at least one rule");
    }

    private static void assertRejected(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultRules.parse(spec));
        assertTrue(e.getMessage().startsWith("tessera.worker.faults: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static Optional<Integer> frameAffecting(FaultRules faults, int frameStart, int frameEnd, int attempt) {
        RenderRequest request = new RenderRequest("{}", frameStart, frameEnd, TaskKind.RENDER, null, List.of(),
                List.of(), new StagingPaths(Path.of("/out/job"), "job-t00001", attempt, "cpu-1"));
        return faults.affecting(request).map(FaultRule::frame);
    }
}
