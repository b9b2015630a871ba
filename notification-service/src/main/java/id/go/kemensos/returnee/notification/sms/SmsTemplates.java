package id.go.kemensos.returnee.notification.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders SMS texts from the template data files, one per language (Bahasa Indonesia by default, English on request). A
 * file in the templates directory overrides the shipped one at the next start. A long name is shortened so that the
 * message stays within one 160-character segment; the other placeholders are short by construction.
 */
@Component
public class SmsTemplates {

    static final int SINGLE_SEGMENT = 160;
    public static final String DEFAULT_LANGUAGE = "id";
    static final List<String> LANGUAGES = List.of("id", "en");

    private final Map<String, Map<SmsTemplate, String>> texts = new HashMap<>();
    private final Map<String, Properties> reasons = new HashMap<>();

    /** The shipped templates only. */
    public SmsTemplates() {
        this("");
    }

    @Autowired
    public SmsTemplates(@Value("${notification.templates-dir:}") String directory) {
        for (String language : LANGUAGES) {
            Properties source = load("/templates/sms-" + language + ".properties");
            Path override = directory.isBlank() ? null : Path.of(directory, "sms-" + language + ".properties");
            if (override != null && Files.isRegularFile(override)) {
                source = load(override);
            }
            Map<SmsTemplate, String> byTemplate = new EnumMap<>(SmsTemplate.class);
            for (SmsTemplate template : SmsTemplate.values()) {
                String text = source.getProperty(template.name());
                if (text == null) {
                    throw new IllegalStateException("No " + language + " text for SMS template " + template);
                }
                byTemplate.put(template, text);
            }
            texts.put(language, byTemplate);
            reasons.put(language, source);
        }
    }

    public String render(SmsTemplate template, Map<String, String> params) {
        return render(template, DEFAULT_LANGUAGE, params);
    }

    /** @param language "id" or "en"; anything else gets Bahasa Indonesia */
    public String render(SmsTemplate template, String language, Map<String, String> params) {
        String text = texts.getOrDefault(language, texts.get(DEFAULT_LANGUAGE)).get(template);
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (!p.getKey().equals("name")) {
                text = text.replace("{" + p.getKey() + "}", p.getValue());
            }
        }
        String name = params.getOrDefault("name", "").strip();
        int room = SINGLE_SEGMENT - (text.length() - "{name}".length());
        if (name.length() > room) {
            name = name.substring(0, Math.max(0, room)).strip();
        }
        return text.replace("{name}", name);
    }

    /** The plain-words reason for a criterion of the grant (C1..C8), in the person's language. */
    public String reason(String criterion, String language) {
        Properties source = reasons.getOrDefault(language, reasons.get(DEFAULT_LANGUAGE));
        return source.getProperty("REASON_" + criterion, source.getProperty("REASON_OTHER", ""));
    }

    Set<String> criteriaWithReasons() {
        return reasons.get(DEFAULT_LANGUAGE).stringPropertyNames().stream()
                .filter(k -> k.startsWith("REASON_"))
                .map(k -> k.substring("REASON_".length()))
                .collect(Collectors.toSet());
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
