package io.certrotator.edgeone;

import com.tencentcloudapi.common.Credential;

import java.time.Duration;

/** Where calls go, who signs them and how long one may take: decided once per run by the command line. */
public record ApiAccess(EdgeOneEndpoint endpoint, Credential credential, Duration callTimeout) {

    public EdgeOneClient newClient(CallPacer pacer) {
        return newClient(ApiService.TEO, pacer);
    }

    /** A client of another service on the same site, or through the same local proxy. */
    public EdgeOneClient newClient(ApiService service, CallPacer pacer) {
        return new EdgeOneClient(service, endpoint, credential, callTimeout, pacer);
    }

    /** Never shows the secret key or token. */
    @Override
    public String toString() {
        return "ApiAccess[endpoint=" + endpoint + ", secretId=" + credential.getSecretId() + "]";
    }
}
