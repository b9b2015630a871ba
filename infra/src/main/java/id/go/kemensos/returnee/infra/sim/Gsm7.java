package id.go.kemensos.returnee.infra.sim;

/**
 * GSM 03.38 alphabet check and SMS segment counting, as the SMS gateway simulator bills messages. (notification-service
 * has its own copy; this one only serves the simulator.)
 *
 * <p>GSM-7 packs 160 septets in a single SMS, 153 per part once concatenated (the user data header eats 7). Characters
 * of the extension table are an escape plus a character, so they cost 2 septets, and a part never ends between the two.
 * Anything outside both tables forces UCS-2 for the whole message: 70 UTF-16 units single, 67 per part, and a part
 * never splits a surrogate pair (emoji).
 */
public final class Gsm7 {

    public static final String GSM7 = "GSM7";
    public static final String UCS2 = "UCS2";

    /** Basic table (the ESC code itself is left out: it is not a character a text can contain). */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** Extension table: each costs an escape septet plus itself. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private static final int GSM7_SINGLE = 160;
    private static final int GSM7_PART = 153;
    private static final int UCS2_SINGLE = 70;
    private static final int UCS2_PART = 67;

    private Gsm7() {}

    /** True when every character is in the GSM-7 basic or extension table. */
    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    public static String encoding(String text) {
        return isGsm7(text) ? GSM7 : UCS2;
    }

    /** Number of SMS parts the text is sent as; 0 for an empty text (there is nothing to send). */
    public static int segments(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        boolean gsm = isGsm7(text);
        int[] costs = new int[text.length()];
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            costs[i] = gsm ? (EXTENSION.indexOf(c) >= 0 ? 2 : 1) : 1;
            total += costs[i];
        }
        int single = gsm ? GSM7_SINGLE : UCS2_SINGLE;
        if (total <= single) {
            return 1;
        }
        int part = gsm ? GSM7_PART : UCS2_PART;
        // Greedy fill, with the unit that may not be split (escape pair / surrogate pair) moved whole to the next part.
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = costs[i];
            if (!gsm
                    && Character.isHighSurrogate(text.charAt(i))
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                cost = 2;
                i++;
            }
            if (used + cost > part) {
                parts++;
                used = 0;
            }
            used += cost;
        }
        return parts;
    }
}
