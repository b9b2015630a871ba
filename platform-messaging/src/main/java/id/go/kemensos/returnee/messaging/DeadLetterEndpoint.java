package id.go.kemensos.returnee.messaging;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code GET /actuator/deadletters}: this service's dead letters not yet replayed, per consumed topic.
 * {@code POST /actuator/deadletters/{topic}}: replays them through the listener that failed them.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetterReplay replay;

    public DeadLetterEndpoint(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @ReadOperation
    public Map<String, Long> pending() {
        return replay.pending();
    }

    @WriteOperation
    public DeadLetterReplay.Result replay(@Selector String topic) {
        return replay.replay(topic);
    }
}
