package io.tessera.worker.coordination;

import io.tessera.contracts.DistributionMode;
import io.tessera.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This worker's side of peer coordination: the farm's distribution mode ({@code tessera.distribution.mode}, the
 * same value assignment runs with), the {@link PeerDirectory} of its peers and how many tasks it holds waiting for
 * one of its slots. Peer hand-off is on in hybrid and decentralized modes.
 */
@ApplicationScoped
public class PeerCoordination {

    private final DistributionMode mode;
    private final PeerDirectory directory;
    private final AtomicInteger waiting = new AtomicInteger();

    @Inject
    public PeerCoordination(WorkerConfig config,
                            @ConfigProperty(name = "tessera.distribution.mode", defaultValue = "hybrid") String mode) {
        try {
            this.mode = DistributionMode.fromId(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tessera.distribution.mode: " + e.getMessage(), e);
        }
        this.directory = new PeerDirectory(config.id(), config.capability(), config.heartbeatInterval().multipliedBy(3),
                Clock.systemUTC());
    }

    /** The farm's distribution mode. */
    public DistributionMode mode() {
        return mode;
    }

    /** Whether this worker hands tasks it cannot start to idle peers and tells its peers its load. */
    public boolean handOff() {
        return mode.peerHandOff();
    }

    /** The peers as the coordination topic describes them. */
    public PeerDirectory peers() {
        return directory;
    }

    /** Tasks this worker holds that wait for one of its slots. */
    public int waiting() {
        return waiting.get();
    }

    /** A task starts waiting for a slot. */
    public void waitingStarted() {
        waiting.incrementAndGet();
    }

    /** A task stopped waiting (it got a slot, was handed on or left to another worker). */
    public void waitingEnded() {
        waiting.decrementAndGet();
    }
}
