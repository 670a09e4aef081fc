package io.certrotator.edgeone;

import com.tencentcloudapi.common.Credential;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Where calls go, who signs them and how long one may take: decided once per run by the command line; and where
 * the credential is read again when the API refuses its session token ({@code renewal}).
 */
public record ApiAccess(EdgeOneEndpoint endpoint, Credential credential, Duration callTimeout,
                        Supplier<Credential> renewal) {

    /** Access with a credential that has no source to read it again from (one the command itself gives). */
    public ApiAccess(EdgeOneEndpoint endpoint, Credential credential, Duration callTimeout) {
        this(endpoint, credential, callTimeout, () -> credential);
    }

    public EdgeOneClient newClient(CallPacer pacer) {
        return newClient(ApiService.TEO, pacer);
    }

    /** A client of another service on the same site, or through the same local proxy. */
    public EdgeOneClient newClient(ApiService service, CallPacer pacer) {
        return new EdgeOneClient(service, endpoint, credential, renewal, callTimeout, pacer);
    }

    /** Never shows the secret key or token. */
    @Override
    public String toString() {
        return "ApiAccess[endpoint=" + endpoint + ", secretId=" + credential.getSecretId() + "]";
    }
}
