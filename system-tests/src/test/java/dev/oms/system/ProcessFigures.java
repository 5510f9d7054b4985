package dev.oms.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a running process has used, from {@code /proc} (Linux). */
final class ProcessFigures {

    private ProcessFigures() {
    }

    /** User + system CPU time the process has used (/proc/PID/stat, in clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** The most memory the process has held at once (VmHWM). */
    static long peakRssMegabytes(long pid) throws IOException {
        return statusMegabytes(pid, "VmHWM:");
    }

    /** The memory the process holds now (VmRSS). */
    static long rssMegabytes(long pid) throws IOException {
        return statusMegabytes(pid, "VmRSS:");
    }

    private static long statusMegabytes(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IOException("no " + field + " in /proc/" + pid + "/status");
    }
}
