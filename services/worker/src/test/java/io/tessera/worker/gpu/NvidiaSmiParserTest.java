package io.tessera.worker.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.workers.GpuInfo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaSmiParserTest {

    @Test
    void readsOneGpuPerLine() {
        String output = "NVIDIA GeForce RTX 3090, 24576\nTesla T4, 15360\n";
        assertEquals(List.of(new GpuInfo("NVIDIA GeForce RTX 3090", 24576), new GpuInfo("Tesla T4", 15360)),
                NvidiaSmiParser.parse(output));
    }

    @Test
    void toleratesWindowsLineEndsBlankLinesAndSpaces() {
        assertEquals(List.of(new GpuInfo("NVIDIA A100-SXM4-40GB", 40960)),
                NvidiaSmiParser.parse("\r\n  NVIDIA A100-SXM4-40GB ,  40960  \r\n\r\n"));
    }

    @Test
    void modelNamesMayContainCommasAndMemoryMayBeUnknown() {
        assertEquals(List.of(new GpuInfo("Quadro, special edition", 0)),
                NvidiaSmiParser.parse("Quadro, special edition, [N/A]"));
    }

    @Test
    void errorTextAndEmptyOutputGiveNoGpu() {
        assertTrue(NvidiaSmiParser.parse("NVIDIA-SMI has failed because it couldn't communicate with the driver")
                .isEmpty());
        assertTrue(NvidiaSmiParser.parse("").isEmpty());
        assertTrue(NvidiaSmiParser.parse(null).isEmpty());
    }

    @Test
    void aMissingBinaryMeansNoGpu() {
        GpuDetector detector = new GpuDetector(List.of("tessera-no-such-nvidia-smi-binary"), Duration.ofSeconds(1));
        assertTrue(detector.detect().isEmpty());
    }

    @Test
    void gpuWorkerWithoutGpuNeedsTheSimulateSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GpuInventory.decide(Capability.GPU, List.of(), false));
        assertTrue(e.getMessage().contains("tessera.worker.gpu.simulate=true"), e.getMessage());

        GpuInventory simulated = GpuInventory.decide(Capability.GPU, List.of(), true);
        assertEquals("simulated", simulated.source());
        assertEquals(List.of(new GpuInfo("simulated", 0)), simulated.gpus());

        assertEquals(new GpuInventory(List.of(), "none"), GpuInventory.decide(Capability.CPU, List.of(), false));
        GpuInfo t4 = new GpuInfo("Tesla T4", 15360);
        assertEquals(new GpuInventory(List.of(t4), "detected"), GpuInventory.decide(Capability.CPU, List.of(t4), false));
        assertEquals(new GpuInventory(List.of(t4), "detected"), GpuInventory.decide(Capability.GPU, List.of(t4), false));
    }
}
