package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneAccessTest {

    private static final ApiResponse.Error REFUSED = new ApiResponse.Error("UnauthorizedOperation.CamUnauthorized",
            "not authorized", "request-1");

    private final RunStop stop = new RunStop();
    private final ZoneAccess access = new ZoneAccess(stop);
    private final List<String> failed = new ArrayList<>();

    private void refuse(String zoneId) {
        access.refused(zoneId, REFUSED, () -> failed.add(zoneId));
    }

    private void start(String... zoneIds) {
        for (String zoneId : zoneIds) {
            access.started(zoneId);
        }
    }

    @Test
    void theFirstThreeZonesAllRefusedStopTheRunAndFailNoRow() {
        start("zone-a", "zone-b", "zone-c", "zone-d");

        refuse("zone-a");
        refuse("zone-b");
        assertThat(stop.stopped()).isFalse();
        refuse("zone-c");

        assertThat(stop.reason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("the first 3 zones tried", "zone-a (UnauthorizedOperation.CamUnauthorized)", "zone-c",
                        "CAM policy"));
        refuse("zone-d");
        assertThat(failed).isEmpty();
    }

    @Test
    void aRefusedZoneWaitsUntilOneOfTheFirstZonesIsAllowedThenFails() {
        start("zone-a", "zone-b", "zone-c");

        refuse("zone-a");
        assertThat(failed).isEmpty();
        access.allowed("zone-b");

        assertThat(failed).containsExactly("zone-a");
        refuse("zone-c");
        assertThat(failed).containsExactly("zone-a", "zone-c");
        assertThat(stop.stopped()).isFalse();
    }

    @Test
    void aZoneAllowedBeyondTheFirstThreeDoesNotDecide() {
        start("zone-a", "zone-b", "zone-c", "zone-d");

        access.allowed("zone-d");
        refuse("zone-a");
        refuse("zone-b");
        refuse("zone-c");

        assertThat(stop.stopped()).isTrue();
        assertThat(failed).isEmpty();
    }

    @Test
    void aZoneRefusedAfterItWasAllowedStillCountsAsAllowed() {
        start("zone-a", "zone-b", "zone-c");

        access.allowed("zone-a");
        refuse("zone-a");
        refuse("zone-b");
        refuse("zone-c");

        assertThat(stop.stopped()).isFalse();
        assertThat(failed).containsExactly("zone-a", "zone-b", "zone-c");
    }

    @Test
    void aRunOfOneZoneThatIsRefusedStopsOnceAllItsZonesHaveStarted() {
        start("zone-a");
        refuse("zone-a");
        assertThat(stop.stopped()).isFalse();

        access.allStarted();

        assertThat(stop.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("every zone of the run"));
        assertThat(failed).isEmpty();
    }

    @Test
    void aRunOfTwoZonesWithOneAllowedFailsTheOther() {
        start("zone-a", "zone-b");
        access.allStarted();

        refuse("zone-a");
        access.allowed("zone-b");

        assertThat(stop.stopped()).isFalse();
        assertThat(failed).containsExactly("zone-a");
    }
}
