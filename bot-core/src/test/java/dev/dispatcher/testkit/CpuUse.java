package dev.dispatcher.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used on the whole machine and by the processes of the run, read from {@code /proc}. The difference between
 * two readings tells how much CPU the app under load took during a step, and how much other processes took: on a
 * shared machine, the latter is what makes a step noisy. Linux only.
 *
 * @param busyTicks   CPU time of the whole machine, in ticks
 * @param ourTicks    CPU time of the run's processes (this one included)
 * @param targetTicks CPU time of the app under load
 * @param atNanos     when it was read
 */
public record CpuUse(long busyTicks, long ourTicks, long targetTicks, long atNanos) {

    /** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * Reads now.
     *
     * @param target the app under load
     * @param others the run's other processes (this one is always counted)
     */
    public static CpuUse now(long target, long... others) throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {   // user nice system irq softirq steal
            busy += Long.parseLong(cpu[field]);
        }
        long targetTicks = ticksOf(target);
        long ours = ticksOf(ProcessHandle.current().pid());
        for (long pid : others) {
            ours += ticksOf(pid);
        }
        return new CpuUse(busy, ours, targetTicks, System.nanoTime());
    }

    /**
     * Reads now, just before launching a process that will become the target: its CPU time is zero so far, and this
     * process is the only one of the run.
     */
    public static CpuUse beforeLaunch() throws IOException {
        CpuUse now = now(ProcessHandle.current().pid());
        return new CpuUse(now.busyTicks, now.ourTicks, 0, now.atNanos);
    }

    /** Cores' worth of CPU that processes outside the run used between {@code earlier} and this reading. */
    public double othersSince(CpuUse earlier) {
        long others = (busyTicks - earlier.busyTicks) - (ourTicks - earlier.ourTicks);
        return Math.max(0, others / TICKS_PER_SECOND / secondsSince(earlier));
    }

    /** Cores' worth of CPU that the app under load used between {@code earlier} and this reading. */
    public double targetSince(CpuUse earlier) {
        return (targetTicks - earlier.targetTicks) / TICKS_PER_SECOND / secondsSince(earlier);
    }

    private double secondsSince(CpuUse earlier) {
        return (atNanos - earlier.atNanos) / 1e9;
    }

    private static long ticksOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime stime (fields 14 and 15 of the line)
    }
}
