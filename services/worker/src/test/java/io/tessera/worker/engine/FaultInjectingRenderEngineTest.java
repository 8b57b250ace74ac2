package io.tessera.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.tasks.TaskKind;
import io.tessera.renderer.trace.RenderInterruptedException;
import io.tessera.worker.staging.StagingPaths;
import io.tessera.worker.tasks.FailureReasons;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FaultInjectingRenderEngineTest {

    /** Records the requests it renders; renders nothing. */
    private static final class RecordingEngine implements RenderEngine {
        final List<RenderRequest> rendered = new ArrayList<>();

        @Override
        public RenderResult render(RenderRequest request, ProgressListener progress) {
            rendered.add(request);
            return new RenderResult(List.of(), 0);
        }
    }

    private final RecordingEngine real = new RecordingEngine();
    private final RenderEngine engine = new FaultInjectingRenderEngine(
            FaultRules.parse("fail:frame=7:attempts=2,fail:frame=9:attempts=always,hang:frame=11:attempts=1"), real);

    @Test
    void aFailingFrameFailsItsFirstAttemptsWithAReasonNamingTheRuleThenRenders() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            RenderRequest request = request(7, attempt);
            InjectedFaultException e = assertThrows(InjectedFaultException.class,
                    () -> engine.render(request, (frame, done, total) -> { }));
            assertEquals("injected fault: render of frame 7 failed on attempt " + attempt
                    + " (tessera.worker.faults rule fail:frame=7:attempts=2)", FailureReasons.of(e));
        }
        RenderRequest third = request(7, 3);
        engine.render(third, (frame, done, total) -> { });
        assertEquals(List.of(third), real.rendered);
    }

    @Test
    void anAlwaysFailingFrameNeverRendersAndOtherFramesAreUntouched() {
        for (int attempt : new int[] {1, 3, 50}) {
            RenderRequest request = request(9, attempt);
            assertThrows(InjectedFaultException.class, () -> engine.render(request, (frame, done, total) -> { }));
        }
        RenderRequest other = request(8, 1);
        engine.render(other, (frame, done, total) -> { });
        assertEquals(List.of(other), real.rendered);
    }

    @Test
    void aHangingFrameBlocksUntilItsThreadIsInterruptedThenStopsLikeAnInterruptedRender() throws Exception {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread render = new Thread(() -> {
            try {
                engine.render(request(11, 1), (frame, done, total) -> { });
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        render.start();
        while (render.getState() != Thread.State.WAITING) {
            assertTrue(render.isAlive(), "the hanging render returned: " + ended.get());
            Thread.onSpinWait();
        }
        render.interrupt();
        render.join();
        RenderInterruptedException e = assertInstanceOf(RenderInterruptedException.class, ended.get());
        assertEquals("injected hang of frame 11 on attempt 1 interrupted (tessera.worker.faults rule"
                + " hang:frame=11:attempts=1)", e.getMessage());
        assertEquals(List.of(), real.rendered);

        RenderRequest retry = request(11, 2);
        engine.render(retry, (frame, done, total) -> { });
        assertSame(retry, real.rendered.get(0), "the retry renders");
    }

    private static RenderRequest request(int frame, int attempt) {
        return new RenderRequest("{}", frame, frame, TaskKind.RENDER, null, List.of(), List.of(),
                new StagingPaths(Path.of("/out/job"), "job-t" + frame, attempt, "cpu-1"));
    }
}
