package io.tessera.worker.gpu;

import io.tessera.contracts.workers.GpuInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the output of {@code nvidia-smi --query-gpu=name,memory.total --format=csv,noheader,nounits}: one line per
 * GPU, {@code <model>, <memory MiB>}. Blank lines and lines without a comma are skipped; a memory value that is not
 * a number (e.g. {@code [N/A]}) counts as 0.
 */
public final class NvidiaSmiParser {

    private NvidiaSmiParser() {
    }

    /** The GPUs listed in {@code output}, in order. */
    public static List<GpuInfo> parse(String output) {
        List<GpuInfo> gpus = new ArrayList<>();
        if (output == null) {
            return gpus;
        }
        for (String raw : output.split("\\R")) {
            String line = raw.strip();
            int comma = line.lastIndexOf(',');
            if (comma <= 0) {
                continue;
            }
            String model = line.substring(0, comma).strip();
            if (!model.isEmpty()) {
                gpus.add(new GpuInfo(model, memoryMb(line.substring(comma + 1).strip())));
            }
        }
        return gpus;
    }

    private static long memoryMb(String value) {
        try {
            return Math.max(0, Math.round(Double.parseDouble(value)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
