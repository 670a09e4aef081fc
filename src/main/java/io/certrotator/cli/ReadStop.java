package io.certrotator.cli;

import java.util.concurrent.CompletableFuture;

/**
 * How a command that only reads (inventory, plan) is stopped by SIGTERM or Ctrl-C ({@link GracefulShutdown}): nothing
 * was changed and nothing is half-written, so the read is abandoned at once and the command ends with exit 1.
 */
final class ReadStop {

    private final CompletableFuture<String> stopped = new CompletableFuture<>();

    void stop(String reason) {
        stopped.complete(reason);
    }

    /** Completes with the reason when a stop is asked. */
    CompletableFuture<String> stopped() {
        return stopped;
    }
}
