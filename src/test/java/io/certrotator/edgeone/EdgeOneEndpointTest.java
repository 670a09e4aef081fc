package io.certrotator.edgeone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void eachSiteHasItsEdgeOneAndSslHosts() {
        assertThat(ApiSite.parse("cn").endpoint().endpoint()).isEqualTo("teo.tencentcloudapi.com");
        assertThat(ApiSite.parse("cn").endpoint().forService(ApiService.SSL).endpoint())
                .isEqualTo("ssl.tencentcloudapi.com");
        assertThat(ApiSite.parse("INTL").endpoint().endpoint()).isEqualTo("teo.intl.tencentcloudapi.com");
        assertThat(ApiSite.parse("intl").endpoint().forService(ApiService.SSL).endpoint())
                .isEqualTo("ssl.intl.tencentcloudapi.com");
        assertThat(ApiSite.INTL.endpoint().protocol()).isEqualTo("https://");
    }

    @Test
    void anUnknownSiteIsRefused() {
        assertThatThrownBy(() -> ApiSite.parse("eu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cn or intl");
    }

    @Test
    void aLoopbackServerServesTheSslServiceThroughTheSameProxySignedForSsl() {
        EdgeOneEndpoint ssl = EdgeOneEndpoint.parse("http://127.0.0.1:8089").forService(ApiService.SSL);

        assertThat(ssl.endpoint()).isEqualTo("ssl.tencentcloudapi.com");
        assertThat(ssl.protocol()).isEqualTo("http://");
        assertThat(ssl.proxyHost()).isEqualTo("127.0.0.1");
        assertThat(ssl.proxyPort()).isEqualTo(8089);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://teo.tencentcloudapi.com",
            "https://teo.intl.tencentcloudapi.com:8443", "http://127.0.0.1:8089"})
    void theUrlParsesBackToTheSameEndpoint(String url) {
        EdgeOneEndpoint endpoint = EdgeOneEndpoint.parse(url);

        assertThat(endpoint.url()).isEqualTo(url);
        assertThat(EdgeOneEndpoint.parse(endpoint.url())).isEqualTo(endpoint);
    }
}
