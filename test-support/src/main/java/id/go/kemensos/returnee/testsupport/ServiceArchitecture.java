package id.go.kemensos.returnee.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules every service keeps, checked on its compiled classes (ArchUnit) and, for SQL, on its sources; a service's
 * ArchitectureTest calls each. Run from the module's directory (as Surefire does).
 * <ul>
 * <li>its packages depend on each other without a cycle;</li>
 * <li>controllers never reach the database themselves;</li>
 * <li>Kafka listeners stay package-private: thin adapters in front of the class that handles the event;</li>
 * <li>each table it creates has one owner, the only class that writes it (schema migrations aside).</li>
 * </ul>
 */
public final class ServiceArchitecture {

    private static final String CODE_MIGRATION = "id.go.kemensos.returnee.messaging.CodeMigration";
    private static final Pattern CREATE_TABLE =
            Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)", Pattern.CASE_INSENSITIVE);

    private final String basePackage;
    private final JavaClasses classes;
    private final Path sources;
    private final Path migrations;
    private Map<String, String> sourceByClass;

    private ServiceArchitecture(String basePackage, JavaClasses classes, Path sources, Path migrations) {
        this.basePackage = basePackage;
        this.classes = classes;
        this.sources = sources;
        this.migrations = migrations;
    }

    /** The service whose main classes are under {@code basePackage}, its sources in src/main/java. */
    public static ServiceArchitecture of(String basePackage) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        assertThat(imported).as("classes of " + basePackage).isNotEmpty();
        return new ServiceArchitecture(
                basePackage, imported, Path.of("src/main/java"), Path.of("src/main/resources/db/migration"));
    }

    public void packagesAreFreeOfCycles() {
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    public void controllersDoNotTouchTheDatabase() {
        noClasses()
                .that()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or()
                .areAnnotatedWith("org.springframework.stereotype.Controller")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "javax.sql..", "java.sql..")
                .because("a controller asks the class that owns the state; SQL lives with the owner")
                .check(classes);
    }

    public void kafkaListenersArePackagePrivate() {
        DescribedPredicate<JavaClass> listening = DescribedPredicate.describe(
                "declare a @KafkaListener",
                c -> c.getMethods().stream()
                        .anyMatch(m -> m.isAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")));
        classes()
                .that(listening)
                .should()
                .notBePublic()
                .because("a listener is a thin adapter: decoding and the inbox check are the mechanism's, handling "
                        + "is a service's")
                .check(classes);
    }

    /**
     * Every table the service's migrations create is named here with its owner (a class's simple name), and no other
     * class inserts into, updates or deletes from it. Reads elsewhere are allowed (a join to show a name, an existence
     * check).
     */
    public void tablesAreWrittenOnlyByTheirOwners(Map<String, String> ownerByTable) {
        assertThat(ownerByTable.keySet())
                .as("every table the migrations create has an owner, and only those")
                .containsExactlyInAnyOrderElementsOf(createdTables());
        List<String> violations = new ArrayList<>();
        ownerByTable.forEach((table, owner) -> {
            Pattern write = Pattern.compile(
                    "\\b(?:INSERT(?:\\s+IGNORE)?\\s+INTO|REPLACE\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+" + table + "\\b",
                    Pattern.CASE_INSENSITIVE);
            writers(write).stream()
                    .filter(writer -> !writer.equals(owner))
                    .forEach(writer -> violations.add(writer + " writes " + table + ", which " + owner + " owns"));
        });
        assertThat(violations).as("tables written outside their owner").isEmpty();
    }

    /** Stricter, for the state at the heart of a service: no class but the owner reads or writes the table at all. */
    public void tableIsTouchedOnlyBy(String table, String owner) {
        Pattern touch =
                Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+" + table + "\\b", Pattern.CASE_INSENSITIVE);
        assertThat(writers(touch)).as("classes whose SQL names " + table).containsOnly(owner);
    }

    /** Simple names of the classes whose source matches, schema migrations (CodeMigration subclasses) left out. */
    private Set<String> writers(Pattern sql) {
        Set<String> found = new TreeSet<>();
        sourceByClass().forEach((name, source) -> {
            if (sql.matcher(source).find()) {
                found.add(name);
            }
        });
        return found;
    }

    /** The service's sources by class simple name, schema migrations (CodeMigration subclasses) left out; read once. */
    private Map<String, String> sourceByClass() {
        if (sourceByClass == null) {
            Set<String> migrationsInCode = classes.stream()
                    .filter(c -> c.isAssignableTo(CODE_MIGRATION))
                    .map(JavaClass::getSimpleName)
                    .collect(Collectors.toSet());
            Map<String, String> read = new TreeMap<>();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String name = file.getFileName().toString().replace(".java", "");
                    if (!migrationsInCode.contains(name)) {
                        read.put(name, Files.readString(file));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sourceByClass = read;
        }
        return sourceByClass;
    }

    private Set<String> createdTables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(migrations)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }
}
