package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.DescribeAccelerationDomains;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.ModifyHostsCertificate;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.results.PendingRow;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Stop and drain, with the API and the results table faked: no HTTP, no database. */
@ExtendWith(OutputCaptureExtension.class)
class RotationEngineTest {

    private static final String ZONE = "zone-stop1";
    private static final int HOSTS = 30;

    private final ResultsRepository results = mock(ResultsRepository.class);
    private final EdgeOneClient modify = mock(EdgeOneClient.class);
    private final EdgeOneClient describe = mock(EdgeOneClient.class);
    private final EdgeOneClient describeZones = mock(EdgeOneClient.class);
    private final StopSignal stopSignal = new StopSignal();
    private final CountDownLatch halted = new CountDownLatch(1);
    private final CountDownLatch firstModifySent = new CountDownLatch(1);

    RotationEngineTest() throws Exception {
        List<PendingRow> rows = IntStream.range(0, HOSTS).mapToObj(i -> new PendingRow(i + 2, ZONE,
                "h" + i + ".example.com", "sslcert", List.of("cert-new"), 0)).toList();
        doAnswer(call -> {
            rows.forEach(call.<Consumer<PendingRow>>getArgument(1));
            return null;
        }).when(results).forEachPendingInGroupOrder(anyLong(), any());
        when(describe.call(eq(DescribeAccelerationDomains.ACTION), any())).thenReturn(everyHostOnTheOldCertificate());
        doAnswer(call -> {
            halted.countDown();
            return null;
        }).when(modify).halt();
    }

    private static ApiResponse everyHostOnTheOldCertificate() {
        StringBuilder domains = new StringBuilder();
        for (int i = 0; i < HOSTS; i++) {
            domains.append(i == 0 ? "" : ",").append("{\"DomainName\": \"h").append(i).append(".example.com\", ")
                    .append("\"Certificate\": {\"Mode\": \"sslcert\", \"List\": [{\"CertId\": \"cert-old\", ")
                    .append("\"Status\": \"deployed\"}]}}");
        }
        return new ApiResponse.Ok("request-describe", JsonMapper.builder().build().readTree("{\"TotalCount\": "
                + HOSTS + ", \"RequestId\": \"request-describe\", \"AccelerationDomains\": [" + domains + "]}"));
    }

    private RotationOutcome rotateOneHostPerCall() throws InterruptedException {
        TransactionTemplate transactions = new TransactionTemplate(mock(PlatformTransactionManager.class));
        return new RotationEngine(results, transactions, RetryPolicy.DEFAULT, 8, Duration.ofSeconds(60), stopSignal)
                .rotate(1, 1, false, false, modify, describe, describeZones);
    }

