package id.go.kemensos.returnee.contracts.program;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The grant programs the platform runs, one declaration per program: the shipped {@code programs/*.yaml} and any YAML
 * file in an extra directory (an operator's new program, or a shipped one replaced by a file with the same program
 * id), read at a service's start. Laws are not programs: their decisions are never told by SMS and drive no status.
 */
public final class ProgramCatalogue {

    static final String FOLDER = "programs";
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // drivesReturneeStatus may be left out
            .build();

    private final Map<String, Program> programs;
    private final Program statusProgram;

    ProgramCatalogue(Collection<Program> declared) {
        Map<String, Program> byId = new TreeMap<>();
        for (Program program : declared) {
            byId.put(program.programId(), program);
        }
        List<Program> driving =
                byId.values().stream().filter(Program::drivesReturneeStatus).toList();
        if (driving.size() != 1) {
            throw new IllegalStateException("Exactly one program must drive the returnee status; "
                    + (driving.isEmpty()
                            ? "none does"
                            : driving.stream().map(Program::source).toList() + " do"));
        }
        this.programs = Collections.unmodifiableMap(byId);
        this.statusProgram = driving.get(0);
    }

    /** The shipped programs, then those in {@code extraDirectory} (blank or null: none). */
    public static ProgramCatalogue load(String extraDirectory) {
        Map<String, Program> declared = new TreeMap<>();
        for (Program shipped : shipped()) {
            Program before = declared.put(shipped.programId(), shipped);
            if (before != null) {
                throw new IllegalStateException("Program " + shipped.programId() + " is declared twice: "
                        + before.source() + ", " + shipped.source());
            }
        }
        if (extraDirectory != null && !extraDirectory.isBlank()) {
            Path directory = Path.of(extraDirectory);
            if (Files.isDirectory(directory)) {
                // A file here replaces the shipped declaration with the same program id.
                declarationsIn(directory).forEach(program -> declared.put(program.programId(), program));
            }
        }
        return new ProgramCatalogue(declared.values());
    }

    private static List<Program> shipped() {
        try {
            // Spring's resolver lists a folder inside a packaged (nested) jar as well as on a plain class path.
            List<Program> shipped = new ArrayList<>();
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:" + FOLDER + "/*.yaml")) {
                try (InputStream in = resource.getInputStream()) {
                    shipped.add(parse(in, resource.getDescription()));
                }
            }
            return shipped;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped programs", e);
        }
    }

    private static List<Program> declarationsIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .map(ProgramCatalogue::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the programs in " + directory, e);
        }
    }

    private static Program read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read program " + file, e);
        }
    }

    static Program parse(InputStream in, String source) {
        Program program;
        try {
            program = YAML.readValue(in, Program.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Program file " + source + " is invalid: " + e.getMessage(), e);
        }
        if (program.programId() == null || program.programId().isBlank() || program.ruleSet() == null) {
            throw new IllegalStateException(
                    "Program file " + source + " is invalid: programId and ruleSet are required");
        }
        return program.from(source);
    }

    public Optional<Program> find(String programId) {
        return Optional.ofNullable(programs.get(programId));
    }

    /** The program whose decision registration shows as a returnee's status. */
    public Program statusProgram() {
        return statusProgram;
    }

    public Collection<Program> all() {
        return programs.values();
    }
}
