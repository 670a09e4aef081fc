package io.certrotator.edgeone;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where API calls go. The SDK signs for the service named by the endpoint's first label, so a local
 * server is reached as an HTTP proxy while the endpoint stays {@code teo.tencentcloudapi.com} (or
 * {@code ssl.tencentcloudapi.com}, see {@link #forService(ApiService)}).
 *
 * @param endpoint  the host (and port) the SDK signs for and puts in the URL
 * @param protocol  {@code https://} or {@code http://}, as the SDK wants it
 * @param proxyHost a loopback server standing in for the API, or null
 */
public record EdgeOneEndpoint(String endpoint, String protocol, String proxyHost, int proxyPort) {

    public static final String SERVICE_HOST = "teo.tencentcloudapi.com";
    public static final String DEFAULT_URL = "https://" + SERVICE_HOST;

    public static EdgeOneEndpoint parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--endpoint: not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("--endpoint: expected https://HOST or http://127.0.0.1:PORT, got " + url);
        }
        if (scheme.equals("https")) {
            return new EdgeOneEndpoint(uri.getPort() < 0 ? host : host + ":" + uri.getPort(), "https://", null, 0);
        }
        if (!isLoopback(host)) {
            throw new IllegalArgumentException("--endpoint: plain http:// is only allowed to a loopback address "
                    + "(credentials must not cross a network unencrypted): " + url);
        }
        return new EdgeOneEndpoint(SERVICE_HOST, "http://", host, uri.getPort() < 0 ? 80 : uri.getPort());
    }

    /** The URL that {@link #parse(String)} makes this endpoint of. */
    public String url() {
        return proxyHost == null ? protocol + endpoint : "http://" + proxyHost + ":" + proxyPort;
    }

    public static EdgeOneEndpoint loopback(int port) {
        return parse("http://127.0.0.1:" + port);
    }

    /** Decided from the name alone, without a DNS lookup: no traffic leaves for a refused endpoint. */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.matches("127(\\.\\d{1,3}){3}") || name.equals("[::1]")
                || name.equals("::1");
    }

    /**
     * The same site (and the same local proxy) for another service: the endpoint's first label, which names the
     * service and the signature's scope, becomes the service's name ({@code teo.intl.tencentcloudapi.com} gives
     * {@code ssl.intl.tencentcloudapi.com}).
     */
    public EdgeOneEndpoint forService(ApiService service) {
        int dot = endpoint.indexOf('.');
        String rest = dot < 0 ? "" : endpoint.substring(dot);
        return new EdgeOneEndpoint(service.name() + rest, protocol, proxyHost, proxyPort);
    }

    public boolean viaProxy() {
        return proxyHost != null;
    }
}
