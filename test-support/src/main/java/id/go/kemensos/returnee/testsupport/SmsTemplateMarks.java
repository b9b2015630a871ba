package id.go.kemensos.returnee.testsupport;

/**
 * Words of notification-service's templates (templates/sms-id.properties) that tell its messages apart at the SMS
 * gateway, where only the text is seen: the registration confirmation and the payment notice.
 */
public final class SmsTemplateMarks {

    /** Not "terdaftar" alone: a refusal for a family whose worker is not registered says "belum terdaftar". */
    public static final String REGISTERED = "Anda terdaftar";
    /** The ELIGIBLE message says "ditransfer ke rek Anda" too; only the payment notice says this. */
    public static final String PAYMENT_SENT = "sdh ditransfer";

    private SmsTemplateMarks() {}

    public static boolean isRegistered(String text) {
        return text.contains(REGISTERED) && !isPaymentSent(text);
    }

    public static boolean isPaymentSent(String text) {
        return text.contains(PAYMENT_SENT);
    }
}
