package io.certrotator.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Hand-made requests (origin-form, to 127.0.0.1:port) for what the SDK cannot send: old timestamps, bad headers. */
final class RawApiClient {
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    RawApiClient(int port) {
        this.port = port;
    }

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String errorCode() {
            return json().path("Response").path("Error").path("Code").asString(CallRecord.OK);
        }
    }

    /** Signed with the test credentials at the given time. */
    Answer signed(String action, String version, String body, Instant at) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = at.getEpochSecond();
        String authorization = Tc3Signer.authorization(SimulatorExtension.SECRET_ID, SimulatorExtension.SECRET_KEY,
                "teo", timestamp, CONTENT_TYPE, "127.0.0.1:" + port, bytes);
        return send(request(bytes)
                .header("X-TC-Action", action)
                .header("X-TC-Version", version)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("Authorization", authorization));
    }

    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    HttpRequest.Builder request(byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}
