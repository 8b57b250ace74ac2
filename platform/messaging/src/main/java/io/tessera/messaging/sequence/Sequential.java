package io.tessera.messaging.sequence;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one asynchronous step per item, one after another, without the stack growing with the number of items.
 * <p>
 * Folding a list into {@code chain = chain.chain(() -> step(item))} nests one operator per item: subscribing to the
 * result recurses through all of them, and so does every step that completes at once (an entity already in the
 * session, an event only collected for a later insert). A poll of a few hundred events then overflows the stack of
 * the thread running it, the error is lost inside the operators, and the transaction never ends: its consumer stalls
 * with its rows locked. Here each step is subscribed from a loop; a step that completes at once lets the loop go on,
 * one that completes later resumes it from its own callback (a trampoline).
 */
public final class Sequential {

    private Sequential() {
    }

    /**
     * Applies {@code step} to each item in order, the next once the previous one's Uni completed; fails with the first
     * failure (later items are not run). Steps run on the thread (and Vert.x context) that completed the previous one,
     * as with {@code chain}.
     */
    public static <T> Uni<Void> forEach(Iterable<? extends T> items, Function<? super T, Uni<?>> step) {
        return Uni.createFrom().emitter(emitter -> {
            Loop<T> loop = new Loop<>(items.iterator(), step, emitter);
            emitter.onTermination(() -> loop.ended = true);
            loop.resume();
        });
    }

    private static final class Loop<T> {

        private final Iterator<? extends T> items;
        private final Function<? super T, Uni<?>> step;
        private final UniEmitter<? super Void> emitter;
        /** Resumptions not yet handled: only the call that raised it from 0 runs the loop. */
        private final AtomicInteger pending = new AtomicInteger();
        /** Completed, failed or cancelled by the subscriber: no further step runs. */
        private volatile boolean ended;

        Loop(Iterator<? extends T> items, Function<? super T, Uni<?>> step, UniEmitter<? super Void> emitter) {
            this.items = items;
            this.step = step;
            this.emitter = emitter;
        }

        void resume() {
            if (pending.getAndIncrement() != 0) {
                return; // a step completed inside the running loop, which goes on with the next item
            }
            do {
                if (ended) {
                    return;
                }
                if (!items.hasNext()) {
                    emitter.complete(null);
                    return;
                }
                Uni<?> next;
                try {
                    next = step.apply(items.next());
                } catch (RuntimeException e) {
                    emitter.fail(e);
                    return;
                }
                next.subscribe().with(done -> resume(), emitter::fail);
            } while (pending.decrementAndGet() != 0);
        }
    }
}
