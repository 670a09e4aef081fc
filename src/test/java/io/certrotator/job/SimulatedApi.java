package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.edgeone.ModifyHostsCertificate;
import io.certrotator.simulator.EdgeOneSimulator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The other side of a rotation test: a simulator a test starts with the credentials it signs with, and that
 * is closed after the test.
 */
final class SimulatedApi implements AfterEachCallback {

    private final Credential credential;
    private EdgeOneSimulator simulator;

    SimulatedApi(Credential credential) {
        this.credential = credential;
    }

    /** Every zone, host and certificate the CSV names exists, each certificate covering its hosts. */
    EdgeOneSimulator seededWith(Path csv) {
        return start(builder -> builder.seedCsv(csv));
    }

    EdgeOneSimulator seededWith(Path csv, UnaryOperator<EdgeOneSimulator.Builder> more) {
        return start(builder -> more.apply(builder.seedCsv(csv)));
    }

    /** As {@link #seededWith(Path)}; the credential is revoked at the {@code nth} ModifyHostsCertificate call. */
    EdgeOneSimulator seededRevokingCredentialsAt(Path csv, int nth) {
        AtomicInteger modifyCalls = new AtomicInteger();
        return seededWith(csv, b -> b.onCall(call -> {
            if (call.action().equals(ModifyHostsCertificate.ACTION) && modifyCalls.incrementAndGet() == nth) {
                simulator.revokeCredentials(credential.getSecretId());
            }
        }));
    }

    EdgeOneSimulator start(UnaryOperator<EdgeOneSimulator.Builder> configuration) {
        simulator = configuration.apply(EdgeOneSimulator.builder()
                .credentials(credential.getSecretId(), credential.getSecretKey())).build().start();
        return simulator;
    }

    EdgeOneSimulator simulator() {
        return simulator;
    }

    /** The command-line option that points a rotation at this simulator. */
    String endpointOption() {
        return "--endpoint=http://127.0.0.1:" + simulator.port();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
        }
    }
}
