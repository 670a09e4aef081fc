package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.DescribeFailed;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.LiveStateReader;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.plan.HostGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.invocation.InvocationOnMock;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

class GroupSenderTest {

    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20));

    private final EdgeOneClient client = mock(EdgeOneClient.class);
    private final LiveStateReader reader = mock(LiveStateReader.class);
    private final GroupOutcomeRecorder recorder = mock(GroupOutcomeRecorder.class);
    private final RunStop stop = new RunStop();
    private final ZoneAccess access = new ZoneAccess(stop);

    private List<HostGroup> send(RetryPolicy policy, String... hosts) throws InterruptedException {
        Map<String, List<Long>> lines = new LinkedHashMap<>();
        for (int i = 0; i < hosts.length; i++) {
            lines.put(hosts[i], List.of(i + 2L));
        }
        return new GroupSender(client, reader, policy, recorder, stop, access, new LostConnection(client))
                .send(new HostGroup("zone-a1", "sslcert", List.of("cert-new"), lines, 0));
    }

    @SuppressWarnings("unchecked")
    private static List<String> hostsOf(InvocationOnMock call) {
        return (List<String>) ((Map<String, Object>) call.getArgument(1)).get("Hosts");
    }

    private static ApiResponse ok() {
        return new ApiResponse.Ok("request-ok", null);
    }

    private static ApiResponse error(String code) {
        return error(code, "request-error");
    }

    private static ApiResponse error(String code, String requestId) {
        return new ApiResponse.Error(code, "the API says no", requestId);
    }

    private static final HostConfig ON_TARGET = new HostConfig("sslcert", List.of(new HostConfig.Cert("cert-new", "deployed")));
    private static final HostConfig OLD = new HostConfig("sslcert", List.of(new HostConfig.Cert("cert-old", "deployed")));

    /** The read-back shows each host as given. */
    private void readBackShows(Map<String, HostConfig> live) throws InterruptedException {
        when(reader.read(eq("zone-a1"), any())).thenReturn(live);
    }

    /**
     * Sends one host with a 20 s back-off and stops the run 200 ms in: the wait ends at once, after one call, and the
     * rows are left PENDING with that attempt counted.
     */
    private void sendStoppedDuringItsBackOffAndCheckTheRowsStayPending() throws InterruptedException {
        RetryPolicy longBackOff = new RetryPolicy(6, Duration.ofSeconds(20), Duration.ofSeconds(30));
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> stop.stop("stopped by SIGTERM"));
        long started = System.nanoTime();

        assertThat(send(longBackOff, "a.example.com")).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        verify(client, times(1)).call(any(), any());
        verify(recorder).undecided(argThat(group -> group.attempts() == 1));
        verifyNoMoreInteractions(recorder);
    }

    @Test
    void aGroupRefusedForOneOfItsHostsIsSplitUntilTheOthersAreAcceptedAndThatOneFailsAlone() throws Exception {
        when(client.call(any(), any())).thenAnswer(call -> hostsOf(call).contains("c.example.com")
                ? error("InvalidParameter.CertNotMatchDomain") : ok());

        List<HostGroup> accepted = send(QUICK_RETRIES, "a.example.com", "b.example.com", "c.example.com",
                "d.example.com");

        assertThat(accepted).flatExtracting(HostGroup::hosts)
                .containsExactlyInAnyOrder("a.example.com", "b.example.com", "d.example.com");
        // [a b c d] refused, [a b] accepted, [c d] refused, [c] refused, [d] accepted
        verify(client, times(5)).call(any(), any());
        verify(recorder).failed(argThat(group -> group.hosts().equals(List.of("c.example.com"))
                && group.attempts() == 3), argThat(error -> error.code().equals("InvalidParameter.CertNotMatchDomain")));
    }

    @Test
    void aTransientErrorIsRetriedAfterItsBackOffAndTheRowsCountEveryAttempt() throws Exception {
        when(client.call(any(), any())).thenReturn(error("InternalError"), error("InternalError"), ok());

        List<HostGroup> accepted = send(QUICK_RETRIES, "a.example.com");

        assertThat(accepted).singleElement().extracting(HostGroup::attempts).isEqualTo(3);
        verify(recorder, times(2)).undecided(any());
        verify(recorder).succeeded(argThat(group -> group.attempts() == 3), eq("request-ok"));
    }

    @Test
    void rowsWhoseAttemptsRunOutFailWithTheLastError() throws Exception {
        when(client.call(any(), any())).thenReturn(error("InternalError"), error("InternalError"),
                error("ResourceInUse.Zone"));

        assertThat(send(QUICK_RETRIES, "a.example.com")).isEmpty();

        verify(recorder).failed(argThat(group -> group.attempts() == 3),
                argThat(error -> error.code().equals("ResourceInUse.Zone")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NetworkError", "HttpError"})
    void attemptsThatAllGoUnansweredWhileNoOtherCallIsAnsweredStopTheRunWithTheRowsPending(String noAnswer)
            throws Exception {
        when(client.call(any(), any())).thenReturn(error(noAnswer, null));
        when(client.answeredSince(anyLong())).thenReturn(false);
        when(client.lastAnswered()).thenReturn(Instant.parse("2026-12-01T15:24:23.456Z"));

        assertThat(send(QUICK_RETRIES, "a.example.com")).isEmpty();

        verify(client, times(3)).call(any(), any());
        verify(recorder, times(3)).undecided(any());
        verifyNoMoreInteractions(recorder);
        assertThat(stop.reason()).contains("lost the connection to the API: no call has had an answer since"
                + " 2026-12-01T15:24:23Z (ModifyHostsCertificate: " + noAnswer + ": the API says no): check the"
                + " network, the proxy or --endpoint");
    }

    /** Calls sent before the outage are answered after a later call's first attempt: they say nothing of now. */
    @Test
    void aCallAnsweredAfterTheFirstAttemptButBeforeTheLastDoesNotKeepTheConnectionAlive() throws Exception {
        AtomicLong otherAnswer = new AtomicLong(Long.MAX_VALUE);
        when(client.call(any(), any())).thenAnswer(call -> {
            if (otherAnswer.get() == Long.MAX_VALUE) {
                otherAnswer.set(System.nanoTime() + 1);
            }
            return error("NetworkError", null);
        });
        when(client.answeredSince(anyLong())).thenAnswer(since -> (long) since.getArgument(0) < otherAnswer.get());
        when(client.lastAnswered()).thenReturn(Instant.parse("2026-12-01T15:24:23Z"));

        assertThat(send(QUICK_RETRIES, "a.example.com")).isEmpty();

        verify(recorder, times(3)).undecided(any());
        verifyNoMoreInteractions(recorder);
        assertThat(stop.reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("lost the connection"));
    }

    @Test
    void attemptsThatAllGoUnansweredWhileOtherCallsAreAnsweredFailTheRows() throws Exception {
        when(client.call(any(), any())).thenReturn(error("NetworkError", null));
        when(client.answeredSince(anyLong())).thenReturn(true);

        assertThat(send(QUICK_RETRIES, "a.example.com")).isEmpty();

        verify(recorder).failed(argThat(group -> group.attempts() == 3),
                argThat(error -> error.code().equals("NetworkError")));
        assertThat(stop.stopped()).isFalse();
    }

    @Test
    void aStopDuringARetrysBackOffEndsTheWaitAtOnceAndLeavesTheRowsPending() throws Exception {
        when(client.call(any(), any())).thenReturn(error("InternalError"));
        sendStoppedDuringItsBackOffAndCheckTheRowsStayPending();
    }

    @Test
    void aFatalErrorStopsTheRunAndLeavesTheRowsPending() throws Exception {
        when(client.call(any(), any())).thenReturn(error("AuthFailure.SignatureFailure"));

        assertThat(send(QUICK_RETRIES, "a.example.com", "b.example.com")).isEmpty();

        assertThat(stop.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("AuthFailure.SignatureFailure"));
        verify(recorder).undecided(any());
        verifyNoMoreInteractions(recorder);
    }

    @Test
    void hostsThatShowTheTargetAfterAnAmbiguousAnswerSucceedWithoutAnotherCall() throws Exception {
        when(client.call(any(), any())).thenReturn(error("FailedOperation.ModifyFailed", "request-ambiguous"));
        readBackShows(Map.of("a.example.com", ON_TARGET, "b.example.com", ON_TARGET));

        List<HostGroup> accepted = send(QUICK_RETRIES, "a.example.com", "b.example.com");

        assertThat(accepted).flatExtracting(HostGroup::hosts).containsExactlyInAnyOrder("a.example.com", "b.example.com");
        verify(client, times(1)).call(any(), any());
        verify(recorder).undecided(argThat(group -> group.hosts().size() == 2 && group.attempts() == 1));
        verify(recorder).succeeded(argThat(group -> group.hosts().size() == 2 && group.attempts() == 1),
                eq("request-ambiguous"));
        verifyNoMoreInteractions(recorder);
    }

    @Test
    void afterAnAmbiguousAnswerOnlyTheHostsOffTheTargetAreSentAgain() throws Exception {
        when(client.call(any(), any())).thenReturn(error("FailedOperation"), ok());
        readBackShows(Map.of("a.example.com", ON_TARGET, "b.example.com", OLD));

        List<HostGroup> accepted = send(QUICK_RETRIES, "a.example.com", "b.example.com");

        assertThat(accepted).flatExtracting(HostGroup::hosts).containsExactlyInAnyOrder("a.example.com", "b.example.com");
        verify(client, times(1)).call(any(), argThat(parameters -> List.of("a.example.com", "b.example.com")
                .equals(((Map<?, ?>) parameters).get("Hosts"))));
        verify(client, times(1)).call(any(), argThat(parameters -> List.of("b.example.com")
                .equals(((Map<?, ?>) parameters).get("Hosts"))));
        verify(recorder).succeeded(argThat(group -> group.hosts().equals(List.of("a.example.com"))
                && group.attempts() == 1), eq("request-error"));
        verify(recorder).undecided(argThat(group -> group.hosts().size() == 2 && group.attempts() == 1));
        verify(recorder).succeeded(argThat(group -> group.hosts().equals(List.of("b.example.com"))
                && group.attempts() == 2), eq("request-ok"));
    }

    @Test
    void hostsStillOffTheTargetAfterThreeAmbiguousAnswersFailWithTheCodeAndEveryRequestId() throws Exception {
        RetryPolicy moreAttempts = new RetryPolicy(6, Duration.ofMillis(10), Duration.ofMillis(20));
        when(client.call(any(), any())).thenReturn(error("FailedOperation.ModifyFailed", "request-1"),
                error("FailedOperation.ModifyFailed", "request-2"), error("FailedOperation.ModifyFailed", "request-3"));
        readBackShows(Map.of("a.example.com", OLD));

        assertThat(send(moreAttempts, "a.example.com")).isEmpty();

        verify(client, times(GroupSender.AMBIGUOUS_ATTEMPTS)).call(any(), any());
        verify(recorder).failed(argThat(group -> group.attempts() == 3), argThat(error ->
                error.code().equals("FailedOperation.ModifyFailed") && error.requestId().equals("request-3")
                        && error.message().contains("request-1, request-2, request-3")));
    }

    @Test
    void aStopDuringTheBackOffAfterAnAmbiguousAnswerLeavesTheHostsOffTheTargetPending() throws Exception {
        when(client.call(any(), any())).thenReturn(error("FailedOperation.ModifyFailed"));
        readBackShows(Map.of("a.example.com", OLD));
        sendStoppedDuringItsBackOffAndCheckTheRowsStayPending();
    }

    @Test
    void aFatalAnswerToTheReadBackStopsTheRunAndLeavesTheRowsPending() throws Exception {
        when(client.call(any(), any())).thenReturn(error("FailedOperation.ModifyFailed"));
        DescribeFailed refused = mock(DescribeFailed.class);
        when(refused.fatal()).thenReturn(true);
        when(refused.error()).thenReturn((ApiResponse.Error) error("AuthFailure.SignatureFailure"));
        when(reader.read(eq("zone-a1"), any())).thenThrow(refused);

        assertThat(send(QUICK_RETRIES, "a.example.com")).isEmpty();

        assertThat(stop.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("AuthFailure.SignatureFailure"));
        verify(recorder).undecided(any());
        verifyNoMoreInteractions(recorder);
    }

    @Test
    void aZoneRefusedWithUnauthorizedOperationFailsTheGroupWithTheCodeOnceTheRunGoesOnWithoutStopping()
            throws Exception {
        access.started("zone-ok1");
        access.started("zone-a1");
        access.allowed("zone-ok1");
        when(client.call(any(), any())).thenReturn(error("UnauthorizedOperation.CamUnauthorized"));

        assertThat(send(QUICK_RETRIES, "a.example.com", "b.example.com")).isEmpty();

        assertThat(stop.stopped()).isFalse();
        verify(client, times(1)).call(any(), any());
        verify(recorder).failed(argThat(group -> group.hosts().size() == 2 && group.attempts() == 1),
                argThat(error -> error.code().equals("UnauthorizedOperation.CamUnauthorized")
                        && error.message().startsWith("zone zone-a1 refused ModifyHostsCertificate with "
                        + "UnauthorizedOperation.CamUnauthorized: ")));
    }

    @Test
    void aGroupOfAZoneAlreadyRefusedIsNotSentAndFailsWithTheZonesRefusal() throws Exception {
        access.started("zone-ok1");
        access.started("zone-a1");
        access.allowed("zone-ok1");
        when(client.call(any(), any())).thenReturn(error("UnauthorizedOperation.CamUnauthorized", "request-refused"));
        send(QUICK_RETRIES, "a.example.com");

        assertThat(send(QUICK_RETRIES, "b.example.com")).isEmpty();

        verify(client, times(1)).call(any(), any());
        verify(recorder).failed(argThat(group -> group.hosts().equals(List.of("b.example.com"))
                        && group.attempts() == 0),
                argThat(error -> error.code().equals("UnauthorizedOperation.CamUnauthorized")
                        && error.requestId().equals("request-refused")
                        && error.message().startsWith("zone zone-a1 refused ModifyHostsCertificate with ")));
    }
}
