package id.go.kemensos.returnee.messaging;

/**
 * A metric that costs a query or a broker call to read: {@link GaugeRefresh} computes it every refresh interval, so a
 * scrape never touches the database or the broker and a slow one never stacks up behind another.
 */
public interface RefreshedGauge {

    /** What the metric is called, for the log when it cannot be refreshed. */
    String name();

    void refresh();
}
