package id.go.kemensos.returnee.notification.sms;

/** The messages the platform sends; each has a text in templates/sms-&lt;language&gt;.properties. */
public enum SmsTemplate {
    REGISTERED,
    ELIGIBLE,
    NOT_ELIGIBLE,
    PAYMENT_SENT,
    PAYMENT_FAILED,
    PAYMENT_RETURNED
}
