package id.go.kemensos.returnee.gateway;

import tools.jackson.databind.JsonNode;

/** A business answer from a gateway: any status below 500 with its JSON body. */
public record GatewayResponse(int status, JsonNode body) {

    public String text(String field) {
        JsonNode node = body == null ? null : body.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
