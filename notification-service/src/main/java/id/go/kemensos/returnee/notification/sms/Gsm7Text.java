package id.go.kemensos.returnee.notification.sms;

import com.ibm.icu.text.Transliterator;
import java.util.regex.Pattern;

/**
 * A person's name as GSM-7 can carry it in an SMS: one character outside its alphabet, a curly
 * apostrophe in "NUR’AINI" say, turns the whole message into UCS-2 and three billed parts. ICU transliterates to Latin
 * ASCII (’ to ', é to e, Arabic or Javanese script to Latin letters); what is still not a plain letter, digit or common
 * mark is dropped.
 */
final class Gsm7Text {

    private static final Transliterator TO_LATIN_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    /** Kept: letters, digits and the marks that cost one septet and occur in names. */
    private static final Pattern NOT_PLAIN = Pattern.compile("[^A-Za-z0-9 .,'()/:+-]");

    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private Gsm7Text() {}

    static String of(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String latin = value;
        if (NOT_PLAIN.matcher(value).find()) { // most names are plain already: no ICU call, no lock
            synchronized (TO_LATIN_ASCII) { // an ICU Transliterator is not safe for concurrent use
                latin = TO_LATIN_ASCII.transliterate(value);
            }
        }
        return SPACES.matcher(NOT_PLAIN.matcher(latin).replaceAll(""))
                .replaceAll(" ")
                .strip();
    }
}
