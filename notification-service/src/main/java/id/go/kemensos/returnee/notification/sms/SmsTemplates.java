package id.go.kemensos.returnee.notification.sms;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Renders SMS texts from the template data file. A long name is shortened so the message stays within one 160-character
 * segment; the other placeholders are short by construction.
 */
@Component
public class SmsTemplates {

    static final int SINGLE_SEGMENT = 160;
    private final Map<SmsTemplate, String> texts = new EnumMap<>(SmsTemplate.class);

    public SmsTemplates() {
        this(load("/templates/sms-id.properties"));
    }

    SmsTemplates(Properties source) {
        for (SmsTemplate template : SmsTemplate.values()) {
            String text = source.getProperty(template.name());
            if (text == null) {
                throw new IllegalStateException("No text for SMS template " + template);
            }
            texts.put(template, text);
        }
    }

    public String render(SmsTemplate template, Map<String, String> params) {
        String text = texts.get(template);
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

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(SmsTemplates.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Cannot read SMS templates " + resource, e);
        }
        return properties;
    }

    static Properties loadBankNames() {
        return load("/banks/bank-names.properties");
    }
}
