package io.certrotator.edgeone;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.Sign;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import okhttp3.OkHttpClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A Tencent Cloud API service (EdgeOne, {@code teo} 2022-09-01, unless told otherwise) through the official SDK,
 * which signs, finds credentials and sends.
 * Every outcome comes back as an {@link ApiResponse}; nothing the server sends makes this throw.
 */
public final class EdgeOneClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiService service;
    private final ClientProfile profile;
    private final Supplier<Credential> renewal;
    private final ArrivalPacing pacing;
    /** Signs with one credential; replaced, never changed, when the credential is renewed. */
    private volatile CommonClient client;
    /** {@link System#nanoTime()} of the last answer (an error too, but not "no answer"), or of creation. */
    private volatile long lastAnswered = System.nanoTime();

    /** Every request this client sends, first attempt or retry, takes a token from {@code pacer} first. */
    public EdgeOneClient(EdgeOneEndpoint endpoint, Credential credential, Duration timeout, CallPacer pacer) {
        this(ApiService.TEO, endpoint, credential, () -> credential, timeout, pacer);
    }

    /**
     * A client of {@code service} on the site (or local proxy) of {@code endpoint}, signed for that service.
     *
     * @param renewal the credential as its source gives it now: asked when the API refuses the session token
     *                ({@code AuthFailure.TokenFailure}), as temporary credentials expire during a long run
     */
    public EdgeOneClient(ApiService service, EdgeOneEndpoint endpoint, Credential credential,
                         Supplier<Credential> renewal, Duration timeout, CallPacer pacer) {
        this.service = service;
        this.renewal = renewal;
        this.pacing = new ArrivalPacing(pacer);
        HttpProfile http = new HttpProfile();
        http.setEndpoint(endpoint.forService(service).endpoint());
        http.setProtocol(endpoint.protocol());
        http.setHttpClient(httpClient(endpoint, timeout, pacing));
        this.profile = new ClientProfile(ClientProfile.SIGN_TC3_256, http);
        profile.setDebug(false);
        this.client = signedWith(credential);
    }

    private CommonClient signedWith(Credential credential) {
        return new CommonClient(service.name(), service.version(), credential, "", profile);
    }

    /**
     * Makes the HTTP stack ready on a background thread while the caller goes on starting: reading the platform's
     * trusted certificates takes a good part of a second on a small machine, and would otherwise delay the
     * first call. It also writes, signs and reads a sample of each request and answer once, since the first
     * ModifyHostsCertificate call otherwise spends about 90 ms in JSON writing and signing code that runs
     * for the first time (measured on 2 cores), all of it between the live state's answer and the first change.
     */
    public static void prepareInBackground() {
        Thread thread = new Thread(() -> {
            Shared.HTTP.connectionPool();
            try {
                JSON.writeValueAsString(new ModifyHostsCertificate("zone", List.of("host"), "sslcert",
                        List.of("cert")).parameters());
                JSON.writeValueAsString(DescribeAccelerationDomains.named("zone", List.of("host")).parameters());
                Sign.hmac256(Sign.sha256Hex("key").getBytes(StandardCharsets.UTF_8), "sample");
                DomainPage.of(JSON.readTree(SAMPLE_PAGE).path("Response"));
            } catch (TencentCloudSDKException | RuntimeException e) {
                // only a head start: the first call does the same work if this could not
            }
        }, "edgeone-client-preparation");
        thread.setDaemon(true);
        thread.start();
    }

    private static final String SAMPLE_PAGE = """
            {"Response": {"TotalCount": 1, "RequestId": "sample", "AccelerationDomains": [{"DomainName": "host",
             "Certificate": {"Mode": "sslcert", "List": [{"CertId": "cert", "Status": "deployed"}]}}]}}""";

    /** Clients share one connection pool and dispatcher, as the SDK's own do. */
    private static final class Shared {
        static final OkHttpClient HTTP = new OkHttpClient();
    }

    /** The HTTP client the SDK would make, plus pacing and the cap on the size of an answer. */
    private static OkHttpClient httpClient(EdgeOneEndpoint endpoint, Duration timeout, ArrivalPacing pacing) {
        long seconds = Math.max(1, timeout.toSeconds());
        OkHttpClient.Builder http = Shared.HTTP.newBuilder()
                .connectTimeout(Math.min(seconds, 10), TimeUnit.SECONDS)
                .readTimeout(seconds, TimeUnit.SECONDS)
                .writeTimeout(seconds, TimeUnit.SECONDS)
                .addInterceptor(new ResponseSizeLimit())
                .addNetworkInterceptor(pacing)
                .eventListener(pacing);
        if (endpoint.viaProxy()) {
            http.proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(endpoint.proxyHost(), endpoint.proxyPort())));
        }
        return http.build();
    }

    /**
     * Sends the call; when the API refuses its session token, reads the credential again and, if that gives another
     * one, sends the call once more signed with it.
     *
     * @throws InterruptedException when the client was halted before the request could be sent
     */
    public ApiResponse call(String action, Object parameters) throws InterruptedException {
        CommonClient signing = client;
        ApiResponse response = answered(call(signing, action, parameters));
        if (response instanceof ApiResponse.Error error && ErrorClassifier.TOKEN_FAILURE.equals(error.code())) {
            Optional<CommonClient> renewed = renewedAfter(signing);
            if (renewed.isPresent()) {
                return answered(call(renewed.get(), action, parameters));
            }
        }
        return response;
    }

    private ApiResponse answered(ApiResponse response) {
        if (!(response instanceof ApiResponse.Error error && ErrorClassifier.isNoAnswer(error.code()))) {
            lastAnswered = System.nanoTime();
        }
        return response;
    }

    /**
     * Whether any call of this client got an answer (an error too, but not {@link ErrorClassifier#isNoAnswer no
     * answer}) after {@code nanos}, a {@link System#nanoTime()}: none means the API cannot be reached at all.
     */
    public boolean answeredSince(long nanos) {
        return lastAnswered - nanos > 0;
    }

    /** When a call of this client last got an answer (as {@link #answeredSince}), or when the client was made. */
    public Instant lastAnswered() {
        return Instant.now().minusNanos(System.nanoTime() - lastAnswered);
    }

    /**
     * A client signed with a credential other than the refused one's: the one another call renewed meanwhile, or
     * the source's now. Empty when the source gives the same credential again, or none.
     */
    private synchronized Optional<CommonClient> renewedAfter(CommonClient refused) {
        if (client != refused) {
            return Optional.of(client);
        }
        Credential fresh;
        try {
            fresh = renewal.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (sameCredential(fresh, refused.getCredential())) {
            return Optional.empty();
        }
        client = signedWith(fresh);
        return Optional.of(client);
    }

    private static boolean sameCredential(Credential a, Credential b) {
        return Objects.equals(a.getSecretId(), b.getSecretId()) && Objects.equals(a.getSecretKey(), b.getSecretKey())
                && Objects.equals(a.getToken(), b.getToken());
    }

    private static ApiResponse call(CommonClient client, String action, Object parameters)
            throws InterruptedException {
        String body;
        try {
            body = client.call(action, JSON.writeValueAsString(parameters));
        } catch (TencentCloudSDKException e) {
            if (e.getCause() instanceof ArrivalPacing.HaltedException halted) {
                throw new InterruptedException(halted.getMessage());
            }
            return fromSdkException(e);
        } catch (RuntimeException e) {
            // The SDK dereferences the parsed body without checks: an empty or odd body ends up here.
            return new ApiResponse.Error(ErrorClassifier.INVALID_RESPONSE, "unreadable response: " + e, null);
        }
        try {
            JsonNode response = JSON.readTree(body).path("Response");
            if (!response.isObject()) {
                return new ApiResponse.Error(ErrorClassifier.INVALID_RESPONSE, "response has no Response object", null);
            }
            if (!response.path("RequestId").isString()) {
                return new ApiResponse.Error(ErrorClassifier.INVALID_RESPONSE, "response has no RequestId", null);
            }
            return new ApiResponse.Ok(response.path("RequestId").asString(), response);
        } catch (JacksonException e) {
            return new ApiResponse.Error(ErrorClassifier.INVALID_RESPONSE, "response is not JSON", null);
        }
    }

    private static ApiResponse fromSdkException(TencentCloudSDKException e) {
        String code = e.getErrorCode();
        if (code != null && !code.isEmpty() && !code.equals("ServerSideError")) {
            return new ApiResponse.Error(code, e.getMessage(), e.getRequestId());
        }
        if ("ServerSideError".equals(code)) {
            return new ApiResponse.Error(ErrorClassifier.HTTP_ERROR, e.getMessage(), null);
        }
        if (e.getCause() instanceof ResponseSizeLimit.TooLarge tooLarge) {
            return new ApiResponse.Error(ErrorClassifier.INVALID_RESPONSE, tooLarge.getMessage(), null);
        }
        if (e.getCause() instanceof IOException io) {
            return new ApiResponse.Error(ErrorClassifier.NETWORK_ERROR, io.getClass().getSimpleName() + ": "
                    + io.getMessage(), null);
        }
        return new ApiResponse.Error(ErrorClassifier.INVALID_RESPONSE, e.getMessage(), null);
    }

    /** Stops sending: calls waiting for a token, and later ones, throw {@link InterruptedException} unsent. */
    public void halt() {
        pacing.halt();
    }

    /** Requests sent so far, answered or not. */
    public long callsMade() {
        return pacing.sent();
    }

    /** Requests sent and not answered yet. */
    public long callsInFlight() {
        return pacing.inFlight();
    }
}
