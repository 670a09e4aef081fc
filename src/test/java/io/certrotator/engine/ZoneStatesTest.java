package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.BackOffPause;
import io.certrotator.edgeone.DescribeZones;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.edgeone.ZoneStateReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The zone state check's batching and its answers, with DescribeZones faked: no HTTP. */
class ZoneStatesTest {

    private final EdgeOneClient client = mock(EdgeOneClient.class);
    private final List<List<String>> asked = new ArrayList<>();
    private final RunStop stop = new RunStop();

    private static List<String> zones(int count) {
        return IntStream.range(0, count).mapToObj(i -> "zone-z" + i).toList();
    }

    /** Answers each DescribeZones with the zones it names, {@code zone-z3} paused, and records what it named. */
    private ZoneStates answering(List<String> zoneIds) throws InterruptedException {
        when(client.call(eq(DescribeZones.ACTION), any())).thenAnswer(call -> {
            Map<?, ?> parameters = call.getArgument(1);
            Map<?, ?> filter = (Map<?, ?>) ((List<?>) parameters.get("Filters")).get(0);
            List<String> named = ((List<?>) filter.get("Values")).stream().map(String::valueOf).toList();
            asked.add(named);
            String zonesJson = named.stream().map(id -> "{\"ZoneId\": \"" + id + "\", \"Status\": \"active\", "
                    + "\"Paused\": " + id.equals("zone-z3") + "}").collect(Collectors.joining(","));
            return new ApiResponse.Ok("r", JsonMapper.builder().build().readTree("{\"Zones\": [" + zonesJson + "]}"));
        });
        return zoneStates(RetryPolicy.DEFAULT, zoneIds);
    }

    private ZoneStates zoneStates(RetryPolicy policy, List<String> zoneIds) {
        return new ZoneStates(new ZoneStateReader(client, policy, BackOffPause.SLEEP), zoneIds, stop,
                new LostConnection(client));
    }

    @Test
    void aBatchOfTwentyZonesIsReadOnceWhenTheRunReachesItsFirstZone() throws InterruptedException {
        ZoneStates states = answering(zones(45));

        states.refusal("zone-z0");
        states.refusal("zone-z19");
        assertThat(asked).containsExactly(zones(20));

        states.refusal("zone-z20");
        states.refusal("zone-z44");
        assertThat(asked).containsExactly(zones(20), zones(40).subList(20, 40), zones(45).subList(40, 45));
        states.refusal("zone-z44");
        assertThat(asked).hasSize(3);
    }

    @Test
    void aPausedZoneIsRefusedAndAnActiveOneIsNot() throws InterruptedException {
        ZoneStates states = answering(zones(5));

        assertThat(states.refusal("zone-z3")).map(StateRefusal::code)
                .contains(StateRefusal.ZONE_PAUSED);
        assertThat(states.refusal("zone-z2")).isEmpty();
    }

    @Test
    void aZoneNotShownOrNotInTheRunIsNotRefused() throws InterruptedException {
        ZoneStates states = answering(zones(2));

        assertThat(states.refusal("zone-elsewhere")).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void aFailedReadLeavesItsZonesWithoutAState() throws InterruptedException {
        when(client.call(eq(DescribeZones.ACTION), any())).thenReturn(
                new ApiResponse.Error("UnauthorizedOperation.CamUnauthorized", "no teo:DescribeZones", "r"));
        ZoneStates states = zoneStates(RetryPolicy.DEFAULT, zones(3));

        assertThat(states.refusal("zone-z0")).isEmpty();
        assertThat(stop.stopped()).isFalse();
    }

    /** A policy may leave DescribeZones out: the changes' own answers then decide whether the run goes on. */
    @Test
    void aFatalAnswerToTheZoneStateReadLeavesItsZonesWithoutAStateAndTheRunGoesOn() throws InterruptedException {
        when(client.call(eq(DescribeZones.ACTION), any())).thenReturn(
                new ApiResponse.Error("AuthFailure.UnauthorizedOperation", "no teo:DescribeZones", "r"));

        assertThat(zoneStates(RetryPolicy.DEFAULT, zones(3)).refusal("zone-z0")).isEmpty();
        assertThat(stop.stopped()).isFalse();
    }

    @Test
    void aReadWhoseAttemptsAllGoUnansweredWhileNoCallIsAnsweredStopsTheRun() throws InterruptedException {
        when(client.call(eq(DescribeZones.ACTION), any())).thenReturn(
                new ApiResponse.Error("NetworkError", "ConnectException: Connection refused", null));
        when(client.answeredSince(anyLong())).thenReturn(false);
        when(client.lastAnswered()).thenReturn(Instant.parse("2026-12-01T16:40:00Z"));

        zoneStates(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)), zones(3)).refusal("zone-z0");

        verify(client, times(2)).call(eq(DescribeZones.ACTION), any());
        assertThat(stop.reason()).contains("lost the connection to the API: no call has had an answer since "
                + "2026-12-01T16:40:00Z (DescribeZones: NetworkError: ConnectException: Connection refused): check "
                + "the network, the proxy or --endpoint");
    }
}
