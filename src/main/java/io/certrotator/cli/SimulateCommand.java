package io.certrotator.cli;

import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.EdgeOneState;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code simulate}: runs the EdgeOne simulator on 127.0.0.1 until SIGTERM/SIGINT. It accepts exactly the credentials
 * in {@code TENCENTCLOUD_SECRET_ID} / {@code TENCENTCLOUD_SECRET_KEY} (and {@code TENCENTCLOUD_SESSION_TOKEN} if set).
 * Exit codes: 2 for bad options or missing credentials, 1 if it cannot listen, 0 after a clean stop.
 */
public final class SimulateCommand {
    private SimulateCommand() {
    }

    /** Serves until the JVM is asked to stop; {@code args} are those after the word {@code simulate}. */
    public static int run(String[] args) {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Thread hook = new Thread(() -> {
            stop.complete(null);
            stopped.join();
        }, "simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(args, System.getenv(), System.out, System.err, stop);
        } finally {
            stopped.complete(null);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running: nothing to remove
            }
        }
    }

    /** Serves until {@code stop} completes; for embedding and tests. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                          CompletableFuture<?> stop) {
        if (Arrays.asList(args).contains("--help")) {
            out.print(SimulateOptions.HELP);
            return 0;
        }
        SimulateOptions options;
        try {
            options = SimulateOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            err.println(SimulateOptions.USAGE);
            return 2;
        }
        String secretId = env.getOrDefault("TENCENTCLOUD_SECRET_ID", "");
        String secretKey = env.getOrDefault("TENCENTCLOUD_SECRET_KEY", "");
        if (secretId.isBlank() || secretKey.isBlank()) {
            err.println("simulate: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY to the credentials the "
                    + "simulator should accept");
            return 2;
        }
        String token = env.get("TENCENTCLOUD_SESSION_TOKEN");
        EdgeOneSimulator.Builder builder = options.configure(EdgeOneSimulator.builder()
                .credentials(secretId, secretKey, token == null || token.isBlank() ? null : token));
        if (options.logCalls()) {
            builder.onCall(call -> out.println(describe(call)));
        }
        EdgeOneSimulator simulator;
        try {
            simulator = builder.build();
        } catch (UncheckedIOException e) {
            err.println("simulate: " + e.getMessage());
            return 2;
        }
        try (simulator) {
            simulator.start();
            if (options.portFile() != null) {
                writeAtomically(options.portFile(), Integer.toString(simulator.port()));
            }
            EdgeOneState state = simulator.state();
            out.printf("EdgeOne simulator listening on %s (%d zones, %d hosts, %d certificates)%n", simulator.address(),
                    state.zoneCount(), state.hostCount(), state.certificateCount());
            out.flush();
            stop.join();
            simulator.callLog().actions().forEach(action -> out.println(simulator.callLog().summary(action, simulator.rateLimit()).line()));
            out.flush();
            return 0;
        } catch (UncheckedIOException e) {
            err.println("simulate: " + e.getMessage());
            return 1;
        }
    }

    private static void writeAtomically(Path target, String content) {
        try {
            Path absolute = target.toAbsolutePath();
            Path temp = Files.createTempFile(absolute.getParent(), ".port", ".tmp");
            Files.writeString(temp, content);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the port file " + target + ": " + e.getMessage(), e);
        }
    }

    private static String describe(CallRecord call) {
        return String.format("%s %s zone=%s hosts=%s mode=%s certs=%s -> %s %s", call.arrivedAt(), call.action(),
                call.zoneId(), call.hosts(), call.mode(), call.certIds(), call.outcome(), call.requestId());
    }
}
