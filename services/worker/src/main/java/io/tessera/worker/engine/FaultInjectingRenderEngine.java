package io.tessera.worker.engine;

import io.tessera.renderer.trace.RenderInterruptedException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Deterministic faults for chaos tests, chosen by {@link RenderEngines} when {@code tessera.worker.faults} is set
 * (never in production). An attempt of a task covering a frame that a {@link FaultRule} names, with an attempt
 * number the rule covers, does not reach the real engine:
 * <ul>
 *   <li>{@code fail}: throws {@link InjectedFaultException}
 *       ({@code injected fault: render of frame 7 failed on attempt 1 (tessera.worker.faults rule
 *       fail:frame=7:attempts=2)}), reported as a retryable TaskFailed with that reason;</li>
 *   <li>{@code hang}: blocks until its render thread is interrupted (the run timeout, a job cancel or a drain),
 *       then stops with a {@link RenderInterruptedException} as the built-in engine does.</li>
 * </ul>
 * Every other attempt is rendered by the wrapped engine unchanged. Faults depend only on the frames and the attempt
 * number, so every worker given the same rules fails the same attempts.
 */
public final class FaultInjectingRenderEngine implements RenderEngine {

    private final FaultRules faults;
    private final RenderEngine engine;

    /**
     * @param faults the rules
     * @param engine the engine that renders every attempt no rule affects
     */
    public FaultInjectingRenderEngine(FaultRules faults, RenderEngine engine) {
        this.faults = faults;
        this.engine = engine;
    }

    @Override
    public RenderResult render(RenderRequest request, ProgressListener progress) {
        Optional<FaultRule> fault = faults.affecting(request);
        if (fault.isEmpty()) {
            return engine.render(request, progress);
        }
        FaultRule rule = fault.get();
        int attempt = request.outputs().attempt();
        if (rule.action() == FaultRule.Action.FAIL) {
            throw new InjectedFaultException("injected fault: render of frame " + rule.frame() + " failed on attempt "
                    + attempt + " (" + FaultRules.PROPERTY + " rule " + rule.text() + ")");
        }
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RenderInterruptedException("injected hang of frame " + rule.frame() + " on attempt " + attempt
                + " interrupted (" + FaultRules.PROPERTY + " rule " + rule.text() + ")");
    }
}
