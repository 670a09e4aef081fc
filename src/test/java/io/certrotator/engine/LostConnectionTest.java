package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.EdgeOneClient;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** When a call without an answer means the API is out of reach, judged across the run's clients (no HTTP). */
class LostConnectionTest {

    private static final ApiResponse.Error REFUSED = new ApiResponse.Error("NetworkError", "Connection refused", null);

    private final EdgeOneClient modify = mock(EdgeOneClient.class);
    private final EdgeOneClient describe = mock(EdgeOneClient.class);
    private final LostConnection lostConnection = new LostConnection(modify, describe);

    @Test
    void anAnswerToAnotherActionSinceTheLastAttemptShowsTheApiCanBeReached() {
        when(modify.answeredSince(anyLong())).thenReturn(false);
        when(describe.answeredSince(anyLong())).thenReturn(true);

        assertThat(lostConnection.stopReason("ModifyHostsCertificate", REFUSED, System.nanoTime())).isEmpty();
    }

    @Test
    void noAnswerToAnyActionStopsTheRunNamingTheLastAnswerOfAny() {
        when(modify.lastAnswered()).thenReturn(Instant.parse("2026-12-01T16:00:00Z"));
        when(describe.lastAnswered()).thenReturn(Instant.parse("2026-12-01T16:05:07.800Z"));

        assertThat(lostConnection.stopReason("DescribeAccelerationDomains", REFUSED, System.nanoTime())).contains(
                "lost the connection to the API: no call has had an answer since 2026-12-01T16:05:07Z "
                        + "(DescribeAccelerationDomains: NetworkError: Connection refused): check the network, the "
                        + "proxy or --endpoint");
    }

    @Test
    void anErrorTheApiAnsweredIsNotALostConnection() {
        ApiResponse.Error answered = new ApiResponse.Error("InternalError", "try again", "request-1");

        assertThat(lostConnection.stopReason("ModifyHostsCertificate", answered, System.nanoTime())).isEmpty();
    }
}
