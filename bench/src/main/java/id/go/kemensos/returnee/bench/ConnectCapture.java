package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.connect.ConnectorConfig;
import id.go.kemensos.returnee.infra.connect.KafkaConnectWorker;
import java.util.Map;

/** The CDC floor captured by the local stack's Kafka Connect worker, as it runs the platform's outbox connectors. */
final class ConnectCapture implements CdcFloor.Capture {

    private final KafkaConnectWorker worker;

    ConnectCapture(KafkaConnectWorker worker) {
        this.worker = worker;
    }

    @Override
    public void start(String name, Map<String, String> config) throws Exception {
        worker.run(name, worker.localConfig(new ConnectorConfig(name, config)));
    }

    @Override
    public void stop(String name) throws Exception {
        worker.remove(name);
    }

    @Override
    public String label() {
        return "Kafka Connect worker";
    }
}
