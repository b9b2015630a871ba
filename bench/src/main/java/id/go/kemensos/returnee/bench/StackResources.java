package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the whole local stack costs the machine: CPU time and resident memory of this JVM (the load generator and the
 * bank, SMS and Vault simulators) and of every process it started (MariaDB, the broker, the Connect worker, Keycloak,
 * the services), read from Linux's /proc. CPU time is the stable figure on a saturated machine: wall-clock rates move
 * with whatever else runs, the CPU seconds a returnee costs each process do not.
 */
final class StackResources {

    /** USER_HZ, the unit of /proc/[pid]/stat's CPU times: 100 on every Linux ABI the JDK runs on. */
    private static final long TICKS_PER_SECOND = 100;

    static final String BENCH = "bench JVM (load, bank/SMS/Vault simulators)";

    /** CPU seconds and resident memory per process name at one moment. */
    record Sample(Map<String, Long> cpuTicks, Map<String, Long> residentBytes, long machineBusyTicks) {

        /** The processes the bench started: the stack, without the bench's own JVM. */
        long residentOfStack() {
            return residentBytes.entrySet().stream()
                    .filter(e -> !e.getKey().equals(BENCH))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }

    /**
     * Between two samples: CPU seconds per process (and what each had used before, for a process started just before
     * the first sample: its start-up), the machine's busy CPU seconds, peak resident memory seen.
     */
    record Usage(
            Map<String, Double> cpuSecondsBefore,
            Map<String, Double> cpuSeconds,
            double machineBusySeconds,
            long peakResidentOfStack,
            Map<String, Long> peakResident) {

        double stackCpuSeconds() {
            return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private Sample first;
    private Sample last;
    private long peakResidentOfStack;
    private final Map<String, Long> peakResident = new TreeMap<>();

    /** Starts measuring now. */
    synchronized void start() {
        first = sample();
        last = first;
        remember(first);
    }

    /** Takes a sample for the peaks (call it every few seconds while the run goes on). */
    synchronized void sampleNow() {
        last = sample();
        remember(last);
    }

    /** The usage since {@link #start()}, with a last sample taken now. */
    synchronized Usage usage() {
        sampleNow();
        Map<String, Double> cpu = new LinkedHashMap<>();
        last.cpuTicks().forEach((name, ticks) -> {
            long before = first.cpuTicks().getOrDefault(name, 0L);
            cpu.put(name, (double) Math.max(0, ticks - before) / TICKS_PER_SECOND); // a restarted process starts at 0
        });
        Map<String, Double> before = new LinkedHashMap<>();
        first.cpuTicks().forEach((name, ticks) -> before.put(name, (double) ticks / TICKS_PER_SECOND));
        return new Usage(
                before,
                cpu,
                (double) (last.machineBusyTicks() - first.machineBusyTicks()) / TICKS_PER_SECOND,
                peakResidentOfStack,
                Map.copyOf(peakResident));
    }

    private void remember(Sample sample) {
        peakResidentOfStack = Math.max(peakResidentOfStack, sample.residentOfStack());
        sample.residentBytes().forEach((name, bytes) -> peakResident.merge(name, bytes, Math::max));
    }

    private static Sample sample() {
        Map<String, Long> cpu = new TreeMap<>();
        Map<String, Long> resident = new TreeMap<>();
        ProcessHandle self = ProcessHandle.current();
        Stream.concat(Stream.of(self), self.descendants()).forEach(process -> {
            String name = process.pid() == self.pid() ? BENCH : name(process);
            read(process.pid()).ifPresent(reading -> {
                cpu.merge(name, reading[0], Long::sum);
                resident.merge(name, reading[1], Long::sum);
            });
        });
        return new Sample(cpu, resident, machineBusyTicks());
    }

    /** What a process of the stack is, from its command line. */
    static String name(ProcessHandle process) {
        String command = process.info().commandLine().orElse("");
        for (PlatformService service : PlatformService.values()) {
            if (command.contains("/" + service.artifact() + "-exec.jar")) {
                return service.artifact();
            }
        }
        if (command.contains("mariadbd") || command.contains("mysqld")) {
            return "MariaDB";
        }
        if (command.contains("kafka.Kafka")) {
            return "Kafka broker";
        }
        if (command.contains("ConnectDistributed")) {
            return "Kafka Connect (Debezium)";
        }
        if (command.contains("keycloak") || command.contains("quarkus")) {
            return "Keycloak";
        }
        return process.info()
                .command()
                .map(c -> Path.of(c).getFileName().toString())
                .orElse("pid " + process.pid());
    }

    /** utime + stime in ticks and VmRSS in bytes; empty once the process has gone. */
    private static Optional<long[]> read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name in field 2 may hold spaces and parentheses; the fields after it are numbers.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return Optional.of(new long[] {ticks, rss});
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** All CPUs' busy time (everything but idle and iowait), from /proc/stat's first line. */
    private static long machineBusyTicks() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException e) {
            return 0;
        }
    }
}
