package id.go.kemensos.returnee.bench;

import java.time.Duration;

/**
 * Command line of the benchmarks:
 * <pre>
 * [floor|e2e|all|upload|decide|pay|sms|replay|cdc|chaos] [--n=10000] [--kafka-records=200000] [--jdbc-rows=200000]
 *     [--jdbc-single-rows=5000] [--clients=16] [--rate=50] [--warmup=500] [--rows=1000000] [--registrations=100000] [--payments=5000]
 *     [--messages=5000] [--events=1000000] [--cdc-events=100000] [--timeout-minutes=15]
 *     [--kills=20] [--seed=20261206] [--window-minutes=10]
 * </pre>
 * {@code chaos} runs a list of {@code --n} returnees through the stack while {@code --kills} services crash, the broker,
 * the database and the relay restart and the gateways fail, on a schedule drawn from {@code --seed} (a random one,
 * printed, when none is given) over {@code --window-minutes}; it waits {@code --timeout-minutes} at most (45 unless
 * given) and exits 3 when an invariant does not hold.
 * Without {@code --rate} the e2e registrations come from {@code --clients} posting in a closed loop (each waits for its
 * answer); with it they are offered at that many per second in an open loop, each sent at its time whatever the answers.
 * {@code --warmup} first runs that many other returnees through, uncounted, so that the figures are of warm JVMs.
 */
record BenchOptions(
        Mode mode,
        int returnees,
        int kafkaRecords,
        int jdbcRows,
        int jdbcSingleRows,
        int clients,
        int offeredRate,
        int warmup,
        int uploadRows,
        int decisionRegistrations,
        int payments,
        int messages,
        int replayEvents,
        int cdcEvents,
        Duration timeout,
        int kills,
        long seed,
        Duration chaosWindow) {

    /**
     * ALL is the floor and e2e together; UPLOAD, DECIDE, PAY, SMS, REPLAY, CDC (the change-data-capture floor,
     * beside the Kafka and JDBC floors) and CHAOS each run alone, on a stack of their own.
     */
    enum Mode {
        FLOOR,
        E2E,
        ALL,
        UPLOAD,
        DECIDE,
        PAY,
        SMS,
        REPLAY,
        CDC,
        CHAOS;

        boolean ownStack() {
            return this == UPLOAD
                    || this == DECIDE
                    || this == PAY
                    || this == SMS
                    || this == REPLAY
                    || this == CDC
                    || this == CHAOS;
        }

        boolean floor() {
            return this == FLOOR || this == ALL;
        }

        boolean endToEnd() {
            return this == E2E || this == ALL;
        }
    }

    static final String USAGE = "usage: java -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar "
            + "[floor|e2e|all|upload|decide|pay|sms|replay|cdc|chaos] [--n=10000] "
            + "[--kafka-records=200000] [--jdbc-rows=200000] [--jdbc-single-rows=5000] [--clients=16] [--rate=50] [--warmup=500] "
            + "[--rows=1000000] "
            + "[--registrations=100000] [--payments=5000] [--messages=5000] [--events=1000000] [--cdc-events=100000] "
            + "[--timeout-minutes=15] [--kills=20] [--seed=20261206] [--window-minutes=10]";

    static BenchOptions parse(String... args) {
        Mode mode = Mode.ALL;
        int returnees = 10_000;
        int kafkaRecords = 200_000;
        int jdbcRows = 200_000;
        int jdbcSingleRows = 5_000;
        int clients = 16;
        int offeredRate = 0;
        int warmup = 0;
        int uploadRows = 1_000_000;
        int decisionRegistrations = 100_000;
        int payments = 5_000;
        int messages = 5_000;
        int replayEvents = 1_000_000;
        int cdcEvents = 100_000;
        long timeoutMinutes = 0;
        int kills = 20;
        long seed = System.currentTimeMillis();
        long windowMinutes = 10;
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                mode = Mode.valueOf(arg.toUpperCase(java.util.Locale.ROOT));
                continue;
            }
            String[] pair = arg.substring(2).split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int value = positive(pair[0], pair[1]);
            switch (pair[0]) {
                case "n" -> returnees = value;
                case "kafka-records" -> kafkaRecords = value;
                case "jdbc-rows" -> jdbcRows = value;
                case "jdbc-single-rows" -> jdbcSingleRows = value;
                case "clients" -> clients = value;
                case "rate" -> offeredRate = value;
                case "warmup" -> warmup = value;
                case "rows" -> uploadRows = value;
                case "registrations" -> decisionRegistrations = value;
                case "payments" -> payments = value;
                case "messages" -> messages = value;
                case "events" -> replayEvents = value;
                case "cdc-events" -> cdcEvents = value;
                case "timeout-minutes" -> timeoutMinutes = value;
                case "kills" -> kills = value;
                case "seed" -> seed = value;
                case "window-minutes" -> windowMinutes = value;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new BenchOptions(
                mode,
                returnees,
                kafkaRecords,
                jdbcRows,
                jdbcSingleRows,
                clients,
                offeredRate,
                warmup,
                uploadRows,
                decisionRegistrations,
                payments,
                messages,
                replayEvents,
                cdcEvents,
                Duration.ofMinutes(timeoutMinutes > 0 ? timeoutMinutes : mode == Mode.CHAOS ? 45 : 15),
                kills,
                seed,
                Duration.ofMinutes(windowMinutes));
    }

    private static int positive(String name, String text) {
        int value = Integer.parseInt(text.replace("_", ""));
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive, was " + text);
        }
        return value;
    }
}
