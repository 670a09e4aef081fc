package io.certrotator.cli;

import io.certrotator.job.Causes;

/**
 * The JVM ran out of memory, wherever: one line that says so and how to give it more. The run stops like any other
 * (exit 1) and the same command resumes it.
 */
final class OutOfMemory {

    private OutOfMemory() {
    }

    static boolean causedBy(Throwable failure) {
        return Causes.first(failure, OutOfMemoryError.class::isInstance) != null;
    }

    /** Suggests twice the heap the JVM may grow to now, in whole gigabytes. */
    static String advice() {
        long gigabytes = Math.max(1, (2 * Runtime.getRuntime().maxMemory() + (1L << 30) - 1) >> 30);
        return "the JVM ran out of memory (its heap may grow to " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB): give it more, e.g. JAVA_OPTS=-Xmx" + gigabytes + "g jobs/rotate.sh ..., or java -Xmx"
                + gigabytes + "g -jar cert-rotator.jar ...";
    }
}
