package io.tessera.farm.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class ReplayMarkerTest {

    private static final List<Long> OFFSETS = List.of(0L, 1L, 2L, 3L, 4L);

    @Test
    void replayingEverythingMovesTheCommittedOffsetToTheEnd() {
        ReplayMarker marker = ReplayMarker.none().plus(OFFSETS, OFFSETS, 5);

        assertEquals(new OffsetAndMetadata(5, ""), marker.toCommit());
        assertTrue(marker.replayed(4));
        assertFalse(marker.replayed(5));
    }

    @Test
    void singleReplaysAboveAGapStayInTheMetadataUntilTheGapIsReplayed() {
        ReplayMarker marker = ReplayMarker.none().plus(List.of(1L, 3L), OFFSETS, 5);

        assertEquals(new OffsetAndMetadata(0, "replayed:1,3"), marker.toCommit());
        assertTrue(marker.replayed(1));
        assertFalse(marker.replayed(0));
        assertFalse(marker.replayed(2));
        ReplayMarker read = ReplayMarker.of(marker.toCommit());
        assertEquals(marker, read);

        ReplayMarker gapClosed = read.plus(List.of(0L), OFFSETS, 5);
        assertEquals(new OffsetAndMetadata(2, "replayed:3"), gapClosed.toCommit());

        ReplayMarker rest = gapClosed.plus(List.of(2L, 4L), OFFSETS, 5);
        assertEquals(new OffsetAndMetadata(5, ""), rest.toCommit());
    }

    @Test
    void offsetsDeletedByRetentionDoNotHoldTheMarkerBack() {
        ReplayMarker marker = ReplayMarker.none().plus(List.of(3L, 4L), List.of(3L, 4L), 5);

        assertEquals(5, marker.next());
    }

    @Test
    void noCommitMeansNothingReplayed() {
        assertEquals(ReplayMarker.none(), ReplayMarker.of(null));
        assertFalse(ReplayMarker.of(null).replayed(0));
    }

    @Test
    void tooManySingleReplaysToRecordAreRefusedNamingTheWayOut() {
        List<Long> present = LongStream.range(0, 2000).boxed().toList();
        List<Long> everyOther = LongStream.range(0, 1000).map(i -> 2 * i + 1).boxed().toList();
        ReplayMarker marker = ReplayMarker.none().plus(everyOther, present, 2000);

        IllegalStateException e = assertThrows(IllegalStateException.class, marker::toCommit);
        assertTrue(e.getMessage().contains("without --id"), e.getMessage());
        assertEquals(new TreeSet<>(Set.copyOf(everyOther)), marker.replayedAbove());
    }
}
