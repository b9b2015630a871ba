package id.go.kemensos.returnee.eligibility.rules;

import id.go.kemensos.returnee.contracts.program.Program;
import id.go.kemensos.returnee.contracts.program.ProgramCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every rule set version the service knows: the ones shipped in {@code rulesets/} and any YAML file in an extra
 * directory, where an operator drops a new version (a later effective date) that takes effect at the next start,
 * without a rebuild. A version is in force on a date when the date lies between its effective-from and effective-to;
 * when several are, the one that became effective last wins.
 */
public final class RuleSetCatalog {

    private static final Logger log = LoggerFactory.getLogger(RuleSetCatalog.class);
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final List<RuleSet> versions;
    private final Set<String> ids;
    private final Map<String, RuleSet.RelevantDate> relevantDates;
    private final Set<String> protectedInputs;

    RuleSetCatalog(List<RuleSet> versions, RuleEngine engine) {
        Set<String> labels = new HashSet<>();
        for (RuleSet set : versions) {
            if (!labels.add(set.label())) {
                throw new IllegalStateException("Rule set " + set.label() + " is defined twice");
            }
            engine.check(set);
            checkReferral(set);
        }
        checkNoAmbiguousStart(versions);
        this.versions = versions.stream()
                .sorted(Comparator.comparing(RuleSet::id).thenComparing(RuleSet::effectiveFrom))
                .toList();
        this.relevantDates = relevantDateById(versions);
        this.ids = Collections.unmodifiableSet(new TreeSet<>(relevantDates.keySet()));
        this.protectedInputs = this.versions.stream()
                .flatMap(v -> v.confidentiality().protectedInputs().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The shipped rule sets plus those in {@code extraDirectory} (may be null). */
    public static RuleSetCatalog load(Path extraDirectory, RuleEngine engine) {
        List<RuleSet> sets = new ArrayList<>();
        try {
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:rulesets/*.yaml")) {
                try (InputStream in = resource.getInputStream()) {
                    sets.add(parse(in, resource.getDescription()));
                }
            }
            if (extraDirectory != null && Files.isDirectory(extraDirectory)) {
                try (Stream<Path> files = Files.list(extraDirectory)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".yaml")
                                    || f.toString().endsWith(".yml"))
                            .sorted()
                            .toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            sets.add(parse(in, file.toString()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule sets", e);
        }
        RuleSetCatalog catalog = new RuleSetCatalog(sets, engine);
        catalog.versions.forEach(set -> log.info(
                "Rule set {} in force {} .. {} ({} criteria)",
                set.label(),
                set.effectiveFrom(),
                set.effectiveTo() == null ? "open" : set.effectiveTo(),
                set.criteria().size()));
        return catalog;
    }

    static RuleSet parse(InputStream in, String source) {
        try {
            RuleSet set = YAML.readValue(in, RuleSet.class);
            if (set.id() == null
                    || set.version() == null
                    || set.effectiveFrom() == null
                    || set.relevantDate() == null
                    || set.criteria().isEmpty()) {
                throw new IllegalArgumentException(
                        "id, version, effectiveFrom, relevantDate and criteria are required");
            }
            return set;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Rule set file " + source + " is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * A program's decisions are told to the person and drive what they see, so each program rule set must name a
     * declared program that names it back, with a refusal reason for every criterion of every version, in every SMS
     * language; and each declared program must be decided by a rule set here.
     */
    void requireDeclared(ProgramCatalogue programs) {
        List<String> problems = new ArrayList<>();
        for (RuleSet set : versions) {
            if (set.kind() != RuleSet.Kind.PROGRAM) {
                continue;
            }
            Optional<Program> program = programs.find(set.programId());
            if (program.isEmpty()) {
                problems.add("rule set " + set.label() + " decides program " + set.programId()
                        + ", which no programs/*.yaml declares");
                continue;
            }
            if (!program.get().ruleSet().equals(set.id())) {
                problems.add(program.get().source() + " names rule set "
                        + program.get().ruleSet() + ", but " + set.label() + " decides program " + set.programId());
            }
            List<String> missing = program.get()
                    .missingRefusalReasons(
                            set.criteria().stream().map(RuleSet.Criterion::id).toList(), Program.LANGUAGES);
            if (!missing.isEmpty()) {
                problems.add(program.get().source() + " has no refusal reason for " + String.join(", ", missing)
                        + " of " + set.label());
            }
        }
        for (Program program : programs.all()) {
            if (!ids.contains(program.ruleSet())) {
                problems.add(program.source() + " names rule set " + program.ruleSet() + ", which is not loaded");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Programs and rule sets disagree: " + String.join("; ", problems));
        }
    }

    /**
     * A referral is published on the general stream, so a restricted rule set (whose decisions show that someone may be
     * a trafficking victim) must not make one; and a referral names both the service and who provides it.
     */
    private static void checkReferral(RuleSet set) {
        RuleSet.Referral referral = set.referral();
        if (referral == null) {
            return;
        }
        if (referral.service() == null || referral.partnerType() == null) {
            throw new IllegalStateException(set.label() + ": a referral needs a service and a partnerType");
        }
        if (set.restricted()) {
            throw new IllegalStateException(set.label() + " is restricted (Law 21/2007 Art. 44) and cannot publish a"
                    + " referral on the general stream; its services are offered by protection officers");
        }
    }

    /** The relevant date picks the version, so every version of a rule set must agree on which date that is. */
    private static Map<String, RuleSet.RelevantDate> relevantDateById(List<RuleSet> sets) {
        Map<String, RuleSet.RelevantDate> byId = new HashMap<>();
        for (RuleSet set : sets) {
            RuleSet.RelevantDate first = byId.putIfAbsent(set.id(), set.relevantDate());
            if (first != null && first != set.relevantDate()) {
                throw new IllegalStateException("Versions of " + set.id() + " disagree on the relevant date (" + first
                        + " and " + set.relevantDate() + " in " + set.label() + ")");
            }
        }
        return byId;
    }

    public RuleSet.RelevantDate relevantDateOf(String id) {
        RuleSet.RelevantDate date = relevantDates.get(id);
        if (date == null) {
            throw new IllegalArgumentException("No rule set " + id);
        }
        return date;
    }

    private static void checkNoAmbiguousStart(List<RuleSet> sets) {
        Set<String> starts = new HashSet<>();
        for (RuleSet set : sets) {
            if (!starts.add(set.id() + "@" + set.effectiveFrom())) {
                throw new IllegalStateException("Two versions of " + set.id() + " take effect on " + set.effectiveFrom()
                        + "; give the newer one a later effective date");
            }
        }
    }

    /** The ids of the laws and programs, each decided separately for every registration. */
    /**
     * The facts that identify a trafficking victim, as the loaded rule sets declare them: hidden from all but
     * protection officers.
     */
    public Set<String> protectedInputs() {
        return protectedInputs;
    }

    public Set<String> ids() {
        return ids;
    }

    public Optional<RuleSet> inForce(String id, LocalDate date) {
        if (date == null) {
            return Optional.empty();
        }
        return versions.stream()
                .filter(set -> set.id().equals(id) && set.inForceOn(date))
                .max(Comparator.comparing(RuleSet::effectiveFrom));
    }

    public Optional<RuleSet> version(String id, String version) {
        return versions.stream()
                .filter(set -> set.id().equals(id) && set.version().equals(version))
                .findFirst();
    }

    public List<RuleSet> all() {
        return versions;
    }
}
