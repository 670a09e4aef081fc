package io.certrotator.cli;

/** How progress is shown while rotating: {@code --progress=bar|log|off}, by default picked from the output. */
enum ProgressMode {
    /** A live bar, redrawn in place: for a person at a terminal. */
    BAR,
    /** A plain log line every {@code cert-rotator.progress-interval}: for cron, systemd, Kubernetes. */
    LOG,
    OFF;

    static ProgressMode forThisOutput() {
        return System.console() != null ? BAR : LOG;
    }
}
