package io.certrotator.simulator;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running simulator per test class; before each test its state is re-seeded and its faults, rate limit,
 * credentials and call log are reset.
 * <pre>{@code
 * @RegisterExtension
 * static SimulatorExtension sim = SimulatorExtension.seededWith("simulator/seed.csv");
 * }</pre>
 */
public final class SimulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    public static final String SECRET_ID = "AKIDsimulatortest";
    public static final String SECRET_KEY = "simulator-test-secret-key";
    public static final String ENDPOINT = "teo.tencentcloudapi.com";

    private final EdgeOneSimulator.Builder builder;
    private EdgeOneSimulator simulator;

    private SimulatorExtension(EdgeOneSimulator.Builder builder) {
        this.builder = builder;
    }

    /** Seeded from a rotation CSV on the test class path. */
    public static SimulatorExtension seededWith(String csvResource) {
        return configured(b -> b.seedCsv(resource(csvResource)));
    }

    /** Configured freely; the test credentials are added. */
    public static SimulatorExtension configured(UnaryOperator<EdgeOneSimulator.Builder> configuration) {
        return new SimulatorExtension(configuration.apply(EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY)));
    }

    public static Path resource(String name) {
        URL url = SimulatorExtension.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = builder.build().start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator.resetFaults();
        simulator.resetState();
        simulator.callLog().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        simulator.close();
    }

    public EdgeOneSimulator simulator() {
        return simulator;
    }

    public int port() {
        return simulator.port();
    }

    public CallLog callLog() {
        return simulator.callLog();
    }

    public HostCertificate host(String zoneId, String host) {
        return simulator.hostCertificate(zoneId, host).orElseThrow(() -> new AssertionError("no host " + host));
    }

    /** An SDK client reaching the simulator as its HTTP proxy, signing for {@code teo.tencentcloudapi.com}. */
    public CommonClient client() {
        return client(SECRET_ID, SECRET_KEY);
    }

    public CommonClient client(String secretId, String secretKey) {
        return client(new Credential(secretId, secretKey), 10);
    }

    public CommonClient client(Credential credential, int readTimeoutSeconds) {
        HttpProfile http = new HttpProfile();
        http.setProtocol("http://");
        http.setEndpoint(ENDPOINT);
        http.setProxyHost("127.0.0.1");
        http.setProxyPort(port());
        http.setConnTimeout(5);
        http.setReadTimeout(readTimeoutSeconds);
        http.setWriteTimeout(5);
        return new CommonClient("teo", ApiHttpHandler.VERSION, credential, "", new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    /** An SDK client of the SSL service reaching the simulator as its HTTP proxy, signing for {@code ssl}. */
    public CommonClient sslClient() {
        HttpProfile http = new HttpProfile();
        http.setProtocol("http://");
        http.setEndpoint("ssl.tencentcloudapi.com");
        http.setProxyHost("127.0.0.1");
        http.setProxyPort(port());
        return new CommonClient("ssl", ApiHttpHandler.SSL_VERSION, new Credential(SECRET_ID, SECRET_KEY), "",
                new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    /** An SDK client with the simulator as its endpoint: it signs for service {@code 127}, so the API refuses it. */
    public CommonClient clientWithLoopbackEndpoint() {
        HttpProfile http = new HttpProfile();
        http.setProtocol("http://");
        http.setEndpoint(simulator.address());
        http.setConnTimeout(5);
        http.setReadTimeout(10);
        http.setWriteTimeout(5);
        return new CommonClient("teo", ApiHttpHandler.VERSION, new Credential(SECRET_ID, SECRET_KEY), "",
                new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    public String call(String action, String json) throws TencentCloudSDKException {
        return client().call(action, json);
    }

    /** The error code the call answers, or "OK". */
    public String outcome(String action, String json) {
        try {
            client().call(action, json);
            return CallRecord.OK;
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }
}
