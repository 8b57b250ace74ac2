package io.tessera.provisioning.workers;

import io.tessera.contracts.Capability;
import java.util.List;

/**
 * Starts and stops the workers of the farm. The embedded default runs them as local processes
 * ({@link LocalProcessScaler}); {@code tessera.provisioning.scaler} chooses the implementation.
 */
public interface WorkerScaler {

    /**
     * Starts a worker of {@code capability} named {@code workerId}.
     *
     * @throws WorkerStartException when the worker cannot be started
     */
    void start(Capability capability, String workerId);

    /** Stops a worker this scaler started: asks it to exit, waits, then kills it. No-op for an unknown id. */
    void stop(String workerId);

    /** Ids of the still running workers of {@code capability} this scaler started, oldest first. */
    List<String> running(Capability capability);
}
