package id.go.kemensos.returnee.bench;

/** Entry point of the benchmarks; see README "Figures". */
public final class PlatformBenchmark {

    private PlatformBenchmark() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("benchmarks are not written yet");
    }
}
