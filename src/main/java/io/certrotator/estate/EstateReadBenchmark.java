package io.certrotator.estate;

import io.certrotator.config.CertRotatorProperties;
import com.tencentcloudapi.common.Credential;
import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.EdgeOneEndpoint;
import io.certrotator.edgeone.Pacers;
import io.certrotator.edgeone.RetryPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The estate scenario of {@code jobs/bench.sh}: reads a whole estate from {@code ENDPOINT} (the simulator) with the
 * credentials of {@code TENCENTCLOUD_SECRET_ID} / {@code TENCENTCLOUD_SECRET_KEY}, and prints what it read and how
 * long it took. The calls per action and their rates are the simulator's to count. Until the {@code inventory}
 * command exists, this is how the reader is run outside the tests.
 * <pre>{@code java -cp cert-rotator.jar -Dloader.main=io.certrotator.estate.EstateReadBenchmark \
 *     org.springframework.boot.loader.launch.PropertiesLauncher http://127.0.0.1:PORT}</pre>
 */
public final class EstateReadBenchmark {

    private EstateReadBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: EstateReadBenchmark ENDPOINT");
            System.exit(2);
        }
        Credential credential = new Credential(System.getenv("TENCENTCLOUD_SECRET_ID"),
                System.getenv("TENCENTCLOUD_SECRET_KEY"));
        ApiAccess access = new ApiAccess(EdgeOneEndpoint.parse(args[0]), credential, Duration.ofSeconds(30));
        EstateReader reader = new EstateReader(access, Pacers.local(), RetryPolicy.DEFAULT,
                CertRotatorProperties.SSL_DESCRIBE_RATE);
        long start = System.nanoTime();
        EstateSnapshot snapshot = reader.read(ZoneSelection.ALL);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("estate: %d zones (%d not readable), %d hosts, %d certificates%s in %.1f s%n",
                snapshot.zones().size(), snapshot.unreadableZones().size(), snapshot.hosts().size(),
                snapshot.certificates().size(),
                snapshot.certificatesMissing().map(failure -> " (missing: " + failure.code() + ")").orElse(""), seconds);
        InventoryReport.Summary summary = InventoryReport.of(snapshot, Instant.now(), Optional.empty()).summary();
        System.out.println("summary: " + summary);
    }
}
