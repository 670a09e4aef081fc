package io.certrotator.simulator;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A simulator whose clock is off this machine's, as the API's is when this machine's clock is wrong. */
class ClockOffsetTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(b -> b
            .seedCsv(SimulatorExtension.resource("simulator/seed.csv"))
            .clockOffset(Duration.ofMinutes(7)));

    @Test
    void refusesTheSdksRequestsWithSignatureExpireStatingTheServerTime() {
        long serverTime = Instant.now().plus(Duration.ofMinutes(7)).getEpochSecond();

        assertThatThrownBy(() -> sim.call("DescribeZones", "{}")).isInstanceOfSatisfying(TencentCloudSDKException.class,
                e -> {
                    assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.SIGNATURE_EXPIRE);
                    long stated = Long.parseLong(e.getMessage().replaceAll(".*server time (\\d+).*", "$1"));
                    assertThat(stated).isBetween(serverTime - 5, serverTime + 5);
                });
    }
}
