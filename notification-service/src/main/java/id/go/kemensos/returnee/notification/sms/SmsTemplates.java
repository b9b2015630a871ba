package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.contracts.program.Program;
import id.go.kemensos.returnee.contracts.program.ProgramCatalogue;
import id.go.kemensos.returnee.contracts.reference.RegencyNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders SMS texts in the person's language (Bahasa Indonesia by default, English on request). What a program's
 * decisions and payments say comes from the program's declaration (see {@link ProgramCatalogue}); what is the same for
 * every program (being registered, the fallback refusal reason) from this service's template files, where a file in the
 * templates directory overrides the shipped one at the next start. A program or file that lacks a text stops the
 * service at start, naming what is missing: nobody silently goes without their SMS. A long name is shortened so that
 * the message stays within one 160-character segment; the other placeholders are short by construction.
 */
@Component
public class SmsTemplates {

    static final int SINGLE_SEGMENT = 160;
    /** Of a long name, at least this much is kept: {office} names the local office rather than cut it shorter. */
    static final int NAME_KEPT = 20;

    public static final String DEFAULT_LANGUAGE = "id";
    static final List<String> LANGUAGES = Program.LANGUAGES;
    /** Told when the criterion that ruled someone out has no reason of its own (a decision from older rules). */
    private static final String OTHER_REASON = "REASON_OTHER";
    /** A grievance's resolution (GrievanceResolved.Resolution), told as RESULT_&lt;resolution&gt; of the templates. */
    static final String RESOLUTION = "resolution";

    static final String RESULT_PREFIX = "RESULT_";
    /** The person's regency code: {office} names its social affairs office (Kab. Lombok Tengah). */
    static final String REGENCY = "regency";
    /** {office} when the regency is not a known code. */
    private static final String LOCAL_OFFICE = "OFFICE_LOCAL";

    private static final List<String> GENERAL_KEYS = List.of(
            OTHER_REASON,
            LOCAL_OFFICE,
            RESULT_PREFIX + "RESOLVED",
            RESULT_PREFIX + "NOT_RESOLVED",
            RESULT_PREFIX + "UPHELD",
            RESULT_PREFIX + "NOT_UPHELD");

    private final RegencyNames regencies = RegencyNames.load();

    private final ProgramCatalogue programs;
    private final Map<String, Properties> general = new HashMap<>();

    @Autowired
    public SmsTemplates(ProgramCatalogue programs, @Value("${notification.templates-dir:}") String directory) {
        this.programs = programs;
        List<String> missing = new ArrayList<>();
        for (String language : LANGUAGES) {
            Properties source = load("/templates/sms-" + language + ".properties");
            Path override = directory.isBlank() ? null : Path.of(directory, "sms-" + language + ".properties");
            if (override != null && Files.isRegularFile(override)) {
                source = load(override);
            }
            for (SmsTemplate template : SmsTemplate.values()) {
                if (!template.programText() && source.getProperty(template.name()) == null) {
                    missing.add("sms-" + language + ".properties has no " + template);
                }
            }
            for (String key : GENERAL_KEYS) {
                if (source.getProperty(key) == null) {
                    missing.add("sms-" + language + ".properties has no " + key);
                }
            }
            general.put(language, source);
        }
        List<String> programTexts = Arrays.stream(SmsTemplate.values())
                .filter(SmsTemplate::programText)
                .map(SmsTemplate::name)
                .toList();
        for (Program program : programs.all()) {
            List<String> lacking = program.missingTexts(programTexts, LANGUAGES);
            if (!lacking.isEmpty()) {
                missing.add("program " + program.programId() + " (" + program.source() + ") has no SMS text for "
                        + String.join(", ", lacking));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("SMS templates missing: " + String.join("; ", missing));
        }
    }

    /**
     * @param language "id" or "en"; anything else gets Bahasa Indonesia
     * @param params   the placeholders' values; {@code program} picks the program's texts (the status program's when
     *                 absent: messages queued before programs were named were all the grant's), {@code criterion} the
     *                 refusal reason
     */
    public String render(SmsTemplate template, String language, Map<String, String> params) {
        String lang = LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
        Program program = program(params.get("program"));
        String text = template.programText()
                ? program.sms(template.name(), lang).orElseThrow()
                : general.get(lang).getProperty(template.name());
        if (params.containsKey("criterion")) {
            text = text.replace("{reason}", reason(program, params.get("criterion"), lang));
        }
        if (params.containsKey(RESOLUTION)) {
            text = text.replace("{result}", general.get(lang).getProperty(RESULT_PREFIX + params.get(RESOLUTION), ""));
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (!p.getKey().equals("name")) {
                text = text.replace("{" + p.getKey() + "}", p.getValue());
            }
        }
        // The one value typed by people (the other values are the platform's own, in GSM-7 already).
        String name = Gsm7Text.of(params.getOrDefault("name", ""));
        // The regency's office where its name fits beside the person's, of which at least NAME_KEPT characters; else,
        // as for a regency not known (a contact kept before its regency was), "setempat": the local office.
        int nameNeeds = Math.min(name.length(), NAME_KEPT);
        String withoutOffice = text;
        text = text.replace(
                "{office}",
                regencies
                        .shortName(params.get(REGENCY))
                        .filter(office -> roomForName(withoutOffice.replace("{office}", office)) >= nameNeeds)
                        .orElse(general.get(lang).getProperty(LOCAL_OFFICE)));
        int room = roomForName(text);
        if (name.length() > room) {
            name = name.substring(0, Math.max(0, room)).strip();
        }
        return text.replace("{name}", name);
    }

    private static int roomForName(String text) {
        return SINGLE_SEGMENT - (text.length() - "{name}".length());
    }

    public String render(SmsTemplate template, Map<String, String> params) {
        return render(template, DEFAULT_LANGUAGE, params);
    }

    /** The plain-words reason for a program's criterion, in the person's language. */
    String reason(Program program, String criterion, String language) {
        return program.refusalReason(criterion, language)
                .orElse(general.get(language).getProperty(OTHER_REASON));
    }

    private Program program(String programId) {
        return programId == null
                ? programs.statusProgram()
                : programs.find(programId)
                        .orElseThrow(() -> new IllegalStateException("Program " + programId + " is not declared"));
    }

    private static Properties load(String resource) {
        try (InputStream in = SmsTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SMS templates " + resource, e);
        }
    }

    private static Properties load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SMS templates " + file, e);
        }
    }

    private static Properties read(InputStream in) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
