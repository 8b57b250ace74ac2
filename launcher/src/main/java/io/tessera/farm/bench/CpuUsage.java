package io.tessera.farm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time (user + system, from {@code /proc/<pid>/stat}) of the farm's processes, grouped by a name per process:
 * what a phase of the benchmark cost each service, the broker and the database, independent of how loaded the
 * machine was. Linux only; elsewhere every snapshot is empty.
 */
public final class CpuUsage {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuUsage() {
    }

    /** CPU milliseconds used so far by every process of the farm, by group name. */
    public static Map<String, Double> snapshot(Map<Long, String> namedPids, long postmasterPid) {
        Map<String, Double> millis = new TreeMap<>();
        namedPids.forEach((pid, name) -> millis.merge(name, cpuMillis(pid), Double::sum));
        if (postmasterPid > 0) {
            ProcessHandle.of(postmasterPid).ifPresent(postmaster -> {
                millis.merge("postgres", cpuMillis(postmasterPid), Double::sum);
                postmaster.children().forEach(backend -> millis.merge("postgres", cpuMillis(backend.pid()),
                        Double::sum));
            });
        }
        return millis;
    }

    /** What each group used between two snapshots, in CPU milliseconds. */
    public static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, millis) -> used.put(name, Math.max(0, millis - before.getOrDefault(name, 0.0))));
        return used;
    }

    private static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command name (which may hold spaces) start after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
