package io.certrotator.edgeone;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FatalRefusalTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static ApiResponse.Error signatureExpire(String message) {
        return new ApiResponse.Error("AuthFailure.SignatureExpire", message, "request-1");
    }

    @Test
    void aSignatureExpiredSaysHowFarThisMachinesClockIsBehindTheServerTimeTheApiStates() {
        long serverTime = NOW.plus(Duration.ofMinutes(7)).minusSeconds(20).getEpochSecond();

        assertThat(FatalRefusal.reason(signatureExpire("Signature expired. Please use local time and enable NTP service"
                + " for time synchronization to avoid a deviation between `Timestamp` and the server time "
                + serverTime + "."), NOW))
                .startsWith("this machine's clock is about 7 minutes behind the API's (AuthFailure.SignatureExpire")
                .endsWith("sync it (NTP, chrony)");
    }

    @Test
    void aClockHoursAheadIsSaidInHours() {
        long serverTime = NOW.minus(Duration.ofHours(3)).getEpochSecond();

        assertThat(FatalRefusal.reason(signatureExpire("... the server time " + serverTime + "."), NOW))
                .startsWith("this machine's clock is about 3 hours ahead of the API's");
    }

    @Test
    void aSignatureExpiredWithoutTheServerTimeSaysTheClockIsMoreThanFiveMinutesOff() {
        assertThat(FatalRefusal.reason(signatureExpire("Signature expired."), NOW)).isEqualTo(
                "this machine's clock differs from the API's by more than 5 minutes (AuthFailure.SignatureExpire): "
                        + "sync it (NTP, chrony)");
    }

    @Test
    void aRefusedSessionTokenSaysHowToRenewTheTemporaryCredentials() {
        assertThat(FatalRefusal.reason(new ApiResponse.Error("AuthFailure.TokenFailure", "token error", "r"), NOW))
                .contains("session token has expired", "renew the temporary credentials", "TENCENTCLOUD_SESSION_TOKEN");
    }

    @Test
    void anyOtherFatalAnswerIsQuotedWithItsCode() {
        assertThat(FatalRefusal.reason(new ApiResponse.Error("AuthFailure.SignatureFailure", "bad signature", "r"), NOW))
                .isEqualTo("the API refused the call with AuthFailure.SignatureFailure: bad signature");
    }
}
