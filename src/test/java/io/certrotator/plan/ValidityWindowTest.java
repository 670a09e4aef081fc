package io.certrotator.plan;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static io.certrotator.plan.Estate.NOW;
import static io.certrotator.plan.Estate.days;
import static org.assertj.core.api.Assertions.assertThat;

class ValidityWindowTest {

    private final ValidityWindow thirtyDays = new ValidityWindow(NOW, Duration.ofDays(30));

    @Test
    void expiredOrExpiringBeforeTheWindowEndsIsExpiring() {
        assertThat(thirtyDays.expiring(Optional.of(days(-1)))).isTrue();
        assertThat(thirtyDays.expiring(Optional.of(days(29)))).isTrue();
        assertThat(thirtyDays.expiring(Optional.of(days(30)))).isFalse();
    }

    @Test
    void unknownExpiryIsNotExpiring() {
        assertThat(thirtyDays.expiring(Optional.empty())).isFalse();
    }

    @Test
    void reasonsNameTheWindowInWords() {
        assertThat(thirtyDays.describeExpiring()).isEqualTo("expires within 30 days");
        assertThat(new ValidityWindow(NOW, Duration.ofDays(1)).describeExpiring()).isEqualTo("expires within 1 day");
        assertThat(new ValidityWindow(NOW, Duration.ofHours(36)).describeExpiring()).isEqualTo("expires within 36h");
        assertThat(new ValidityWindow(NOW, Duration.ZERO).describeExpiring()).isEqualTo("has expired");
    }
}