    /** Once {@code event} happens, as SIGTERM does: no new calls, {@code drain} for those in flight. */
    private CompletableFuture<Long> sigtermAfter(CountDownLatch event, Duration drain) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                event.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            long stoppedAt = System.nanoTime();
            stopSignal.stop("stopped by SIGTERM", drain);
            return stoppedAt;
        });
    }

    private static Duration since(CompletableFuture<Long> stoppedAt) {
        return Duration.ofNanos(System.nanoTime() - stoppedAt.join());
    }

    @Test
    void aStopWithNoCallInFlightEndsTheRunWithinASecondAndCallsNoneUnanswered(CapturedOutput output)
            throws Exception {
        // every call waits for a token (a low --rate) until the stop halts the client: none is ever sent
        when(modify.call(eq(ModifyHostsCertificate.ACTION), any())).thenAnswer(call -> {
            firstModifySent.countDown();
            halted.await();
            throw new InterruptedException("not sent: the run is stopping");
        });
        CompletableFuture<Long> stoppedAt = sigtermAfter(firstModifySent, Duration.ofSeconds(10));

        RotationOutcome outcome = rotateOneHostPerCall();

        assertThat(since(stoppedAt)).isLessThan(Duration.ofSeconds(1));
        assertThat(outcome.stopReason()).contains("stopped by SIGTERM");
        assertThat(output).doesNotContain("unanswered");
        verify(results, never()).recordOutcome(anyLong(), anyCollection(), any());
        verify(results, never()).recordAttempts(anyLong(), anyCollection(), anyInt());
    }

    @Test
    void aCallInFlightAtTheStopIsRecordedWhenItIsAnsweredWithinTheDrainTime() throws Exception {
        when(modify.call(eq(ModifyHostsCertificate.ACTION), any())).thenAnswer(call -> {
            if (halted.getCount() == 0) {
                throw new InterruptedException("not sent: the run is stopping");
            }
            firstModifySent.countDown();
            Thread.sleep(300);
            return new ApiResponse.Ok("request-in-flight", null);
        });
        sigtermAfter(firstModifySent, Duration.ofSeconds(10));

        RotationOutcome outcome = rotateOneHostPerCall();

        assertThat(outcome.stopReason()).contains("stopped by SIGTERM");
        verify(results, atLeastOnce()).recordOutcome(anyLong(), anyCollection(), argThat(row -> row.status() == RowStatus.SUCCEEDED
                && "request-in-flight".equals(row.requestId())));
    }

    @Test
    void aCallStillInFlightAtTheEndOfTheDrainTimeIsLeftPendingAndCalledUnanswered(CapturedOutput output)
            throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        when(modify.call(eq(ModifyHostsCertificate.ACTION), any())).thenAnswer(call -> {
            if (halted.getCount() == 0) {
                throw new InterruptedException("not sent: the run is stopping");
            }
            firstModifySent.countDown();
            answered.await(10, TimeUnit.SECONDS);
            return new ApiResponse.Ok("request-too-late", null);
        });
        when(modify.callsInFlight()).thenReturn(1L);
        CompletableFuture<Long> stoppedAt = sigtermAfter(firstModifySent, Duration.ofMillis(300));

        RotationOutcome outcome = rotateOneHostPerCall();

        assertThat(since(stoppedAt)).isBetween(Duration.ofMillis(300), Duration.ofMillis(1500));
        assertThat(outcome.stopReason()).contains("stopped by SIGTERM");
        assertThat(output).contains("1 call(s) still unanswered at the end of the grace period");
        verify(results, never()).recordOutcome(anyLong(), anyCollection(), any());
        answered.countDown();
    }

    @Test
    void theRowsHandedToZoneWorkersAndNotDoneStayWithinTheBoundWhileTheRestWaitInTheDatabase() throws Exception {
        int zones = 40;
        int rowsPerZone = 10;
        int bound = 25;
        AtomicInteger rowsRead = new AtomicInteger();
        doAnswer(call -> {
            Consumer<PendingRow> consumer = call.getArgument(1);
            for (int z = 0; z < zones; z++) {
                for (int h = 0; h < rowsPerZone; h++) {
                    rowsRead.incrementAndGet();
                    consumer.accept(new PendingRow(z * rowsPerZone + h + 2L, "zone-z" + z, "h" + h + ".example.com",
                            "sslcert", List.of("cert-new"), 0));
                }
            }
            return null;
        }).when(results).forEachPendingInGroupOrder(anyLong(), any());
        CountDownLatch liveReadsMayGo = new CountDownLatch(1);
        CountDownLatch liveReadAsked = new CountDownLatch(1);
        when(describe.call(eq(DescribeAccelerationDomains.ACTION), any())).thenAnswer(call -> {
            liveReadAsked.countDown();
            liveReadsMayGo.await();
            return new ApiResponse.Ok("request-describe", JsonMapper.builder().build().readTree(
                    "{\"TotalCount\": 0, \"AccelerationDomains\": []}"));
        });
        TransactionTemplate transactions = new TransactionTemplate(mock(PlatformTransactionManager.class));
        CompletableFuture<RotationOutcome> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new RotationEngine(results, transactions, RetryPolicy.DEFAULT, 8, Duration.ofSeconds(60),
                        stopSignal, bound).rotate(1, 1, false, false, modify, describe, describeZones);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        liveReadAsked.await();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (rowsRead.get() < 3 * rowsPerZone + 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(300);
        // two zones (20 rows) under way, the third read but waiting for room: the other 37 still in the database
        assertThat(rowsRead.get()).isEqualTo(3 * rowsPerZone + 1);
        liveReadsMayGo.countDown();

        assertThat(run.get(10, TimeUnit.SECONDS).stopReason()).isEmpty();
        assertThat(rowsRead.get()).isEqualTo(zones * rowsPerZone);
    }
}
