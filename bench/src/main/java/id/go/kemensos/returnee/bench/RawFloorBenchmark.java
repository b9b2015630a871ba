package id.go.kemensos.returnee.bench;

import java.io.PrintStream;

/** The raw floor of this machine, measured on the same broker and database the platform uses, in the same run. */
final class RawFloorBenchmark {

    record Figures(KafkaFloor.Figures kafka, JdbcFloor.Figures jdbc) {}

    private final String bootstrapServers;
    private final PrintStream out;

    RawFloorBenchmark(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    Figures run(BenchOptions options) throws Exception {
        out.printf(
                "== Floor: Kafka, %,d records of %d bytes to %s%n",
                options.kafkaRecords(), KafkaFloor.RECORD_BYTES, KafkaFloor.TOPIC);
        KafkaFloor.Figures kafka = new KafkaFloor(bootstrapServers, out).run(options.kafkaRecords());
        out.printf(
                "== Floor: JDBC, %,d batched and %,d single-row inserts into bench.bench_floor%n",
                options.jdbcRows(), options.jdbcSingleRows());
        JdbcFloor.Figures jdbc = new JdbcFloor(out).run(options.jdbcRows(), options.jdbcSingleRows());
        return new Figures(kafka, jdbc);
    }
}
