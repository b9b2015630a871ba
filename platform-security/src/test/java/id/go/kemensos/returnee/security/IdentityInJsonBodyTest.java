package id.go.kemensos.returnee.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class IdentityInJsonBodyTest {

    private static MockHttpServletRequest post(String json) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/batches/1/approval");
        request.setContentType("application/json");
        request.setContent(json.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void aTopLevelPropertyNamingWhoActsIsRefusedWithTheField() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new IdentityInJsonBody()
                .doFilter(post("{\"note\": {\"x\": [1, 2]}, \"approvedBy\": \"someone.else\"}"), response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("approvedBy is taken from your login");
        assertThat(chain.getRequest()).as("the request goes no further").isNull();
    }

    @Test
    void otherBodiesReachTheEndpointIntactNestedNamesIncluded() throws Exception {
        String json =
                "{\"reason\": \"rekening diperiksa\", \"detail\": {\"officer\": \"named inside, not the actor\"}}";
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new IdentityInJsonBody().doFilter(post(json), response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(json);
    }

    @Test
    void aBodyThatIsNotJsonIsLeftToTheEndpoint() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        new IdentityInJsonBody().doFilter(post("not json {"), new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }
}
