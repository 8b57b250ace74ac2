package io.tessera.contracts;

import static io.tessera.contracts.Schemas.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.tasks.TaskPlanned;
import org.junit.jupiter.api.Test;

/**
 * {@code moreTasks}: written by every producer, read as false from records written before it existed (absent or
 * null), so a job planned all at once stays complete for every reader.
 */
class TaskPlannedContractTest {

    @Test
    void moreTasksRoundTripsThroughJson() {
        TaskPlanned probe = ContractSamples.autoProbe();
        assertTrue(probe.moreTasks());
        ObjectNode written = (ObjectNode) json(probe);
        assertTrue(written.get("moreTasks").booleanValue());
        assertEquals(probe, Json.read(written.toString(), TaskPlanned.class));
        assertEquals("chunk", probe.part(), "a probe writes a final frame like any chunk");
    }

    @Test
    void aRecordWithoutMoreTasksReadsAsFalseAndStillValidates() {
        ObjectNode old = (ObjectNode) json(ContractSamples.chunk());
        old.remove("moreTasks");
        assertFalse(Json.read(old.toString(), TaskPlanned.class).moreTasks());
        assertTrue(Schemas.validate("TaskPlanned", old).isEmpty(), "an old record still validates");
        old.putNull("moreTasks");
        assertFalse(Json.read(old.toString(), TaskPlanned.class).moreTasks());
        assertTrue(Schemas.validate("TaskPlanned", old).isEmpty());
        assertFalse(Schemas.validate("TaskPlanned", old.put("moreTasks", "yes")).isEmpty(), "a string is no boolean");
    }

    @Test
    void theCompatibilityConstructorsPlanTheWholeJob() {
        assertFalse(ContractSamples.chunk().moreTasks());
        assertFalse(new TaskPlanned("j-t00000", "j", 0, 1, 1, 1, ContractSamples.CPU, 50, "{}", "/out").moreTasks());
    }
}
