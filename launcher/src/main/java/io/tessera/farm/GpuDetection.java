package io.tessera.farm;

import java.nio.file.Files;
import java.nio.file.Path;

/** Tells whether this machine has an NVIDIA GPU; without one, GPU workers run in simulation mode. */
final class GpuDetection {

    private GpuDetection() {
    }

    static boolean present() {
        return Files.exists(Path.of("/dev/nvidia0")) || Files.exists(Path.of("/dev/dxg"));
    }
}
