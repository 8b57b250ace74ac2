package io.tessera.contracts.workers;

/** A GPU a worker detected (or, when simulated, states it pretends to have). */
public record GpuInfo(String model, long memoryMb) {
}
