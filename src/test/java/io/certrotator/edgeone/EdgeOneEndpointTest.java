package io.certrotator.edgeone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EdgeOneEndpointTest {

    @Test
    void theRealApiIsCalledDirectlyOverHttps() {
        EdgeOneEndpoint endpoint = EdgeOneEndpoint.parse(EdgeOneEndpoint.DEFAULT_URL);

        assertThat(endpoint.endpoint()).isEqualTo("teo.tencentcloudapi.com");
        assertThat(endpoint.protocol()).isEqualTo("https://");
        assertThat(endpoint.viaProxy()).isFalse();
    }

    @Test
    void aLoopbackServerIsReachedAsAProxySoTheRequestIsStillSignedForTeo() {
        EdgeOneEndpoint endpoint = EdgeOneEndpoint.parse("http://127.0.0.1:8089");

        assertThat(endpoint.endpoint()).isEqualTo("teo.tencentcloudapi.com");
        assertThat(endpoint.proxyHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.proxyPort()).isEqualTo(8089);
    }

    @Test
    void plainHttpToANonLoopbackHostIsRefused() {
        assertThatThrownBy(() -> EdgeOneEndpoint.parse("http://teo.example.invalid"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void somethingThatIsNotAUrlIsRefused() {
        assertThatThrownBy(() -> EdgeOneEndpoint.parse("ftp://x")).isInstanceOf(IllegalArgumentException.class);
    }
}
