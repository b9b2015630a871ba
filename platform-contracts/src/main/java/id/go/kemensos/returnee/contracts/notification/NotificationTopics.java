package id.go.kemensos.returnee.contracts.notification;

/** Topic of notification-service's events. */
public final class NotificationTopics {

    public static final String AGGREGATE = "notification";
    public static final String EVENTS = "notification.events";

    private NotificationTopics() {}
}
