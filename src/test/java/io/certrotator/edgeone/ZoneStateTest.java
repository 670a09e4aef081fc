package io.certrotator.edgeone;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Per zone state as DescribeZones shows it: whether the zone's rows are sent or fail before any call. */
class ZoneStateTest {

    private static ZoneState zone(String json) {
        return ZoneState.of(JsonMapper.builder().build().readTree(json));
    }

    @Test
    void anActiveZoneIsSent() {
        assertThat(zone("""
                {"ZoneId": "zone-a1", "Status": "active", "ActiveStatus": "active", "Paused": false}""").refusal())
                .isEmpty();
    }

    @Test
    void aPausedZoneFailsWithTheApisErrZoneIsAlreadyPaused() {
        assertThat(zone("""
                {"ZoneId": "zone-a1", "Status": "active", "ActiveStatus": "paused", "Paused": true}""").refusal())
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.code()).isEqualTo("OperationDenied.ErrZoneIsAlreadyPaused");
                    assertThat(refusal.message()).isEqualTo("zone zone-a1 is paused");
                });
    }

    @Test
    void aZoneNotActiveFailsWithTheApisInvalidZoneStatusNamingItsStatus() {
        for (String status : new String[] {"pending", "moved", "deactivated", "initializing"}) {
            assertThat(zone("{\"ZoneId\": \"zone-a1\", \"Status\": \"" + status
                    + "\", \"ActiveStatus\": \"inactive\", \"Paused\": false}").refusal())
                    .as(status).hasValueSatisfying(refusal -> {
                        assertThat(refusal.code()).isEqualTo("FailedOperation.InvalidZoneStatus");
                        assertThat(refusal.message()).isEqualTo("zone zone-a1 is not active: DescribeZones shows "
                                + "Status " + status + ", ActiveStatus inactive");
                    });
        }
    }

    @Test
    void anInactiveActiveStatusAloneIsNotActive() {
        assertThat(zone("""
                {"ZoneId": "zone-a1", "ActiveStatus": "inactive"}""").refusal())
                .hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo(StateRefusal.ZONE_NOT_ACTIVE));
    }

    @Test
    void aZoneWithoutStateFieldsIsSent() {
        assertThat(zone("{\"ZoneId\": \"zone-a1\"}").refusal()).isEmpty();
    }
}
