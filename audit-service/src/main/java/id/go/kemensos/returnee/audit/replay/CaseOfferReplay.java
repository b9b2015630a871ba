package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.audit.TopicFromStart;
import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.casework.CaseTopics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays case-service's events from Kafka alone into offer counts, and compares them, group by group, with
 * case-service's live report ({@code GET :8086/api/case-reports/services}): the case history rebuilt as the payments'
 * is. Read outside any consumer group; nothing is written.
 */
@Service
public class CaseOfferReplay {

    private final TopicFromStart topics;
    private final JsonMapper json;

    CaseOfferReplay(TopicFromStart topics, JsonMapper json) {
        this.topics = topics;
        this.json = json;
    }

    /** One group of case-service's live report, as {@code GET /api/case-reports/services} answers it. */
    public record LiveCount(String provinceCode, String service, Map<String, Long> byState) {}

    /** The difference of one group: what the replay counted and what the live report says. */
    public record Difference(String provinceCode, String service, String state, long replayed, long live) {}

    public record Result(
            long records,
            long applied,
            long unreadable,
            int offers,
            List<CaseOfferTally.Count> counts,
            boolean compared,
            List<Difference> differences) {}

    /** @param liveReport case-service's report, or null for the counts alone */
    public synchronized Result replay(List<LiveCount> liveReport) {
        CaseOfferTally tally = new CaseOfferTally();
        long[] read = {0, 0};
        for (String topic : List.of(CaseTopics.EVENTS, CaseTopics.PROTECTION_EVENTS)) {
            topics.read(
                    topic,
                    Map.of(),
                    (partition, records) -> records.forEach(record -> {
                        read[0]++;
                        String type = header(record.headers().lastHeader("ce_type"));
                        String id = header(record.headers().lastHeader("ce_id"));
                        EventType known =
                                type == null ? null : EventCatalog.byType(type).orElse(null);
                        if (known == null || id == null || record.value() == null) {
                            return; // not a case event of the catalog (or no CloudEvent): nothing to count
                        }
                        try {
                            tally.apply(UUID.fromString(id), (PlatformEvent)
                                    json.readValue(record.value(), known.payload()));
                        } catch (RuntimeException e) {
                            read[1]++;
                        }
                    }));
        }
        List<CaseOfferTally.Count> counts = tally.counts();
        List<Difference> differences = liveReport == null ? List.of() : differences(counts, liveReport);
        return new Result(read[0], tally.applied(), read[1], tally.offers(), counts, liveReport != null, differences);
    }

    private static List<Difference> differences(List<CaseOfferTally.Count> counts, List<LiveCount> live) {
        Map<String, Long> replayed = new HashMap<>();
        counts.forEach(c ->
                c.byState().forEach((state, n) -> replayed.put(key(c.provinceCode(), c.service(), state), n)));
        Map<String, Long> reported = new HashMap<>();
        live.stream()
                .filter(row -> row != null && row.byState() != null)
                .forEach(row -> row.byState()
                        .forEach((state, n) ->
                                reported.put(key(row.provinceCode(), row.service(), state), n == null ? 0 : n)));
        TreeSet<String> keys = new TreeSet<>(replayed.keySet());
        keys.addAll(reported.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            long a = replayed.getOrDefault(key, 0L);
            long b = reported.getOrDefault(key, 0L);
            if (a != b) {
                String[] parts = key.split("\\|", 3);
                differences.add(new Difference(parts[0], parts[1], parts[2], a, b));
            }
        }
        return differences;
    }

    private static String key(String province, String service, String state) {
        return province + "|" + service + "|" + state;
    }

    private static String header(Header header) {
        return header == null || header.value() == null
                ? null
                : new String(Objects.requireNonNull(header.value()), StandardCharsets.UTF_8);
    }
}
