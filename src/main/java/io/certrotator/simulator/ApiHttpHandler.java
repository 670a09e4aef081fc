package io.certrotator.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves {@code POST /} (origin-form, or absolute-form when clients use the simulator as an HTTP proxy) for EdgeOne
 * and the SSL service, told apart by the Host header (see {@link SimulatedService#nameFor(String)}).
 * Order of checks: request shape, authentication (scoped to the service), version, action, rate limit (per action),
 * random faults, then the action. Calls refused before the rate limiter are not admitted and do not count against it.
 * Every request is logged once its outcome is decided, before the latency is waited out.
 */
final class ApiHttpHandler implements HttpHandler {
    static final String VERSION = "2022-09-01";
    static final String SSL_VERSION = "2019-12-05";
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger LOG = Logger.getLogger(ApiHttpHandler.class.getName());

    private final Map<String, SimulatedService> services;
    private final RequestAuthenticator authenticator;
    private final SlidingWindowRateLimiter rateLimiter;
    private final FaultInjector faults;
    private final CallLog callLog;
    private final Consumer<CallRecord> callListener;
    private final Clock clock;

    ApiHttpHandler(Map<String, SimulatedService> services, RequestAuthenticator authenticator,
                   SlidingWindowRateLimiter rateLimiter, FaultInjector faults, CallLog callLog,
                   Consumer<CallRecord> callListener, Clock clock) {
        this.services = services;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.callLog = callLog;
        this.callListener = callListener;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            long receivedNanos = System.nanoTime();
            Instant receivedAt = clock.instant();
            String requestId = UUID.randomUUID().toString();
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            String action = headerOrEmpty(exchange, "X-TC-Action");
            JsonNode params = parse(body);
            Verdict verdict = decide(exchange, action, body, params, receivedNanos);
            CallParameters named = CallParameters.of(params);
            CallRecord record = new CallRecord(verdict.arrivalNanos(), receivedAt, action, named.zoneId(),
                    named.hosts(), named.mode(), named.certIds(), verdict.admitted(), verdict.outcome(), requestId,
                    exchange.getRequestHeaders().getFirst("X-TC-Token"));
            callLog.add(record);
            callListener.accept(record);
            respond(exchange, verdict, requestId);
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator bug while serving a request", e);
        } finally {
            exchange.close();
        }
    }

    private Verdict decide(HttpExchange exchange, String action, byte[] body, JsonNode params, long receivedNanos) {
        ApiAction apiAction;
        long admittedNanos;
        try {
            apiAction = admissible(exchange, action, body);
            OptionalLong admission = rateLimiter.tryAdmit(action, receivedNanos);
            if (admission.isEmpty()) {
                throw new ApiException(ErrorCodes.RATE_LIMIT_EXCEEDED, "the request rate of " + action
                        + " exceeds " + rateLimiter.limit(action) + " per second");
            }
            admittedNanos = admission.getAsLong();
        } catch (ApiException refused) {
            return new Verdict(receivedNanos, false, refused.code(), error(refused), Disruption.NONE);
        }
        Disruption disruption = faults.drawDisruption();
        if (disruption instanceof Disruption.TransientError transientError) {
            ApiException error = new ApiException(transientError.code(), "an internal error occurred, try again later");
            return new Verdict(admittedNanos, true, error.code(), error(error), Disruption.NONE);
        }
        if (disruption != Disruption.NONE) {
            return new Verdict(admittedNanos, true, outcomeOf(disruption), null, disruption);
        }
        try {
            if (params == null || !params.isObject()) {
                throw Params.invalid("the request body is not a JSON object");
            }
            ObjectNode response = JSON.createObjectNode();
            apiAction.execute(params, response);
            return new Verdict(admittedNanos, true, CallRecord.OK, response, Disruption.NONE);
        } catch (ApiException refused) {
            return new Verdict(admittedNanos, true, refused.code(), error(refused), Disruption.NONE);
        }
    }

    private ApiAction admissible(HttpExchange exchange, String action, byte[] body) {
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod()) || !(path == null || path.isEmpty() || path.equals("/"))) {
            throw Params.invalid("the API is served by POST / only, not " + exchange.getRequestMethod() + " " + path);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw Params.invalid("the request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        if (action.isEmpty()) {
            throw Params.missing("X-TC-Action");
        }
        String version = headerOrEmpty(exchange, "X-TC-Version");
        if (version.isEmpty()) {
            throw Params.missing("X-TC-Version");
        }
        SimulatedService service = services.get(SimulatedService.nameFor(exchange.getRequestHeaders().getFirst("Host")));
        authenticator.authenticate(exchange.getRequestHeaders(), body, service.name());
        if (!service.version().equals(version)) {
            throw new ApiException(ErrorCodes.NO_SUCH_VERSION, "the API version " + version + " does not exist");
        }
        ApiAction apiAction = service.actions().get(action);
        if (apiAction == null) {
            throw new ApiException(ErrorCodes.INVALID_ACTION, "the action " + action + " is not found");
        }
        return apiAction;
    }

    private void respond(HttpExchange exchange, Verdict verdict, String requestId)
            throws IOException, InterruptedException {
        if (verdict.disruption() instanceof Disruption.Hang) {
            Thread.sleep(faults.faults().hangTime().toMillis());
            return;
        }
        Duration latency = faults.drawLatency();
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis());
        }
        if (verdict.disruption() instanceof Disruption.BadGateway) {
            send(exchange, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (verdict.disruption() instanceof Disruption.Drop) {
            sendTruncated(exchange, requestId);
            return;
        }
        if (verdict.disruption() instanceof Disruption.Garbage garbage) {
            sendBadBody(exchange, garbage.kind(), requestId);
            return;
        }
        verdict.response().put("RequestId", requestId);
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("Response", verdict.response());
        exchange.getResponseHeaders().set("X-TC-RequestId", requestId);
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(envelope));
    }

    /** Promises a whole answer, sends half of it, and lets {@link HttpExchange#close()} cut the connection. */
    private static void sendTruncated(HttpExchange exchange, String requestId) throws IOException {
        byte[] whole = ("{\"Response\":{\"RequestId\":\"" + requestId + "\"}}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(200, whole.length);
        OutputStream out = exchange.getResponseBody();
        out.write(whole, 0, whole.length / 2);
        out.flush();
    }

    private static void sendBadBody(HttpExchange exchange, BadBody kind, String requestId) throws IOException {
        switch (kind) {
            case NOT_JSON -> send(exchange, 200, "text/html",
                    "<html><body>Service maintenance</body></html>".getBytes(StandardCharsets.UTF_8));
            case EMPTY -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, -1);
            }
            case UNEXPECTED_SHAPE -> send(exchange, 200, "application/json",
                    ("{\"Result\":[\"done\"],\"RequestId\":\"" + requestId + "\"}").getBytes(StandardCharsets.UTF_8));
            case HUGE -> sendHuge(exchange, requestId);
        }
    }

    /** A valid answer padded to {@link BadBody#HUGE_BYTES}, streamed in pieces. */
    private static void sendHuge(HttpExchange exchange, String requestId) throws IOException {
        byte[] head = ("{\"Response\":{\"RequestId\":\"" + requestId + "\",\"Padding\":\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] padding = new byte[64 * 1024];
        Arrays.fill(padding, (byte) 'x');
        int pieces = (BadBody.HUGE_BYTES - head.length - tail.length) / padding.length;
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, head.length + (long) pieces * padding.length + tail.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(head);
            for (int i = 0; i < pieces; i++) {
                out.write(padding);
            }
            out.write(tail);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static ObjectNode error(ApiException e) {
        ObjectNode response = JSON.createObjectNode();
        response.putObject("Error").put("Code", e.code()).put("Message", e.getMessage());
        return response;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String headerOrEmpty(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value.trim();
    }

    private static String outcomeOf(Disruption disruption) {
        if (disruption instanceof Disruption.Hang) {
            return CallRecord.HUNG;
        }
        if (disruption instanceof Disruption.Garbage) {
            return CallRecord.BAD_BODY;
        }
        return disruption instanceof Disruption.Drop ? CallRecord.DROPPED : CallRecord.HTTP_502;
    }
}
