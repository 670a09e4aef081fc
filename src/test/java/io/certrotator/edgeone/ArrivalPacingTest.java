package io.certrotator.edgeone;

import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate ceiling, on a fake clock: requests go through the pacing interceptor one after another, each written
 * some time after its token (most at once, some after a pause such as a collection's), and the test records when
 * each one's bytes are written, which is when the server starts counting it.
 */
class ArrivalPacingTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Request REQUEST = new Request.Builder().url("http://127.0.0.1/").build();

    private final FakePacingClock clock = new FakePacingClock();
    private final List<Long> arrivals = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(ints = {20, 7, 1})
    void noOneSecondWindowOfArrivalsHoldsMoreThanTheRateWhateverTheWriteDelays(int rate) throws IOException {
        ArrivalPacing pacing = new ArrivalPacing(CallPacer.local(rate, clock));
        Random random = new Random(rate);
        for (int i = 0; i < 2_000; i++) {
            send(pacing, writeDelay(random));
        }

        for (int i = 0; i + rate < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i + rate) - arrivals.get(i)))
                    .as("arrivals %d to %d", i, i + rate).isGreaterThanOrEqualTo(SECOND);
        }
    }

    @Test
    void aRequestWrittenLateDelaysTheNextTokenByItsLatenessBeyondTheAllowance() throws IOException {
        ArrivalPacing pacing = new ArrivalPacing(CallPacer.local(20, clock));
        send(pacing, Duration.ZERO);
        send(pacing, Duration.ofMillis(100));
        long lateArrival = arrivals.get(1);
        send(pacing, Duration.ZERO);

        assertThat(Duration.ofNanos(arrivals.get(2) - lateArrival))
                .isGreaterThanOrEqualTo(CallPacer.spacing(20).minus(ArrivalPacing.WRITE_ALLOWANCE));
    }

    @Test
    void aClientsFirstRequestKeepsTheNextOneTwoSpacingsAway() throws IOException {
        ArrivalPacing pacing = new ArrivalPacing(CallPacer.local(20, clock));
        send(pacing, Duration.ZERO);
        send(pacing, Duration.ZERO);

        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0)))
                .isGreaterThanOrEqualTo(CallPacer.spacing(20).multipliedBy(2));
    }

    /** 90% within the write allowance, 7% up to a few spacings late, 3% a long pause. */
    private static Duration writeDelay(Random random) {
        int draw = random.nextInt(100);
        if (draw < 90) {
            return Duration.ofNanos(random.nextLong(ArrivalPacing.WRITE_ALLOWANCE.toNanos() + 1));
        }
        return Duration.ofMillis(draw < 97 ? 2 + random.nextInt(150) : 200 + random.nextInt(600));
    }

    /** One request through the interceptor: its bytes are written {@code delay} after it took its token. */
    private void send(ArrivalPacing pacing, Duration delay) throws IOException {
        Interceptor.Chain chain = (Interceptor.Chain) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Interceptor.Chain.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "request" -> REQUEST;
                    case "proceed" -> {
                        clock.advance(delay);
                        pacing.requestHeadersEnd(null, REQUEST);
                        arrivals.add(clock.nanoTime());
                        yield new Response.Builder().request(REQUEST).protocol(Protocol.HTTP_1_1).code(200)
                                .message("OK").build();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        pacing.intercept(chain);
    }
}
