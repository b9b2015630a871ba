package id.go.kemensos.returnee.testsupport.chaos;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What a chaos run found: one line per invariant, what it should be, what it was, and whether it held. */
public final class ChaosReport {

    public record Check(String name, String expected, String found, boolean holds) {}

    private final List<Check> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void check(String name, long expected, long found) {
        checks.add(new Check(name, String.format("%,d", expected), String.format("%,d", found), expected == found));
    }

    void check(String name, String expected, String found, boolean holds) {
        checks.add(new Check(name, expected, found, holds));
    }

    /** Something the reader should know that is not an invariant (dead letters' reasons, restarts counted). */
    void note(String line) {
        notes.add(line);
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public List<Check> failed() {
        return checks.stream().filter(c -> !c.holds()).toList();
    }

    public boolean holds() {
        return !checks.isEmpty() && failed().isEmpty();
    }

    public void print(PrintStream out) {
        int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(10);
        out.println("== Chaos run: invariants");
        out.printf("  %-" + width + "s  %14s  %14s  %s%n", "invariant", "expected", "found", "holds");
        for (Check c : checks) {
            out.printf(
                    "  %-" + width + "s  %14s  %14s  %s%n",
                    c.name(),
                    c.expected(),
                    c.found(),
                    c.holds() ? "yes" : "NO");
        }
        notes.forEach(note -> out.println("  " + note));
        out.println(holds() ? "== Every invariant held" : "== " + failed().size() + " invariant(s) did NOT hold");
    }
}
