package io.tessera.messaging.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SequentialTest {

    private static final List<Integer> MANY = IntStream.range(0, 200_000).boxed().toList();

    /** Runs {@code work} on a thread with a small stack (256 KiB), as a deep recursion would overflow it. */
    private static <T> T onSmallStack(java.util.concurrent.Callable<T> work) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.call());
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        if (result.get() instanceof Throwable e) {
            throw new AssertionError("failed on a small stack: " + e, e);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result.get();
        return value;
    }

    @Test
    void twoHundredThousandStepsThatCompleteAtOnceRunInOrderOnASmallStack() throws Exception {
        List<Integer> seen = onSmallStack(() -> {
            List<Integer> order = new ArrayList<>();
            Sequential.forEach(MANY, i -> Uni.createFrom().item(i).invoke(order::add)).await().indefinitely();
            return order;
        });
        assertEquals(MANY, seen);
    }

    @Test
    void stepsThatCompleteOnAnotherThreadLaterRunOneAfterAnother() {
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            List<Integer> order = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
            Sequential.forEach(items, i -> {
                assertEquals(i, order.size(), "step " + i + " started before the previous one completed");
                CompletableFuture<Integer> done = new CompletableFuture<>();
                later.schedule(() -> done.complete(i), i % 3 == 0 ? 1 : 0, TimeUnit.MILLISECONDS);
                return Uni.createFrom().completionStage(done).invoke(order::add);
            }).await().atMost(Duration.ofSeconds(60));
            assertEquals(items, order);
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void theFirstFailureEndsTheSequenceAndLaterItemsDoNotRun() {
        List<Integer> run = new ArrayList<>();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Sequential.forEach(
                List.of(1, 2, 3, 4), i -> {
                    run.add(i);
                    return i == 2 ? Uni.createFrom().failure(new IllegalStateException("step 2 failed"))
                            : Uni.createFrom().voidItem();
                }).await().indefinitely());
        assertEquals("step 2 failed", failure.getMessage());
        assertEquals(List.of(1, 2), run);
    }

    @Test
    void aStepThatThrowsFailsTheSequence() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Sequential.forEach(
                List.of(1), i -> {
                    throw new IllegalArgumentException("bad item " + i);
                }).await().indefinitely());
        assertEquals("bad item 1", failure.getMessage());
    }

    @Test
    void theOldFoldOverflowsTheSameSmallStack() {
        // the shape this class replaces: proves the small-stack test above can fail
        AssertionError overflow = assertThrows(AssertionError.class, () -> onSmallStack(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Integer i : MANY) {
                chain = chain.chain(() -> Uni.createFrom().item(i)).replaceWithVoid();
            }
            return chain.await().atMost(Duration.ofSeconds(30));
        }));
        assertEquals(true, overflow.getMessage().contains("StackOverflowError"), overflow.getMessage());
    }
}
