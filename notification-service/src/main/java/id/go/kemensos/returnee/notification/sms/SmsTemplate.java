package id.go.kemensos.returnee.notification.sms;

/**
 * The messages the platform sends. A program's own (its decision and payment) have their texts in the program's
 * declaration; the others in templates/sms-&lt;language&gt;.properties.
 */
public enum SmsTemplate {
    REGISTERED(false),
    ELIGIBLE(true),
    NOT_ELIGIBLE(true),
    PAYMENT_SENT(true),
    PAYMENT_FAILED(true),
    PAYMENT_RETURNED(true),
    /** A case opened: the person is entitled to support, and a case worker will contact them (never which support). */
    SERVICES_AVAILABLE(false),
    /** A referral was made for them (never for what, nor to whom). */
    REFERRAL_MADE(false),
    /** Their complaint or request for review was received, with the date it will be settled by. */
    GRIEVANCE_RECEIVED(false),
    /** Their complaint or request for review was settled, and how. */
    GRIEVANCE_SETTLED(false),
    /** No bank account: the cash waits at any post office until {date}, for the code sent and their KTP. */
    CASH_READY(false),
    /** No bank account: the program's bank opened one for them ({bank} {account}), to be activated with their KTP. */
    ACCOUNT_OPENED(false),
    /** They collected the cash at a post office. */
    CASH_COLLECTED(false),
    /** The cash was not collected by its deadline and went back; the office can help. */
    CASH_UNCLAIMED(false);

    private final boolean programText;

    SmsTemplate(boolean programText) {
        this.programText = programText;
    }

    /** Whether each program words it its own way (in its declaration). */
    public boolean programText() {
        return programText;
    }
}
